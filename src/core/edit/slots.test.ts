import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { collectReferences } from '../refs/parse.ts';
import { removeSlot, renameSlot, setSlot } from './slots.ts';
import { chainOf, deepFreeze, ok } from './testing.testutil.ts';

const CHAIN = 'book-and-invite';
const base = () => deepFreeze(loadExample('room-booking'));

describe('slots', () => {
  it('renames a slot and every reference to it, in place', () => {
    const p = base();
    const names = Object.keys(chainOf(p, CHAIN).slots!);
    expect(names).toContain('date');
    const r = ok(renameSlot(p, CHAIN, 'date', 'day'));
    const chain = chainOf(r.project, CHAIN);
    expect(Object.keys(chain.slots!)).toEqual(names.map((n) => (n === 'date' ? 'day' : n)));
    const roots = collectReferences(chain).map((x) => x.ref.root);
    expect(roots).toContain('day');
    expect(roots).not.toContain('date');
  });

  it('refuses bad names, clashes with calls and malformed specs', () => {
    expect(setSlot(base(), CHAIN, 'book', 'x').ok).toBe(false);
    expect(setSlot(base(), CHAIN, 'a b', 'x').ok).toBe(false);
    expect(setSlot(base(), CHAIN, 'n', { int: [5, 1] }).ok).toBe(false);
    expect(renameSlot(base(), CHAIN, 'date', 'rooms').ok).toBe(false);
  });

  it('sets and removes a slot', () => {
    const r = ok(setSlot(base(), CHAIN, 'n', { int: [1, 5] }));
    expect(chainOf(r.project, CHAIN).slots!.n).toEqual({ int: [1, 5] });
    expect('n' in chainOf(ok(removeSlot(r.project, CHAIN, 'n')).project, CHAIN).slots!).toBe(false);
  });
});
