import type { Page } from '@playwright/test';
import {
  acceptReplace,
  argumentHandle,
  callNode,
  callNodes,
  canvas,
  conversation,
  dragFromTo,
  dropTool,
  fieldHandle,
  fitView,
  openFile,
  saveStatus,
  selectCall,
  sideTab,
  turnsList,
} from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * The room-booking workflow built by hand from an empty project: tools dragged onto the
 * canvas, handles connected with the mouse, arguments set in the inspector. The file in
 * e2e/fixtures holds the four tools and one chain with its requests and slots, no calls.
 */

const edgeInto = (page: Page, callId: string, arg: string) => canvas(page).getByRole('group', { name: new RegExp(`^${callId}\\.${arg} ← `) });

const TOOLS_FIXTURE = 'e2e/fixtures/room-booking-tools.chain.json';

async function setSlotArgument(page: Page, callId: string, arg: string, slot: string) {
  await selectCall(page, callId);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: `Call ${callId}` })).toBeVisible();
  await inspector.getByRole('combobox', { name: `Kind of ${arg}` }).selectOption('slot');
  await inspector.getByRole('combobox', { name: `Slot for ${arg}` }).selectOption(slot);
  await expect(inspector.getByRole('combobox', { name: `Kind of ${arg}` })).toHaveValue('slot');
}

/** New project, open the tools, drop the four tools, wire them, fill the slot arguments. */
async function buildRoomBooking(page: Page) {
  await page.getByRole('button', { name: 'New project' }).click();
  await acceptReplace(page);
  await expect(page.getByRole('banner')).toContainText('Untitled project');
  await expect(callNodes(page)).toHaveCount(0);

  await openFile(page, TOOLS_FIXTURE);
  await expect(page.getByRole('banner')).toContainText('Room booking tools');
  await expect(page.getByRole('list', { name: 'Tool library' }).getByRole('listitem')).toHaveCount(4);

  await dropTool(page, 'find_available_rooms', 40, 40);
  await dropTool(page, 'get_team_members', 40, 330);
  await dropTool(page, 'book_room', 330, 40);
  await dropTool(page, 'send_invites', 330, 330);
  await expect(callNodes(page)).toHaveCount(4);
  for (const id of ['rooms', 'members', 'room', 'invites']) await expect(callNode(page, id)).toBeVisible();

  // Without edges every call is in turn 1: auto layout stacks them in one column, in the middle of the view.
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await fitView(page);

  await dragFromTo(page, fieldHandle(page, 'rooms', 'rooms[].room_id'), argumentHandle(page, 'room', 'room_id'));
  await expect(canvas(page).getByText('rooms.rooms[0].room_id', { exact: true })).toBeVisible();
  // Each connection moves the call that now waits into its turn's column: fit the view again.
  await fitView(page);
  await dragFromTo(page, fieldHandle(page, 'room', 'booking_id'), argumentHandle(page, 'invites', 'booking_id'));
  await expect(canvas(page).getByText('room.booking_id', { exact: true })).toBeVisible();
  await fitView(page);
  // A list field into a list argument writes [*]: every member's email.
  await dragFromTo(page, fieldHandle(page, 'members', 'members[].email'), argumentHandle(page, 'invites', 'attendees'));
  await expect(canvas(page).getByText('members.members[*].email', { exact: true })).toBeVisible();

  await setSlotArgument(page, 'rooms', 'date', 'date');
  await setSlotArgument(page, 'members', 'team', 'team_name');
  await setSlotArgument(page, 'room', 'date', 'date');
  await setSlotArgument(page, 'room', 'start_time', 'time');

  await page.getByRole('button', { name: 'Auto layout' }).click();
  await fitView(page);
}

async function expectRoomBookingTurns(page: Page) {
  const c = canvas(page);
  await expect(c.getByText('Turn 1 · 2 calls in parallel', { exact: true })).toBeVisible();
  await expect(c.getByText('Turn 2 · 1 call', { exact: true })).toBeVisible();
  await expect(c.getByText('Turn 3 · 1 call', { exact: true })).toBeVisible();
  await expect(c.getByText(/^Turn 4/)).toHaveCount(0);

  await sideTab(page, 'Why this order').click();
  const turns = turnsList(page);
  await expect(turns.getByRole('listitem', { name: /^Turn \d/ })).toHaveCount(3);
  const first = turns.getByRole('listitem', { name: /^Turn 1 · 2 calls in parallel/ });
  await expect(first.getByRole('listitem', { name: /^rooms: find_available_rooms/ })).toBeVisible();
  await expect(first.getByRole('listitem', { name: /^members: get_team_members/ })).toBeVisible();
  await expect(turns.getByRole('listitem', { name: /^Turn 2 · 1 call/ }).getByRole('listitem', { name: /^room: book_room/ })).toContainText('waits for rooms');
  const third = turns.getByRole('listitem', { name: /^Turn 3 · 1 call/ }).getByRole('listitem', { name: /^invites: send_invites/ });
  await expect(third).toContainText('waits for room');
  await expect(third).toContainText('waits for members');
}

test.describe('building the room-booking workflow by hand', () => {
  // Four drops, three drags with a fit of the view before each, four argument edits: over 30 s on a busy machine.
  test.describe.configure({ timeout: 60_000 });
  test.use({ designer: 'example' });

  test('drag tools, connect handles: three turns, and the first assistant turn holds two calls', async ({ page }) => {
    await buildRoomBooking(page);
    await expectRoomBookingTurns(page);

    await sideTab(page, 'Problems').click();
    await expect(page.getByRole('region', { name: 'Problems' }).getByText(/^Error$/)).toHaveCount(0);

    await sideTab(page, 'Preview').click();
    const assistantTurns = conversation(page).getByRole('listitem', { name: /^Assistant · \d+ tool calls?/ });
    await expect(assistantTurns).toHaveCount(3);
    await expect(assistantTurns.first()).toHaveAccessibleName(/2 tool calls in parallel/);
    await expect(assistantTurns.first().getByRole('listitem', { name: /^Tool call / })).toHaveCount(2);
    await expect(assistantTurns.first().getByRole('listitem', { name: 'Tool call find_available_rooms' })).toBeVisible();
    await expect(assistantTurns.first().getByRole('listitem', { name: 'Tool call get_team_members' })).toBeVisible();
    await page.screenshot({ path: '/tmp/designer-built.png' });
  });

  test('undo and redo, with the buttons and with the keyboard', async ({ page }) => {
    await buildRoomBooking(page);
    await expectRoomBookingTurns(page);
    const undo = page.getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('button', { name: 'Redo' });

    // Undo the four argument edits (the final auto layout changed nothing: no call was placed by
    // hand, so every call already follows the layout), then the last connection.
    await expect(redo).toBeDisabled();
    for (let i = 0; i < 4; i += 1) await undo.click();
    await expect(canvas(page).getByText('members.members[*].email', { exact: true })).toBeVisible();
    await undo.click();
    await expect(canvas(page).getByText('members.members[*].email', { exact: true })).toHaveCount(0);
    await expect(edgeInto(page, 'invites', 'attendees')).toHaveCount(0);

    await redo.click();
    await expect(canvas(page).getByText('members.members[*].email', { exact: true })).toBeVisible();
    await expect(edgeInto(page, 'invites', 'attendees')).toHaveCount(1);

    // Keyboard: Ctrl+Z undoes, Shift+Ctrl+Z redoes (focus on the canvas, not in a field).
    await canvas(page)
      .locator('.react-flow__pane')
      .click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await expect(canvas(page).getByText('members.members[*].email', { exact: true })).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(canvas(page).getByText('members.members[*].email', { exact: true })).toBeVisible();
  });

  test('a reload keeps the work and the view', async ({ page }) => {
    await buildRoomBooking(page);
    await expect(saveStatus(page)).toHaveText('Saved');
    const before = await callNode(page, 'room').boundingBox();
    await page.reload();
    await expect(callNodes(page)).toHaveCount(4);
    await expect(page.getByRole('banner')).toContainText('Room booking tools');
    await expectRoomBookingTurns(page);
    const after = await callNode(page, 'room').boundingBox();
    expect(after).not.toBeNull();
    expect(Math.abs(after!.x - before!.x)).toBeLessThan(2);
    expect(Math.abs(after!.y - before!.y)).toBeLessThan(2);
    expect(Math.abs(after!.width - before!.width)).toBeLessThan(2);
  });
});
