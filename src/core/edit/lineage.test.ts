import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ancestors, dependencyPath, descendants } from './lineage.ts';
import { loadExample } from '../testing/fixtures.ts';
import { planChain } from '../graph/plan.ts';

describe('ancestors and descendants', () => {
  it('follow the room-booking plan', () => {
    const p = loadExample('room-booking');
    const planned = planChain(p, p.chains[0]);
    if (!planned.ok) throw new Error('cycle');
    expect([...ancestors(planned.plan, 'invite')].sort()).toEqual(['book', 'rooms', 'team']);
    expect([...descendants(planned.plan, 'rooms')].sort()).toEqual(['book', 'invite']);
    expect([...descendants(planned.plan, 'invite')]).toEqual([]);
  });

  it('agree with each other and with dependencyPath on random graphs', () => {
    const graph = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { maxLength: 20 });
    fc.assert(
      fc.property(graph, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), (pairs, a, b) => {
        const deps = pairs.map(([from, to]) => ({ from: `n${from}`, to: `n${to}` }));
        const A = `n${a}`;
        const B = `n${b}`;
        if (A === B) return;
        expect(descendants(deps, A).has(B)).toBe(ancestors(deps, B).has(A));
        const path = dependencyPath(deps, A, B);
        expect(path !== null).toBe(descendants(deps, A).has(B));
        if (path) {
          expect(path[0]).toBe(A);
          expect(path[path.length - 1]).toBe(B);
          for (let i = 0; i + 1 < path.length; i += 1) expect(deps.some((d) => d.from === path[i] && d.to === path[i + 1])).toBe(true);
        }
      }),
    );
  });
});
