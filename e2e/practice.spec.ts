import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * Practice mode: the seed lesson's room booking as an exercise. The turns are hidden; the
 * learner places the calls (mouse drag, keyboard number, turn menu), marks which may run in
 * parallel, checks, reads the mistakes in the words of "Why this order", fixes them and is
 * told the order is as fast as the best one; progress stays in the browser.
 */

const practice = (page: Page) => page.getByRole('button', { name: 'Practice', exact: true });
const back = (page: Page) => page.getByRole('button', { name: '← Back to the designer' });
const card = (page: Page, label: string) => page.getByRole('group', { name: new RegExp(`^${label}, `) });
const turn = (page: Page, n: number) => page.getByRole('region', { name: `Turn ${n}`, exact: true });
const mistakes = (page: Page) => page.getByRole('list', { name: 'Mistakes' });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Exercises' });

/** A mouse drag from a card to a turn column (HTML drag and drop). */
async function dragCard(from: Locator, to: Locator): Promise<void> {
  await from.dragTo(to);
}

test.use({ designer: 'example' });

test.beforeEach(async ({ page }) => {
  await practice(page).click();
  await expect(back(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Book a room and invite the marketing team', level: 2 })).toBeVisible();
});

test('finishes the room-booking exercise: a mistake explained, then fixed', async ({ page }) => {
  await expect(page.getByText(/^Book a (meeting )?room for next Tuesday/)).toBeVisible();
  await expect(nav(page).getByRole('button', { name: /Book a room and invite the marketing team/ })).toHaveAttribute('aria-current', 'true');
  for (const label of ['find_available_rooms', 'get_team_members', 'book_room', 'send_invites'])
    await expect(card(page, label)).toHaveAccessibleName(`${label}, not placed`);
  await page.screenshot({ path: '/tmp/practice-start.png' });

  // The mouse: drag find_available_rooms into turn 1.
  await dragCard(card(page, 'find_available_rooms'), turn(page, 1));
  await expect(turn(page, 1).getByRole('group', { name: 'find_available_rooms, turn 1' })).toBeVisible();
  // The keyboard: focus get_team_members and press 1.
  await card(page, 'get_team_members').focus();
  await page.keyboard.press('1');
  await expect(card(page, 'get_team_members')).toHaveAccessibleName('get_team_members, turn 1');
  // The turn menu: book_room in turn 2.
  await page.getByLabel('Turn of book_room').selectOption('2');
  // A mistake: send_invites in turn 2, with the booking it needs.
  await card(page, 'send_invites').focus();
  await page.keyboard.press('2');
  await expect(turn(page, 2).getByRole('group')).toHaveCount(2);
  await page.getByLabel('find_available_rooms may run in parallel').check();
  await page.getByLabel('get_team_members may run in parallel').check();
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  await expect(page.getByRole('status').filter({ hasText: /points/ })).toHaveText('6 of 8 points. 2 mistakes:');
  await expect(mistakes(page).getByRole('listitem')).toHaveText([
    'send_invites cannot be in turn 2: it needs booking_id from book_room, which is in the same turn.',
    "book_room may run in parallel: neither it nor get_team_members needs the other's result.",
  ]);
  await expect(page.getByText(/Your order would take 1,000 ms in 2 turns, but it cannot run as it is/)).toBeVisible();
  await expect(card(page, 'send_invites')).toContainText('✗ too early');
  await mistakes(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/practice-mistake.png' });

  // Fixed: send_invites in turn 3, book_room marked.
  await page.getByLabel('Turn of send_invites').selectOption('3');
  await page.getByLabel('book_room may run in parallel').check();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /points/ })).toHaveText(
    'All 8 points: every call is in its earliest turn, and every mark and count is right.',
  );
  await expect(page.getByText('Your order takes 1,300 ms in 3 turns, as fast as the best order.')).toBeVisible();
  await expect(nav(page).getByRole('button', { name: /Book a room and invite the marketing team/ })).toContainText('✓ solved');
  await page.getByRole('button', { name: 'Show the best order' }).click();
  await expect(page.getByRole('list', { name: 'Best order' })).toContainText(
    'needs booking_id from book_room, ready after turn 2, and members[*].email from get_team_members, ready after turn 1',
  );
  await page.getByRole('list', { name: 'Best order' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/practice-solved.png', fullPage: false });

  // Progress is kept in the browser.
  await page.reload();
  await practice(page).click();
  await expect(nav(page).getByRole('button', { name: /Book a room and invite the marketing team/ })).toContainText('✓ solved');
  await expect(nav(page).getByRole('button', { name: /Tasks, calendar and email at once/ })).toContainText('not tried');
});

test('a loop exercise asks how many calls a shown result leads to, and explains a wrong count', async ({ page }) => {
  await nav(page)
    .getByRole('button', { name: /A reminder for each high-priority task/ })
    .click();
  await expect(page.getByRole('heading', { name: 'A reminder for each high-priority task', level: 2 })).toBeVisible();
  await expect(card(page, 'create_reminder')).toContainText('for each task in tasks.tasks where task.priority = high');
  const questions = page.getByRole('region', { name: 'Questions' });
  const shown = questions.getByLabel('list_tasks returned');
  const result = JSON.parse(await shown.innerText()) as { tasks: { priority: string }[] };
  const high = result.tasks.filter((t) => t.priority === 'high').length;
  await card(page, 'list_tasks').focus();
  await page.keyboard.press('1');
  await card(page, 'create_reminder').focus();
  await page.keyboard.press('2');
  await page.getByLabel('create_reminder may run in parallel').check();
  await questions.getByRole('spinbutton', { name: 'How many create_reminder calls does this lead to?' }).fill(String(result.tasks.length));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(mistakes(page).getByRole('listitem')).toHaveText([
    `Not ${result.tasks.length} create_reminder calls. ${high} of ${result.tasks.length} tasks had priority = high, so ${high} create_reminder calls in parallel.`,
  ]);
  await mistakes(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/practice-loop.png' });
  await questions.getByRole('spinbutton', { name: 'How many create_reminder calls does this lead to?' }).fill(String(high));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /points/ })).toHaveText(/^All 5 points/);
});

test('every control is reachable from the keyboard and named', async ({ page }) => {
  // The mode switch, the exercises, the cards and their controls, the buttons: all by Tab.
  const named = new Set<string>();
  await back(page).focus();
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '';
      return { tag: el.tagName, label: label.trim().replace(/\s+/g, ' ') };
    });
    if (!info) continue;
    expect(info.label, `${info.tag} without a name`).not.toBe('');
    named.add(info.label);
  }
  for (const name of [
    'find_available_rooms, not placed',
    'Turn of find_available_rooms',
    'find_available_rooms may run in parallel',
    'send_invites, not placed',
    'Check',
    'Start over',
    'Show the best order',
  ]) {
    expect([...named], name).toContain(name);
  }
  expect([...named].some((n) => n.startsWith('1Book a room and invite the marketing team'))).toBe(true);
  // Back to the designer from the keyboard, and into practice again.
  await back(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await practice(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Exercises' })).toBeVisible();
});

test('the design on the canvas becomes an exercise', async ({ page }) => {
  await nav(page)
    .getByRole('button', { name: /^This design: / })
    .click();
  await expect(page.getByRole('heading', { name: 'Book a room and invite a team', level: 2 })).toBeVisible();
  for (const label of ['find_available_rooms', 'get_team_members', 'book_room', 'send_invites']) await expect(card(page, label)).toBeVisible();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(mistakes(page)).toContainText('find_available_rooms is not placed in a turn yet.');
  await expect(page.getByText(/^Place every call to compare your order with the best one/)).toBeVisible();
});

test('the mixed exercise asks about the loop and the condition that reads its list', async ({ page }) => {
  await nav(page)
    .getByRole('button', { name: /Flag overdue tasks and tell the manager/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Flag overdue tasks and tell the manager', level: 2 })).toBeVisible();
  await expect(card(page, 'notify_manager')).toContainText('only if flag.length > 0');
  const questions = page.getByRole('region', { name: 'Questions' });
  await expect(questions.getByRole('group')).toHaveCount(2);
  for (const [label, n] of [
    ['list_tasks', 1],
    ['get_manager', 1],
    ['flag_task', 2],
    ['notify_manager', 2],
  ] as const) {
    await page.getByLabel(`Turn of ${label}`).selectOption(String(n));
  }
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(mistakes(page)).toContainText(
    'notify_manager cannot be in turn 2: it needs task_id of every flag_task call and what its condition tests (how many flag_task calls were made), which is in the same turn.',
  );
  await page.getByRole('button', { name: 'Show the best order' }).click();
  const best = page.getByRole('region', { name: 'The best order' });
  await expect(best.getByRole('list', { name: 'Loops, conditions and failures' })).toContainText(
    'notify_manager waits for every flag_task call: it needs the list of their results (task_id of every flag_task call), and its condition counts them',
  );
  await best.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/practice-mixed.png' });
});
