import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { generateDesign } from './generateDesign.ts';
import { waitForStableViewport } from '../support/designer.ts';

/**
 * Speed of the canvas in the production build on headless Chromium; prints figures, asserts
 * nothing about time (speed goals are reported, not unit-tested). Run:
 *
 *   PERF=1 timeout 600 npx playwright test --project=perf
 *
 * For each size: time from choosing the file to the first frame with the nodes painted
 * ("open"), time from navigation to that frame after a reload that restores the autosaved
 * design ("reload"), frames per second while panning for 2 s, and how long selecting a call
 * and deleting it take until the canvas shows it.
 */

/** The sizes measured; `behaviours`: a design that reads its results (issue 14's goal: 500 calls, 50 fan-outs, 50 conditions). */
const CASES: { calls: number; behaviours?: { fanOuts: number; conditions: number } }[] = [
  { calls: 500 },
  { calls: 2000 },
  { calls: 500, behaviours: { fanOuts: 50, conditions: 50 } },
];

interface Figures {
  calls: number;
  /** "50 fan-outs, 50 conditions", or empty. */
  behaviours: string;
  /** Pan of the 4-call example in the same page first: what this browser does with almost nothing to draw. */
  control: { zoom: number; fps: number; p95FrameMs: number; worstFrameMs: number };
  openMs: number;
  reloadMs: number;
  pan: { zoom: number; fps: number; p95FrameMs: number; worstFrameMs: number };
  panNear: { zoom: number; fps: number; p95FrameMs: number; worstFrameMs: number };
  selectMs: number;
  deleteMs: number;
  renderedNodes: number;
}

/** Resolves, in the page, when `done()` holds on a frame that has been painted; returns performance.now() then. */
async function paintedWhen(page: Page, condition: string): Promise<number> {
  return page.evaluate(
    (source) =>
      new Promise<number>((resolve) => {
        const done = new Function(`return (${source});`) as () => boolean;
        const tick = () => {
          if (done()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    condition,
  );
}

/** Resolves when the page's main thread has had 300 ms without a task longer than 50 ms (at most 5 s). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = Math.max(last, entry.startTime + entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const started = performance.now();
        const check = () => {
          const now = performance.now();
          if (now - last >= 300 || now - started > 5000) {
            observer.disconnect();
            resolve();
          } else setTimeout(check, 50);
        };
        check();
      }),
  );
}

async function measurePan(page: Page, ms: number) {
  return page.evaluate(async (duration) => {
    const pane = document.querySelector('.react-flow__pane')!;
    const box = pane.getBoundingClientRect();
    let x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const opts = (cx: number) => ({ bubbles: true, cancelable: true, clientX: cx, clientY: y, button: 0, buttons: 1, view: window });
    pane.dispatchEvent(new PointerEvent('pointerdown', opts(x)));
    pane.dispatchEvent(new MouseEvent('mousedown', opts(x)));
    const frames: number[] = [];
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        frames.push(now);
        x -= 6;
        window.dispatchEvent(new PointerEvent('pointermove', opts(x)));
        window.dispatchEvent(new MouseEvent('mousemove', opts(x)));
        if (now - start < duration) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    window.dispatchEvent(new PointerEvent('pointerup', opts(x)));
    window.dispatchEvent(new MouseEvent('mouseup', opts(x)));
    const deltas = frames
      .slice(1)
      .map((t, i) => t - frames[i])
      .sort((a, b) => a - b);
    const elapsed = frames[frames.length - 1] - frames[0];
    return {
      zoom: Math.round(new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a * 100) / 100,
      fps: Math.round(((frames.length - 1) / elapsed) * 1000 * 10) / 10,
      p95FrameMs: Math.round(deltas[Math.floor(deltas.length * 0.95)] * 10) / 10,
      worstFrameMs: Math.round(deltas[deltas.length - 1] * 10) / 10,
    };
  }, ms);
}

test.describe.configure({ mode: 'serial' });

const results: Figures[] = [];

for (const { calls, behaviours: shape } of CASES) {
  const behaviours = shape ? `${shape.fanOuts} fan-outs, ${shape.conditions} conditions` : '';
  test(`canvas with ${calls} calls${shape ? ` (${behaviours})` : ''}`, async ({ page }, info) => {
    test.setTimeout(180_000);
    const file = info.outputPath(`generated-${calls}${shape ? '-behaviours' : ''}.chain.json`);
    writeFileSync(file, JSON.stringify(generateDesign(calls, 10, shape), null, 2));
    await page.goto('./');
    await expect(page.locator('.react-flow__node-call')).toHaveCount(4);
    const control = await measurePan(page, 2000);

    // Open: from the file chooser's change event (or the yes to replacing the project) to the painted canvas.
    await page.evaluate(() => {
      const input = document.querySelector('input[type=file]')!;
      input.addEventListener('change', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), { once: true });
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open project' }).click();
    const painted = paintedWhen(page, `document.querySelector('[data-id="c0"]') !== null && document.title.startsWith('Generated ${calls}')`);
    await (await chooser).setFiles(file);
    // Opening a file over a project asks first ("Replace this project?"): then the time runs from the yes.
    const ask = page.getByRole('dialog', { name: 'Replace this project?' });
    if (
      await ask.waitFor({ state: 'visible', timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await page.evaluate(() =>
        document.addEventListener('click', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), { capture: true, once: true }),
      );
      await ask.getByRole('button', { name: /^(New project|Open )/ }).click();
    }
    const openEnd = await painted;
    const t0 = await page.evaluate(() => (window as unknown as { __t0: number }).__t0);
    const openMs = Math.round(openEnd - t0);

    await expect(page.getByRole('status', { name: 'Autosave' })).toHaveText('Saved', { timeout: 30_000 });
    const renderedNodes = await page.locator('.react-flow__node-call').count();
    // A person looks before panning: let the work that follows opening (preview, checks) finish.
    await settled(page);
    const pan = await measurePan(page, 2000);
    // The same, zoomed in to where every field name is drawn (four steps of the zoom control).
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(500);
    const panNear = await measurePan(page, 2000);

    // Select a call, then delete it: until the canvas shows it.
    // A call whose header is in view and not covered (the minimap or another node may hide one).
    // Zoomed in on tall nodes (strips of fan-outs and conditions), no header may be in view: zoom out a step and look again.
    const findSpot = () =>
      page.evaluate(() => {
        for (const head of document.querySelectorAll<HTMLElement>('.react-flow__node-call .call-card-head')) {
          const r = head.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (head.contains(document.elementFromPoint(x, y))) return { id: head.closest('.react-flow__node')!.getAttribute('data-id')!, x, y };
        }
        return null;
      });
    let spot = await findSpot();
    for (let i = 0; i < 4 && spot === null; i += 1) {
      await page.getByRole('button', { name: 'Zoom Out' }).click();
      await waitForStableViewport(page);
      spot = await findSpot();
    }
    expect(spot).not.toBeNull();
    const targetId = spot!.id;
    // From the press as the page received it (the event's time stamp, as Chromium's INP counts
    // it), not from this script's call: Playwright's round trips to the browser are not the page's.
    await page.evaluate(() =>
      document.addEventListener('pointerdown', (e) => ((window as unknown as { __t1: number }).__t1 = e.timeStamp), { capture: true, once: true }),
    );
    const selected = paintedWhen(page, `document.querySelector('[data-id="${targetId}"] .call-card.is-selected') !== null`);
    await page.mouse.click(spot!.x, spot!.y);
    const selectMs = Math.round((await selected) - (await page.evaluate(() => (window as unknown as { __t1: number }).__t1)));
    await page.evaluate(() => ((window as unknown as { __t2: number }).__t2 = performance.now()));
    const deleted = paintedWhen(page, `document.querySelector('[data-id="${targetId}"]') === null`);
    await page.keyboard.press('Delete');
    const deleteMs = Math.round((await deleted) - (await page.evaluate(() => (window as unknown as { __t2: number }).__t2)));
    await page.keyboard.press('Control+z');
    await expect(page.locator(`[data-id="${targetId}"]`)).toHaveCount(1);
    await expect(page.getByRole('status', { name: 'Autosave' })).toHaveText('Saved', { timeout: 30_000 });

    // Reload: the autosaved design is restored; from navigation start to the painted canvas. It
    // opens on the view saved above (zoomed in, panned), where c0 may be out of view and so not
    // drawn: any call drawn will do.
    await page.reload({ waitUntil: 'commit' });
    const reloadMs = Math.round(await paintedWhen(page, `document.querySelector('.react-flow__node-call') !== null`));

    const figures: Figures = { calls, behaviours, control, panNear, openMs, reloadMs, pan, selectMs, deleteMs, renderedNodes };
    results.push(figures);
    console.log(JSON.stringify(figures));
  });
}

test.afterAll(() => {
  console.log('\ncanvas performance (production build, headless Chromium, 1280×800)');
  console.log(
    'calls  open(ms)  reload(ms)  zoom  pan fps  p95 frame(ms)  worst(ms)  select(ms)  delete(ms)  nodes in DOM  control: 4 calls fps (p95 ms)  zoomed in: zoom fps (p95 ms)',
  );
  for (const r of results) {
    console.log(
      `${String(r.calls).padStart(5)}${r.behaviours ? ` (${r.behaviours})` : ''}  ${String(r.openMs).padStart(8)}  ${String(r.reloadMs).padStart(10)}  ${String(r.pan.zoom).padStart(4)}  ${String(r.pan.fps).padStart(7)}  ${String(r.pan.p95FrameMs).padStart(13)}  ${String(r.pan.worstFrameMs).padStart(9)}  ${String(r.selectMs).padStart(10)}  ${String(r.deleteMs).padStart(10)}  ${String(r.renderedNodes).padStart(12)}  ${String(r.control.fps).padStart(10)} (${r.control.p95FrameMs})  ${r.panNear.zoom} ${r.panNear.fps} (${r.panNear.p95FrameMs})`,
    );
  }
});
