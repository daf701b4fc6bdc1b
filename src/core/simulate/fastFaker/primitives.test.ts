import { describe, expect, it } from 'vitest';
import type { Faker } from '@faker-js/faker';
import { fakerPair, outcome } from './parity.testutil.ts';
import { installFastPrimitives } from './primitives.ts';

/** Faker's own primitives and ours, on streams seeded alike. */
const pair = (seed: number) => fakerPair(seed, installFastPrimitives);

const METHODS: [string, (f: Faker) => unknown][] = [
  ['number.int()', (f) => f.number.int()],
  ['number.int(9)', (f) => f.number.int(9)],
  ['number.int(0)', (f) => f.number.int(0)],
  ['number.int({min, max})', (f) => f.number.int({ min: -7.5, max: 12.2 })],
  ['number.int({min: 3, max: 3})', (f) => f.number.int({ min: 3, max: 3 })],
  ['number.int({min: 5, max: 1})', (f) => f.number.int({ min: 5, max: 1 })],
  ['number.int({multipleOf: 5})', (f) => f.number.int({ min: 0, max: 100, multipleOf: 5 })],
  ['number.int({multipleOf: 0})', (f) => f.number.int({ max: 100, multipleOf: 0 })],
  ['number.int({min: NaN})', (f) => f.number.int({ min: Number.NaN, max: 4 })],
  ['number.float()', (f) => f.number.float()],
  ['number.float({multipleOf})', (f) => f.number.float({ min: 1, max: 9, multipleOf: 0.01 })],
  ['number.float({fractionDigits})', (f) => f.number.float({ min: -3, max: 3, fractionDigits: 2 })],
  ['helpers.arrayElement', (f) => f.helpers.arrayElement(['a', 'b', 'c', 'd', 'e'])],
  ['helpers.arrayElement([one])', (f) => f.helpers.arrayElement(['only'])],
  ['helpers.arrayElement([])', (f) => f.helpers.arrayElement([])],
  ['helpers.arrayElements', (f) => f.helpers.arrayElements([1, 2, 3, 4, 5, 6], { min: 1, max: 4 })],
  [
    'helpers.weightedArrayElement',
    (f) =>
      f.helpers.weightedArrayElement([
        { weight: 1, value: 'x' },
        { weight: 3, value: 'y' },
      ]),
  ],
  ['string.fromCharacters', (f) => f.string.fromCharacters('abc😀d', 7)],
  ['string.fromCharacters(range)', (f) => f.string.fromCharacters(['x', 'y'], { min: 0, max: 4 })],
  ['string.fromCharacters("")', (f) => f.string.fromCharacters('', 3)],
  ['string.numeric', (f) => f.string.numeric(6)],
  ['string.numeric(no leading zeros)', (f) => f.string.numeric({ length: 4, allowLeadingZeros: false })],
  ['string.numeric(range)', (f) => f.string.numeric({ length: { min: 1, max: 5 } })],
  ['string.numeric(exclude)', (f) => f.string.numeric({ length: 5, exclude: ['0', '7'] })],
  ['string.alphanumeric', (f) => f.string.alphanumeric(10)],
  ['string.uuid', (f) => f.string.uuid()],
  ['location.streetAddress', (f) => f.location.streetAddress()],
  ['location.buildingNumber', (f) => f.location.buildingNumber()],
  ['location.zipCode', (f) => f.location.zipCode()],
  ['person.fullName', (f) => f.person.fullName()],
  ['internet.email', (f) => f.internet.email()],
  ['internet.ipv4', (f) => f.internet.ipv4()],
  ['company.name', (f) => f.company.name()],
  ['phone.number', (f) => f.phone.number()],
  ['date.soon', (f) => f.date.soon({ days: 60 })],
  ['date.between', (f) => f.date.between({ from: '2026-01-01', to: '2026-12-31' })],
  ['lorem.sentence', (f) => f.lorem.sentence()],
  ['finance.amount', (f) => f.finance.amount()],
  ['airline.flightNumber', (f) => f.airline.flightNumber()],
];

describe('installFastPrimitives', () => {
  it('gives exactly what Faker gives (values and errors), and leaves the stream in the same place', () => {
    for (const [name, call] of METHODS) {
      for (let seed = 0; seed < 40; seed++) {
        const { plain, fast } = pair(seed);
        const a = [outcome(() => call(plain.faker)), outcome(() => call(plain.faker)), plain.rng.next()];
        const b = [outcome(() => call(fast.faker)), outcome(() => call(fast.faker)), fast.rng.next()];
        expect(b, `${name}, seed ${seed}`).toEqual(a);
      }
    }
  });
});
