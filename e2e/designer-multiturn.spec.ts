import type { Locator, Page } from '@playwright/test';
import { callNode, canvas, fitView, selectCall, sideTab, turnsList } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * A multi-turn chain on the canvas (one band, one column per call, in turn order), and the
 * template field's full insertion list ("+N more"). Screenshots go to tmp/ (1280×800).
 */

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const bands = (page: Page) => canvas(page).getByRole('group', { name: /^Turn \d+ · / });

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, 'drawn on screen').not.toBeNull();
  return box!;
}

const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Four bands "Turn 1 · 1 call" … "Turn 4 · 1 call", left to right, none overlapping another, each around its call. */
async function expectFourTurnsApart(page: Page, order: readonly string[]): Promise<void> {
  await expect(bands(page)).toHaveCount(4);
  const titles = await bands(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  expect(titles).toEqual(['Turn 1 · 1 call', 'Turn 2 · 1 call', 'Turn 3 · 1 call', 'Turn 4 · 1 call']);
  const boxes: Box[] = [];
  for (const [i, title] of titles.entries()) {
    const band = canvas(page).getByRole('group', { name: title!, exact: true });
    await expect(band).toBeVisible();
    await expect(band).toHaveText(title!);
    boxes.push(await boxOf(band));
    expect(inside(await boxOf(callNode(page, order[i])), boxes[i]), `${order[i]} inside "${title}"`).toBe(true);
  }
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) expect(apart(boxes[i], boxes[j]), `"${titles[i]}" and "${titles[j]}" do not overlap`).toBe(true);
    if (i > 0) expect(boxes[i].x).toBeGreaterThan(boxes[i - 1].x + boxes[i - 1].width - 1);
  }
}

test.describe('a multi-turn chain and the insertion list', () => {
  test.use({ designer: 'example' });

  test('a request on every call draws one band per call, in turn order, apart, also after Auto layout', async ({ page }) => {
    // Single-turn: rooms and team share the first band.
    await expect(bands(page)).toHaveCount(3);
    await expect(canvas(page).getByRole('group', { name: 'Turn 1 · 2 calls in parallel', exact: true })).toBeVisible();

    for (const id of ['rooms', 'team', 'book', 'invite']) {
      await selectCall(page, id);
      await expect(inspector(page).getByRole('heading', { name: `Call ${id}` })).toBeVisible();
      if (id === 'rooms') await page.screenshot({ path: 'tmp/inspector-arguments.png' });
      await inspector(page).getByRole('button', { name: 'Add step request' }).click();
      const field = inspector(page).getByRole('textbox', { name: 'Step request 1' });
      await expect(field).toBeFocused();
      await page.keyboard.type(`Step for ${id}.`);
      await field.blur();
    }
    await expect(inspector(page).locator('.step-requests').getByRole('status')).toContainText('Multi-turn: all 4 calls have requests');

    const order = ['rooms', 'team', 'book', 'invite'];
    await fitView(page);
    await expectFourTurnsApart(page, order);
    await page.screenshot({ path: 'tmp/designer-multi-turn.png' });

    await page.getByRole('button', { name: 'Auto layout' }).click();
    await fitView(page);
    await expectFourTurnsApart(page, order);

    // "Why this order" says why rooms and team, which could run together, are turns of their own.
    await sideTab(page, 'Why this order').click();
    await expect(turnsList(page).getByRole('listitem', { name: /^Turn \d+ · 1 call$/ })).toHaveCount(4);
    await expect(
      page.getByText(/rooms and team could run in parallel \(neither needs the other’s result\), but each waits for its own user turn/),
    ).toBeVisible();
    await page.screenshot({ path: 'tmp/why-multi-turn.png' });

    // Undoing the last request: single-turn again, the first band holds both calls.
    await page.getByRole('button', { name: 'Undo' }).click(); // the auto layout
    await page.getByRole('button', { name: 'Undo' }).click(); // the typed text
    await page.getByRole('button', { name: 'Undo' }).click(); // the added request
    await fitView(page);
    await expect(bands(page)).toHaveCount(3);
    await expect(canvas(page).getByRole('group', { name: 'Turn 1 · 2 calls in parallel', exact: true })).toBeVisible();
  });

  test('positions saved by level, then multi-turn: the canvas says which turns overlap and lays them out by turn on request', async ({ page }) => {
    // The user places rooms and team (one level, one column) by dragging each a little: their positions are saved.
    await fitView(page);
    for (const id of ['rooms', 'team']) {
      const head = (await callNode(page, id).locator('.call-card-head').boundingBox())!;
      await page.mouse.move(head.x + 30, head.y + 10);
      await page.mouse.down();
      await page.mouse.move(head.x + 30, head.y + 16, { steps: 4 });
      await page.mouse.up();
    }
    const note = page.getByRole('status').filter({ hasText: 'overlap' });
    await expect(note).toHaveCount(0);
    for (const id of ['rooms', 'team', 'book', 'invite']) {
      await selectCall(page, id);
      await inspector(page).getByRole('button', { name: 'Add step request' }).click();
      await page.keyboard.type(`Step for ${id}.`);
      await inspector(page).getByRole('textbox', { name: 'Step request 1' }).blur();
    }
    // rooms and team were one level, so their turns share a column.
    await expect(note).toContainText('Turn 1 and Turn 2 overlap: the saved positions put them in one column.');
    await page.screenshot({ path: 'tmp/designer-overlap-note.png' });
    await note.getByRole('button', { name: 'Lay out by turn' }).click();
    await expect(note).toHaveCount(0);
    await fitView(page);
    await expectFourTurnsApart(page, ['rooms', 'team', 'book', 'invite']);
    // One undo step: the overlap is back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(note).toContainText('Turn 1 and Turn 2 overlap');
  });

  test('"+N more" opens every insertion of a template, searchable and keyboard-operable; a choice goes in at the caret', async ({ page }) => {
    const reply = inspector(page).getByRole('textbox', { name: 'Reply template' });
    const chips = inspector(page).getByRole('group', { name: 'Insert into Reply template' });
    await reply.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Sent at ');

    // 24 chips, then the button for the rest.
    const more = chips.getByRole('button', { name: /^\+\d+ more to insert into Reply template$/ });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const hidden = Number((await more.textContent())!.match(/\+(\d+)/)![1]);
    await expect(chips.getByRole('button')).toHaveCount(24 + 1);
    await expect(chips.getByRole('button', { name: '{invite.sent_at}' })).toHaveCount(0);

    // Keyboard: the button opens the list, focus goes to its search box; typing narrows, Enter inserts.
    await more.focus();
    await page.keyboard.press('Enter');
    const search = inspector(page).getByRole('combobox', { name: 'Search insertions for Reply template' });
    const list = inspector(page).getByRole('listbox', { name: 'Insertions for Reply template' });
    await expect(search).toBeFocused();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(search).toHaveAttribute('aria-controls', (await list.getAttribute('id'))!);
    await expect(list.getByRole('option')).toHaveCount(24 + hidden);
    await expect(list.getByRole('group', { name: 'Slots' }).getByRole('option')).toHaveText(['{date}', '{time}', '{team_name}']);
    await expect(
      list
        .getByRole('group', { name: /^invite send_invites/ })
        .getByRole('option')
        .last(),
    ).toHaveText('{invite.sent_at}');
    await page.keyboard.type('sent');
    await expect(list.getByRole('option')).toHaveText(['{invite.sent_at}']);
    await page.screenshot({ path: 'tmp/inspector-insertion-list.png' });
    await page.keyboard.press('Enter');
    await expect(list).toHaveCount(0);
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(reply).toHaveValue('Sent at {invite.sent_at}');
    await expect(reply).toBeFocused();

    // Escape closes the list and gives focus back to the button; nothing is inserted.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(search).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(more).toBeFocused();
    await expect(reply).toHaveValue('Sent at {invite.sent_at}');

    // Mouse: with the caret at the start, a clicked option goes in there.
    await reply.focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await more.click();
    await expect(search).toBeFocused();
    await search.fill('calendar');
    await list.getByRole('option', { name: '{book.calendar_url}' }).click();
    await expect(reply).toHaveValue('{book.calendar_url}Sent at {invite.sent_at}');

    // Each insertion is a step of the project's history.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(reply).toHaveValue('Sent at {invite.sent_at}');
  });
});
