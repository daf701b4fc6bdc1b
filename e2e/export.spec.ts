import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { parseProject, type Project } from '../src/core/index.ts';
import { checkDistilBundle, openaiFormat, prepareDataset } from '../src/core/generation.ts';
import { acceptReplace } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * The "Export dataset" dialog: the file is made in a Web Worker, streamed into a download, and
 * every line of it passes the core's checker (run here, on the Node side, on the downloaded
 * file). The tests use the "Download" button: a download is deterministic in headless Chromium,
 * where a save-file picker would need a person.
 */

/** The dialog's preview comes from a worker that first has to start (slow on a busy machine). */
const PREVIEW_TIMEOUT = 15_000;

function exampleProject(name: string): Project {
  const parsed = parseProject(readFileSync(`public/examples/${name}.chain.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.project;
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('export dataset', () => {
  test.use({ designer: 'example' });
  test.beforeEach(async ({ page }) => {
    await expect(page.getByRole('button', { name: 'Export dataset' })).toBeVisible();
  });

  test('exports 1000 openai examples through the dialog: the downloaded file is the core’s, and every line passes the checker', async ({ page }) => {
    const dialog = await openExport(page);
    await dialog.getByRole('textbox', { name: 'Total examples' }).fill('1000');
    await expect(dialog.getByLabel('Format')).toHaveValue('openai');
    const seed = Number(await dialog.getByRole('textbox', { name: 'Seed' }).inputValue());
    // The preview shows the file's first lines; the stats come from a real tokenizer.
    const preview = dialog.getByRole('list', { name: /^First lines of / });
    // A preview is made in a worker; the first one waits for the worker to start.
    await expect(preview.getByRole('listitem')).toHaveCount(3, { timeout: PREVIEW_TIMEOUT });
    await expect(dialog.getByRole('definition').filter({ hasText: /o200k_base/ })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('room-booking-and-invites.openai.jsonl');
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1000);
    const project = exampleProject('room-booking');
    const prepared = prepareDataset({ project, format: 'openai', seed, selection: { kind: 'mix', total: 1000, chains: project.chains.map((c) => c.id) } });
    if (!prepared.ok) throw new Error('the core refused the spec');
    lines.forEach((line, i) => expect(openaiFormat.check(line, prepared.run.tools), `line ${i + 1}`).toEqual([]));
    // Byte for byte what the core makes for the same spec in Node.
    let expected = '';
    for (const chunk of prepared.run.chunks()) if (chunk.kind === 'lines') expected += chunk.text;
    expect(text === expected, 'the browser file equals the core’s output').toBe(true);
    expect(await preview.getByRole('listitem').first().innerText()).toBe(lines[0]);

    await expect(dialog.getByRole('status')).toContainText('Exported 1,000 examples to room-booking-and-invites.openai.jsonl');
    await expect(dialog.getByRole('link', { name: /Download .* again/ })).toBeVisible();
  });

  test('a large export made by several workers at once is the same file, byte for byte', async ({ page }) => {
    test.setTimeout(90_000);
    // Pretend to have four cores, so that the export is split over three workers on any machine.
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
    await page.goto('./');
    const dialog = await openExport(page);
    await dialog.getByRole('textbox', { name: 'Total examples' }).fill('20000');
    await dialog.getByRole('checkbox', { name: 'Tools on every line' }).uncheck();
    await expect(dialog.getByRole('definition').filter({ hasText: '20,000' })).toBeVisible({ timeout: PREVIEW_TIMEOUT });
    const seed = Number(await dialog.getByRole('textbox', { name: 'Seed' }).inputValue());
    const previewWorkers = page.workers().length;
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Download' }).click();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    // One worker per core but one (the page keeps a core): several from three cores on.
    if (cores >= 3) await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(previewWorkers + 2);
    const text = readFileSync((await (await downloading).path())!, 'utf8');
    const project = exampleProject('room-booking');
    const prepared = prepareDataset({
      project,
      format: 'openai',
      seed,
      selection: { kind: 'mix', total: 20_000, chains: project.chains.map((c) => c.id) },
      options: { includeTools: false },
    });
    if (!prepared.ok) throw new Error('the core refused the spec');
    let expected = '';
    for (const chunk of prepared.run.chunks()) if (chunk.kind === 'lines') expected += chunk.text;
    expect(text.length).toBe(expected.length);
    expect(text === expected, 'the shards, concatenated in order, are the unsharded file').toBe(true);
  });

  test('Cancel stops a large export at once; no file is offered and the page stays usable', async ({ page }) => {
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const dialog = await openExport(page);
    await dialog.getByRole('textbox', { name: 'Total examples' }).fill('1000000');
    await expect(dialog.getByRole('definition').filter({ hasText: '1,000,000' })).toBeVisible({ timeout: PREVIEW_TIMEOUT });
    const previewWorkers = page.workers().length;
    await dialog.getByRole('button', { name: 'Download' }).click();

    const status = dialog.getByRole('status');
    await expect(status).toContainText(/examples\/s/);
    await expect(status).toContainText(/left/);
    const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);

    expect(page.workers().length).toBeGreaterThan(previewWorkers);
    const cancelledAt = Date.now();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(status).toHaveText(/^Cancelled after [\d,]+ of 1,000,000 examples: no file was written\./, { timeout: 1000 });
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    // Every export worker is gone (terminated); the preview's stays.
    await expect.poll(() => page.workers().length).toBe(previewWorkers);
    await expect(progress).toHaveCount(0);

    // Usable: the settings take input again and the preview follows them.
    await dialog.getByRole('textbox', { name: 'Total examples' }).fill('25');
    await expect(dialog.getByRole('definition').filter({ hasText: /^25$/ })).toBeVisible({ timeout: PREVIEW_TIMEOUT });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export dataset' })).toBeFocused();
    expect(downloads).toEqual([]);
  });

  test('Escape closes the dialog', async ({ page }) => {
    const dialog = await openExport(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('distil refuses a chain without per-step requests and says what to add', async ({ page }) => {
    const dialog = await openExport(page);
    await dialog.getByLabel('Format').selectOption('distil');
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('add "requests" to call "rooms"', { timeout: PREVIEW_TIMEOUT });
    await expect(alert).toContainText('$.chains[0].calls[0].requests');
    await expect(dialog.getByRole('button', { name: 'Download' })).toBeDisabled();
  });

  test('exports a distil bundle as a zip: job_description.json, config.yaml, train.jsonl, test.jsonl, all passing the bundle checker', async ({ page }) => {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('button', { name: /File system navigation/ }).click();
    await acceptReplace(page);
    await expect(page.getByRole('dialog', { name: 'Examples' })).toHaveCount(0);
    const dialog = await openExport(page);
    await dialog.getByLabel('Format').selectOption('distil');
    await dialog.getByRole('textbox', { name: 'Total examples' }).fill('200');
    await dialog.getByRole('checkbox', { name: 'Hold out a test set' }).check();
    await expect(dialog.getByRole('list', { name: 'Split by chain' })).toBeVisible({ timeout: PREVIEW_TIMEOUT });

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^file-system-navigation[\w-]*\.distil\.zip$/);
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(entries).sort()).toEqual(['config.yaml', 'job_description.json', 'test.jsonl', 'train.jsonl']);
    const texts = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
    expect(checkDistilBundle(texts).findings).toEqual([]);
    const train = texts['train.jsonl'].split('\n').filter(Boolean);
    const test_ = texts['test.jsonl'].split('\n').filter(Boolean);
    expect(train.length).toBeGreaterThan(0);
    expect(test_.length).toBeGreaterThan(0);
    // No test request is seen in training (the split is by request template).
    const firstRequest = (line: string) => (JSON.parse((JSON.parse(line) as { question: string }).question) as { content: string }[])[0].content;
    const trainRequests = new Set(train.map(firstRequest));
    expect(test_.map(firstRequest).filter((r) => trainRequests.has(r))).toEqual([]);
  });
});
