import type { Locator, Page } from '@playwright/test';
import { acceptReplace, callNode } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * The chain tabs stay on one row at 1280×800 however many chains there are (the row scrolls
 * sideways); the selected tab is always in view, also when it is picked from the keyboard.
 */

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Chains' });

async function openTripPlanning(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .getByRole('button', { name: /^Trip planning/ })
    .click();
  await acceptReplace(page);
  await expect(callNode(page, 'flights')).toBeVisible();
}

/** Whether the whole of `el` is inside the visible part of the tab row. */
async function wholeInRow(page: Page, el: Locator): Promise<boolean> {
  const row = await tabs(page).boundingBox();
  const box = await el.boundingBox();
  if (!row || !box) return false;
  return box.x >= row.x - 0.5 && box.x + box.width <= row.x + row.width + 0.5 && box.y >= row.y - 0.5 && box.y + box.height <= row.y + row.height + 0.5;
}

test.use({ viewport: { width: 1280, height: 800 }, designer: 'example' });

test('with the five chains of trip planning, the tabs are one row and the selected tab is in view', async ({ page }) => {
  await openTripPlanning(page);
  const all = tabs(page).getByRole('tab');
  await expect(all).toHaveCount(5);
  const tops = await all.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(tops).size, `tab tops: ${tops.join(', ')}`).toBe(1);
  const rowHeight = (await tabs(page).boundingBox())!.height;
  const tabHeight = (await all.first().boundingBox())!.height;
  expect(rowHeight, 'the tab row is one tab high').toBeLessThan(tabHeight * 1.6);
  await expect.poll(() => wholeInRow(page, tabs(page).getByRole('tab', { selected: true }))).toBe(true);
  await page.screenshot({ path: '/tmp/b-shots/chain-tabs-first.png' });
});

test('the last chain picked from the keyboard is scrolled into view, and arrows go round', async ({ page }) => {
  await openTripPlanning(page);
  const selected = tabs(page).getByRole('tab', { selected: true });
  const first = 'Search flights, hotels and weather; book both; send the itinerary';
  const last = 'Search flights, book the cheapest, send the itinerary';
  await tabs(page).getByRole('tab', { name: first }).press('ArrowLeft');
  await expect(selected).toHaveText(last);
  await expect(selected).toBeFocused();
  await expect.poll(() => wholeInRow(page, selected)).toBe(true);
  await page.screenshot({ path: '/tmp/b-shots/chain-tabs-last.png' });
  await selected.press('ArrowRight');
  await expect(selected).toHaveText(first);
  await expect.poll(() => wholeInRow(page, selected)).toBe(true);
  await selected.press('End');
  await expect(selected).toHaveText(last);
  await selected.press('Home');
  await expect(selected).toHaveText(first);
});

test('while a chain is renamed, the tabs stay one row and the selected one stays in view', async ({ page }) => {
  await openTripPlanning(page);
  const selected = tabs(page).getByRole('tab', { selected: true });
  const tabHeight = (await selected.boundingBox())!.height;
  await page.getByRole('button', { name: 'Rename chain' }).click();
  const form = page.getByRole('form', { name: 'Rename chain' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  expect((await tabs(page).boundingBox())!.height).toBeLessThan(tabHeight * 1.6);
  await expect.poll(() => wholeInRow(page, selected)).toBe(true);
  await page.screenshot({ path: '/tmp/b-shots/chain-tabs-rename.png' });
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
});
