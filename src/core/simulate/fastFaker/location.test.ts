import { describe, it } from 'vitest';
import fc from 'fast-check';
import { allLocales, base, de, en } from '@faker-js/faker';
import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { expectSame, fakerPair, stackPair } from './parity.testutil.ts';
import { installFastLocation } from './location.ts';
import { installFastPrimitives } from './primitives.ts';

const pair = (seed: number, locale?: LocaleDefinition[]) => fakerPair(seed, installFastLocation, { locale });
type Call = (f: Faker) => unknown;

const addressOptions = fc.constantFrom<unknown>(
  undefined,
  true,
  false,
  {},
  { useFullAddress: true },
  { useFullAddress: false },
  { useFullAddress: 1 },
  null,
  'x',
  0,
  [],
);
const calls: fc.Arbitrary<[string, Call]> = fc.oneof(
  fc.constant<[string, Call]>(['buildingNumber', (f) => f.location.buildingNumber()]),
  fc.constant<[string, Call]>(['secondaryAddress', (f) => f.location.secondaryAddress()]),
  fc.constant<[string, Call]>(['street', (f) => f.location.street()]),
  addressOptions.map((o): [string, Call] => [`streetAddress(${JSON.stringify(o)})`, (f) => (f.location.streetAddress as (o: unknown) => string)(o)]),
);
const sequence: Call[] = [
  (f) => f.location.buildingNumber(),
  (f) => f.location.secondaryAddress(),
  (f) => f.location.street(),
  (f) => f.location.streetAddress(),
  (f) => f.location.streetAddress(true),
  (f) => f.location.streetAddress({ useFullAddress: true }),
];

describe('fast location.buildingNumber / secondaryAddress / street / streetAddress', () => {
  it("give Faker's values and leave the stream where Faker leaves it (with and without useFullAddress, odd options)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(calls, { minLength: 1, maxLength: 4 }), fc.boolean(), (seed, list, stack) => {
        const { plain, fast } = stack ? stackPair(seed) : pair(seed);
        for (const [label, call] of list) expectSame(plain, fast, call, label);
      }),
      { numRuns: 1000 },
    );
  });

  it("many draws in a row stay the same as Faker's (our whole instance)", () => {
    const { plain, fast } = stackPair(7);
    for (let i = 0; i < 1000; i += 1) for (const call of sequence) expectSame(plain, fast, call, `#${i}`);
  });

  it.each([
    ['every Faker locale over en', (l: LocaleDefinition) => [l, en, base]],
    ['every Faker locale alone (missing data throws)', (l: LocaleDefinition) => [l, base]],
  ])('match Faker for every definition shape: %s', (_name, stack) => {
    for (const [code, locale] of Object.entries(allLocales)) {
      const { plain, fast } = pair(1, stack(locale as LocaleDefinition) as LocaleDefinition[]);
      for (let i = 0; i < 30; i += 1) for (const call of sequence) expectSame(plain, fast, call, `${code} #${i}`);
    }
  });

  it("fall back to Faker for shapes they do not handle, and keep Faker's errors", () => {
    const odd = [
      { location: { building_number: ['##a', 'x#y##', '7'] } },
      { location: { building_number: [] } },
      { location: { secondary_address: ['{{location.buildingNumber}} ##', 'Unit #'] } },
      { location: { secondary_address: 'Flat ##' } },
      { location: { street_pattern: '{{location.street_suffix}}' } },
      { location: { street_address: { normal: ['{{location.street}}', '{{location.buildingNumber}}'], full: '{{location.street}}' } } },
      { location: { street_address: { normal: '{{location.street}}' } } },
    ] as unknown as LocaleDefinition[];
    for (const custom of odd) {
      for (let seed = 0; seed < 100; seed += 1) {
        const { plain, fast } = pair(seed, [custom, en, base]);
        for (const call of sequence) expectSame(plain, fast, call, JSON.stringify(custom));
      }
    }
  });

  it.each([
    ['en', [en, base]],
    // de also has patterns with letters ("##a"): Faker's replacement of each run.
    ['de', [de, en, base]],
  ])('building numbers and street addresses on top of the fast primitives (%s)', (_name, locale) => {
    for (let seed = 0; seed < 300; seed += 1) {
      const { plain, fast } = pair(seed, locale as LocaleDefinition[]);
      installFastPrimitives(fast.faker, { next: () => fast.rng.next(), seed: () => undefined });
      expectSame(plain, fast, (f) => f.location.buildingNumber(), `seed ${seed}`);
      expectSame(plain, fast, (f) => f.location.streetAddress(), `seed ${seed}`);
    }
  });
});
