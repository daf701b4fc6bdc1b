/**
 * Faster `location.buildingNumber`, `location.secondaryAddress`, `location.street` and
 * `location.streetAddress` for our own Faker instance: the same draws in the same order and the
 * same text.
 *
 * Faker reads every pattern list through its locale proxies on each call (a third of the time
 * of a `street()`); here the lists are read once from the raw definitions, which are the same
 * arrays the proxies hand out.
 * - `buildingNumber`: `arrayElement` of `building_number`, then each run of `#` replaced, left
 *   to right, by `string.numeric({ length, allowLeadingZeros: false })`: one pick of 1–9, then
 *   one pick of 0–9 per further digit. The runs are found once per pattern.
 * - `secondaryAddress`: `helpers.fake(secondary_address)` — `arrayElement`, then the pattern's
 *   `{{…}}` expressions (a pattern without any, as all `en` ones, is returned as it is) — then
 *   the `#` runs as above.
 * - `street`: `helpers.fake(street_pattern)`.
 * - `streetAddress(options)`: `helpers.fake(street_address.full or .normal)`, which calls the
 *   module's `buildingNumber` and `street` (and `secondaryAddress`) — the versions here.
 * A definition Faker would reject (missing, not a list or a string) keeps Faker's own method,
 * which throws as it always did.
 */
import type { Faker, Randomizer } from '@faker-js/faker';
import { compilePatterns, isPatterns, isRecord } from './localePatterns.ts';

type Definitions = Record<string, unknown>;
interface LocationModule {
  buildingNumber: () => string;
  secondaryAddress: () => string;
  street: () => string;
  streetAddress: (options?: boolean | { useFullAddress?: boolean }) => string;
}

const DIGITS = '0123456789';
const NON_ZERO = '123456789';
const HASH_RUNS = /#+/g;
/** Where `helpers.fake` finds an expression to expand. */
const EXPRESSION = /{{[a-z]/;

/** A pattern split at its runs of `#`: literals[k] comes before run k. */
interface Hashes {
  literals: string[];
  runs: number[];
}

function hashes(pattern: string): Hashes {
  const literals: string[] = [];
  const runs: number[] = [];
  let from = 0;
  for (const match of pattern.matchAll(HASH_RUNS)) {
    literals.push(pattern.slice(from, match.index));
    runs.push(match[0].length);
    from = match.index + match[0].length;
  }
  literals.push(pattern.slice(from));
  return { literals, runs };
}

export function installFastLocation(faker: Faker, randomizer: Randomizer): void {
  const location = faker.location as unknown as LocationModule;
  const raw = (faker.rawDefinitions as Definitions).location;
  if (!isRecord(raw)) return;

  // string.numeric({ length, allowLeadingZeros: false }).
  const numeric = (length: number): string => {
    let out = NON_ZERO[Math.floor(randomizer.next() * 9)];
    for (let k = 1; k < length; k++) out += DIGITS[Math.floor(randomizer.next() * 10)];
    return out;
  };
  const replaceHashes = ({ literals, runs }: Hashes): string => {
    let out = literals[0];
    for (let k = 0; k < runs.length; k++) out += numeric(runs[k]) + literals[k + 1];
    return out;
  };
  // arrayElement of the patterns, then their runs of `#`.
  const pickAndReplace = (patterns: readonly string[]): (() => string) => {
    const compiled = patterns.map(hashes);
    const n = compiled.length;
    return n === 1 ? () => replaceHashes(compiled[0]) : () => replaceHashes(compiled[Math.floor(randomizer.next() * n)]);
  };

  const buildingNumbers = raw.building_number;
  if (Array.isArray(buildingNumbers) && buildingNumbers.length > 0 && buildingNumbers.every((p) => typeof p === 'string')) {
    location.buildingNumber = pickAndReplace(buildingNumbers);
  }

  const secondary = raw.secondary_address;
  if (Array.isArray(secondary) && isPatterns(secondary) && !secondary.some((p) => EXPRESSION.test(p))) {
    // No expressions: `fake` returns the picked pattern as it is.
    location.secondaryAddress = pickAndReplace(secondary);
  } else if (isPatterns(secondary)) {
    const expand = compilePatterns(faker, secondary, randomizer);
    location.secondaryAddress = () => expand().replaceAll(HASH_RUNS, (run) => numeric(run.length));
  }

  const streets = raw.street_pattern;
  if (isPatterns(streets)) location.street = compilePatterns(faker, streets, randomizer);

  const addresses = raw.street_address;
  if (isRecord(addresses) && isPatterns(addresses.normal) && isPatterns(addresses.full)) {
    const normal = compilePatterns(faker, addresses.normal, randomizer);
    const full = compilePatterns(faker, addresses.full, randomizer);
    const streetAddressOriginal = location.streetAddress;
    location.streetAddress = (options = {}) => {
      if (typeof options === 'boolean') return options ? full() : normal();
      if (!isRecord(options)) return streetAddressOriginal(options);
      return options.useFullAddress ? full() : normal();
    };
  }
}
