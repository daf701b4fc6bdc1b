import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { acceptReplace, openFile, waitForStableViewport } from './support/designer.ts';
import { generateDesign } from './perf/generateDesign.ts';
import { expect, test } from './support/test.ts';

/**
 * In a large chain only the calls in view are drawn, and the canvas tells React Flow where each
 * call's handles are (src/ui/canvas/nodeHandles.ts) instead of drawing every call once to
 * measure them. A wire to a call out of view ends where the call's handle is worked out to be;
 * once the call scrolls into view React Flow measures the handle as drawn (app.css). The two
 * must agree: a wire must not jump when its call comes into view.
 */

interface Wire {
  id: string;
  ends: number[];
}

/** The wires drawn (their ends, in flow coordinates) and the calls drawn. */
async function snapshot(page: Page): Promise<{ wires: Wire[]; calls: string[] }> {
  return page.evaluate(() => {
    const wires = [...document.querySelectorAll<SVGPathElement>('.react-flow__edge path.dependency-path')].map((path) => {
      const n = (path.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
      return { id: path.closest('.react-flow__edge')!.getAttribute('data-id')!, ends: [n[0], n[1], n[n.length - 2], n[n.length - 1]] };
    });
    const calls = [...document.querySelectorAll('.react-flow__node-call')].map((n) => n.getAttribute('data-id')!);
    return { wires, calls };
  });
}

/** Drags the empty canvas by (dx, dy) screen pixels, in small steps, as a person pans. */
async function pan(page: Page, dx: number, dy: number): Promise<void> {
  await page.evaluate(
    async ([dx, dy]) => {
      const pane = document.querySelector('.react-flow__pane')!;
      const box = pane.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const at = (cx: number, cy: number) => ({ bubbles: true, cancelable: true, clientX: cx, clientY: cy, button: 0, buttons: 1, view: window });
      pane.dispatchEvent(new PointerEvent('pointerdown', at(x, y)));
      pane.dispatchEvent(new MouseEvent('mousedown', at(x, y)));
      const steps = 20;
      for (let i = 1; i <= steps; i += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        window.dispatchEvent(new PointerEvent('pointermove', at(x + (dx * i) / steps, y + (dy * i) / steps)));
        window.dispatchEvent(new MouseEvent('mousemove', at(x + (dx * i) / steps, y + (dy * i) / steps)));
      }
      window.dispatchEvent(new PointerEvent('pointerup', at(x + dx, y + dy)));
      window.dispatchEvent(new MouseEvent('mouseup', at(x + dx, y + dy)));
    },
    [dx, dy],
  );
  await waitForStableViewport(page);
}

test.describe('wires of a large chain', () => {
  // Opening 200 calls and panning: more than one assertion's worth of time on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  test.use({ designer: 'example' });

  test('do not jump when a call they reach scrolls into view (fan-outs and conditions too)', async ({ page }, info) => {
    // 200 calls in 20 columns of 10 rows, 300 px apart: the first view shows about three rows.
    const file = info.outputPath('large.chain.json');
    writeFileSync(file, JSON.stringify(generateDesign(200, 10, { fanOuts: 20, conditions: 20 })));
    await openFile(page, file);
    await acceptReplace(page);
    await expect(page.locator('[data-id="c0"]')).toHaveCount(1);
    await waitForStableViewport(page);
    const before = await snapshot(page);
    expect(before.calls.length, 'only the calls in view are drawn').toBeLessThan(40);

    // Down the columns to their last row: the fan-outs there (drawn with a "for each" strip) come
    // into view and are measured; their "each" wires from the first row were drawn all along.
    await pan(page, 0, -2500);
    await expect(async () => {
      const now = await snapshot(page);
      expect(now.calls.filter((id) => !before.calls.includes(id)).length).toBeGreaterThan(0);
    }).toPass();
    // React Flow measures a call the frame it is drawn, and draws its wires again the frame after.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))));
    const after = await snapshot(page);

    const ends = new Map(after.wires.map((wire) => [wire.id, wire.ends]));
    const kept = before.wires.filter((wire) => ends.has(wire.id));
    const jumped = kept
      .filter((wire) => wire.ends.some((v, i) => Math.abs(v - ends.get(wire.id)![i]) > 0.25))
      .map(
        (wire) =>
          `${wire.id}: ${wire.ends.map((v) => v.toFixed(1)).join(',')} → ${ends
            .get(wire.id)!
            .map((v) => v.toFixed(1))
            .join(',')}`,
      );
    // Wires drawn before and after the pan that reach a call drawn only after it: their end there
    // was worked out before, and is measured now. Edge ids name both calls (`data:c7.tags->c11:…`, `order:a->b`).
    const newlyDrawn = after.calls.filter((id) => !before.calls.includes(id));
    const reaches = (wireId: string, callId: string) => new RegExp(`(^[a-z]+:|->)${callId}(?![\\w-])`).test(wireId);
    const crossing = kept.filter((wire) => newlyDrawn.some((callId) => reaches(wire.id, callId)));
    expect(crossing.length, 'wires to a call that came into view').toBeGreaterThan(0);
    expect(jumped).toEqual([]);
  });
});
