import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSeededFaker, referenceInstant } from './faker.ts';

describe('createSeededFaker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('same seed → same Faker sequence; reseed restarts it', () => {
    const a = createSeededFaker(5);
    const b = createSeededFaker(5);
    const seqA = Array.from({ length: 5 }, () => a.faker.person.fullName());
    const seqB = Array.from({ length: 5 }, () => b.faker.person.fullName());
    expect(seqA).toEqual(seqB);
    a.reseed(5);
    expect(Array.from({ length: 5 }, () => a.faker.person.fullName())).toEqual(seqA);
  });

  it('different seeds give different values', () => {
    const sf = createSeededFaker(1);
    const names = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      sf.reseed(seed);
      names.add(`${sf.faker.person.fullName()}|${sf.faker.location.city()}`);
    }
    expect(names.size).toBeGreaterThan(45);
  });

  it('Faker and the Rng share one stream', () => {
    const sf = createSeededFaker(11);
    sf.faker.person.firstName();
    const afterFaker = sf.rng.next();
    sf.reseed(11);
    const untouched = sf.rng.next();
    expect(afterFaker).not.toBe(untouched);
    // ...and faker.seed() routes to the same Rng.
    sf.faker.seed(11);
    expect(sf.rng.next()).toBe(untouched);
  });

  it('dates do not depend on the wall clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-03-01T00:00:00Z'));
    const sf = createSeededFaker(3, '2026-01-05');
    const first = [sf.faker.date.soon().toISOString(), sf.faker.date.future().toISOString(), sf.faker.date.recent().toISOString()];
    vi.setSystemTime(new Date('2031-07-19T12:34:56Z'));
    sf.reseed(3);
    const second = [sf.faker.date.soon().toISOString(), sf.faker.date.future().toISOString(), sf.faker.date.recent().toISOString()];
    expect(second).toEqual(first);
    const soon = new Date(first[0]).getTime();
    const ref = Date.parse('2026-01-05T09:00:00Z');
    expect(soon).toBeGreaterThanOrEqual(ref);
    expect(soon).toBeLessThanOrEqual(ref + 2 * 86_400_000);
  });

  it('uses the reference date at 09:00 UTC', () => {
    expect(createSeededFaker(1, '2025-06-30').faker.defaultRefDate().toISOString()).toBe('2025-06-30T09:00:00.000Z');
    expect(createSeededFaker(1).faker.defaultRefDate().toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(() => referenceInstant('2025-02-30')).toThrow();
    expect(() => referenceInstant('tomorrow')).toThrow();
  });
});
