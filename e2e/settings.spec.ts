import type { Page } from '@playwright/test';
import { callNodes, saveStatus } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/** Every setting in reach (issue 17): the project settings panel, chain names, and a question before work is replaced. */

const SHOTS = process.env.SETTINGS_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};
const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });
const chainTabs = (page: Page) => page.getByRole('tablist', { name: 'Chains' });
const REPLACE_ROOM_BOOKING = 'Replace ‘Room booking and invites’ (4 calls, 4 tools)? It stays in undo until you reload.';

test.use({ designer: 'example' });

test('the Project button fits the toolbar at 1280 px and opens the settings: name, system prompt, reference date, kept by a reload', async ({ page }) => {
  const button = page.getByRole('banner').getByRole('button', { name: 'Project', exact: true });
  await expect(button).toBeVisible();
  // Nothing in the banner is cut off or wrapped out of it.
  const banner = await page.getByRole('banner').boundingBox();
  for (const b of await page.getByRole('banner').getByRole('button').all()) {
    const box = await b.boundingBox();
    if (!box) continue;
    expect(box.x + box.width, `${await b.textContent()} inside the window`).toBeLessThanOrEqual(1280);
    expect(box.y + box.height, `${await b.textContent()} inside the banner`).toBeLessThanOrEqual(banner!.y + banner!.height);
  }
  const status = await saveStatus(page).boundingBox();
  expect(status!.x + status!.width, 'the save status inside the window').toBeLessThanOrEqual(1280);
  await shot(page, 'toolbar');
  await button.click();
  const settings = dialog(page, 'Project settings');
  await expect(settings).toBeVisible();

  const name = settings.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue('Room booking and invites');
  await name.fill('Team offsite');
  await expect(settings.getByText('team-offsite.chain.json')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Team offsite', { exact: true })).toBeVisible();

  const prompt = settings.getByRole('textbox', { name: 'System prompt' });
  await prompt.fill('You book meeting rooms for the team. Always take the smallest free room.');
  await settings.getByLabel('Reference date').fill('2026-03-02');
  await shot(page, 'settings');

  // Files are named from the project.
  const download = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Save project' }).click();
  expect((await download).suggestedFilename()).toBe('team-offsite.chain.json');

  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await page.getByRole('banner').getByRole('button', { name: 'Project', exact: true }).click();
  await expect(settings.getByRole('textbox', { name: 'Name' })).toHaveValue('Team offsite');
  await expect(settings.getByRole('textbox', { name: 'System prompt' })).toHaveValue(
    'You book meeting rooms for the team. Always take the smallest free room.',
  );
  await expect(settings.getByLabel('Reference date')).toHaveValue('2026-03-02');
  // The format has no project-wide default result: the panel says what a tool without returns gives.
  await expect(settings.getByText(/gives \{ "ok": true \} as its result/)).toBeVisible();
});

test('a settings edit is undone by Undo, and a blank name is refused by the field', async ({ page }) => {
  await page.getByRole('banner').getByRole('button', { name: 'Project', exact: true }).click();
  const settings = dialog(page, 'Project settings');
  const name = settings.getByRole('textbox', { name: 'Name' });
  await name.fill('');
  await expect(settings.getByRole('alert')).toHaveText('The project needs a name: files are named from it.');
  await name.fill('Renamed');
  await name.blur();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('banner').getByText('Renamed', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner').getByText('Room booking and invites', { exact: true })).toBeVisible();
});

test('Add chain asks for a name: a unique one is suggested, Enter adds, Escape cancels; a double-click on a tab renames', async ({ page }) => {
  await page.getByRole('button', { name: 'Add chain' }).click();
  const ask = dialog(page, 'Add a chain');
  const field = ask.getByRole('textbox', { name: 'Chain name' });
  await expect(field).toHaveValue('Chain 2');
  await expect(field).toBeFocused();
  await shot(page, 'add-chain');
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(chainTabs(page).getByRole('tab')).toHaveCount(1);

  // The suggested name is focused and selected: typing replaces it, Enter adds.
  await page.getByRole('button', { name: 'Add chain' }).click();
  await expect(field).toBeFocused();
  await page.keyboard.type('Cancel a booking');
  await page.keyboard.press('Enter');
  await expect(chainTabs(page).getByRole('tab', { name: 'Cancel a booking', selected: true })).toBeVisible();
  await expect(chainTabs(page).getByRole('tab', { name: 'Cancel a booking' })).toHaveAttribute('title', 'cancel-a-booking');

  await chainTabs(page).getByRole('tab', { name: 'Cancel a booking' }).dblclick();
  const rename = page.getByRole('form', { name: 'Rename chain' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Cancel and refund');
  await rename.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(chainTabs(page).getByRole('tab', { name: 'Cancel and refund' })).toBeVisible();

  // From the chain's settings in the inspector, too.
  const chainName = page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: 'Chain name' });
  await chainName.fill('Refunds');
  await expect(chainTabs(page).getByRole('tab', { name: 'Refunds' })).toBeVisible();
});

test('New project asks before replacing a project with calls, offers a download, and asks nothing for an empty one', async ({ page }) => {
  await page.getByRole('button', { name: 'New project' }).click();
  const ask = dialog(page, 'Replace this project?');
  await expect(ask).toContainText(REPLACE_ROOM_BOOKING);
  await shot(page, 'confirm-replace');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(callNodes(page)).toHaveCount(4);

  await page.getByRole('button', { name: 'New project' }).click();
  const download = page.waitForEvent('download');
  await ask.getByRole('button', { name: 'Download it first' }).click();
  expect((await download).suggestedFilename()).toBe('room-booking.chain.json');
  await expect(ask.getByRole('status')).toHaveText('Downloaded room-booking.chain.json.');
  await ask.getByRole('button', { name: 'New project' }).click();
  await expect(ask).toHaveCount(0);
  await expect(callNodes(page)).toHaveCount(0);
  await expect(page).toHaveTitle('Untitled project · Chainwright');

  // It stays in undo.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(callNodes(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(callNodes(page)).toHaveCount(0);

  // Empty now: nothing to lose, nothing asked.
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page).toHaveTitle('Untitled project · Chainwright');
});

test('opening an example over a project with calls asks first; Escape keeps the project', async ({ page }) => {
  await page.getByRole('button', { name: 'Examples' }).click();
  await dialog(page, 'Examples')
    .getByRole('button', { name: /^Quarterly planning/ })
    .click();
  const ask = dialog(page, 'Replace this project?');
  await expect(ask).toContainText(REPLACE_ROOM_BOOKING);
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(page).toHaveTitle('Room booking and invites · Chainwright');
  await dialog(page, 'Examples')
    .getByRole('button', { name: /^Quarterly planning/ })
    .click();
  await ask.getByRole('button', { name: 'Open Quarterly planning' }).click();
  await expect(dialog(page, 'Examples')).toHaveCount(0);
  await expect(page).toHaveTitle('Quarterly planning · Chainwright');
});
