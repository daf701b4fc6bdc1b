import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate } from './fakerPath.ts';

describe('formatDate (epoch arithmetic)', () => {
  it('writes exactly what Date gives for any instant of years 0–9999', () => {
    const viaDate = (ms: number, as: 'date' | 'datetime') => {
      const d = new Date(ms);
      return as === 'date'
        ? `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
        : `${d.toISOString().slice(0, 19)}Z`;
    };
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(formatDate(ms, 'date')).toBe(viaDate(ms, 'date'));
        expect(formatDate(new Date(ms), 'datetime')).toBe(viaDate(ms, 'datetime'));
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, -1, 951_782_400_000, 4_107_456_000_000, -62_167_219_200_000, 253_402_300_799_999]) {
      expect(formatDate(ms, 'datetime')).toBe(viaDate(ms, 'datetime'));
    }
  });
});
