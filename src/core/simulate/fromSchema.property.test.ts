import fc from 'fast-check';
import { describe, it } from 'vitest';
import { validatorFor } from './ajv.testutil.ts';
import { createSeededFaker } from './faker.ts';
import { simulateResult, simulateValue } from './fromSchema.ts';
import { isMultiple } from './numbers.ts';
import { numberArb, rootSchemaArb, safeJson } from './schemaArbitrary.testutil.ts';

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

  it('results of calls whose arguments bound them (dates, since, max_price, places, paths) still validate', () => {
    const sf = createSeededFaker(0);
    const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const arg = fc.oneof(
      fc.record({ date: day }),
      fc.record({ departure_date: day, destination: fc.constantFrom('Madrid', 'Rome') }),
      fc.record({ since: day.map((d) => `${d}T08:00:00Z`), level: fc.constantFrom('error', 'info') }),
      fc.record({ due_before: day, status: fc.constantFrom('open', 'done') }),
      fc.record({
        max_price: fc.integer({ min: -50, max: 500 }),
        min_rating: fc.double({ min: -1, max: 11, noNaN: true }),
        query: fc.constantFrom('lamp', 'desk lamp', ''),
      }),
      fc.record({ path: fc.constantFrom('/srv/app', '/', '~/docs'), dir_name: fc.constantFrom('drafts', 'a/b', '') }),
      fc.record({ city: safeJson, count: safeJson }),
    );
    fc.assert(
      fc.property(rootSchemaArb, arg, fc.integer({ min: 0, max: 2 ** 31 }), (schema, args, seed) => {
        const validate = validatorFor(schema);
        sf.reseed(seed);
        const value = simulateResult(schema, args as never, sf);
        if (!validate(value)) throw new Error(`${JSON.stringify(args)} → ${JSON.stringify(value)}\n${JSON.stringify(validate.errors)}`);
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('numbers stay within their bounds and are exact multiples: no more decimals than multipleOf has', () => {
    const sf = createSeededFaker(0);
    const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
    fc.assert(
      fc.property(
        numberArb,
        fc.constantFrom(undefined, 'price', 'high_c', 'rating', 'total_eur'),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (schema, name, base) => {
          const validate = validatorFor(schema);
          const m = typeof schema.multipleOf === 'number' ? schema.multipleOf : undefined;
          for (let k = 0; k < 20; k++) {
            sf.reseed(base + k);
            const v = simulateValue(schema, sf, name) as number;
            if (!validate(v)) throw new Error(`${JSON.stringify(schema)}: ${v}`);
            if (m !== undefined && m < 1 && isMultiple(v, m) && decimals(v) > decimals(m)) throw new Error(`${JSON.stringify(schema)}: ${v} has float noise`);
            if (/\.\d*(0{6,}|9{6,})\d$/.test(String(v))) throw new Error(`${JSON.stringify(schema)}: ${v} has float noise`);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
