import { readFileSync } from 'node:fs';
import { evaluate, parseGoldLines, parsePredictionLines, percent } from '../src/core/generation.ts';
import { expect, test } from './support/test.ts';

/**
 * "Evaluate": a gold test set and a predictions file picked from disk, scored in the page by
 * the core (the same function as `chainwright eval`). The fixtures: 24 test cases of three
 * example projects (trip-planning's five patterns, task-reminders' loop, meeting-prep's
 * condition); the predictions serialise every other trip-planning conversation, drop a
 * reminder in two loop cases and the final reply in half the conditional ones.
 */

const GOLD = 'e2e/fixtures/eval-gold.jsonl';
const PRED = 'e2e/fixtures/eval-pred.jsonl';

test.use({ designer: 'example' });

test('scores a predictions file against a gold test set: totals with the targets, a chart per pattern, the worst cases', async ({ page, watched }) => {
  await page.getByRole('button', { name: 'Evaluate a model' }).click();
  const dialog = page.getByRole('dialog', { name: 'Evaluate a model' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Pick a gold test set and a predictions file.');
  const before = watched.requests.length;

  await dialog.getByLabel('Gold test set').setInputFiles(GOLD);
  await expect(dialog.getByRole('status')).toHaveText('Now pick the predictions.');
  await dialog.getByLabel('Predictions').setInputFiles(PRED);

  // The page shows what the core computes.
  const report = evaluate(parseGoldLines(readFileSync(GOLD, 'utf8')).cases, parsePredictionLines(readFileSync(PRED, 'utf8')).predictions);
  const met = Object.values(report.targets).filter((t) => t?.met).length;
  await expect(dialog.getByRole('status')).toHaveText(`24 test cases scored: ${met} of 5 targets met.`);
  const totals = dialog.getByRole('table', { name: 'Totals' });
  await expect(totals.getByRole('row', { name: /^Chain completion/ })).toHaveText(
    new RegExp(`Chain completion${percent(report.chain_completion)}> 90 %not met`),
  );
  await expect(totals.getByRole('row', { name: /^Parallel recognition/ })).toContainText(percent(report.parallel_recognition));
  await expect(totals.getByRole('row', { name: /^Over-serialization/ })).toHaveText(
    new RegExp(`Over-serialization${percent(report.over_serialization)}< 10 %met`),
  );
  await expect(totals.getByRole('row', { name: /^Edge F1/ })).toContainText(percent(report.edge_f1));

  // One chart per targeted metric, a bar per pattern.
  const chart = dialog.getByRole('figure', { name: 'Chain completion per pattern' });
  await expect(chart).toContainText('target > 90 %');
  await expect(chart.locator('.evaluate-bar-row')).toHaveCount(7);
  await expect(chart.locator('.evaluate-bar-row', { hasText: 'conditional' })).toContainText(percent(report.by_pattern.conditional.chain_completion));
  await expect(dialog.getByRole('figure')).toHaveCount(5);

  await expect(dialog.getByRole('table', { name: 'By chain' }).getByRole('row')).toHaveCount(1 + 7);
  const worst = dialog.getByRole('list', { name: 'Worst test cases' });
  await expect(worst.getByRole('listitem').first()).toContainText(report.worst[0].id);
  await expect(worst).toContainText('could run together but were made in turns 1 and 2');
  await expect(worst).toContainText('no final reply');

  expect(watched.requests.slice(before), 'requests made while evaluating').toEqual([]);
  await dialog.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/eval.png' });
});

test('a file that is not a gold test set is named, and dropping both files works too', async ({ page }) => {
  await page.getByRole('button', { name: 'Evaluate a model' }).click();
  const dialog = page.getByRole('dialog', { name: 'Evaluate a model' });
  await dialog.getByLabel('Gold test set').setInputFiles(PRED);
  await expect(dialog.getByRole('alert')).toHaveText('eval-pred.jsonl holds no test case: pick a file made with --format eval.');

  const files = [
    { name: 'gold.jsonl', text: readFileSync(GOLD, 'utf8') },
    { name: 'pred.jsonl', text: readFileSync(PRED, 'utf8') },
  ];
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/jsonl' }));
    return dt;
  }, files);
  await dialog.locator('.evaluate-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(dialog.getByRole('status')).toContainText('24 test cases scored');
  await expect(dialog.getByText('gold.jsonl: 24 test cases')).toBeVisible();
});
