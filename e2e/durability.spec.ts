import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { callNode, callNodes, openDesigner, saveStatus } from './support/designer.ts';

/**
 * What is on the screen is what a reload brings back (issue 17): typing that was never
 * committed, and an edit made just before the page goes, survive a reload or a closed tab.
 * Time is driven by Playwright's clock (no sleeps): the page's timers run only when the test
 * says so, so "reload 100 ms after typing" means exactly that many milliseconds of page time.
 */

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const firstRequest = (page: Page) => inspector(page).getByRole('textbox', { name: 'Request 1' });

/** Opens the designer with the clock installed, waits for "Saved", then stops the page's time. */
async function openPaused(page: Page): Promise<void> {
  await page.clock.install();
  await openDesigner(page);
  await expect(saveStatus(page)).toHaveText('Saved');
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

/** Types into the chain's first request without leaving the field; returns the whole text. */
async function typeInRequest(page: Page, text: string): Promise<string> {
  const field = firstRequest(page);
  await field.click();
  await field.press('End');
  await page.keyboard.type(text);
  return field.inputValue();
}

async function reopen(page: Page): Promise<void> {
  await page.clock.resume();
  await expect(page.getByRole('button', { name: 'Open project' })).toBeVisible();
}

for (const ms of [0, 100, 300]) {
  test(`typing in a request field, reloaded ${ms} ms later without leaving it, is there after the reload`, async ({ page }) => {
    await openPaused(page);
    const typed = await typeInRequest(page, ` (kept at ${ms} ms)`);
    await expect(saveStatus(page)).toHaveText('Saving…');
    if (ms > 0) await page.clock.runFor(ms);
    await page.reload();
    await reopen(page);
    await expect(firstRequest(page)).toHaveValue(typed);
    await expect(saveStatus(page)).toHaveText('Saved');
  });
}

test('a literal argument typed and reloaded at once, without Enter, is there after the reload', async ({ page }) => {
  await openPaused(page);
  await callNode(page, 'book').locator('.call-card-head').click();
  const duration = inspector(page).getByRole('textbox', { name: 'Value of duration_minutes' });
  await duration.click();
  await duration.press('ControlOrMeta+A');
  await page.keyboard.type('75');
  await page.reload();
  await reopen(page);
  await callNode(page, 'book').locator('.call-card-head').click();
  await expect(inspector(page).getByRole('textbox', { name: 'Value of duration_minutes' })).toHaveValue('75');
});

test('the system prompt typed in the project settings and reloaded at once is kept', async ({ page }) => {
  await openPaused(page);
  await page.getByRole('banner').getByRole('button', { name: 'Project', exact: true }).click();
  await page.getByRole('dialog', { name: 'Project settings' }).getByRole('textbox', { name: 'System prompt' }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('You book rooms.');
  await page.reload();
  await reopen(page);
  await page.getByRole('banner').getByRole('button', { name: 'Project', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Project settings' }).getByRole('textbox', { name: 'System prompt' })).toHaveValue('You book rooms.');
});

test('a call deleted and reloaded within 100 ms stays deleted', async ({ page }) => {
  await openPaused(page);
  const before = await callNodes(page).count();
  await callNode(page, 'book').click();
  await page.keyboard.press('Delete');
  await expect(callNode(page, 'book')).toHaveCount(0);
  await page.clock.runFor(100);
  await page.reload();
  await reopen(page);
  await expect(callNodes(page)).toHaveCount(before - 1);
  await expect(callNode(page, 'book')).toHaveCount(0);
});

test('typing kept when the tab is closed and a new one opened 100 ms later', async ({ page, context }) => {
  await openPaused(page);
  const typed = await typeInRequest(page, ' (tab closed)');
  await page.clock.runFor(100);
  await page.close({ runBeforeUnload: true });
  const next = await context.newPage();
  await next.goto('./');
  await reopen(next);
  await expect(firstRequest(next)).toHaveValue(typed);
});

test('typing pauses make one undo step each, not one per key', async ({ page }) => {
  await openPaused(page);
  const original = await firstRequest(page).inputValue();
  const first = await typeInRequest(page, ' one');
  await page.clock.runFor(400);
  await typeInRequest(page, ' two');
  await page.clock.runFor(400);
  await page.clock.resume();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(firstRequest(page)).toHaveValue(first);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(firstRequest(page)).toHaveValue(original);
});
