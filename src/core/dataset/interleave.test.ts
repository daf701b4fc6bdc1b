import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSchedule } from './interleave.ts';

describe('createSchedule', () => {
  it('places every example of every chain exactly once, each chain in its own order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { minLength: 1, maxLength: 7 }), (counts) => {
        const s = createSchedule(counts);
        const next = counts.map(() => 0);
        for (let p = 0; p < s.total; p += 1) {
          const { chain, local } = s.at(p);
          expect(local).toBe(next[chain]);
          next[chain] += 1;
        }
        expect(next).toEqual(counts);
      }),
    );
  });

  it('interleaves rather than writing one block per chain', () => {
    const s = createSchedule([300, 100]);
    const firstHundred = Array.from({ length: 100 }, (_, p) => s.at(p).chain);
    expect(firstHundred.filter((c) => c === 1).length).toBe(25);
  });

  it('stays exact for very large files', () => {
    const s = createSchedule([3e9, 1e9 + 7, 5]);
    const near = [0, 1, 4e9 - 1, 4e9 + 11].map((p) => s.at(p));
    expect(near.every((x) => x.local >= 0)).toBe(true);
    expect(s.at(s.total - 1).local).toBeLessThan(3e9);
  });
});
