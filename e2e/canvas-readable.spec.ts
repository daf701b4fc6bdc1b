import type { Page } from '@playwright/test';
import { acceptReplace, callNode, callNodes, waitForStableViewport } from './support/designer.ts';
import { expect, test } from './support/test.ts';

/**
 * The canvas can be read as it opens (issue 17): every label on a call or an edge is at least
 * 11 px on screen, at 1280×800 and at 1920×1080, on a first visit and after opening an example;
 * a bigger window re-fits until the user moves the view; the minimap covers no call.
 */

const MIN_LABEL_PX = 11;

/** The canvas' zoom, from the viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /scale\(([\d.]+)\)/.exec(style);
  expect(m, `a scale in ${style}`).not.toBeNull();
  return Number(m![1]);
}

/**
 * The smallest label on screen inside the canvas: every element with text of its own that is
 * drawn and inside the pane, its computed font size × the zoom. Also its text, for the message.
 */
async function smallestLabel(page: Page): Promise<{ px: number; text: string; count: number }> {
  const zoom = await zoomOf(page);
  return page.evaluate((z) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    let px = Infinity;
    let text = '';
    let count = 0;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__viewport *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const inside = r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
      if (!inside) continue;
      count += 1;
      const size = parseFloat(style.fontSize) * z;
      if (size < px) {
        px = size;
        text = el.textContent ?? '';
      }
    }
    return { px, text, count };
  }, zoom);
}

/** Whether a call's box lies wholly inside the canvas pane. */
async function whollyInView(page: Page, callId: string): Promise<boolean> {
  const pane = await page.locator('.react-flow').boundingBox();
  const box = await callNode(page, callId).boundingBox();
  if (!pane || !box) return false;
  return box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height;
}

/** Calls whose drawn part overlaps the minimap's box. */
async function callsUnderMinimap(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = document.querySelector('.react-flow__minimap');
    if (!map) return [];
    const m = map.getBoundingClientRect();
    // The part of a call that is drawn: its box clipped to the canvas pane.
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node-call')]
      .filter((n) => {
        const b = n.getBoundingClientRect();
        const r = {
          left: Math.max(b.left, pane.left),
          right: Math.min(b.right, pane.right),
          top: Math.max(b.top, pane.top),
          bottom: Math.min(b.bottom, pane.bottom),
        };
        if (r.left >= r.right || r.top >= r.bottom) return false;
        return r.right > m.left && r.left < m.right && r.bottom > m.top && r.top < m.bottom;
      })
      .map((n) => n.getAttribute('data-id') ?? '?');
  });
}

// Every test starts on a first visit: the designer with the room-booking example.
test.use({ designer: 'example' });

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`first view at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every label on the canvas is at least 11 px, the first turn is wholly in view, the minimap covers no call', async ({ page }) => {
      const smallest = await smallestLabel(page);
      expect(smallest.count, 'labels measured').toBeGreaterThan(20);
      expect(smallest.px, `smallest label: “${smallest.text}”`).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      // The first turn (rooms and team run together) is on screen.
      expect(await whollyInView(page, 'rooms')).toBe(true);
      expect(await whollyInView(page, 'team')).toBe(true);
      // The minimap, once shown, sits beside the canvas, not over it: at the first view and after Fit View.
      await page.getByRole('button', { name: 'Minimap' }).click();
      await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
      await waitForStableViewport(page);
      expect(await callsUnderMinimap(page)).toEqual([]);
      await page.getByRole('button', { name: 'Fit View' }).click();
      await waitForStableViewport(page);
      expect(await callsUnderMinimap(page)).toEqual([]);
    });

    test('after opening an example from the gallery, the labels are readable too', async ({ page }) => {
      await page.getByRole('button', { name: 'Examples' }).click();
      await page
        .getByRole('dialog', { name: 'Examples' })
        .getByRole('button', { name: /^Trip planning/ })
        .click();
      await acceptReplace(page);
      await expect(callNode(page, 'flights')).toBeVisible();
      await waitForStableViewport(page);
      const smallest = await smallestLabel(page);
      expect(smallest.count).toBeGreaterThan(10);
      expect(smallest.px, `smallest label: “${smallest.text}”`).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      // The first turn's top call is in view (the rest of the chain is a pan away).
      expect(await whollyInView(page, 'hotels')).toBe(true);
      await page.getByRole('button', { name: 'Minimap' }).click();
      await waitForStableViewport(page);
      expect(await callsUnderMinimap(page)).toEqual([]);
    });
  });
}

test.describe('the view follows the window until the user moves it', () => {
  test('a bigger window shows the whole chain; once the user has zoomed, a resize leaves the view alone', async ({ page }) => {
    // At 1280×800 the chain is wider than the canvas at a readable zoom: the last call is off screen.
    expect(await whollyInView(page, 'invite')).toBe(false);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => whollyInView(page, 'invite')).toBe(true);
    for (const id of ['rooms', 'team', 'book']) expect(await whollyInView(page, id)).toBe(true);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await waitForStableViewport(page);
    const chosen = await page.locator('.react-flow__viewport').getAttribute('style');
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitForStableViewport(page);
    expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(chosen);
  });

  test('the minimap is shown and hidden with its toggle', async ({ page }) => {
    const toggle = page.getByRole('button', { name: 'Minimap' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
    await toggle.click();
    await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
  });
});

test.describe('the frame and the library', () => {
  /** The work area reaches the bottom of the window: no grey strip under it. */
  async function expectFilled(page: Page): Promise<void> {
    const height = page.viewportSize()!.height;
    await expect
      .poll(async () => Math.round((await page.locator('.app-main').boundingBox())!.y + (await page.locator('.app-main').boundingBox())!.height))
      .toBe(height);
  }

  test('the work area fills the window after New project and after Add chain', async ({ page }) => {
    await expectFilled(page);
    await page.getByRole('button', { name: 'New project' }).click();
    await acceptReplace(page);
    await expect(callNodes(page)).toHaveCount(0);
    await expectFilled(page);
    await page.getByRole('button', { name: 'Add chain' }).click();
    await confirmIfAsked(page);
    await expectFilled(page);
  });

  test('tool names in the library wrap between words, never inside one', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const names = page.locator('.tool-card-name');
    await expect(names.first()).toBeVisible();
    const split = await names.evaluateAll((els) =>
      els.flatMap((el) =>
        [...el.children]
          // A part on two lines has boxes at two heights (the <wbr> after it adds an empty box on its line).
          .filter((part) => new Set([...part.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1)
          .map((part) => `${el.textContent}: ${part.textContent}`),
      ),
    );
    expect(split, 'words broken across lines').toEqual([]);
    // The names are whole words joined by underscores, as in the project.
    await expect(names.filter({ hasText: 'find_available_rooms' })).toHaveCount(1);
  });
});

/** Add chain may ask for the chain's name first: give one and accept. */
async function confirmIfAsked(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
  try {
    await dialog.first().waitFor({ state: 'visible', timeout: 1000 });
  } catch {
    return;
  }
  const textbox = dialog.first().getByRole('textbox');
  if ((await textbox.count()) > 0 && (await textbox.first().inputValue()) === '') await textbox.first().fill('second');
  await dialog
    .first()
    .getByRole('button', { name: /^(Add|Create|OK|Replace|Start|New project|Discard|Continue)/i })
    .first()
    .click();
  await expect(dialog).toHaveCount(0);
}
