import type { Page } from '@playwright/test';
import { callNode, callNodes, openDesigner, saveStatus } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * What is on the screen is what a reload brings back (issue 17): typing that was never
 * committed, and an edit made just before the page goes, survive a reload or a closed tab.
 * Time is driven by Playwright's clock (no sleeps): the page's timers run only when the test
 * says so, so "reload 100 ms after typing" means exactly that many milliseconds of page time.
 */

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const firstRequest = (page: Page) => inspector(page).getByRole('textbox', { name: 'Request 1' });

// Each test opens the page itself (openPaused): the clock has to be installed before it loads.
test.use({ designer: 'none' });

/**
 * Opens the designer with the clock installed, waits for "Saved", then stops the page's time.
 * The views loaded on demand (the call inspector, the project settings) are drawn once first:
 * React reveals a view whose code arrives later on a timer, which a stopped clock never fires.
 */
async function openPaused(page: Page): Promise<void> {
  await page.clock.install();
  await openDesigner(page);
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(firstRequest(page)).toBeVisible();
  await callNode(page, 'book').locator('.call-card-head').click();
  await expect(inspector(page).getByRole('heading', { name: 'Call book' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Project', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Project settings' });
  await expect(settings.getByRole('textbox', { name: 'System prompt' })).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(firstRequest(page)).toBeVisible();
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

/*
 * Fields that commit only when the text is whole (a rename, JSON, a condition's operand) commit
 * when the page is left or the call is left too; what cannot be committed stays with its reason.
 */

const idField = (page: Page) => inspector(page).getByRole('textbox', { name: 'Id', exact: true });

/** Selects a call by its header (the page's clock may be paused). */
async function select(page: Page, callId: string): Promise<void> {
  await callNode(page, callId).locator('.call-card-head').click();
  await expect(inspector(page).getByRole('heading', { name: `Call ${callId}` })).toBeVisible();
}

/** Types a new id for the selected call, without leaving the field. */
async function typeId(page: Page, text: string): Promise<void> {
  await idField(page).click();
  await idField(page).press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

for (const ms of [0, 100, 300]) {
  test(`a call id typed and reloaded ${ms} ms later, without Enter or leaving the field, is the call's id after the reload`, async ({ page }) => {
    await openPaused(page);
    await select(page, 'book');
    await typeId(page, 'reserve');
    await expect(saveStatus(page)).toHaveText('Saving…');
    if (ms > 0) await page.clock.runFor(ms);
    await page.reload();
    await reopen(page);
    await expect(callNode(page, 'reserve')).toBeVisible();
    await expect(callNode(page, 'book')).toHaveCount(0);
    await expect(saveStatus(page)).toHaveText('Saved');
  });
}

test('a rename still being typed when another call is selected is applied', async ({ page }) => {
  await openPaused(page);
  await select(page, 'book');
  await typeId(page, 'reserve');
  await select(page, 'rooms');
  await expect(callNode(page, 'reserve')).toBeVisible();
  await expect(callNode(page, 'book')).toHaveCount(0);
});

test('a rename to an id in use says why and keeps the text: after another call is selected, and after a reload, until Escape', async ({ page }) => {
  await openPaused(page);
  await select(page, 'book');
  await typeId(page, 'rooms');
  await idField(page).press('Enter');
  const why = inspector(page).getByRole('alert').filter({ hasText: 'Not renamed' });
  await expect(why).toContainText('rooms');
  await expect(idField(page)).toHaveValue('rooms');
  await expect(idField(page)).toHaveAttribute('aria-invalid', 'true');

  await select(page, 'team');
  await select(page, 'book');
  await expect(idField(page)).toHaveValue('rooms');
  await expect(why).toContainText('Escape puts back book');

  await page.reload();
  await reopen(page);
  await select(page, 'book');
  await expect(idField(page)).toHaveValue('rooms');
  await expect(why).toBeVisible();

  await idField(page).press('Escape');
  await expect(idField(page)).toHaveValue('book');
  await expect(why).toHaveCount(0);
  await page.reload();
  await reopen(page);
  await select(page, 'book');
  await expect(idField(page)).toHaveValue('book');
});

test('a slot name typed and reloaded at once renames the slot', async ({ page }) => {
  await openPaused(page);
  const name = inspector(page).getByRole('textbox', { name: 'Name of slot team_name' });
  await name.click();
  await name.press('ControlOrMeta+A');
  await page.keyboard.type('group_name');
  await page.reload();
  await reopen(page);
  await expect(inspector(page).getByRole('textbox', { name: 'Name of slot group_name' })).toHaveValue('group_name');
});

test('a value typed into a slot’s list and reloaded at once is kept', async ({ page }) => {
  await openPaused(page);
  const values = inspector(page).getByRole('textbox', { name: 'Values of time, one per line' });
  await values.click();
  await values.press('ControlOrMeta+End');
  await page.keyboard.type('\n17:30');
  await page.reload();
  await reopen(page);
  await expect(inspector(page).getByRole('textbox', { name: 'Values of time, one per line' })).toHaveValue(/\n17:30$/);
});

test('a failing call’s error result typed and reloaded at once is kept; text that is not JSON comes back with the reason', async ({ page }) => {
  await openPaused(page);
  await select(page, 'book');
  await inspector(page).getByRole('checkbox', { name: 'This call may fail' }).check();
  const error = inspector(page).getByRole('textbox', { name: 'Error result (JSON)' });
  await error.click();
  await error.press('ControlOrMeta+A');
  await page.keyboard.type('{"error": "room taken"}');
  await page.reload();
  await reopen(page);
  await select(page, 'book');
  await expect(error).toHaveValue(JSON.stringify({ error: 'room taken' }, null, 2));

  await error.click();
  await error.press('ControlOrMeta+A');
  await page.keyboard.type('{"error": ');
  await page.reload();
  await reopen(page);
  await select(page, 'book');
  await expect(error).toHaveValue('{"error": ');
  await expect(inspector(page).getByText(/^not JSON/)).toBeVisible();
});
