import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { callNode, callNodes, canvas, conversation, edge, openDesigner, selectCall, sideTab } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * The call inspector's per-step requests (multi-turn chains) and its searchable reference
 * picker, on the room-booking example. `SCREENSHOTS=1` also saves pictures of both to tmp/.
 */

const EXAMPLE_URL = '**/examples/room-booking.chain.json';
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const stepStatus = (page: Page) => inspector(page).locator('.step-requests').getByRole('status');
const shoot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `tmp/${name}.png` });
};

test.describe('the call inspector', () => {
  test.describe('on the room-booking example', () => {
    test.use({ designer: 'tidy' });

    test('a request on every call makes the chain multi-turn: the preview shows a user turn before each call', async ({ page }) => {
      const steps = [
        { id: 'rooms', text: 'First, which rooms are free?' },
        { id: 'team', text: 'Who is in the team?' },
        { id: 'book', text: 'Book ' },
        { id: 'invite', text: 'Now invite everyone.' },
      ];
      for (const [i, step] of steps.entries()) {
        await selectCall(page, step.id);
        await expect(inspector(page).getByRole('heading', { name: `Call ${step.id}` })).toBeVisible();
        await inspector(page).getByRole('button', { name: 'Add step request' }).click();
        const field = inspector(page).getByRole('textbox', { name: 'Step request 1' });
        // The new request's starter text is selected: typing replaces it.
        await expect(field).toBeFocused();
        await page.keyboard.type(step.text);
        if (step.id === 'book') {
          // Only the calls book waits for are offered: rooms, not team (it runs beside book).
          const chips = inspector(page).getByRole('group', { name: 'Insert into Step request 1' });
          await expect(chips.getByRole('button', { name: '{team_name}' })).toBeVisible();
          await expect(chips.getByRole('button', { name: /^\{team\./ })).toHaveCount(0);
          await chips.getByRole('button', { name: '{rooms.rooms[0].name}' }).click();
          await expect(field).toHaveValue('Book {rooms.rooms[0].name}');
        }
        await field.blur();
        if (i < steps.length - 1) {
          await expect(stepStatus(page)).toContainText(`${i + 1} of 4 calls have requests: per-step requests are used only when every call has them`);
          await expect(stepStatus(page)).toContainText(steps[i + 1].id);
          if (i === 1) await shoot(page, 'inspector-step-requests-partial');
        }
      }
      await expect(stepStatus(page)).toContainText('Multi-turn: all 4 calls have requests');
      await shoot(page, 'inspector-step-requests');

      await sideTab(page, 'Preview').click();
      const items = conversation(page).locator(':scope > li');
      await expect(items.last()).toHaveAttribute('aria-label', 'Assistant reply');
      const labels = (await items.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).filter((l) => l !== 'System message');
      const assistant = 'Assistant · 1 tool call';
      expect(labels).toEqual([
        ...['rooms', 'team', 'book', 'invite'].flatMap((_, k) => [
          'User message',
          assistant,
          `Tool result of ${['find_available_rooms', 'get_team_members', 'book_room', 'send_invites'][k]}`,
        ]),
        'Assistant reply',
      ]);
      const users = conversation(page).getByRole('listitem', { name: 'User message' });
      await expect(users.nth(0)).toContainText(steps[0].text);
      await expect(users.nth(1)).toHaveText(/Who is in the team\?$/);
      // The book step's request reads the rooms result: a room name, not the template.
      await expect(users.nth(2)).toHaveText(/^UserBook \S/);
      await expect(users.nth(2)).not.toContainText('{');
      await expect(users.nth(3)).toContainText(steps[3].text);
      await shoot(page, 'preview-multi-turn');

      // Each edit is one undo step: the typed text, then the added request.
      await sideTab(page, 'Inspector').click();
      const undo = page.getByRole('button', { name: 'Undo' });
      await undo.click();
      await expect(inspector(page).getByRole('textbox', { name: 'Step request 1' })).toHaveValue('Now send invites.');
      await expect(stepStatus(page)).toContainText('Multi-turn');
      await undo.click();
      await expect(inspector(page).getByRole('textbox', { name: 'Step request 1' })).toHaveCount(0);
      await expect(stepStatus(page)).toContainText('3 of 4 calls have requests');

      // Removing the last request of a call removes the key: single-turn again, nothing to show.
      await selectCall(page, 'rooms');
      await inspector(page).getByRole('button', { name: 'Remove step request 1' }).click();
      await expect(stepStatus(page)).toContainText('2 of 4 calls have requests');
      await sideTab(page, 'Preview').click();
      await expect(conversation(page).getByRole('listitem', { name: 'User message' })).toHaveCount(1);
      await expect(conversation(page).getByRole('listitem', { name: /^Assistant · 2 tool calls in parallel/ })).toHaveCount(1);
    });

    test('a reference is picked through the combobox by typing and the keyboard alone; the edge is drawn', async ({ page }) => {
      await selectCall(page, 'invite');
      const kind = inspector(page).getByRole('combobox', { name: 'Kind of message' });
      await kind.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await expect(kind).toHaveValue('reference');

      await page.keyboard.press('Tab');
      const picker = inspector(page).getByRole('combobox', { name: 'Reference for message' });
      await expect(picker).toBeFocused();
      await expect(picker).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.type('nam');
      await expect(picker).toHaveAttribute('aria-expanded', 'true');
      const list = inspector(page).getByRole('listbox', { name: 'Result fields for message' });
      await expect(picker).toHaveAttribute('aria-controls', (await list.getAttribute('id'))!);
      const options = list.getByRole('option');
      await expect(options).toHaveCount(2);
      await expect(list.getByRole('group', { name: /^rooms/ }).getByRole('option')).toHaveText(['{rooms.rooms[0].name} string']);
      await expect(list.getByRole('group', { name: /^team/ }).getByRole('option')).toHaveText(['{team.members[0].name} string']);
      await shoot(page, 'inspector-reference-combobox');

      const active = async () => page.locator(`[id="${await picker.getAttribute('aria-activedescendant')}"]`);
      await expect(await active()).toContainText('{rooms.rooms[0].name}');
      await page.keyboard.press('ArrowDown');
      await expect(await active()).toContainText('{team.members[0].name}');
      await expect(await active()).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('ArrowUp');
      await expect(await active()).toContainText('{rooms.rooms[0].name}');

      const edges = canvas(page).locator('.react-flow__edge');
      const before = await edges.count();
      await page.keyboard.press('Enter');
      await expect(picker).toHaveAttribute('aria-expanded', 'false');
      await expect(picker).toHaveValue('{rooms.rooms[0].name}');
      await expect(edge(page, 'invite.message ← {rooms.rooms[0].name}')).toHaveCount(1);
      await expect(edges).toHaveCount(before + 1);

      // The picked text is selected: typing searches afresh. Escape closes the list and restores the value.
      await page.keyboard.type('members');
      await expect(picker).toHaveValue('members');
      await expect(list.getByRole('option').first()).toContainText('{team.members');
      await page.keyboard.press('Escape');
      await expect(picker).toHaveAttribute('aria-expanded', 'false');
      await expect(picker).toHaveValue('{rooms.rooms[0].name}');
      await expect(edge(page, 'invite.message ← {rooms.rooms[0].name}')).toHaveCount(1);

      // Picking was one undo step.
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(edge(page, 'invite.message ← {rooms.rooms[0].name}')).toHaveCount(0);
      await expect(edges).toHaveCount(before);
    });
  });

  test('the reference picker stays usable with thousands of result fields', async ({ page }) => {
    await page.route(EXAMPLE_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(wideProject()) }));
    await openDesigner(page);
    await expect(callNodes(page)).toHaveCount(16);
    // Sixteen tall nodes in one column: select sink from the keyboard.
    await callNode(page, 'sink').focus();
    await page.keyboard.press('Enter');
    await expect(inspector(page).getByRole('heading', { name: 'Call sink' })).toBeVisible();
    await inspector(page).getByRole('combobox', { name: 'Kind of value' }).selectOption('reference');
    const picker = inspector(page).getByRole('combobox', { name: 'Reference for value' });
    await picker.focus();
    await page.keyboard.press('Alt+ArrowDown');
    const list = inspector(page).getByRole('listbox', { name: 'Result fields for value' });
    await expect(list.getByRole('option')).toHaveCount(200);
    await expect(inspector(page)).toContainText('2800 more, type to narrow (3000 matches).');
    await shoot(page, 'inspector-reference-combobox-3000');

    await page.keyboard.type('c7 f12');
    // f12 and f120…f129 of c7.
    await expect(list.getByRole('option')).toHaveCount(11);
    await expect(list.getByRole('option').first()).toHaveText(/^\{c7\.f12\} string/);
    await expect(inspector(page)).toContainText('11 fields match “c7 f12”.');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('{c7.f129}');
    await expect(edge(page, 'sink.value ← {c7.f129}')).toHaveCount(1);
  });
});

/** Fifteen calls of a tool with 199 result fields, all upstream of one more call: 3000 fields to pick from. */
function wideProject() {
  const doc = JSON.parse(readFileSync('public/examples/room-booking.chain.json', 'utf8')) as Record<string, unknown>;
  const properties = Object.fromEntries(Array.from({ length: 199 }, (_, i) => [`f${i}`, { type: 'string' }]));
  return {
    format: doc.format,
    version: doc.version,
    name: 'Wide results',
    tools: [
      { type: 'function', function: { name: 'wide', parameters: { type: 'object', properties: {} } }, returns: { type: 'object', properties } },
      { type: 'function', function: { name: 'sink', parameters: { type: 'object', properties: { value: { type: 'string' } } } } },
    ],
    chains: [
      {
        id: 'wide',
        requests: ['Go.'],
        calls: [...Array.from({ length: 15 }, (_, i) => ({ id: `c${i}`, tool: 'wide' })), { id: 'sink', tool: 'sink' }],
      },
    ],
  };
}
