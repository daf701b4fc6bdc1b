import { readFileSync } from 'node:fs';
import { acceptReplace, callNode, callNodes, canvas, openFile } from './support/designer.ts';
import { EXAMPLES } from '../src/ui/examples/catalog.ts';
import { expect, test } from './support/test.ts';

/** Opening, saving and dropping project files; the examples gallery. */

test.describe('project files', () => {
  test.use({ designer: 'example' });

  test('a file that is not JSON shows the parser error with its line and changes nothing', async ({ page }) => {
    await openFile(page, 'e2e/fixtures/not-json.chain.json');
    await acceptReplace(page);
    const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Could not open the project' }) });
    await expect(alert).toContainText('not valid JSON');
    await expect(alert).toContainText('not-json.chain.json');
    await expect(alert.getByRole('definition').filter({ hasText: /^6$/ })).toBeVisible();
    await expect(alert).toContainText('Your current project is unchanged');
    await expect(page.getByRole('banner')).toContainText('Room booking and invites');
    await expect(callNodes(page)).toHaveCount(4);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  });

  test('a file with a bad call id names the JSON path and changes nothing', async ({ page }) => {
    await openFile(page, 'e2e/fixtures/bad-call-id.chain.json');
    await acceptReplace(page);
    const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Could not open the project' }) });
    await expect(alert).toContainText('$.chains[0].calls[0].id');
    await expect(alert).toContainText('1rooms');
    await expect(page.getByRole('banner')).toContainText('Room booking and invites');
    await expect(callNodes(page)).toHaveCount(4);
  });

  test('"Save project" downloads NAME.chain.json holding the project', async ({ page }) => {
    await callNode(page, 'book').locator('.call-card-head').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save project' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('room-booking.chain.json');
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(saved.format).toBe('chainwright-project');
    expect(saved.name).toBe('Room booking and invites');
    expect(saved.chains[0].calls.map((c: { id: string }) => c.id)).toEqual(['rooms', 'team', 'book', 'invite']);
  });

  test('a project file dropped on the page opens', async ({ page }) => {
    const text = readFileSync('e2e/fixtures/room-booking-tools.chain.json', 'utf8');
    const transfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.chain.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await acceptReplace(page);
    await expect(page.getByRole('banner')).toContainText('Room booking tools');
    await expect(page.getByRole('banner')).toContainText('dropped.chain.json');
    await expect(callNodes(page)).toHaveCount(0);
  });

  test('the Examples gallery opens a bundled example; chains show as tabs', async ({ page }) => {
    await page.getByRole('button', { name: 'Examples' }).click();
    const dialog = page.getByRole('dialog', { name: 'Examples' });
    // One button per bundled example, and Close.
    await expect(dialog.getByRole('button')).toHaveCount(EXAMPLES.length + 1);
    await dialog.getByRole('button', { name: /^Incident response/ }).click();
    await acceptReplace(page);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText('Incident response');
    await expect(canvas(page).locator('.react-flow__edge.edge-order')).not.toHaveCount(0);

    await page.getByRole('button', { name: 'Examples' }).click();
    await page
      .getByRole('dialog', { name: 'Examples' })
      .getByRole('button', { name: /^Trip planning/ })
      .click();
    await acceptReplace(page);
    await expect(page.getByRole('tablist', { name: 'Chains' }).getByRole('tab')).toHaveCount(5);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('banner')).toContainText('Incident response');
  });
});
