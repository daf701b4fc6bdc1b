/**
 * Faster versions of the random primitives every Faker method is built on —
 * `number.int`, `helpers.arrayElement`, `string.fromCharacters`, `string.numeric` — for our
 * own Faker instance: the same values from the same random stream (the same draws, in the same
 * order), without the option objects, default-distributor closures and filtered copies Faker
 * makes on every call. Faker binds its methods onto each module instance and calls them through
 * `this.faker.<module>.<method>`, so replacing the own properties speeds up every method that
 * uses them (`location.streetAddress`, `internet.email`, `person.fullName`, `date.soon`, …).
 * Any case off the common path (a `multipleOf`, excluded digits, an empty list, bad options)
 * goes to Faker's own implementation, so results and errors stay identical.
 */
import type { Faker, Randomizer } from '@faker-js/faker';

type IntOptions = { min?: number; max?: number; multipleOf?: number; distributor?: (r: Randomizer) => number };
const MAX_SAFE = 2 ** 53 - 1;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const NON_ZERO = DIGITS.slice(1);

export function installFastPrimitives(faker: Faker, randomizer: Randomizer): void {
  const number = faker.number as unknown as { int: (o?: number | IntOptions) => number };
  const helpers = faker.helpers as unknown as { arrayElement: <T>(a: ArrayLike<T>) => T };
  const string = faker.string as unknown as {
    fromCharacters: (chars: string | readonly string[], length?: number | { min: number; max: number }) => string;
    numeric: (o?: number | { length?: number | { min: number; max: number }; allowLeadingZeros?: boolean; exclude?: unknown }) => string;
  };
  const intOriginal = number.int;
  const arrayElementOriginal = helpers.arrayElement;
  const fromCharactersOriginal = string.fromCharacters;
  const numericOriginal = string.numeric;

  // number.int: ceil(min) … floor(max), one draw `floor(next * span + lo)` (multipleOf 1).
  const int = (options: number | IntOptions = {}): number => {
    const o = typeof options === 'number' ? { max: options } : options;
    if (typeof o !== 'object' || o === null || (o.multipleOf !== undefined && o.multipleOf !== 1)) return intOriginal(options);
    const lo = Math.ceil(o.min === undefined ? 0 : o.min);
    const hi = Math.floor(o.max === undefined ? MAX_SAFE : o.max);
    if (lo === hi) return lo;
    if (!(hi > lo)) return intOriginal(options); // Faker's errors
    const d = o.distributor;
    const c = d === undefined ? randomizer.next() : d(randomizer);
    return Math.floor(c * (hi - lo + 1) + lo);
  };

  // helpers.arrayElement: `int({ max: length - 1 })` is `floor(next * length)` for length > 1.
  const arrayElement = <T>(list: ArrayLike<T>): T => {
    const n = list.length;
    if (n === 1) return list[0];
    if (!(n > 1)) return arrayElementOriginal(list);
    return list[Math.floor(randomizer.next() * n)];
  };

  // string.fromCharacters: `length` picks (code points of a string), joined.
  const fromCharacters = (chars: string | readonly string[], length: number | { min: number; max: number } = 1): string => {
    const n = typeof length === 'number' ? length : int(length);
    if (n <= 0) return '';
    const list = typeof chars === 'string' ? [...chars] : chars;
    if (list.length === 0 || !Number.isInteger(n) || (list !== DIGITS && !list.every((c) => typeof c === 'string'))) return fromCharactersOriginal(list, n);
    let out = '';
    for (let i = 0; i < n; i++) out += arrayElement(list);
    return out;
  };

  // string.numeric without `exclude`: one non-zero digit first when leading zeros are not allowed.
  const numeric: typeof string.numeric = (options = {}) => {
    const o = typeof options === 'number' ? { length: options } : options;
    if (typeof o !== 'object' || o === null || o.exclude !== undefined) return numericOriginal(options);
    const n = o.length == null ? 1 : typeof o.length === 'number' ? o.length : int(o.length);
    if (n <= 0) return '';
    const leadingZeros = o.allowLeadingZeros === undefined ? true : o.allowLeadingZeros;
    const first = leadingZeros ? '' : arrayElement(NON_ZERO);
    return first + fromCharacters(DIGITS, n - first.length);
  };

  number.int = int;
  helpers.arrayElement = arrayElement;
  string.fromCharacters = fromCharacters;
  string.numeric = numeric;
}
