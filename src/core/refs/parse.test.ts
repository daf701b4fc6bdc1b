import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectReferences, formatReference, parseReference, parseTemplate } from './parse.ts';
import type { PathSegment } from './types.ts';

describe('parseTemplate', () => {
  it('splits text and references, keeping offsets', () => {
    const t = parseTemplate('Book {date} for {team.members[0].name}.');
    expect(t.errors).toEqual([]);
    expect(t.whole).toBeNull();
    expect(t.parts.map((p) => (p.kind === 'text' ? p.text : `<${p.ref.source}>`))).toEqual(['Book ', '<date>', ' for ', '<team.members[0].name>', '.']);
    const ref = t.parts[1].kind === 'ref' ? t.parts[1].ref : null;
    expect(ref).toMatchObject({ root: 'date', path: [], start: 5, end: 11 });
  });

  it('parses every path segment kind', () => {
    expect(parseReference('rooms.rooms[0].room_id')).toMatchObject({
      root: 'rooms',
      path: [
        { kind: 'key', key: 'rooms' },
        { kind: 'index', index: 0 },
        { kind: 'key', key: 'room_id' },
      ],
    });
    expect(parseReference('team.members[*].email')).toMatchObject({ path: [{ kind: 'key', key: 'members' }, { kind: 'all' }, { kind: 'key', key: 'email' }] });
    expect(parseReference('team.members.length')).toMatchObject({ path: [{ kind: 'key', key: 'members' }, { kind: 'length' }] });
    expect(parseReference('x["odd key"]')).toMatchObject({ path: [{ kind: 'key', key: 'odd key' }] });
  });

  it('parses negative indices and min/max picks', () => {
    expect(parseReference('r.items[-1]')).toMatchObject({
      path: [
        { kind: 'key', key: 'items' },
        { kind: 'index', index: -1 },
      ],
    });
    expect(parseReference('r.items[-12].id')).toMatchObject({
      path: [
        { kind: 'key', key: 'items' },
        { kind: 'index', index: -12 },
        { kind: 'key', key: 'id' },
      ],
    });
    expect(parseReference('flights.flights[min:price].flight_id')).toMatchObject({
      path: [
        { kind: 'key', key: 'flights' },
        { kind: 'pick', pick: 'min', key: ['price'] },
        { kind: 'key', key: 'flight_id' },
      ],
    });
    expect(parseReference('r[max:a.b]')).toMatchObject({ path: [{ kind: 'pick', pick: 'max', key: ['a', 'b'] }] });
    expect(parseReference('r.x[min:fare.total][-2]')).toMatchObject({
      path: [
        { kind: 'key', key: 'x' },
        { kind: 'pick', pick: 'min', key: ['fare', 'total'] },
        { kind: 'index', index: -2 },
      ],
    });
    expect(parseReference('r[max:$weird-name_1]')).toMatchObject({ path: [{ kind: 'pick', pick: 'max', key: ['$weird-name_1'] }] });
  });

  it('rejects malformed list steps, naming the allowed forms', () => {
    const forms = 'use [0], [1], [-1], [*], [min:field] or [max:field]';
    for (const bad of [
      'r[min:]',
      'r[max:]',
      'r[mid:x]',
      'r[min:a..b]',
      'r[min:.a]',
      'r[min:a.]',
      'r[min: a]',
      'r[-0]',
      'r[-]',
      'r[--1]',
      'r[1.5]',
      'r[MIN:a]',
      'r[min:a b]',
    ]) {
      const result = parseReference(bad);
      expect(typeof result, bad).toBe('string');
      expect(result, bad).toContain(forms);
    }
    expect(parseReference('r[min:]')).toContain('needs a field name');
    expect(parseReference('r[mid:x]')).toContain('"[mid:x]"');
    expect(parseTemplate('{r[mid:x]}').errors[0].message).toContain(forms);
  });

  it('writes the new steps back as they were written', () => {
    for (const source of [
      'r.items[-1]',
      'r.items[-12].id',
      'f.flights[min:price].flight_id',
      'r[max:a.b]',
      'r.x[min:fare.total][-2][*].length',
      'r[max:length]',
    ]) {
      const parsed = parseReference(source);
      if (typeof parsed === 'string') throw new Error(parsed);
      expect(formatReference(parsed.root, parsed.path)).toBe(`{${source}}`);
    }
  });

  it('treats a template that is exactly one reference as whole', () => {
    expect(parseTemplate('{team.members[*].email}').whole?.source).toBe('team.members[*].email');
    expect(parseTemplate(' {date}').whole).toBeNull();
  });

  it('reads {{ and }} as literal braces', () => {
    const t = parseTemplate('{{"a": {x}}}');
    expect(t.errors).toEqual([]);
    expect(t.parts.map((p) => (p.kind === 'text' ? p.text : `<${p.ref.source}>`))).toEqual(['{"a": ', '<x>', '}']);
  });

  it('reports syntax errors with their offset and leaves the text', () => {
    expect(parseTemplate('Hello {name').errors[0]).toMatchObject({ offset: 6 });
    expect(parseTemplate('a } b').errors[0].message).toContain('}}');
    expect(parseTemplate('{a..b}').errors[0].message).toContain('bad reference');
    expect(parseTemplate('{a[x]}').errors[0].message).toContain('[x]');
    expect(parseTemplate('{}').errors[0].message).toContain('empty');
    expect(parseTemplate('{ a }').errors).toHaveLength(1);
  });

  it('collects references anywhere inside a JSON value with their place', () => {
    const found = collectReferences({ a: '{x}', b: [{ c: 'n={y.z}' }], d: 3 });
    expect(found.map((f) => [f.ref.source, f.at])).toEqual([
      ['x', ['a']],
      ['y.z', ['b', 0, 'c']],
    ]);
  });
});

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/).filter((s) => s !== 'length');
const keyName = fc.stringMatching(/^[A-Za-z0-9_$-]{1,8}$/);
const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  name.map((key) => ({ kind: 'key' as const, key })),
  fc
    .string({ maxLength: 6 })
    .filter((key) => !/["\\\]{}]/.test(key))
    .map((key) => ({ kind: 'key' as const, key })),
  fc.nat(20).map((index) => ({ kind: 'index' as const, index })),
  fc.integer({ min: -20, max: -1 }).map((index) => ({ kind: 'index' as const, index })),
  fc.constant({ kind: 'all' as const }),
  fc.constant({ kind: 'length' as const }),
  fc
    .record({ pick: fc.constantFrom('min' as const, 'max' as const), key: fc.array(keyName, { minLength: 1, maxLength: 3 }) })
    .map(({ pick, key }) => ({ kind: 'pick' as const, pick, key })),
);

describe('references (property)', () => {
  it('format then parse gives back the same reference', () => {
    fc.assert(
      fc.property(name, fc.array(segment, { maxLength: 6 }), (root, path) => {
        const text = formatReference(root, path);
        const parsed = parseTemplate(text);
        expect(parsed.errors).toEqual([]);
        expect(parsed.whole?.root).toBe(root);
        expect(parsed.whole?.path).toEqual(path);
        expect(formatReference(root, parsed.whole?.path ?? [])).toBe(text);
      }),
    );
  });

  it('never throws and always accounts for every character of text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const t = parseTemplate(s);
        // Literal text with braces escaped plus references reproduce the input when there are no errors.
        if (t.errors.length === 0) {
          const rebuilt = t.parts.map((p) => (p.kind === 'text' ? p.text.replace(/\{/g, '{{').replace(/\}/g, '}}') : `{${p.ref.source}}`)).join('');
          expect(rebuilt).toBe(s);
        }
      }),
    );
  });
});
