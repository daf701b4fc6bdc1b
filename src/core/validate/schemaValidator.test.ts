import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonValue } from '../project/types.ts';
import generatedCode from './metaSchema.generated.ts?raw';
import { metaSchemaCode } from './metaSchemaCode.ts';
import { checkAgainstSchema, compileSchema } from './schemaValidator.ts';

describe('checkAgainstSchema', () => {
  it("reads only an object's own properties: names like Object.prototype's are checked when present, missing when absent", () => {
    const schema = {
      type: 'object',
      properties: { valueOf: { type: 'string' }, constructor: { type: 'string' }, toString: { type: 'integer' } },
      required: ['toString'],
    };
    // `{}` inherits valueOf, constructor and toString; none of them is a property of this value.
    expect(checkAgainstSchema(schema, {})).toEqual([{ path: '$', message: 'is missing the required field "toString"' }]);
    expect(checkAgainstSchema(schema, { toString: 3, valueOf: 'v' })).toEqual([]);
    expect(checkAgainstSchema(schema, { toString: 3, constructor: 4 })).toEqual([{ path: '$.constructor', message: 'must be string' }]);
  });

  it('names the place and what was expected', () => {
    const schema = {
      type: 'object',
      properties: { rooms: { type: 'array', items: { type: 'object', properties: { capacity: { type: 'integer', minimum: 1 } } } } },
    };
    expect(checkAgainstSchema(schema, { rooms: [{ capacity: 4 }, { capacity: 0 }] })).toEqual([{ path: '$.rooms[1].capacity', message: 'must be >= 1' }]);
  });
});

describe('compileSchema: the meta-schema check generated ahead of time', () => {
  // What ajv says with the meta-schema compiled at run time (how schemas were checked before).
  const reference = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, validateSchema: true, ownProperties: true });
  reference.addKeyword({ keyword: 'x-fake' });
  reference.addKeyword({ keyword: 'x-fake-args' });
  addFormats(reference);
  const referenceOutcome = (schema: Record<string, JsonValue>): { ok: boolean; message?: string } => {
    try {
      reference.compile(schema);
      return { ok: true };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  };
  const outcome = (schema: Record<string, JsonValue>) => {
    const r = compileSchema(schema);
    return r.ok ? { ok: true } : { ok: false, message: r.message };
  };

  it('is the code ajv makes today (npm run schema writes it)', () => {
    expect(generatedCode).toBe(metaSchemaCode());
  });

  it('accepts and refuses what ajv does, with the same message', () => {
    const schemas: Record<string, JsonValue>[] = [
      { type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'] },
      { type: 'object', properties: { q: { type: 5 } } },
      { type: 'object', properties: { q: { type: 'strung' } } },
      { type: 'object', required: 'q' },
      { type: 'array', prefixItems: 3 },
      { type: 'array', items: [{ type: 'string' }] },
      { enum: [] },
      { type: ['string', 'string'] },
      { properties: { a: { minLength: -1 } } },
      { $defs: { a: { type: 'nope' } }, $ref: '#/$defs/a' },
      { anyOf: [] },
      { type: 'object', additionalProperties: { type: 'integer', maximum: 'ten' } },
      { type: 'string', format: 'email', 'x-fake': 'internet.email' },
    ];
    for (const schema of schemas) expect(outcome(schema), JSON.stringify(schema)).toEqual(referenceOutcome(schema));
  });

  it('agrees with ajv on generated schemas, valid and broken', () => {
    const keyword = fc.constantFrom(
      'type',
      'minLength',
      'maximum',
      'required',
      'enum',
      'items',
      'properties',
      'anyOf',
      'const',
      'uniqueItems',
      'pattern',
      'not',
    );
    const value: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom<JsonValue>('string', 'object', 'integer', 'strung', -1, 0, 3, true, null, '^a+$'),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(keyword, fc.constantFrom('a', 'b')), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    // As a schema arrives (parsed JSON): fast-check also makes objects without a prototype, which
    // no file holds, and compileSchema shares one verdict between schemas of the same JSON text.
    const schema = fc.dictionary(keyword, value, { minKeys: 1, maxKeys: 4 }).map((s) => JSON.parse(JSON.stringify(s)) as Record<string, JsonValue>);
    fc.assert(
      fc.property(schema, (s) => {
        expect(outcome(s)).toEqual(referenceOutcome(s));
      }),
      { numRuns: 300 },
    );
  });
});
