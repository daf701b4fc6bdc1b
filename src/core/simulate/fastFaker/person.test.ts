import { describe, it } from 'vitest';
import fc from 'fast-check';
import { Faker, allLocales, base, de, en, ru } from '@faker-js/faker';
import type { LocaleDefinition, Randomizer } from '@faker-js/faker';
import { expectSame, fakerPair, stackPair } from './parity.testutil.ts';
import { installFastPerson } from './person.ts';

const pair = (seed: number, locale?: LocaleDefinition[]) => fakerPair(seed, installFastPerson, { locale });
type Call = (f: Faker) => unknown;

/** Sexes as users pass them (and as JSON slot args can): every branch of Faker's choice. */
const sexes = fc.constantFrom<unknown>(undefined, 'female', 'male', 'generic', null, 'other', 5);
const givenNames = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<unknown>('', 'Zoë', "O'Kon", 'Anne-Marie', '{{person.suffix}}', 'a {{person.lastName}} b', '$&', null, 7),
  fc.string({ maxLength: 6 }),
);
const fullNameOptions = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, 'x', []),
  fc.record({ sex: sexes, firstName: givenNames, lastName: givenNames }, { requiredKeys: [] }),
);
const calls: fc.Arbitrary<[string, Call]> = fc.oneof(
  sexes.map((s): [string, Call] => [`firstName(${String(s)})`, (f) => (f.person.firstName as (s: unknown) => string)(s)]),
  sexes.map((s): [string, Call] => [`lastName(${String(s)})`, (f) => (f.person.lastName as (s: unknown) => string)(s)]),
  fullNameOptions.map((o): [string, Call] => [`fullName(${JSON.stringify(o)})`, (f) => (f.person.fullName as (o: unknown) => string)(o)]),
);

describe('fast person.firstName / lastName / fullName', () => {
  it("give Faker's values and leave the stream where Faker leaves it (every sex, given names, odd options)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(calls, { minLength: 1, maxLength: 4 }), fc.boolean(), (seed, list, stack) => {
        const { plain, fast } = stack ? stackPair(seed) : pair(seed);
        for (const [label, call] of list) expectSame(plain, fast, call, label);
      }),
      { numRuns: 1500 },
    );
  });

  it("many draws in a row stay the same as Faker's (our whole instance)", () => {
    const { plain, fast } = stackPair(7);
    for (let i = 0; i < 3000; i += 1) {
      expectSame(plain, fast, (f) => f.person.fullName(), 'fullName');
      expectSame(plain, fast, (f) => f.person.firstName(), 'firstName');
      expectSame(plain, fast, (f) => f.person.lastName(), 'lastName');
    }
  });

  it('pick the same entry when a draw falls exactly on a weight boundary', () => {
    // Draws of k/64: the `person.name` weights (49, 7, 7, 1) add up to 64, so some land exactly on a running sum.
    const scripted = () => {
      let n = 0;
      const randomizer: Randomizer = { next: () => ((n++ * 37) % 64) / 64, seed: () => undefined };
      return { randomizer, rng: { save: () => [n] } };
    };
    const make = (fast: boolean) => {
      const { randomizer, rng } = scripted();
      const faker = new Faker({ locale: [en, base], randomizer });
      if (fast) installFastPerson(faker, randomizer);
      return { faker, rng };
    };
    const plain = make(false);
    const fast = make(true);
    for (let i = 0; i < 500; i += 1) {
      expectSame(plain, fast, (f) => f.person.fullName(), `fullName #${i}`);
      expectSame(plain, fast, (f) => f.person.lastName(), `lastName #${i}`);
    }
  });

  it("uses the prefix, middle name and suffix draws in Faker's key order, not the pattern's", () => {
    // A locale whose one name pattern lists the keys out of mustache order.
    const custom: LocaleDefinition = {
      person: {
        name: [{ value: '{{person.suffix}}, {{person.lastName}} {{person.middleName}} {{person.firstName}} {{person.prefix}} {{person.suffix}}', weight: 1 }],
      },
    };
    for (let seed = 0; seed < 300; seed += 1) {
      const { plain, fast } = pair(seed, [custom, en, base]);
      expectSame(plain, fast, (f) => f.person.fullName(), `seed ${seed}`);
    }
  });

  it.each([
    ['every Faker locale over en', (l: LocaleDefinition) => [l, en, base]],
    ['every Faker locale alone (missing data throws)', (l: LocaleDefinition) => [l, base]],
  ])('match Faker for every definition shape: %s', (_name, stack) => {
    const sequence: Call[] = [
      (f) => f.person.firstName(),
      (f) => f.person.firstName('female'),
      (f) => f.person.firstName('generic'),
      (f) => f.person.lastName(),
      (f) => f.person.lastName('male'),
      (f) => f.person.lastName('generic'),
      (f) => f.person.fullName(),
      (f) => f.person.fullName({ sex: 'female' }),
      (f) => f.person.fullName({ sex: 'generic', lastName: 'Given' }),
    ];
    for (const [code, locale] of Object.entries(allLocales)) {
      const { plain, fast } = pair(1, stack(locale as LocaleDefinition) as LocaleDefinition[]);
      for (let i = 0; i < 40; i += 1) for (const call of sequence) expectSame(plain, fast, call, `${code} #${i}`);
    }
  });

  it('fall back to Faker for shapes they do not handle (empty lists, bad weights, braces, unknown keys)', () => {
    const odd = [
      { person: { first_name: { generic: [], female: ['Ann'], male: ['Bob'] } } },
      { person: { first_name: { female: ['Ann'] } } },
      { person: { first_name: { generic: ['{{person.last_name.generic}}'], female: ['Ann'], male: ['Bob'] } } },
      { person: { last_name_pattern: { generic: [{ value: '{{person.last_name.generic}}', weight: 0 }] } } },
      {
        person: {
          last_name_pattern: {
            generic: [
              { value: '{{person.firstName}}x', weight: 1 },
              { value: '{{person.last_name.nope}}', weight: 1 },
            ],
          },
        },
      },
      {
        person: {
          last_name_pattern: { female: [{ value: '{x} {{person.last_name.female}}', weight: 2 }], male: [{ value: '{{person.last_name.male}}', weight: 1 }] },
          last_name: { female: ['Ivanova'], male: ['Ivanov'] },
        },
      },
      { person: { prefix: { generic: ['{{person.suffix}}'] } } },
      { person: { suffix: [] } },
      {
        person: {
          name: [
            { value: '{{person.jobTitle}} {{person.firstName}}', weight: 1 },
            { value: '{{person.firstName}} {{person.lastName}}', weight: 2 },
          ],
        },
      },
      { person: { name: [{ value: '{{person.firstName}}', weight: -1 }] } },
    ] as unknown as LocaleDefinition[];
    for (const custom of odd) {
      for (let seed = 0; seed < 100; seed += 1) {
        for (const locale of [
          [custom, en, base],
          [custom, ru, base],
          [custom, de, base],
        ]) {
          const { plain, fast } = pair(seed, locale);
          for (const call of [(f: Faker) => f.person.fullName(), (f: Faker) => f.person.lastName('female'), (f: Faker) => f.person.firstName()]) {
            expectSame(plain, fast, call, JSON.stringify(custom));
          }
        }
      }
    }
  });
});
