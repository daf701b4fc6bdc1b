import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../project/types.ts';
import { parseReference } from '../refs/parse.ts';
import { resolvePath } from '../refs/resolve.ts';
import { createSeededFaker } from '../simulate/faker.ts';
import { resultSimulator } from '../simulate/fromSchema.ts';
import { tightenForPaths } from './constraints.ts';

const path = (source: string) => {
  const ref = parseReference(source);
  if (typeof ref === 'string') throw new Error(ref);
  return ref.path;
};

const returns = (): JsonSchema => ({
  type: 'object',
  properties: {
    flights: {
      type: 'array',
      maxItems: 6,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          price: { type: ['number', 'null', 'boolean'] },
          fare: { type: 'object', properties: { total: { type: 'number', minimum: 1 } } },
          depart: { type: 'string', format: 'date' },
        },
      },
    },
    short: { type: 'array', maxItems: 2, items: { type: 'integer' } },
    shared: { type: 'array', items: { $ref: '#/$defs/item' } },
  },
  $defs: { item: { type: 'object', properties: { score: { type: 'integer' } } } },
});

type Node = { [k: string]: unknown };
const get = (schema: JsonSchema, ...keys: string[]): Node => keys.reduce<Node>((node, k) => node[k] as Node, schema as Node);

describe('tightenForPaths: the new steps', () => {
  it('[-n] needs at least n items, within maxItems', () => {
    const t = tightenForPaths(returns(), [path('r.flights[-3].id'), path('r.short[-5]')]);
    expect(get(t, 'properties', 'flights').minItems).toBe(3);
    expect(get(t, 'properties', 'flights', 'items').required).toEqual(['id']);
    expect(get(t, 'properties', 'short').minItems).toBeUndefined();
    expect(get(tightenForPaths(returns(), [path('r.flights[-1]')]), 'properties', 'flights').minItems).toBe(1);
  });

  it('a pick needs one item and requires its key, keeping only the comparable types', () => {
    const t = tightenForPaths(returns(), [path('r.flights[min:price].id')]);
    const flights = get(t, 'properties', 'flights');
    expect(flights.minItems).toBe(1);
    expect(get(t, 'properties', 'flights', 'items').required).toEqual(['price', 'id']);
    expect(get(t, 'properties', 'flights', 'items', 'properties', 'price').type).toBe('number');
  });

  it('a dotted pick key requires every field on it', () => {
    const t = tightenForPaths(returns(), [path('r.flights[max:fare.total]')]);
    expect(get(t, 'properties', 'flights', 'items').required).toEqual(['fare']);
    expect(get(t, 'properties', 'flights', 'items', 'properties', 'fare').required).toEqual(['total']);
  });

  it('follows $ref in the items and leaves the original schema alone', () => {
    const original = returns();
    const t = tightenForPaths(original, [path('r.shared[max:score]')]);
    expect(get(t, '$defs', 'item').required).toEqual(['score']);
    expect(get(t, 'properties', 'shared').minItems).toBe(1);
    expect(original).toEqual(returns());
  });

  it('simulated results always resolve the picks and negative indices', () => {
    const paths = ['r.flights[min:price].id', 'r.flights[max:fare.total].fare.total', 'r.flights[min:depart].depart', 'r.flights[-2].id'].map(path);
    const simulate = resultSimulator(tightenForPaths(returns(), paths));
    const sf = createSeededFaker(1);
    for (let seed = 0; seed < 200; seed += 1) {
      sf.reseed(seed);
      const value = simulate({}, sf);
      for (const p of paths) expect(resolvePath(value, p).ok).toBe(true);
    }
  });
});
