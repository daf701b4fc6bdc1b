import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadExample, exampleTexts, withSavedPositions } from '../testing/fixtures.ts';
import { planChain } from '../graph/plan.ts';
import { applyAutoLayout, autoLayout, resolvePositions } from './autoLayout.ts';
import { COLUMN_GAP, layoutColumns, placeMissing, ROW_GAP } from './columns.ts';
import { NODE_WIDTH, nodeSize } from './nodeSize.ts';
import { turnColumns } from './turnColumns.ts';
import type { Project } from '../project/types.ts';

/** The project with a request on every call of every chain: each chain is multi-turn (project format §9.2). */
function everyCallAsked(p: Project): Project {
  return { ...p, chains: p.chains.map((c) => ({ ...c, calls: c.calls.map((call) => ({ ...call, requests: [`Now ${call.tool}.`] })) })) };
}

describe('autoLayout', () => {
  it('puts each turn in its own column, left to right, for every example, single- and multi-turn', () => {
    let multiTurnChains = 0;
    for (const name of Object.keys(exampleTexts)) {
      for (const p of [loadExample(name), everyCallAsked(loadExample(name))]) {
        for (const chain of p.chains) {
          const planned = planChain(p, chain);
          if (!planned.ok) continue;
          if (planned.plan.multiTurn) multiTurnChains += 1;
          const turnOf = turnColumns(planned.plan)!;
          const pos = autoLayout(p, chain.id);
          for (const call of chain.calls) {
            for (const other of chain.calls) {
              if (turnOf[call.id] === turnOf[other.id]) expect(pos[call.id].x).toBe(pos[other.id].x);
              if (turnOf[call.id] < turnOf[other.id]) expect(pos[call.id].x + NODE_WIDTH).toBeLessThan(pos[other.id].x);
            }
          }
        }
      }
    }
    expect(multiTurnChains).toBeGreaterThan(10);
  });

  it('gives a multi-turn chain one column per call, in turn order; calls of one level keep their heights (a staircase)', () => {
    const single = loadExample('room-booking');
    const p = everyCallAsked(single);
    const planned = planChain(p, p.chains[0]);
    expect(planned.ok && planned.plan.levels[0]).toEqual(['rooms', 'team']);
    const pos = autoLayout(p, p.chains[0].id);
    const byX = Object.keys(pos).sort((a, b) => pos[a].x - pos[b].x);
    expect(byX).toEqual(planned.ok ? planned.plan.turns.map((t) => t.callIds[0]) : []);
    expect(new Set(Object.values(pos).map((q) => q.x)).size).toBe(4);
    // rooms and team, one above the other when they run together, stay at those heights in their own columns.
    const together = autoLayout(single, single.chains[0].id);
    for (const id of byX) expect(pos[id].y).toBe(together[id].y);
    expect(together.rooms.x).toBe(together.team.x);
  });

  it('columns are the levels in a single-turn chain (the layout is by level, as before)', () => {
    for (const name of Object.keys(exampleTexts)) {
      const p = loadExample(name);
      for (const chain of p.chains) {
        const planned = planChain(p, chain);
        if (!planned.ok || planned.plan.multiTurn) continue;
        expect(turnColumns(planned.plan)).toEqual(planned.plan.levelOf);
      }
    }
    expect(turnColumns(null)).toBeNull();
  });

  it('never overlaps two nodes of a column, and puts each node in its column (random DAGs, by level or one call per column)', () => {
    const dag = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n }),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(dag, ([n, pairs, rows, oneByOne]) => {
        const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ source: `c${a}`, target: `c${b}` }));
        const level: number[] = [];
        for (let i = 0; i < n; i += 1) level[i] = Math.max(0, ...edges.filter((e) => e.target === `c${i}`).map((e) => level[Number(e.source.slice(1))] + 1));
        // One call per column: the calls by level, then index (a topological order, as the plan's turns of a multi-turn chain).
        const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => level[a] - level[b] || a - b);
        const column = oneByOne ? order.map((_, i) => order.indexOf(i)) : level;
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, column: column[i], level: level[i], ...nodeSize(rows[i], 2) }));
        const pos = layoutColumns(nodes, edges);
        for (const a of nodes) {
          for (const b of nodes) {
            if (a === b || pos[a.id].x !== pos[b.id].x) continue;
            const apart = pos[a.id].y + a.height + ROW_GAP <= pos[b.id].y || pos[b.id].y + b.height + ROW_GAP <= pos[a.id].y;
            expect(apart).toBe(true);
          }
          expect(pos[a.id].x).toBe(column[Number(a.id.slice(1))] * (NODE_WIDTH + COLUMN_GAP));
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

  it('keeps saved positions of a multi-turn chain, and places a new call in its turn column', () => {
    const p = everyCallAsked(withSavedPositions(loadExample('room-booking')));
    const chain = p.chains[0];
    const extra = { id: 'extra', tool: chain.calls[0].tool, args: {}, requests: ['And more rooms.'] };
    const withNew = { ...p, chains: [{ ...chain, calls: [...chain.calls, extra] }] };
    const planned = planChain(withNew, withNew.chains[0]);
    // A first-level call: its turn comes after rooms and team, before book.
    expect(planned.ok && planned.plan.turns.map((t) => t.callIds)).toEqual([['rooms'], ['team'], ['extra'], ['book'], ['invite']]);
    const pos = resolvePositions(withNew, chain.id);
    for (const c of chain.calls) expect(pos[c.id]).toEqual(c.position);
    expect(pos.extra.x).toBe(2 * (NODE_WIDTH + COLUMN_GAP));
  });

  it('places missing nodes in their column', () => {
    const pos = placeMissing([{ id: 'a', width: 10, height: 10, column: 2 }]);
    expect(pos.a.y).toBe(0);
    expect(pos.a.x).toBeGreaterThan(0);
  });
});
