import type { Page } from '@playwright/test';
import { acceptReplace, conversation, sideTab } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * Understanding a chain that reads its results: "Why this order" says why the reminders run
 * together and what the filter removes; the preview marks what varies, "Another example"
 * walks through the variants, and the branch control finds an example with no reminder and
 * one with several, and one of each side of a condition.
 */

const indexOf = (page: Page) => page.getByRole('status', { name: 'Example index' });
const varies = (page: Page) => page.getByRole('list', { name: 'What varies' });
const branch = (page: Page) => page.getByLabel('Show an example where');
const reminderCalls = (page: Page) => conversation(page).getByRole('listitem', { name: 'Tool call create_reminder' });

async function openExample(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: title }).click();
  await acceptReplace(page);
  await expect(page.getByRole('dialog', { name: 'Examples' })).toHaveCount(0);
}

test.use({ designer: 'example' });

test('"Why this order" explains the loop, its filter and a condition in words', async ({ page }) => {
  await openExample(page, /^Task reminders/);
  await sideTab(page, 'Why this order').click();
  const notes = page.getByRole('list', { name: 'Loops, conditions and failures' });
  await expect(notes.getByRole('listitem')).toHaveCount(2);
  await expect(notes).toContainText(
    'and its calls run together in one turn: each needs only its own task (task.task_id, task.title and task.due_date), not another remind call',
  );
  await expect(notes).toContainText('The filter (where task.priority = high) removes every task for which it does not hold: those get no remind call.');
  await notes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/preview-why-loop.png' });

  await openExample(page, /^Meeting prep/);
  await expect(notes).toContainText('prep runs only when cal.events.length > 0');
  await expect(notes).toContainText('When it does not hold, prep is not called');

  await openExample(page, /^Weekly sales report/);
  await expect(notes).toContainText(
    'If dash fails (in about 30 % of the examples), it is not retried: post does not run, since it needs its result; mail still runs',
  );
  await expect(notes).toContainText(/dash is (not )?on the critical path/);
  await notes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/preview-why-failure.png' });
});

test('the preview shows an example with no reminder and one with several, through the branch control', async ({ page }) => {
  await openExample(page, /^Task reminders/);
  await sideTab(page, 'Preview').click();
  await expect(branch(page)).toBeVisible();

  await branch(page).selectOption({ label: 'remind makes no call' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Branch search' })).toHaveText(/^Example \d+: remind makes no call\.$/);
  await expect(varies(page)).toContainText(
    /(was empty|None of the \d+ tasks had priority = high|The only task did not have priority = high), so no create_reminder call\./,
  );
  await expect(reminderCalls(page)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/preview-zero.png' });

  const zeroAt = Number(await indexOf(page).textContent());
  await branch(page).selectOption({ label: 'remind makes several calls' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(varies(page)).toContainText(/^(\d+) of \d+ tasks had priority = high, so \1 create_reminder calls in parallel\.$/);
  const shown = Number((/^(\d+) of/.exec((await varies(page).textContent()) ?? '') ?? [])[1]);
  expect(shown).toBeGreaterThanOrEqual(2);
  await expect(reminderCalls(page)).toHaveCount(shown);
  expect(Number(await indexOf(page).textContent())).toBeGreaterThan(zeroAt);
  await page.screenshot({ path: '/tmp/preview-several.png' });
});

test('both sides of a condition, a failure and a refusal, and "Another example" walks through the variants', async ({ page }) => {
  await openExample(page, /^Meeting prep/);
  await sideTab(page, 'Preview').click();
  await branch(page).selectOption({ label: 'prep: cal.events.length > 0 does not hold' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(varies(page)).toHaveText('cal.events.length > 0 did not hold (cal.events.length is 0), so create_task (prep) was not called.');
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call create_task' })).toHaveCount(0);
  await branch(page).selectOption({ label: 'prep: cal.events.length > 0 holds' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(varies(page)).toHaveText(/^cal\.events\.length > 0 held \(cal\.events\.length is [1-9]\), so create_task \(prep\) was called\.$/);
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call create_task' })).toHaveCount(1);
  await page.screenshot({ path: '/tmp/preview-condition.png' });

  // "Another example": each click shows a variant not shown yet, while there are some.
  const seen = new Set<string>([(await varies(page).textContent()) ?? '']);
  for (let k = 0; k < 1; k += 1) {
    await page.getByRole('button', { name: 'Another example' }).click();
    const text = (await varies(page).textContent()) ?? '';
    expect([...seen]).not.toContain(text.replace(/is \d+\)/, 'is N)'));
    seen.add(text);
  }

  await openExample(page, /^Room booking with a retry/);
  await branch(page).selectOption({ label: 'book fails' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(varies(page)).toHaveText('book_room (book) failed (ROOM_TAKEN) and was retried in the next turn with another room_id.');
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call book_room' })).toHaveCount(2);
  await page.screenshot({ path: '/tmp/preview-failure.png' });

  await openExample(page, /^Archive cleanup/);
  await branch(page).selectOption({ label: 'the user says no to wipe' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(varies(page)).toHaveText(/^\d+ projects?; the user said no, so nothing was deleted: no delete_project call\.$/);
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call delete_project' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/preview-declined.png' });
});

test('the branch control is reachable and named from the keyboard', async ({ page }) => {
  await openExample(page, /^Task reminders/);
  await sideTab(page, 'Preview').click();
  await page.getByRole('button', { name: 'Another example' }).focus();
  await page.keyboard.press('Tab');
  await expect(branch(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Branch search' })).toHaveText(/^Example \d+: remind makes exactly one call\.$/);
  await expect(reminderCalls(page)).toHaveCount(1);
});
