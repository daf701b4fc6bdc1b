import { describe, expect, it } from 'vitest';
import { Faker, base, de, en } from '@faker-js/faker';
import type { LocaleDefinition } from '@faker-js/faker';
import { installFastLocation } from './fastLocation.ts';
import { installFastPrimitives } from './fastPrimitives.ts';
import { createRng } from './rng.ts';

/** Two Fakers on two Rngs with the same seed: Faker's own `buildingNumber`, and ours. */
function pair(seed: number, locale: LocaleDefinition[]) {
  const make = (fast: boolean) => {
    const rng = createRng(seed);
    const randomizer = { next: () => rng.next(), seed: () => undefined };
    const faker = new Faker({ locale, randomizer });
    installFastPrimitives(faker, randomizer);
    if (fast) installFastLocation(faker);
    return { faker, rng };
  };
  return { plain: make(false), fast: make(true) };
}

describe('fast location.buildingNumber', () => {
  it.each([
    ['en', [en, base]],
    // de also has patterns with letters ("##a"): Faker's replacement of each run.
    ['de', [de, en, base]],
  ])('gives Faker\'s values and streets, and leaves the stream where Faker leaves it (%s)', (_name, locale) => {
    for (let seed = 0; seed < 300; seed += 1) {
      const { plain, fast } = pair(seed, locale as LocaleDefinition[]);
      expect(fast.faker.location.buildingNumber()).toBe(plain.faker.location.buildingNumber());
      expect(fast.faker.location.streetAddress()).toBe(plain.faker.location.streetAddress());
      expect(fast.rng.next()).toBe(plain.rng.next());
    }
  });
});
