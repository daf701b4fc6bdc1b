import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { resolvePositions } from '../layout/autoLayout.ts';
import { moveCalls } from './calls.ts';
import { chainOf, deepFreeze, ok } from './testing.testutil.ts';

describe('moveCalls', () => {
  it('moving one call of a chain laid out automatically leaves every other call where it was drawn', () => {
    const p = deepFreeze(loadExample('room-booking'));
    const chainId = p.chains[0].id;
    expect(chainOf(p, chainId).calls.every((c) => !c.position)).toBe(true);
    const drawn = resolvePositions(p, chainId);
    const r = ok(moveCalls(p, chainId, { book: { x: 1400, y: 9 } })); // clear of the others (one in its way would move down)
    const after = resolvePositions(r.project, chainId);
    expect(after.book).toEqual({ x: 1400, y: 9 });
    for (const id of ['rooms', 'team', 'invite']) expect(after[id]).toEqual(drawn[id]);
    // Only the moved call is placed; the others still follow the automatic layout.
    expect(
      chainOf(r.project, chainId)
        .calls.filter((c) => c.position)
        .map((c) => c.id),
    ).toEqual(['book']);
  });
});
