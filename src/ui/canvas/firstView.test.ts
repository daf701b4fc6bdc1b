import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstViewport, READABLE_ZOOM, viewBounds } from './firstView.ts';

const insets = { top: 16, right: 16, bottom: 60, left: 16 };

describe('firstViewport', () => {
  it('centres a chain that fits, at no more than its natural size', () => {
    const v = firstViewport({ x: 0, y: 0, width: 300, height: 200 }, { width: 1000, height: 800 }, insets);
    expect(v.zoom).toBe(1);
    // Centred in the room between the insets.
    expect(v.x + 150).toBeCloseTo(16 + (1000 - 32) / 2);
    expect(v.y + 100).toBeCloseTo(16 + (800 - 76) / 2);
  });

  it('never goes below the readable zoom: a wide chain opens on its first turn (left edge at the inset)', () => {
    const v = firstViewport({ x: -20, y: -40, width: 3000, height: 500 }, { width: 656, height: 700 }, insets);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x).toBe(16 + 20);
    // The height fits: centred vertically.
    expect(v.y + (-40 + 250) * v.zoom).toBeCloseTo(16 + (700 - 76) / 2);
  });

  it('for any chain and canvas: the zoom is within [floor, max], and the chain’s top-left corner is in the room', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 20000 }),
      height: fc.integer({ min: 1, max: 20000 }),
    });
    const size = fc.record({ width: fc.integer({ min: 200, max: 4000 }), height: fc.integer({ min: 200, max: 3000 }) });
    fc.assert(
      fc.property(rect, size, fc.double({ min: 0.3, max: 1, noNaN: true }), (b, s, floor) => {
        const v = firstViewport(b, s, insets, floor, 1);
        expect(v.zoom).toBeGreaterThanOrEqual(floor);
        expect(v.zoom).toBeLessThanOrEqual(1);
        const left = v.x + b.x * v.zoom;
        const top = v.y + b.y * v.zoom;
        expect(left).toBeGreaterThanOrEqual(insets.left - 1e-6);
        expect(top).toBeGreaterThanOrEqual(insets.top - 1e-6);
        // A chain that fits at the floor is entirely inside the room.
        if (b.width * floor <= s.width - 32 && b.height * floor <= s.height - 76) {
          expect(left + b.width * v.zoom).toBeLessThanOrEqual(s.width - insets.right + 1e-6);
          expect(top + b.height * v.zoom).toBeLessThanOrEqual(s.height - insets.bottom + 1e-6);
        }
      }),
    );
  });

  it('bounds cover every band and call; an empty chain has none', () => {
    expect(viewBounds({ nodes: [], bands: [] })).toBeNull();
    const b = viewBounds({
      bands: [{ x: -16, y: -44, width: 272, height: 300 }],
      nodes: [{ position: { x: 380, y: 10 }, width: 240, height: 120 }],
    } as never);
    expect(b).toEqual({ x: -16, y: -44, width: 636, height: 300 });
  });
});
