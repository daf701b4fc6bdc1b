/**
 * One Faker instance whose randomness comes from our Rng, so that Faker and our own code
 * share one stream: `reseed(seed)` fixes everything, and costs no more than reseeding the
 * Rng (Faker's own `seed()` rebuilds a Mersenne Twister state, ~40 µs).
 */
import { Faker, base, en } from '@faker-js/faker';
import type { Randomizer } from '@faker-js/faker';
import { DEFAULT_REFERENCE_DATE } from '../project/types.ts';
import { installFastCompany } from './fastFaker/company.ts';
import { installFastDate } from './fastFaker/date.ts';
import { installFastFake } from './fastFaker/fake.ts';
import { installFastInternet } from './fastFaker/internet.ts';
import { installFastLocation } from './fastFaker/location.ts';
import { installFastPerson } from './fastFaker/person.ts';
import { installFastPrimitives } from './fastFaker/primitives.ts';
import { createRng, hashSeed } from './rng.ts';
import type { Rng } from './rng.ts';

export interface SeededFaker {
  faker: Faker;
  rng: Rng;
  /** Restarts the stream (and the simulated clock) as `createSeededFaker(seed)` would. */
  reseed(seed: number): void;
  /**
   * The simulated clock of the current example, in ms: the latest moment a simulated result
   * said something happened (`created_at`, `sent_at`, …). Results simulated later record
   * their own events no earlier (see fromSchema.ts). Unset after `reseed`.
   */
  clock?: number;
  /**
   * What the current example's results have said so far (unset after `reseed`): the
   * directory it is in, and the objects it has shown by their own id, so that a later result
   * about the same thing says the same of it (`book_hotel(hotel_id)` → that hotel's name).
   */
  world?: SimulatedWorld;
}

export interface SimulatedWorld {
  cwd?: string;
  /** Objects by the value of their own id (`hotel_id` of a hotel). */
  things?: Map<string, { [key: string]: unknown }>;
}

/** `YYYY-MM-DD` → that day at 09:00 UTC (the simulated world's "now"). */
export function referenceInstant(referenceDate: string = DEFAULT_REFERENCE_DATE): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate);
  if (!match) throw new Error(`Invalid reference date "${referenceDate}": expected YYYY-MM-DD`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 9, 0, 0));
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== referenceDate) {
    throw new Error(`Invalid reference date "${referenceDate}"`);
  }
  return date;
}

export function createSeededFaker(seed: number, referenceDate: string = DEFAULT_REFERENCE_DATE): SeededFaker {
  const rng = createRng(seed);
  const randomizer: Randomizer = {
    next: () => rng.next(),
    seed: (s: number | number[]) => rng.reseed(Array.isArray(s) ? hashSeed(...s) : s),
  };
  const faker = new Faker({ locale: [en, base], randomizer });
  faker.setDefaultRefDate(referenceInstant(referenceDate));
  installFastFake(faker);
  installFastPrimitives(faker, randomizer);
  installFastInternet(faker, rng);
  installFastLocation(faker, randomizer);
  installFastPerson(faker, randomizer);
  installFastCompany(faker, randomizer);
  installFastDate(faker, randomizer);
  const sf: SeededFaker = {
    faker,
    rng,
    reseed(s: number) {
      rng.reseed(s);
      sf.clock = undefined;
      sf.world = undefined;
    },
  };
  return sf;
}
