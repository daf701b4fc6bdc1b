import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateMix, apportion, DEFAULT_MIX, parseMix, type ChainPattern } from './mix.ts';
import { PATTERNS } from './chainPattern.ts';

const trip: ChainPattern[] = [
  { chainId: 'plan-trip', pattern: 'mixed' },
  { chainId: 'weather-only', pattern: 'single' },
  { chainId: 'find-and-book-hotel', pattern: 'sequential-2' },
  { chainId: 'flights-and-weather', pattern: 'parallel-2' },
  { chainId: 'book-flight-and-send', pattern: 'sequential-3plus' },
];

describe('apportion', () => {
  it('splits a total into whole numbers that add up, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(fc.nat(100000), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        const counts = apportion(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(sum > 0 ? total : 0);
        counts.forEach((c, i) => sum > 0 && expect(Math.abs(c - (weights[i] / sum) * total)).toBeLessThan(1));
      }),
    );
  });
});

describe('allocateMix', () => {
  it("meets the seed's table exactly when every pattern has a chain", () => {
    const { counts, report } = allocateMix(trip, 1000);
    expect(Object.fromEntries(counts.map((c) => [c.chainId, c.count]))).toEqual({
      'plan-trip': 100,
      'weather-only': 400,
      'find-and-book-hotel': 250,
      'flights-and-weather': 150,
      'book-flight-and-send': 100,
    });
    for (const row of report.rows) expect(row.achievedCount).toBe(row.targetCount);
    expect(report.missing).toEqual([]);
  });

  it("gives a missing pattern's share to the others and says which patterns had no chain", () => {
    const chains = trip.filter((c) => c.pattern !== 'single' && c.pattern !== 'mixed');
    const { counts, report } = allocateMix(chains, 500);
    expect(counts.reduce((a, c) => a + c.count, 0)).toBe(500);
    expect(report.missing).toEqual(['single', 'mixed']);
    const row = (p: string) => report.rows.find((r) => r.pattern === p)!;
    expect(row('single')).toMatchObject({ targetShare: 0.4, achievedCount: 0 });
    // 25 : 15 : 10 of what is left.
    expect([row('sequential-2').achievedCount, row('parallel-2').achievedCount, row('sequential-3plus').achievedCount]).toEqual([250, 150, 100]);
  });

  it("shares a pattern's count evenly among its chains, and totals always add up", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PATTERNS), { minLength: 1, maxLength: 9 }), fc.nat(5000), (patterns, total) => {
        const chains = patterns.map((pattern, i) => ({ chainId: `c${i}`, pattern }));
        const { counts, report } = allocateMix(chains, total);
        expect(counts.reduce((a, c) => a + c.count, 0)).toBe(total);
        expect(report.total).toBe(total);
        for (const p of PATTERNS) {
          const mine = counts.filter((_, i) => patterns[i] === p).map((c) => c.count);
          if (mine.length) expect(Math.max(...mine) - Math.min(...mine)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('parseMix', () => {
  it('reads weights and names what is wrong', () => {
    expect(parseMix('{"single": 1, "mixed": 3}')).toEqual({
      ok: true,
      mix: { single: 1, 'sequential-2': 0, 'parallel-2': 0, 'sequential-3plus': 0, mixed: 3, loop: 0, conditional: 0 },
    });
    expect(parseMix(JSON.stringify(DEFAULT_MIX))).toEqual({ ok: true, mix: DEFAULT_MIX });
    expect(parseMix('{"loops": 5}')).toMatchObject({ ok: false, path: '$.loops' });
    expect(parseMix('{"loop": 5, "conditional": 1}')).toMatchObject({ ok: true, mix: { loop: 5, conditional: 1 } });
    expect(parseMix('{"single": -1}')).toMatchObject({ ok: false, message: expect.stringContaining('≥ 0') });
    expect(parseMix('{"single": 0}')).toMatchObject({ ok: false, message: expect.stringContaining('every weight is 0') });
    expect(parseMix('[1]')).toMatchObject({ ok: false, path: '$' });
    expect(parseMix('{oops')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
  });
});
