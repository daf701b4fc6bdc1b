import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { parseReference } from './parse.ts';
import { pickIndex, renderTemplate, renderValue, resolvePath, toText } from './resolve.ts';

const result = {
  rooms: [
    { room_id: 'room_A1b2C3d4', capacity: 8, tags: ['tv', 'quiet'] },
    { room_id: 'room_Z9y8X7w6', capacity: 12, tags: ['whiteboard'] },
  ],
  meta: { length: 'custom' },
  title: 'Quarterly',
};
const slots: Record<string, JsonValue> = { date: '2026-01-13', n: 3, flag: true };
const lookup = (root: string): JsonValue | undefined => (root === 'r' ? result : slots[root]);
const path = (source: string) => {
  const ref = parseReference(source);
  if (typeof ref === 'string') throw new Error(ref);
  return ref.path;
};

describe('resolvePath', () => {
  it('follows keys and indexes', () => {
    expect(resolvePath(result, path('r.rooms[1].room_id'))).toEqual({ ok: true, value: 'room_Z9y8X7w6' });
  });
  it('[*] maps over a list, several [*] give a flat list', () => {
    expect(resolvePath(result, path('r.rooms[*].capacity'))).toEqual({ ok: true, value: [8, 12] });
    expect(resolvePath(result, path('r.rooms[*].tags[*]'))).toEqual({ ok: true, value: ['tv', 'quiet', 'whiteboard'] });
  });
  it('.length counts lists and text, but an object key named length wins', () => {
    expect(resolvePath(result, path('r.rooms.length'))).toEqual({ ok: true, value: 2 });
    expect(resolvePath(result, path('r.title.length'))).toEqual({ ok: true, value: 9 });
    expect(resolvePath(result, path('r.meta.length'))).toEqual({ ok: true, value: 'custom' });
  });
  it('says where a path breaks', () => {
    const missing = resolvePath(result, path('r.rooms[5]'));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toContain('out of range');
    const nokey = resolvePath(result, path('r.nope'));
    expect(!nokey.ok && nokey.message).toContain('no field "nope"');
    const proto = resolvePath(result, path('r.constructor'));
    expect(proto.ok).toBe(false);
  });
});

const flights: JsonValue = {
  flights: [
    { id: 'f1', price: 320, fare: { total: 410 }, depart: '2026-01-14T09:00', rating: 4 },
    { id: 'f2', price: 180, fare: { total: 260 }, depart: '2026-01-12T18:30', rating: 5 },
    { id: 'f3', price: 180, fare: { total: 199 }, depart: '2026-01-12T07:15', rating: 5 },
    { id: 'f4', fare: {}, depart: 20260101, rating: 'five' },
  ],
  empty: [],
  notList: { price: 1 },
};

describe('resolvePath: negative indices', () => {
  it('[-1] is the last element, [-2] the one before', () => {
    expect(resolvePath(result, path('r.rooms[-1].room_id'))).toEqual({ ok: true, value: 'room_Z9y8X7w6' });
    expect(resolvePath(result, path('r.rooms[-2].room_id'))).toEqual({ ok: true, value: 'room_A1b2C3d4' });
    expect(resolvePath(result, path('r.rooms[*].tags[-1]'))).toEqual({ ok: true, value: ['quiet', 'whiteboard'] });
  });
  it('out of range and empty lists do not resolve', () => {
    expect(resolvePath(result, path('r.rooms[-3]'))).toEqual({ ok: false, message: '.rooms has 2 items, so [-3] is out of range' });
    expect(resolvePath(flights, path('f.empty[-1]'))).toEqual({ ok: false, message: '.empty has 0 items, so [-1] is out of range' });
    expect(resolvePath(result, path('r.title[-1]'))).toEqual({ ok: false, message: '.title is not a list, so [-1] does not apply' });
  });
});

describe('resolvePath: [min:key] and [max:key]', () => {
  it('picks the smallest or largest number, the first one on ties', () => {
    expect(resolvePath(flights, path('f.flights[min:price].id'))).toEqual({ ok: true, value: 'f2' });
    expect(resolvePath(flights, path('f.flights[max:price].id'))).toEqual({ ok: true, value: 'f1' });
    expect(resolvePath(flights, path('f.flights[max:rating].id'))).toEqual({ ok: true, value: 'f2' });
  });
  it('follows a dotted key', () => {
    expect(resolvePath(flights, path('f.flights[min:fare.total].id'))).toEqual({ ok: true, value: 'f3' });
    expect(resolvePath(flights, path('f.flights[max:fare.total].fare.total'))).toEqual({ ok: true, value: 410 });
  });
  it('compares strings as text, so ISO dates sort as dates; elements of another type are skipped', () => {
    expect(resolvePath(flights, path('f.flights[min:depart].id'))).toEqual({ ok: true, value: 'f3' });
    expect(resolvePath(flights, path('f.flights[max:depart].id'))).toEqual({ ok: true, value: 'f1' });
  });
  it('skips elements where the key is absent or not a number or a string', () => {
    const items: JsonValue[] = [{ p: null }, { q: 1 }, { p: true }, { p: [1] }, { p: 7 }, { p: { x: 1 } }, 'text', 3, { p: 9 }];
    expect(resolvePath({ items }, path('x.items[min:p]'))).toEqual({ ok: true, value: { p: 7 } });
    expect(resolvePath({ items }, path('x.items[max:p].p'))).toEqual({ ok: true, value: 9 });
    // The key is an own field: "constructor" or "length" of other values do not count.
    expect(resolvePath({ items: [{ a: 1 }, 'abc'] }, path('x.items[min:length]')).ok).toBe(false);
  });
  it('works after [*] and before other steps', () => {
    const data = { groups: [{ xs: [{ v: 3 }, { v: 1 }] }, { xs: [{ v: 5 }, { v: 8 }] }] };
    expect(resolvePath(data, path('d.groups[*].xs[max:v].v'))).toEqual({ ok: true, value: [3, 8] });
    expect(resolvePath(data, path('d.groups[max:xs.length]')).ok).toBe(false);
  });
  it('says why a pick does not resolve', () => {
    expect(resolvePath(flights, path('f.empty[min:price]'))).toEqual({ ok: false, message: '.empty is an empty list, so [min:price] has no element' });
    expect(resolvePath(flights, path('f.notList[min:price]'))).toEqual({ ok: false, message: '.notList is not a list, so [min:price] does not apply' });
    expect(resolvePath(flights, path('f.flights[max:seats]'))).toEqual({
      ok: false,
      message: 'no element of .flights has a number or a string at "seats", so [max:seats] has no element',
    });
  });
});

describe('pickIndex', () => {
  it('gives -1 when nothing compares, and the first index on ties', () => {
    expect(pickIndex([], 'min', ['a'])).toBe(-1);
    expect(pickIndex([{ a: true }], 'max', ['a'])).toBe(-1);
    expect(pickIndex([{ a: 2 }, { a: 1 }, { a: 1 }], 'min', ['a'])).toBe(1);
    expect(pickIndex([{ a: 2 }, { a: 2 }, { a: 1 }], 'max', ['a'])).toBe(0);
  });
  it('compares the type of the first comparable element, skipping the other', () => {
    expect(pickIndex([{ a: 'b' }, { a: 1 }, { a: 'a' }], 'min', ['a'])).toBe(2);
    expect(pickIndex([{ a: 5 }, { a: '0' }, { a: 3 }], 'min', ['a'])).toBe(2);
  });
});

describe('renderTemplate', () => {
  it('a whole reference keeps the value type', () => {
    expect(renderTemplate('{n}', lookup)).toEqual({ ok: true, value: 3 });
    expect(renderTemplate('{flag}', lookup)).toEqual({ ok: true, value: true });
    expect(renderTemplate('{r.rooms[*].room_id}', lookup)).toEqual({ ok: true, value: ['room_A1b2C3d4', 'room_Z9y8X7w6'] });
  });
  it('writes references into longer text: lists of words in words, other non-text as JSON', () => {
    expect(renderTemplate('{n} rooms on {date}', lookup)).toEqual({ ok: true, value: '3 rooms on 2026-01-13' });
    expect(renderTemplate('caps: {r.rooms[*].capacity}', lookup)).toEqual({ ok: true, value: 'caps: 8 and 12' });
    expect(renderTemplate('meta: {r.meta}', lookup)).toEqual({ ok: true, value: 'meta: {"length":"custom"}' });
    expect(renderTemplate('{{literal}} {date}', lookup)).toEqual({ ok: true, value: '{literal} 2026-01-13' });
  });
  it('as text, writes lists of strings or of numbers in words, other values as JSON', () => {
    const words = (template: string) => renderTemplate(template, lookup, true);
    expect(words('Rooms: {r.rooms[*].room_id}.')).toEqual({ ok: true, value: 'Rooms: room_A1b2C3d4 and room_Z9y8X7w6.' });
    expect(words('{r.rooms[*].tags[*]}')).toEqual({ ok: true, value: 'tv, quiet and whiteboard' });
    expect(words('caps: {r.rooms[*].capacity}')).toEqual({ ok: true, value: 'caps: 8 and 12' });
    expect(words('{r.rooms[0].tags}')).toEqual({ ok: true, value: 'tv and quiet' });
    expect(words('{n}')).toEqual({ ok: true, value: '3' });
    expect(words('{r.meta}')).toEqual({ ok: true, value: '{"length":"custom"}' });
    expect(words('[{r.rooms[1].tags[0]}]')).toEqual({ ok: true, value: '[whiteboard]' });
    expect(renderTemplate('{x}', (root) => (root === 'x' ? [1, 'a'] : undefined), true)).toEqual({ ok: true, value: '[1,"a"]' });
    expect(renderTemplate('none: "{x}"', (root) => (root === 'x' ? [] : undefined), true)).toEqual({ ok: true, value: 'none: ""' });
    expect(renderTemplate('{x}', (root) => (root === 'x' ? [[1], [2]] : undefined), true)).toEqual({ ok: true, value: '[[1],[2]]' });
    // Not as text (arguments): a whole reference keeps its type; inside a longer text a list still reads as words.
    expect(renderTemplate('caps: {r.rooms[*].capacity}', lookup)).toEqual({ ok: true, value: 'caps: 8 and 12' });
    expect(renderTemplate('{r.rooms[*].capacity}', lookup)).toEqual({ ok: true, value: [8, 12] });
  });
  it('toText writes in words only when asked', () => {
    expect(toText(['a', 'b'])).toBe('["a","b"]');
    expect(toText(['a', 'b'], true)).toBe('a and b');
    expect(toText([true, false], true)).toBe('[true,false]');
    expect(toText(null, true)).toBe('null');
  });
  it('reports an unknown root', () => {
    const r = renderTemplate('{ghost}', lookup);
    expect(r.ok).toBe(false);
  });
  it('fills templates nested in objects and lists', () => {
    expect(renderValue({ a: ['{n}', { b: 'on {date}' }], c: 1 }, lookup)).toEqual({ ok: true, value: { a: [3, { b: 'on 2026-01-13' }], c: 1 } });
  });
});

describe('resolvePath (property)', () => {
  it('[n] after [*] is the same as [*] then picking n, for any list of objects', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ v: fc.integer() }), { minLength: 1, maxLength: 10 }), fc.nat(9), (items, n) => {
        const all = resolvePath({ items }, path('x.items[*].v'));
        expect(all).toEqual({ ok: true, value: items.map((i) => i.v) });
        const one = resolvePath({ items }, path(`x.items[${n}].v`));
        if (n < items.length) expect(one).toEqual({ ok: true, value: items[n].v });
        else expect(one.ok).toBe(false);
      }),
    );
  });
});
