import { describe, it } from 'vitest';
import fc from 'fast-check';
import { allLocales, base, en } from '@faker-js/faker';
import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { expectSame as expectSameCall, fakerPair, stackPair, type Side } from './parity.testutil.ts';
import { installFastCompany } from './company.ts';

const pair = (seed: number, locale?: LocaleDefinition[]) => fakerPair(seed, installFastCompany, { locale });
const companyName = (f: Faker) => f.company.name();
const expectSame = (plain: Side, fast: Side, label: string) => expectSameCall(plain, fast, companyName, label);

describe('fast company.name', () => {
  it("gives Faker's values and leaves the stream where Faker leaves it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (seed, n, stack) => {
        const { plain, fast } = stack ? stackPair(seed) : pair(seed);
        for (let i = 0; i < n; i += 1) expectSame(plain, fast, `call ${i}`);
      }),
      { numRuns: 1000 },
    );
  });

  it("many draws in a row stay the same as Faker's (our whole instance)", () => {
    const { plain, fast } = stackPair(7);
    for (let i = 0; i < 3000; i += 1) expectSame(plain, fast, `#${i}`);
  });

  it.each([
    ['every Faker locale over en', (l: LocaleDefinition) => [l, en, base]],
    ['every Faker locale alone (missing data throws)', (l: LocaleDefinition) => [l, base]],
  ])('matches Faker for every definition shape: %s', (_name, stack) => {
    for (const [code, locale] of Object.entries(allLocales)) {
      const { plain, fast } = pair(1, stack(locale as LocaleDefinition) as LocaleDefinition[]);
      for (let i = 0; i < 60; i += 1) expectSame(plain, fast, `${code} #${i}`);
    }
  });

  it("falls back to Faker for patterns it does not handle, and keeps Faker's errors", () => {
    const odd = [
      { company: { name_pattern: '{{person.lastName}} & Co' } },
      { company: { name_pattern: [] } },
      { company: { name_pattern: ['{{company.nope}}'] } },
    ] as unknown as LocaleDefinition[];
    for (const custom of odd) {
      for (let seed = 0; seed < 50; seed += 1) {
        const { plain, fast } = pair(seed, [custom, en, base]);
        expectSame(plain, fast, JSON.stringify(custom));
      }
    }
  });
});
