import { readFileSync } from 'node:fs';
import { parseProject } from '../src/core/index.ts';
import { openaiFormat, prepareDataset } from '../src/core/generation.ts';
import { expect, test } from './support/test.ts';

/** "Check a dataset": a JSONL file made elsewhere, checked line by line by the export's checker. */

function linesOf(format: string, count: number, includeTools: boolean): string[] {
  const parsed = parseProject(readFileSync('public/examples/room-booking.chain.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const prepared = prepareDataset({ project: parsed.project, format, seed: 9, selection: { kind: 'even', total: count }, options: { includeTools } });
  if (!prepared.ok) throw new Error('refused');
  let text = '';
  for (const chunk of prepared.run.chunks()) if (chunk.kind === 'lines') text += chunk.text;
  return text.split('\n').filter(Boolean);
}

const openaiLines = (count: number, includeTools: boolean) => linesOf('openai', count, includeTools);

test.describe('check a dataset', () => {
  test.use({ designer: 'example' });
  test.beforeEach(async ({ page }) => {
    await page.getByRole('button', { name: 'Check a dataset' }).click();
    await expect(page.getByRole('dialog', { name: 'Check a dataset' })).toBeVisible();
  });

  test('finds the broken lines of a file and names each line and rule', async ({ page }) => {
    const lines = openaiLines(5, true);
    const record = JSON.parse(lines[2]) as { messages: { tool_calls?: { function: { arguments: unknown } }[] }[] };
    const call = record.messages.find((m) => m.tool_calls)!.tool_calls![0];
    call.function.arguments = JSON.parse(call.function.arguments as string);
    lines[2] = JSON.stringify(record);
    lines[4] = lines[4].slice(0, 40);
    const dialog = page.getByRole('dialog', { name: 'Check a dataset' });
    await dialog
      .getByLabel('Dataset file to check')
      .setInputFiles({ name: 'elsewhere.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n') + '\n') });

    const findingCount = lines.reduce((n, line) => n + openaiFormat.check(line).length, 0);
    expect(findingCount).toBeGreaterThanOrEqual(2);
    await expect(dialog.getByRole('status')).toHaveText(`elsewhere.jsonl: 5 lines checked as openai (detected): 2 lines with ${findingCount} findings.`);
    const findings = dialog.getByRole('list', { name: 'Findings' });
    await expect(findings.getByRole('listitem', { name: 'Line 3' })).toContainText('arguments-not-string');
    await expect(findings.getByRole('listitem', { name: 'Line 3' })).toContainText('$.messages[2].tool_calls[0].function.arguments');
    await expect(findings.getByRole('listitem', { name: 'Line 5' })).toContainText('not-json');
    await expect(findings.getByRole('listitem', { name: /^Line \d+$/ })).toHaveCount(2);
  });

  test('checks lines without tools against the project’s tools, or says all is good', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Check a dataset' });
    await dialog.getByLabel('Format').selectOption('openai');
    await dialog
      .getByLabel('Dataset file to check')
      .setInputFiles({ name: 'plain.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(openaiLines(40, false).join('\n')) });
    await expect(dialog.getByRole('status')).toHaveText('plain.jsonl: 40 lines checked as openai: all good.');
    await expect(dialog.getByRole('list', { name: 'Findings' })).toHaveCount(0);
  });

  test('a file checked as the wrong format: every line fails, and one click checks it as the format it is', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Check a dataset' });
    await dialog.getByLabel('Format').selectOption('openai');
    await dialog
      .getByLabel('Dataset file to check')
      .setInputFiles({ name: 'sg.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(linesOf('sharegpt', 6, true).join('\n')) });
    await expect(dialog.getByRole('status')).toContainText('sg.jsonl: 6 lines checked as openai: 6 lines with');
    await expect(dialog.getByText('The first line fails as openai but is a valid sharegpt line.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Check as sharegpt' }).click();
    await expect(dialog.getByRole('status')).toHaveText('sg.jsonl: 6 lines checked as sharegpt: all good.');
    await expect(dialog.getByLabel('Format')).toHaveValue('sharegpt');
    await expect(dialog.getByRole('list', { name: 'Findings' })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: /^Check as / })).toHaveCount(0);
  });

  test('a Hermes function-calling dataset file (conversations/from) checked as sharegpt is recognised and passes as hermes-conversations', async ({ page }) => {
    const dialog = page.getByRole('dialog', { name: 'Check a dataset' });
    const options = await dialog.getByLabel('Format').locator('option').allTextContents();
    expect(options).toContain('hermes-conversations — Hermes function-calling dataset (conversations/from)');
    await dialog.getByLabel('Format').selectOption('sharegpt');
    await dialog
      .getByLabel('Dataset file to check')
      .setInputFiles({ name: 'hermes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(linesOf('hermes-conversations', 4, true).join('\n')) });
    await expect(dialog.getByText('The first line fails as sharegpt but is a valid hermes-conversations line.')).toBeVisible();
    await page.screenshot({ path: 'test-results/check-dataset-hermes-conversations.png' });
    await dialog.getByRole('button', { name: 'Check as hermes-conversations' }).click();
    await expect(dialog.getByRole('status')).toHaveText('hermes.jsonl: 4 lines checked as hermes-conversations: all good.');
  });
});
