import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { selectCall, sideTab } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * An axe scan of the main views (issue 17): the designer with the example, the tool editor,
 * the preview, the export dialog, the "Why this order" panel, Evaluate and Practice. No
 * serious or critical violation (WCAG 2 A/AA rules and axe's best practices).
 */

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — e.g. ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

test.describe('accessibility of the main views', () => {
  // A scan of the whole page takes several seconds on a busy machine.
  test.describe.configure({ timeout: 120_000 });
  test.use({ designer: 'example' });

  test('the designer with the example, a call selected in the inspector', async ({ page }) => {
    expect(await seriousViolations(page), 'designer').toEqual([]);
    await selectCall(page, 'rooms');
    await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Call rooms' })).toBeVisible();
    expect(await seriousViolations(page), 'inspector').toEqual([]);
  });

  test('the preview and the "Why this order" panel', async ({ page }) => {
    await sideTab(page, 'Preview').click();
    await expect(page.getByRole('list', { name: 'Conversation' })).toBeVisible();
    expect(await seriousViolations(page), 'preview').toEqual([]);
    await sideTab(page, 'Why this order').click();
    await expect(page.getByRole('list', { name: 'Turns' })).toBeVisible();
    expect(await seriousViolations(page), 'why').toEqual([]);
  });

  test('the tool editor dialog', async ({ page }) => {
    await page.getByRole('button', { name: 'Edit tool' }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit tool/ });
    await expect(dialog.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
    expect(await seriousViolations(page), 'tool editor').toEqual([]);
  });

  test('the export dialog', async ({ page }) => {
    await page.getByRole('button', { name: /^Export( dataset)?$/ }).click();
    await expect(page.getByRole('dialog').first()).toBeVisible();
    expect(await seriousViolations(page), 'export').toEqual([]);
  });

  test('Evaluate', async ({ page }) => {
    await page
      .getByRole('button', { name: /^Evaluate/ })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: 'Evaluate a model' })).toBeVisible();
    expect(await seriousViolations(page), 'evaluate').toEqual([]);
  });

  test('Practice', async ({ page }) => {
    await page.getByRole('button', { name: 'Practice', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Book a room and invite the marketing team', level: 2 })).toBeVisible();
    expect(await seriousViolations(page), 'practice').toEqual([]);
  });
});
