import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validatorFor } from './ajv.testutil.ts';
import { createSeededFaker } from './faker.ts';
import { simulateResult, simulateValue } from './fromSchema.ts';
import { rootSchemaArb, safeJson } from './schemaArbitrary.testutil.ts';

describe('simulateValue on generated schemas', () => {
  it('always produces values that validate (ajv, draft 2020-12 + formats)', () => {
    const sf = createSeededFaker(0);
    fc.assert(
      fc.property(rootSchemaArb, fc.integer({ min: 0, max: 2 ** 31 }), (schema, base) => {
        const validate = validatorFor(schema);
        for (let k = 0; k < 25; k++) {
          sf.reseed(base + k);
          const value = simulateValue(schema, sf);
          if (!validate(value)) {
            throw new Error(`seed ${base + k}: ${JSON.stringify(value)}\n${JSON.stringify(validate.errors)}`);
          }
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('results with echoed arguments still validate', () => {
    const sf = createSeededFaker(0);
    fc.assert(
      fc.property(
        rootSchemaArb,
        fc.dictionary(fc.constantFrom('id', 'room_id', 'email', 'name', 'status', 'count', 'a', 'value', 'tags'), safeJson),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (schema, args, seed) => {
          const validate = validatorFor(schema);
          sf.reseed(seed);
          const value = simulateResult(schema, args as never, sf);
          if (!validate(value)) throw new Error(`${JSON.stringify(value)}\n${JSON.stringify(validate.errors)}`);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
