import type { Page } from '@playwright/test';
import { acceptReplace, conversation, openFile, selectCall, sideTab } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * Failures and confirmations end to end (issue 15), and how often each reply variant replies
 * (issue 14): a failure set on a call in the inspector and its failing variant in the preview;
 * a confirmation and its declined variant; the export dialog's count of failures, retries,
 * confirmations and refusals; a destructive call without a confirmation in the tool audit;
 * the coverage of each reply variant, updated when the design changes.
 */

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const branch = (page: Page) => page.getByLabel('Show an example where');
const varies = (page: Page) => page.getByRole('list', { name: 'What varies' });

test.describe.configure({ timeout: 90_000 });

test.use({ designer: 'example' });

test('a failure, then a declined confirmation, set in the inspector and shown in the preview; the export dialog counts them', async ({ page }) => {
  // Room booking: book may fail with ROOM_TAKEN, and is then retried.
  await selectCall(page, 'book');
  const ins = inspector(page);
  await ins.getByRole('checkbox', { name: 'This call may fail' }).check();
  const rate = ins.getByRole('slider', { name: 'It fails in' });
  await rate.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(rate).toHaveAttribute('aria-valuetext', /30 %/);
  const error = ins.getByRole('textbox', { name: 'Error result (JSON)' });
  await error.fill('{"error": {"code": "ROOM_TAKEN", "message": "The room was booked a moment ago."}}');
  await error.blur();
  await expect(error).toHaveAttribute('aria-invalid', 'false');
  await ins.getByRole('combobox', { name: 'Then the assistant' }).selectOption('retry');

  // The preview shows the failing variant on request: the error, then the same call again.
  await sideTab(page, 'Preview').click();
  await branch(page).selectOption({ label: 'book fails' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(varies(page)).toContainText('book_room (book) failed (ROOM_TAKEN) and was retried in the next turn');
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call book_room' })).toHaveCount(2);
  await expect(conversation(page)).toContainText('ROOM_TAKEN');
  await page.screenshot({ path: '/tmp/failures-preview-failure.png' });

  // A confirmation on the invitations, and the variant where the user says no.
  await selectCall(page, 'invite');
  await sideTab(page, 'Inspector').click();
  await ins.getByRole('checkbox', { name: 'Ask the user first' }).check();
  const question = ins.getByRole('textbox', { name: 'Question 1' });
  await question.fill('Shall I send the invitations to the {team_name} team?');
  await question.blur();
  // The reply says so when the user says no: a reply variant for "invite was declined".
  await ins.getByRole('button', { name: 'Use reply variants' }).click();
  await ins.getByRole('button', { name: 'Add variant', exact: true }).click();
  await ins.getByRole('combobox', { name: 'Variant 1 condition: kind' }).selectOption('declined');
  await ins.getByRole('combobox', { name: 'Variant 1 condition: call' }).selectOption('invite');
  const said = ins.getByRole('textbox', { name: 'Variant 1 phrasing 1' });
  await said.fill('I booked {book.booking_id}; as you asked, no invitations went out.');
  await said.blur();
  await sideTab(page, 'Preview').click();
  await branch(page).selectOption({ label: 'the user says no to invite' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(conversation(page)).toContainText('Shall I send the invitations to the');
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call send_invites' })).toHaveCount(0);
  await expect(conversation(page).getByRole('listitem', { name: 'Tool call book_room' }).first()).toBeVisible();
  await expect(conversation(page)).toContainText('as you asked, no invitations went out.');
  await page.screenshot({ path: '/tmp/failures-preview-declined.png' });

  // The export dialog says how many examples hold each.
  await page.getByRole('button', { name: 'Export dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const figures = dialog.locator('dl').and(dialog.getByLabel('Failures and confirmations'));
  await expect(figures).toBeVisible({ timeout: 20_000 });
  for (const row of ['Hold a failure', 'Hold a retry', 'Ask and hear yes', 'Ask and hear no']) await expect(figures).toContainText(row);
  const share = async (row: string) => Number((await figures.locator('div').filter({ hasText: row }).locator('dd').textContent())!.match(/^([\d.]+) %/)![1]);
  // About 30 % fail (steered over the run; the figure is from the first 200 examples), each is retried; every example asks.
  expect(await share('Hold a failure')).toBeGreaterThan(15);
  expect(await share('Hold a failure')).toBeLessThan(45);
  expect(await share('Hold a retry')).toBe(await share('Hold a failure'));
  expect((await share('Ask and hear yes')) + (await share('Ask and hear no'))).toBeCloseTo(100, 0);
  const section = dialog.getByRole('region', { name: 'Failures and confirmations' });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: '/tmp/failures-export-dialog.png' });
});

test('the tool audit lists a destructive call without a confirmation, and its id selects the call', async ({ page }) => {
  await openFile(page, 'public/examples/archive-cleanup.chain.json');
  await acceptReplace(page);
  await selectCall(page, 'wipe');
  await inspector(page).getByRole('checkbox', { name: 'Ask the user first' }).uncheck();
  await page.getByRole('button', { name: /^(Tool audit|Audit)\b/ }).click();
  const audit = page.getByRole('dialog', { name: 'Tool audit' });
  const findings = audit.getByRole('region', { name: 'Project findings' }).or(audit.getByLabel('Project findings'));
  await expect(findings).toContainText('unconfirmed-destructive');
  await expect(findings).toContainText('"wipe" runs "delete_project"');
  await page.screenshot({ path: '/tmp/failures-audit.png' });
  await findings.getByRole('button', { name: 'Show call wipe on the canvas' }).click();
  await expect(audit).toHaveCount(0);
  await expect(inspector(page).getByRole('checkbox', { name: 'Ask the user first' })).not.toBeChecked();
});

test('each reply variant shows its share over the next 200 examples, counted again when the design changes', async ({ page }) => {
  await openFile(page, 'public/examples/task-reminders.chain.json');
  await acceptReplace(page);
  const ins = inspector(page);
  const coverage = ins.getByRole('region', { name: 'Reply variant coverage' });
  await expect(coverage).toContainText('Over the next 200 examples of seed');
  await expect(coverage).toHaveAttribute('aria-busy', 'false');
  const items = coverage.getByRole('listitem');
  const shares = async () => (await items.allTextContents()).map((t) => Number(t.match(/(\d+) %/)?.[1] ?? 0));
  const before = await shares();
  expect(before.length).toBeGreaterThanOrEqual(4);
  const total = before.reduce((a, n) => a + n, 0);
  expect(total).toBeGreaterThanOrEqual(97);
  expect(total).toBeLessThanOrEqual(103);
  await expect(items.first()).toContainText(/^Variant 1 · .+: \d+ %/);
  const variants = ins.getByRole('list', { name: 'Reply variants' });
  await expect(variants.getByRole('listitem', { name: 'Variant 1' })).toContainText(/\d+ % of examples/);
  await coverage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/failures-coverage.png' });

  // Remove the first variant: its examples go to the others, and the figures are counted again.
  const firstText = (await items.first().textContent())!;
  await variants.getByRole('button', { name: 'Remove variant 1' }).click();
  await expect(items.first()).not.toHaveText(firstText);
  await expect(coverage).toHaveAttribute('aria-busy', 'false');
  expect((await shares()).length).toBe(before.length - 1);
});
