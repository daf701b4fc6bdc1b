import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Faker } from '@faker-js/faker';
import { fakerPair } from './parity.testutil.ts';
import { installFastFake } from './fake.ts';

/** Faker's own `fake` and ours, on streams seeded alike. */
const pair = (seed: number) => fakerPair(seed, (faker) => installFastFake(faker));

const METHODS: [string, (f: Faker) => unknown][] = [
  ['person.fullName', (f) => f.person.fullName()],
  ['person.lastName', (f) => f.person.lastName()],
  ['location.streetAddress', (f) => f.location.streetAddress()],
  ['location.streetAddress(true)', (f) => f.location.streetAddress(true)],
  ['location.street', (f) => f.location.street()],
  ['location.city', (f) => f.location.city()],
  ['company.name', (f) => f.company.name()],
  ['company.catchPhrase', (f) => f.company.catchPhrase()],
  ['internet.email', (f) => f.internet.email()],
  ['internet.url', (f) => f.internet.url()],
  ['internet.username', (f) => f.internet.username()],
  ['hacker.phrase', (f) => f.hacker.phrase()],
  ['phone.number', (f) => f.phone.number()],
];

describe('installFastFake', () => {
  it('gives exactly what Faker gives, and leaves the stream in the same place', () => {
    for (const [name, call] of METHODS) {
      for (let seed = 0; seed < 60; seed++) {
        const { plain, fast } = pair(seed);
        const a = [call(plain.faker), call(plain.faker), plain.rng.next()];
        const b = [call(fast.faker), call(fast.faker), fast.rng.next()];
        expect(b, `${name}, seed ${seed}`).toEqual(a);
      }
    }
  });

  it('handles edge-case patterns exactly like Faker (nested braces, calls, unclosed tags, lists)', () => {
    const patterns: (string | string[])[] = [
      '',
      'no tags at all',
      '{{person.first_name}} {{location.country}}',
      '{{location.country}}',
      '{{{person.first_name}}}',
      '{{{{person.first_name}}',
      'a {{person.firstName}} and {{unclosed',
      '{{helpers.arrayElement(["x","y","z"])}} {{number.int(9)}}',
      '{{person.firstName}}-{{person.last_name}}-{{person.lastName}}',
      'Mr {{person.first_name}}}} {{ {{person.last_name}}',
      ['{{person.first_name}}', '{{location.city}} city', 'plain'],
    ];
    for (const pattern of patterns) {
      for (let seed = 0; seed < 25; seed++) {
        const { plain, fast } = pair(seed);
        const a = [plain.faker.helpers.fake(pattern), plain.rng.next()];
        const b = [fast.faker.helpers.fake(pattern), fast.rng.next()];
        expect(b, `${JSON.stringify(pattern)}, seed ${seed}`).toEqual(a);
      }
    }
  });

  it('is identical to Faker on arbitrary patterns', () => {
    const piece = fc.constantFrom(
      '{{person.first_name}}',
      '{{person.lastName}}',
      '{{location.country}}',
      '{{location.street_suffix}}',
      '{{company.name}}',
      '{{person.last_name.generic}}',
      '{{person.last_name}}',
      '{{',
      '}}',
      '{',
      '}',
      ' ',
      'x',
      '-',
      '{{number.int(5)}}',
      '{{lorem.word}}',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(1000), (pieces, seed) => {
        const pattern = pieces.join('');
        const { plain, fast } = pair(seed);
        let a: unknown;
        let b: unknown;
        try {
          a = [plain.faker.helpers.fake(pattern), plain.rng.next()];
        } catch (e) {
          a = `throws ${(e as Error).message}`;
        }
        try {
          b = [fast.faker.helpers.fake(pattern), fast.rng.next()];
        } catch (e) {
          b = `throws ${(e as Error).message}`;
        }
        expect(b).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });
});

describe('fast mustache', () => {
  it('replaces exactly like Faker, also with dotted keys that a RegExp reads as wildcards', () => {
    const cases: [string, Record<string, string>][] = [
      ['{{person.firstName}} {{person.lastName}}', { 'person.firstName': 'A', 'person.lastName': 'B' }],
      ['{{personXfirstName}} and {{person.firstName}}', { 'person.firstName': 'A$1' }],
      ['{{a}}{{a}}{{b}}', { a: '{{b}}', b: '$&' }],
      ['{{a+b}} {{x}}', { 'a+b': 'p', x: 'q' }],
      ['no tokens', { a: 'z' }],
    ];
    for (const [text, values] of cases) {
      const { plain, fast } = pair(1);
      const calls = (f: Faker) => {
        let n = 0;
        const data = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, () => `${v}${n++}`]));
        return [f.helpers.mustache(text, data), f.helpers.mustache(text, values), n];
      };
      expect(calls(fast.faker), text).toEqual(calls(plain.faker));
    }
  });
});
