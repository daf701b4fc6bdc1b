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
    const r = ok(moveCalls(p, chainId, { book: { x: 999, y: 9 } }));
    const after = resolvePositions(r.project, chainId);
    expect(after.book).toEqual({ x: 999, y: 9 });
    for (const id of ['rooms', 'team', 'invite']) expect(after[id]).toEqual(drawn[id]);
    // The others are now saved where they were drawn.
    expect(chainOf(r.project, chainId).calls.every((c) => c.position)).toBe(true);
  });
});
