import { describe, it } from 'vitest';
import fc from 'fast-check';
import type { Faker } from '@faker-js/faker';
import { expectSame as expectSameCall, fakerPair, stackPair, type Side } from './parity.testutil.ts';
import { installFastDate } from './date.ts';

const DAY_MS = 86_400_000;
const MAX_TIME = 8.64e15;

/** Faker's own `date.soon` and ours, on streams seeded alike, with the default refDate given (the project's by default). */
const pair = (seed: number, refDate?: Date | number) => fakerPair(seed, installFastDate, { refDate });
/** `date.soon(options)` gives the same Date (or error) on both sides and leaves both streams alike. */
const expectSame = (plain: Side, fast: Side, options: unknown, label: string) =>
  expectSameCall(plain, fast, (f: Faker) => (f.date.soon as (o?: unknown) => Date)(options), label);

const days = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -5, max: 4000 }),
  fc.constantFrom<unknown>(0, 1, 1.5, -0, NaN, Infinity, 1e9, 1e11, 2 ** 53, '10', null, true),
  fc.record({ min: fc.integer({ min: -400, max: 400 }), max: fc.integer({ min: -400, max: 400 }) }),
  fc.record({ min: fc.constantFrom<unknown>(undefined, 0, 2.5, '1', -1e11), max: fc.constantFrom<unknown>(undefined, 5, 10.5, 1e11) }, { requiredKeys: [] }),
);
const refDates = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -MAX_TIME, max: MAX_TIME }).map((t) => new Date(t)),
  fc.integer({ min: -MAX_TIME, max: MAX_TIME }),
  fc.constantFrom<unknown>(
    MAX_TIME,
    MAX_TIME - DAY_MS,
    MAX_TIME - DAY_MS + 500,
    -MAX_TIME,
    1.7,
    new Date(NaN),
    '2026-01-05',
    '2026-01-05T09:30:00+02:00',
    'not a date',
    '',
    null,
    {},
  ),
);
const options = fc.oneof(fc.constantFrom<unknown>(undefined, null, 5, 'x', []), fc.record({ days, refDate: refDates }, { requiredKeys: [] }));

describe('fast date.soon', () => {
  it("gives Faker's dates and errors and leaves the stream where Faker leaves it (days as number or range, any refDate)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(options, { minLength: 1, maxLength: 3 }), fc.boolean(), (seed, list, stack) => {
        const { plain, fast } = stack ? stackPair(seed) : pair(seed);
        for (const o of list) expectSame(plain, fast, o, JSON.stringify(o) ?? String(o));
      }),
      { numRuns: 3000 },
    );
  });

  it('follows the default refDate, also when it is changed later', () => {
    const { plain, fast } = pair(3, Date.UTC(1999, 11, 31, 23, 59, 59, 999));
    for (let i = 0; i < 500; i += 1) {
      if (i === 250) for (const side of [plain, fast]) side.faker.setDefaultRefDate(new Date(Date.UTC(2030, 5, 1)));
      expectSame(plain, fast, { days: 1 + (i % 90) }, `#${i}`);
      expectSame(plain, fast, undefined, `#${i}`);
    }
  });

  it("many draws in a row stay the same as Faker's (our whole instance)", () => {
    const { plain, fast } = stackPair(7);
    for (let i = 0; i < 3000; i += 1) expectSame(plain, fast, { days: [10, 14, 30, 60][i % 4] }, `#${i}`);
  });
});
