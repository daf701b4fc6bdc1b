/**
 * A faster `location.buildingNumber` for our own Faker instance (it is the first half of every
 * `location.streetAddress`): the same draws and text. Faker replaces each run of `#` in the
 * drawn pattern with a regular expression callback; a pattern that is one run of `#` (all of
 * the `en` ones: `#####`, `####`, `###`) is one `string.numeric` call of that length.
 */
import type { Faker } from '@faker-js/faker';

const ALL_HASHES = /^#+$/;
const HASH_RUNS = /#+/g;

export function installFastLocation(faker: Faker): void {
  const location = faker.location as unknown as { buildingNumber: () => string };
  const numeric = (length: number) => faker.string.numeric({ length, allowLeadingZeros: false });
  location.buildingNumber = () => {
    const pattern = faker.helpers.arrayElement(faker.definitions.location.building_number);
    if (ALL_HASHES.test(pattern)) return numeric(pattern.length);
    return pattern.replaceAll(HASH_RUNS, (run) => numeric(run.length));
  };
}
