import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { validatorFor } from './ajv.testutil.ts';
import { compileCheck } from './conforms.ts';
import { createSeededFaker } from './faker.ts';
import { simulateValue } from './fromSchema.ts';
import { rootSchemaArb, safeJson } from './schemaArbitrary.testutil.ts';

/** Small changes that often turn a valid value into an invalid one. */
function mutate(v: JsonValue, r: number): JsonValue {
  if (typeof v === 'number') return [v + 1, v + 0.5, -v, String(v)][r % 4];
  if (typeof v === 'string') return [`${v}!`, v.slice(1), '', 5][r % 4];
  if (Array.isArray(v)) return [[...v, v[0] ?? null], v.slice(1), [...v, 'x'], {}][r % 4];
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return [{ extra: 1 }, []][r % 2];
    const k = keys[r % keys.length];
    const copy: { [key: string]: JsonValue } = { ...v };
    if (r % 2) delete copy[k];
    else copy[k] = mutate(v[k], r + 1);
    return copy;
  }
  return [0, 'x', null, true][r % 4];
}

describe('compileCheck', () => {
  it('agrees with ajv on valid, mutated and arbitrary values', () => {
    const sf = createSeededFaker(0);
    fc.assert(
      fc.property(rootSchemaArb, fc.array(safeJson, { maxLength: 5 }), fc.nat(), (schema, randoms, seed) => {
        const check = compileCheck(schema);
        if (!check) return;
        const validate = validatorFor(schema);
        const values: JsonValue[] = randoms as JsonValue[];
        for (let k = 0; k < 5; k++) {
          sf.reseed(seed + k);
          const v = simulateValue(schema, sf);
          values.push(v, mutate(v, seed + k));
        }
        for (const v of values) {
          if (check(v) !== validate(v)) throw new Error(`disagree on ${JSON.stringify(v)}: check=${check(v)}`);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('handles the keywords it claims and refuses the ones it does not', () => {
    const cases: [JsonSchema, JsonValue, boolean][] = [
      [{ type: 'string', format: 'date' }, '2026-02-30', false],
      [{ type: 'string', format: 'date' }, '2024-02-29', true],
      [{ type: 'integer', format: 'int32' }, 2 ** 31, false],
      [{ type: 'string', format: 'int32' }, 'abc', true],
      // ajv's own rule: 0.3 / 0.1 is 2.9999999999999996, not an integer.
      [{ type: 'number', multipleOf: 0.1 }, 0.3, false],
      [{ type: 'number', multipleOf: 0.1 }, 0.5, true],
      [
        { type: 'array', uniqueItems: true },
        [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
        false,
      ],
      [{ type: 'object', dependentRequired: { a: ['b'] } }, { a: 1 }, false],
      [{ if: { type: 'string' }, then: { minLength: 2 } }, 'x', false],
      [{ not: { type: 'null' } }, null, false],
      [{ type: 'string', nullable: true }, null, true],
      [{ $ref: '#/$defs/x', $defs: { x: { type: 'integer' } } }, 1.5, false],
    ];
    for (const [schema, value, expected] of cases) {
      expect(compileCheck(schema)!(value), JSON.stringify([schema, value])).toBe(expected);
    }
    expect(compileCheck({ unevaluatedProperties: false })).toBeNull();
    expect(compileCheck({ $ref: '#/$defs/missing' })).toBeNull();
    expect(compileCheck({ type: 'string', pattern: '(' })).toBeNull();
  });

  it('copes with recursive schemas', () => {
    const tree: JsonSchema = { $defs: { n: { type: 'object', properties: { c: { type: 'array', items: { $ref: '#/$defs/n' } } } } }, $ref: '#/$defs/n' };
    const check = compileCheck(tree)!;
    expect(check({ c: [{ c: [] }, { c: [{}] }] })).toBe(true);
    expect(check({ c: [{ c: [1] }] })).toBe(false);
  });
});
