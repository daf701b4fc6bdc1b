#!/usr/bin/env node
// `npm run screenshots`: the README's "Your first design" pictures, taken from the real app.
// Builds the app into a temporary directory, serves it with `vite preview` on a free port,
// walks through the steps in Debian's Chromium (CHROMIUM_PATH to use another) at 1280×800 and
// writes docs/images/first-design-*.png. Nothing is downloaded; the page makes no requests
// beyond its own origin. Run it again after a UI change, and look at the pictures.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'chainwright-shots-'));
const images = join(root, 'docs', 'images');
mkdirSync(images, { recursive: true });

await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const shot = async (name) => {
    await settle(page);
    await page.screenshot({ path: join(images, `first-design-${name}.png`) });
    console.log(`docs/images/first-design-${name}.png`);
  };
  const node = (id) => page.getByRole('group', { name: new RegExp(`^Call ${id} · `) });
  const fitView = async () => page.getByRole('button', { name: 'Fit View' }).click();

  // 1. Open the app: the room-booking example is loaded, its first turn in view.
  await page.goto(url);
  await node('rooms').waitFor();
  await shot('1-example');

  // 2. Read the canvas: select a call; its inputs and what it waits for are highlighted.
  await node('book').locator('.call-card-head').click();
  await page.getByRole('heading', { name: 'Call book' }).waitFor();
  await shot('2-read');

  // 3. Add a call: Quick add finds the tool; the call lands in a free spot of the first column.
  await page.getByRole('searchbox', { name: 'Quick add' }).fill('send_inv');
  await page.getByRole('searchbox', { name: 'Quick add' }).press('Enter');
  await node('invites').waitFor();
  await fitView();
  await shot('3-add');

  // 4. Connect: drag a result field onto an argument; the call moves to its turn's column.
  //    (Both of the new call's required arguments, so that the design has no problems.)
  await drag(page, page.getByLabel('Result field booking_id of book', { exact: true }), page.getByLabel('Argument booking_id of invites', { exact: true }));
  await page.getByRole('group', { name: /^invites\.booking_id ← \{book\.booking_id\}/ }).waitFor();
  await drag(page, page.getByLabel('Result field members[].email of team', { exact: true }), page.getByLabel('Argument attendees of invites', { exact: true }));
  await page.getByRole('group', { name: /^invites\.attendees ← \{team\.members\[\*\]\.email\}/ }).waitFor();
  await fitView();
  await shot('4-connect');

  // 5. Preview: one generated conversation of the design.
  await page.getByRole('tablist', { name: 'Details' }).getByRole('tab', { name: 'Preview' }).click();
  await page.getByRole('list', { name: 'Conversation' }).waitFor();
  await shot('5-preview');

  // 6. Export: the dataset dialog.
  await page.getByRole('button', { name: /^Export( dataset)?$/ }).click();
  await page.getByRole('dialog').first().waitFor();
  await page.getByText('Preparing the preview…').waitFor({ state: 'hidden', timeout: 60_000 });
  await shot('6-export');
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
  rmSync(outDir, { recursive: true, force: true });
}

/** Waits until the canvas' viewport stops moving (two equal transforms, a frame apart). */
async function settle(page) {
  let last = '';
  for (let i = 0; i < 50; i += 1) {
    const now =
      (await page
        .locator('.react-flow__viewport')
        .getAttribute('style')
        .catch(() => '')) ?? '';
    if (now === last) return;
    last = now;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** A mouse drag from one element's centre to another's, in steps (as a person drags). */
async function drag(page, from, to) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
