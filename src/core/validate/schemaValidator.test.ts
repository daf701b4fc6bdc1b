import { describe, expect, it } from 'vitest';
import { checkAgainstSchema } from './schemaValidator.ts';

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
