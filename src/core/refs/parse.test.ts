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
      path: [{ kind: 'key', key: 'rooms' }, { kind: 'index', index: 0 }, { kind: 'key', key: 'room_id' }],
    });
    expect(parseReference('team.members[*].email')).toMatchObject({ path: [{ kind: 'key', key: 'members' }, { kind: 'all' }, { kind: 'key', key: 'email' }] });
    expect(parseReference('team.members.length')).toMatchObject({ path: [{ kind: 'key', key: 'members' }, { kind: 'length' }] });
    expect(parseReference('x["odd key"]')).toMatchObject({ path: [{ kind: 'key', key: 'odd key' }] });
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
const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  name.map((key) => ({ kind: 'key' as const, key })),
  fc.nat(20).map((index) => ({ kind: 'index' as const, index })),
  fc.constant({ kind: 'all' as const }),
  fc.constant({ kind: 'length' as const }),
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
