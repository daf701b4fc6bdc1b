import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Faker } from '@faker-js/faker';
import { fakerPair } from './parity.testutil.ts';
import { installFastInternet } from './internet.ts';
import { installFastPrimitives } from './primitives.ts';

/** Faker's own `username`/`email` and ours, both on top of the fast primitives, on streams seeded alike. */
const pair = (seed: number) => fakerPair(seed, (faker, _randomizer, rng) => installFastInternet(faker, rng), { both: installFastPrimitives });

type Options = { firstName?: string; lastName?: string; provider?: string; allowSpecialCharacters?: boolean };
const CALLS: [string, (f: Faker, o: Options) => string][] = [
  ['username', (f, o) => f.internet.username(o)],
  ['email', (f, o) => f.internet.email(o)],
];

describe('fast internet.username / internet.email', () => {
  it("give Faker's values and leave the stream where Faker leaves it (plain, accented, non-Latin, odd names)", () => {
    const names = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('', 'Zoë', 'Ødegård', 'Иван', 'José María', "O'Kon", '.dot', 'trail.', 'a..b', 'x'.repeat(60), '東京', 'Anne-Marie', 'a+b'),
      fc.string({ maxLength: 8 }),
    );
    const options = fc.record(
      {
        firstName: names,
        lastName: names,
        provider: fc.constantFrom(undefined, 'example.org'),
        allowSpecialCharacters: fc.constantFrom(undefined, false, true),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(...CALLS), options, (seed, [, call], o) => {
        const { plain, fast } = pair(seed);
        const clean = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Options;
        expect(call(fast.faker, clean)).toBe(call(plain.faker, clean));
        expect(fast.rng.next()).toBe(plain.rng.next());
      }),
      { numRuns: 600 },
    );
  });

  it("many draws in a row stay the same as Faker's", () => {
    const { plain, fast } = pair(7);
    for (let i = 0; i < 2000; i += 1) {
      expect(fast.faker.internet.email()).toBe(plain.faker.internet.email());
      expect(fast.faker.internet.username()).toBe(plain.faker.internet.username());
    }
  });
});
