/**
 * Test helpers for the fast Faker methods (fast*.ts): each must give Faker's own values and
 * leave the random stream where Faker leaves it. A pair is two Fakers on two streams with the
 * same seed, one with Faker's methods and one with the fast ones installed.
 */
import { expect } from 'vitest';
import { Faker, base, en } from '@faker-js/faker';
import type { LocaleDefinition, Randomizer } from '@faker-js/faker';
import { createSeededFaker, referenceInstant } from '../faker.ts';
import { createRng, type Rng } from '../rng.ts';

export interface Side {
  faker: Faker;
  /** Where the stream is (two sides drew alike when their positions are equal). */
  rng: { save(): readonly number[] };
}

type Install = (faker: Faker, randomizer: Randomizer, rng: Rng) => void;

export interface PairOptions {
  /** Default: en over base, as our instance. */
  locale?: LocaleDefinition[];
  /** Faker's default reference date. Default: the project default (referenceInstant()). */
  refDate?: Date | number;
  /** Installed on both sides first: what the fast methods under test build on. */
  both?: Install;
}

/** Faker's own methods (`plain`) and the same Faker with `install`'s methods (`fast`), on two streams seeded alike. */
export function fakerPair(seed: number, install: Install, options: PairOptions = {}): { plain: { faker: Faker; rng: Rng }; fast: { faker: Faker; rng: Rng } } {
  const make = (fast: boolean) => {
    const rng = createRng(seed);
    const randomizer: Randomizer = { next: () => rng.next(), seed: () => undefined };
    const faker = new Faker({ locale: options.locale ?? [en, base], randomizer });
    faker.setDefaultRefDate(options.refDate ?? referenceInstant());
    options.both?.(faker, randomizer, rng);
    if (fast) install(faker, randomizer, rng);
    return { faker, rng };
  };
  return { plain: make(false), fast: make(true) };
}

/** Our whole instance (createSeededFaker: every fast install) against a plain Faker on the same stream. */
export function stackPair(seed: number): { plain: Side; fast: Side } {
  const rng = createRng(seed);
  const faker = new Faker({ locale: [en, base], randomizer: { next: () => rng.next(), seed: () => undefined } });
  faker.setDefaultRefDate(referenceInstant());
  return { plain: { faker, rng }, fast: createSeededFaker(seed) };
}

/** What a call gave: its value (a Date as its time value), or the error it threw. */
export function outcome(call: () => unknown): unknown {
  try {
    const value = call();
    return value instanceof Date ? { time: value.getTime() } : { value };
  } catch (error) {
    return { error: String(error) };
  }
}

/** `call` gives the same value (or error) on both sides, and leaves both streams at the same place. */
export function expectSame(plain: Side, fast: Side, call: (f: Faker) => unknown, label: string): void {
  expect(
    outcome(() => call(fast.faker)),
    label,
  ).toEqual(outcome(() => call(plain.faker)));
  expect(fast.rng.save(), `${label}: stream position`).toEqual(plain.rng.save());
}
