import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './rng.ts';

describe('createRng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('reseed restarts the stream exactly like a new generator', () => {
    const rng = createRng(7);
    const first = Array.from({ length: 10 }, () => rng.int(0, 1000));
    rng.next();
    rng.reseed(7);
    expect(Array.from({ length: 10 }, () => rng.int(0, 1000))).toEqual(first);
  });

  it('next() stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng(1);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(600);
  });

  it('int() includes both ends and nothing outside', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const v = rng.int(-2, 3);
      expect(Number.isInteger(v) && v >= -2 && v <= 3).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(rng.int(5, 5)).toBe(5);
    const wide = rng.int(0, 2 ** 40);
    expect(Number.isInteger(wide) && wide >= 0 && wide <= 2 ** 40).toBe(true);
  });

  it('pick() and chars()', () => {
    const rng = createRng(9);
    const items = ['a', 'b', 'c'] as const;
    const picked = new Set(Array.from({ length: 200 }, () => rng.pick(items)));
    expect(picked).toEqual(new Set(items));
    expect(rng.chars(12)).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(rng.chars(6, 'xy')).toMatch(/^[xy]{6}$/);
    expect(rng.chars(0)).toBe('');
  });
});

describe('hashSeed', () => {
  it('returns unsigned 32-bit integers, deterministically', () => {
    const h = hashSeed(1, 'chain', 3);
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(hashSeed(1, 'chain', 3)).toBe(h);
  });

  it('separates parts and types', () => {
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(hashSeed(1, 2)).not.toBe(hashSeed(2, 1));
    expect(hashSeed(1)).not.toBe(hashSeed('1'));
    expect(hashSeed(-1)).not.toBe(hashSeed(4294967295));
    expect(hashSeed(0.5)).not.toBe(hashSeed(0));
  });

  it('spreads adjacent indices over the whole range (no collisions, balanced bits)', () => {
    const seeds = Array.from({ length: 10_000 }, (_, i) => hashSeed(42, 'c1', i));
    expect(new Set(seeds).size).toBe(seeds.length);
    for (let bit = 0; bit < 32; bit++) {
      const ones = seeds.filter((s) => (s >>> bit) & 1).length;
      expect(Math.abs(ones - 5000)).toBeLessThan(300);
    }
    // Adjacent seeds differ in about half their bits.
    let flips = 0;
    for (let i = 1; i < seeds.length; i++) {
      let x = (seeds[i] ^ seeds[i - 1]) >>> 0;
      while (x) {
        flips += x & 1;
        x >>>= 1;
      }
    }
    expect(flips / (seeds.length - 1)).toBeGreaterThan(14);
    expect(flips / (seeds.length - 1)).toBeLessThan(18);
  });

  it('gives unrelated streams for adjacent example indices', () => {
    const a = createRng(hashSeed(1, 'c', 0));
    const b = createRng(hashSeed(1, 'c', 1));
    const xs = Array.from({ length: 1000 }, () => a.next());
    const ys = Array.from({ length: 1000 }, () => b.next());
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    let cov = 0;
    let vx = 0;
    let vy = 0;
    for (let i = 0; i < xs.length; i++) {
      cov += (xs[i] - mx) * (ys[i] - my);
      vx += (xs[i] - mx) ** 2;
      vy += (ys[i] - my) ** 2;
    }
    expect(Math.abs(cov / Math.sqrt(vx * vy))).toBeLessThan(0.1);
  });
});
