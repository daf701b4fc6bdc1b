import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { parseReference } from './parse.ts';
import { renderTemplate, renderValue, resolvePath } from './resolve.ts';

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

describe('renderTemplate', () => {
  it('a whole reference keeps the value type', () => {
    expect(renderTemplate('{n}', lookup)).toEqual({ ok: true, value: 3 });
    expect(renderTemplate('{flag}', lookup)).toEqual({ ok: true, value: true });
    expect(renderTemplate('{r.rooms[*].room_id}', lookup)).toEqual({ ok: true, value: ['room_A1b2C3d4', 'room_Z9y8X7w6'] });
  });
  it('writes references into longer text, non-text as JSON', () => {
    expect(renderTemplate('{n} rooms on {date}', lookup)).toEqual({ ok: true, value: '3 rooms on 2026-01-13' });
    expect(renderTemplate('caps: {r.rooms[*].capacity}', lookup)).toEqual({ ok: true, value: 'caps: [8,12]' });
    expect(renderTemplate('{{literal}} {date}', lookup)).toEqual({ ok: true, value: '{literal} 2026-01-13' });
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
