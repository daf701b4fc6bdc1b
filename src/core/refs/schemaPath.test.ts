import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../project/types.ts';
import { parseReference } from './parse.ts';
import { schemaAtPath } from './schemaPath.ts';

const path = (source: string) => {
  const ref = parseReference(source);
  if (typeof ref === 'string') throw new Error(ref);
  return ref.path;
};

const flight: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    price: { type: 'number' },
    seats: { type: 'integer' },
    depart: { type: 'string', format: 'date-time' },
    refundable: { type: 'boolean' },
    fare: { type: 'object', properties: { total: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } } },
    maybe: { type: ['number', 'null'] },
    nothing: { type: 'null' },
    anything: {},
    ref: { $ref: '#/$defs/money' },
  },
};
const returns: JsonSchema = {
  type: 'object',
  properties: {
    flights: { type: 'array', items: flight },
    pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: { type: 'boolean' } },
    loose: { type: 'array' },
    title: { type: 'string' },
  },
  $defs: { money: { type: 'object', properties: { amount: { type: 'number' } } } },
};
const at = (source: string) => schemaAtPath(returns, path(source));

describe('schemaAtPath: negative indices', () => {
  it('reaches the item schema', () => {
    expect(at('r.flights[-1].price')).toEqual({ ok: true, schema: { type: 'number' } });
    expect(at('r.flights[-12]')).toEqual({ ok: true, schema: flight });
    expect(at('r.loose[-1].whatever')).toEqual({ ok: true, schema: {} });
  });
  it('a negative index into a tuple reaches the general items, not a prefix item', () => {
    expect(at('r.pair[0]')).toEqual({ ok: true, schema: { type: 'string' } });
    expect(at('r.pair[-1]')).toEqual({ ok: true, schema: { type: 'boolean' } });
  });
  it('does not apply to a non-list', () => {
    const r = at('r.title[-1]');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('.title is a string, not a list, so [-1] does not apply');
  });
});

describe('schemaAtPath: [min:key] and [max:key]', () => {
  it('reaches the item schema when the key is a number, an integer or a string', () => {
    expect(at('r.flights[min:price].id')).toEqual({ ok: true, schema: { type: 'string' } });
    expect(at('r.flights[max:seats]')).toEqual({ ok: true, schema: flight });
    expect(at('r.flights[min:depart].price')).toEqual({ ok: true, schema: { type: 'number' } });
    expect(at('r.flights[max:fare.total].fare.tags[-1]')).toEqual({ ok: true, schema: { type: 'string' } });
    expect(at('r.flights[min:maybe].id').ok).toBe(true);
    expect(at('r.flights[min:anything].id').ok).toBe(true);
    expect(at('r.flights[min:ref.amount].id').ok).toBe(true);
    expect(at('r.loose[min:x.y].z')).toEqual({ ok: true, schema: {} });
    expect(at('r.flights[*].fare.tags')).toEqual({ ok: true, schema: { type: 'array', items: { type: 'array', items: { type: 'string' } } } });
  });
  it('says when the key is of a type that does not compare', () => {
    const r = at('r.flights[min:refundable]');
    expect(r).toEqual({
      ok: false,
      message: '.flights[min:refundable]: refundable is a boolean in each element; min/max need a number, an integer or a string (dates)',
    });
    const n = at('r.flights[max:fare.tags]');
    expect(!n.ok && n.message).toContain('fare.tags is a list in each element; min/max need a number, an integer or a string (dates)');
    expect(!at('r.flights[max:nothing]').ok).toBe(true);
    expect(!at('r.flights[max:fare]').ok).toBe(true);
  });
  it('says when the key is not a field of the elements', () => {
    const r = at('r.flights[min:cost]');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('.flights[min:cost]: each element has no field "cost" (it has "id", "price"');
    const deep = at('r.flights[min:fare.sum]');
    expect(!deep.ok && deep.message).toContain('.flights[min:fare.sum]: fare in each element has no field "sum" (it has "total", "tags")');
    const through = at('r.flights[min:price.x]');
    expect(!through.ok && through.message).toContain('price in each element is a number, not an object with field "x"');
  });
  it('does not apply to a non-list', () => {
    expect(at('r.title[max:x]')).toEqual({ ok: false, message: '.title is a string, not a list, so [max:x] does not apply' });
  });
});
