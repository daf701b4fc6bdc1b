import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstBandOverlap, type BandBox } from './bandOverlap.ts';

const box = (index: number, x: number, y = 0, width = 100, height = 100): BandBox => ({ index, x, y, width, height });

describe('firstBandOverlap', () => {
  it('names the first two turns that share part of the canvas', () => {
    expect(firstBandOverlap([box(0, 0), box(1, 150), box(2, 300)])).toBeNull();
    expect(firstBandOverlap([box(0, 0), box(1, 150), box(2, 200)])).toEqual([1, 2]);
    expect(firstBandOverlap([box(2, 10), box(0, 0), box(1, 500)])).toEqual([0, 2]);
  });

  it('bands that only touch, or sit one above the other, do not overlap', () => {
    expect(firstBandOverlap([box(0, 0), box(1, 100)])).toBeNull();
    expect(firstBandOverlap([box(0, 0, 0), box(1, 0, 100)])).toBeNull();
  });

  it('is null exactly when no two boxes intersect', () => {
    const boxes = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 50 }),
        y: fc.integer({ min: 0, max: 50 }),
        w: fc.integer({ min: 1, max: 20 }),
        h: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(boxes, (list) => {
        const bands = list.map((b, i) => box(i, b.x, b.y, b.w, b.h));
        const cells = (b: BandBox) => {
          const out = new Set<string>();
          for (let x = b.x; x < b.x + b.width; x += 1) for (let y = b.y; y < b.y + b.height; y += 1) out.add(`${x},${y}`);
          return out;
        };
        const sets = bands.map(cells);
        const shared = sets.some((s, i) => sets.some((t, j) => j > i && [...s].some((c) => t.has(c))));
        expect(firstBandOverlap(bands) !== null).toBe(shared);
      }),
      { numRuns: 200 },
    );
  });
});
