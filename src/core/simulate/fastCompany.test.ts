import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Faker, allLocales, base, en } from '@faker-js/faker';
import type { LocaleDefinition, Randomizer } from '@faker-js/faker';
import { createSeededFaker, referenceInstant } from './faker.ts';
import { installFastCompany } from './fastCompany.ts';
import { createRng } from './rng.ts';

/** Two Fakers on two Rngs with the same seed: Faker's own `company.name`, and ours. */
function pair(seed: number, locale: LocaleDefinition[] = [en, base]) {
  const make = (fast: boolean) => {
    const rng = createRng(seed);
    const randomizer: Randomizer = { next: () => rng.next(), seed: () => undefined };
    const faker = new Faker({ locale, randomizer });
    if (fast) installFastCompany(faker, randomizer);
    return { faker, rng };
  };
  return { plain: make(false), fast: make(true) };
}

/** Our whole instance (every fast install) against a plain Faker on the same stream. */
function stackPair(seed: number) {
  const rng = createRng(seed);
  const faker = new Faker({ locale: [en, base], randomizer: { next: () => rng.next(), seed: () => undefined } });
  faker.setDefaultRefDate(referenceInstant());
  return { plain: { faker, rng }, fast: createSeededFaker(seed) };
}

function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    return { error: String(error) };
  }
}

type Side = { faker: Faker; rng: { save(): readonly number[] } };
function expectSame(plain: Side, fast: Side, label: string): void {
  expect(outcome(() => fast.faker.company.name()), label).toEqual(outcome(() => plain.faker.company.name()));
  expect(fast.rng.save(), `${label}: stream position`).toEqual(plain.rng.save());
}

describe('fast company.name', () => {
  it("gives Faker's values and leaves the stream where Faker leaves it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (seed, n, stack) => {
        const { plain, fast } = stack ? stackPair(seed) : pair(seed);
        for (let i = 0; i < n; i += 1) expectSame(plain, fast, `call ${i}`);
      }),
      { numRuns: 1000 },
    );
  });

  it("many draws in a row stay the same as Faker's (our whole instance)", () => {
    const { plain, fast } = stackPair(7);
    for (let i = 0; i < 3000; i += 1) expectSame(plain, fast, `#${i}`);
  });

  it.each([
    ['every Faker locale over en', (l: LocaleDefinition) => [l, en, base]],
    ['every Faker locale alone (missing data throws)', (l: LocaleDefinition) => [l, base]],
  ])('matches Faker for every definition shape: %s', (_name, stack) => {
    for (const [code, locale] of Object.entries(allLocales)) {
      const { plain, fast } = pair(1, stack(locale as LocaleDefinition) as LocaleDefinition[]);
      for (let i = 0; i < 60; i += 1) expectSame(plain, fast, `${code} #${i}`);
    }
  });

  it('falls back to Faker for patterns it does not handle, and keeps Faker\'s errors', () => {
    const odd = [
      { company: { name_pattern: '{{person.lastName}} & Co' } },
      { company: { name_pattern: [] } },
      { company: { name_pattern: ['{{company.nope}}'] } },
    ] as unknown as LocaleDefinition[];
    for (const custom of odd) {
      for (let seed = 0; seed < 50; seed += 1) {
        const { plain, fast } = pair(seed, [custom, en, base]);
        expectSame(plain, fast, JSON.stringify(custom));
      }
    }
  });
});
