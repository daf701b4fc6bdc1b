import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadExample, exampleTexts, withSavedPositions } from '../testing/fixtures.ts';
import { planChain } from '../graph/plan.ts';
import { applyAutoLayout, autoLayout, resolvePositions } from './autoLayout.ts';
import { COLUMN_GAP, layoutColumns, placeMissing, ROW_GAP } from './columns.ts';
import { NODE_WIDTH, nodeSize } from './nodeSize.ts';

describe('autoLayout', () => {
  it('puts each level in its own column, left to right, for every example', () => {
    for (const name of Object.keys(exampleTexts)) {
      const p = loadExample(name);
      for (const chain of p.chains) {
        const planned = planChain(p, chain);
        if (!planned.ok) continue;
        const pos = autoLayout(p, chain.id);
        for (const call of chain.calls) {
          const level = planned.plan.levelOf[call.id];
          for (const other of chain.calls) {
            const l2 = planned.plan.levelOf[other.id];
            if (level === l2) expect(pos[call.id].x).toBe(pos[other.id].x);
            if (level < l2) expect(pos[call.id].x + NODE_WIDTH).toBeLessThan(pos[other.id].x);
          }
        }
      }
    }
  });

  it('never overlaps two nodes of a column (random DAGs)', () => {
    const dag = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(dag, ([n, pairs, rows]) => {
        const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ source: `c${a}`, target: `c${b}` }));
        const level: number[] = [];
        for (let i = 0; i < n; i += 1) level[i] = Math.max(0, ...edges.filter((e) => e.target === `c${i}`).map((e) => level[Number(e.source.slice(1))] + 1));
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, level: level[i], ...nodeSize(rows[i], 2) }));
        const pos = layoutColumns(nodes, edges);
        for (const a of nodes) {
          for (const b of nodes) {
            if (a === b || pos[a.id].x !== pos[b.id].x) continue;
            const apart = pos[a.id].y + a.height + ROW_GAP <= pos[b.id].y || pos[b.id].y + b.height + ROW_GAP <= pos[a.id].y;
            expect(apart).toBe(true);
          }
          expect(pos[a.id].x).toBe(level[Number(a.id.slice(1))] * (NODE_WIDTH + COLUMN_GAP));
        }
      }),
    );
  });
});

describe('resolvePositions', () => {
  it('keeps saved positions and places a new call below its column', () => {
    const p = withSavedPositions(loadExample('room-booking'));
    const chain = p.chains[0];
    const saved = Object.fromEntries(chain.calls.map((c) => [c.id, c.position]));
    const withNew = { ...p, chains: [{ ...chain, calls: [...chain.calls, { id: 'extra', tool: chain.calls[0].tool, args: {} }] }] };
    const pos = resolvePositions(withNew, chain.id);
    for (const c of chain.calls) expect(pos[c.id]).toEqual(saved[c.id]);
    expect(pos.extra.x).toBe(0);
    expect(pos.extra.y).toBeGreaterThan(Math.max(...chain.calls.filter((c) => c.position!.x === 0).map((c) => c.position!.y)));
  });

  it("'all' lays out everything again, and applyAutoLayout writes it", () => {
    const p = loadExample('room-booking');
    const id = p.chains[0].id;
    const laid = applyAutoLayout(p, id);
    const auto = autoLayout(p, id);
    expect(resolvePositions(p, id, 'all')).toEqual(auto);
    for (const c of laid.chains[0].calls) expect(c.position).toEqual(auto[c.id]);
    expect(applyAutoLayout(laid, id)).toBe(laid);
  });

  it('places missing nodes in their level column', () => {
    const pos = placeMissing([{ id: 'a', width: 10, height: 10, level: 2 }]);
    expect(pos.a.y).toBe(0);
    expect(pos.a.x).toBeGreaterThan(0);
  });
});
