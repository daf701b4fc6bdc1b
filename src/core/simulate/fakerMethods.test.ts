import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededFaker } from './faker.ts';
import { FAKER_METHODS, isFakerMethod } from './fakerMethods.ts';
import { liveFakerMethods } from './fakerMethods.live.ts';
import { resolveFakerMethod } from './fakerPath.ts';

const { faker } = createSeededFaker(0);

describe('the list of Faker methods', () => {
  it("is the installed Faker's (after an upgrade: node --import tsx scripts/faker-methods.ts)", () => {
    expect([...FAKER_METHODS]).toEqual(liveFakerMethods(faker));
    expect(FAKER_METHODS.size).toBeGreaterThan(200);
  });

  it('accepts exactly what the generator resolves', () => {
    const names = [...new Set([...FAKER_METHODS].flatMap((p) => p.split('.'))), '__proto__', 'constructor', 'toString', 'fakerCore', 'faker', ''];
    const name = fc.constantFrom(...names);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(name, name).map(([a, b]) => `${a}.${b}`),
          fc.constantFrom(...FAKER_METHODS),
          fc.string(),
        ),
        (path) => {
          expect(isFakerMethod(path)).toBe(resolveFakerMethod(faker, path) !== undefined);
        },
      ),
      { numRuns: 400 },
    );
    expect(isFakerMethod('date.soon')).toBe(true);
    expect(isFakerMethod('person.fullname')).toBe(false);
    expect(isFakerMethod(7)).toBe(false);
  });
});
