import { describe, expect, it } from 'vitest';
import { mergeSchemas } from './schemaMerge.ts';

describe('mergeSchemas', () => {
  it('intersects types, tightens bounds, unites required and properties', () => {
    expect(
      mergeSchemas(
        { type: ['integer', 'string'], minimum: 1, maximum: 10, required: ['a'], properties: { a: { type: 'string' } } },
        { type: 'number', minimum: 3, maximum: 20, required: ['b'], properties: { a: { minLength: 2 }, b: { type: 'integer' } } },
      ),
    ).toEqual({
      type: 'integer',
      minimum: 3,
      maximum: 10,
      required: ['a', 'b'],
      properties: { a: { allOf: [{ type: 'string' }, { minLength: 2 }] }, b: { type: 'integer' } },
    });
  });

  it('intersects enums, combines multipleOf, pairs branches', () => {
    expect(mergeSchemas({ enum: [1, 2, 3] }, { enum: [3, 2, 9] })).toEqual({ enum: [2, 3] });
    expect(mergeSchemas({ multipleOf: 4 }, { multipleOf: 6 })).toEqual({ multipleOf: 12 });
    expect(mergeSchemas({ anyOf: [{ type: 'string' }, { type: 'null' }] }, { anyOf: [{ minLength: 1 }] })).toEqual({
      anyOf: [{ allOf: [{ type: 'string' }, { minLength: 1 }] }, { allOf: [{ type: 'null' }, { minLength: 1 }] }],
    });
    expect(mergeSchemas({ items: true }, { items: { type: 'string' } })).toEqual({ items: { type: 'string' } });
    expect(mergeSchemas({ additionalProperties: { type: 'string' } }, { additionalProperties: false })).toEqual({ additionalProperties: false });
  });

  it('keeps the first annotation and does not touch its inputs', () => {
    const a = { description: 'A', 'x-fake': 'person.fullName', required: ['x'] };
    const b = { description: 'B', required: ['y'] };
    expect(mergeSchemas(a, b)).toEqual({ description: 'A', 'x-fake': 'person.fullName', required: ['x', 'y'] });
    expect(a.required).toEqual(['x']);
  });
});
