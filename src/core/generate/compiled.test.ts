import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { escapeTemplateText, formatReference } from '../refs/parse.ts';
import { renderTemplate, renderValue } from '../refs/resolve.ts';
import type { PathSegment } from '../refs/types.ts';
import { compileTemplate, compileValue, UNRESOLVED, type Scope } from './compiled.ts';

const scope: Scope = {
  flights: {
    flights: [
      { id: 'f1', price: 320, fare: { total: 410 }, depart: '2026-01-14', tags: ['window', 'late'] },
      { id: 'f2', price: 180, fare: { total: 260 }, depart: '2026-01-12', tags: ['aisle'] },
      { id: 'f3', price: 180, fare: { total: 199 }, depart: '2026-01-13', tags: [] },
      { id: 'f4', fare: {}, depart: 20260101 },
    ],
    empty: [],
  },
  names: ['Ada', 'Bo', 'Cy'],
  mixed: [1, 'a'],
  counts: [3, 1.5, 0],
  n: 3,
};
const lookup = (root: string): JsonValue | undefined => (Object.prototype.hasOwnProperty.call(scope, root) ? scope[root] : undefined);

describe('compileTemplate: the new steps', () => {
  it('reads [-n], [min:key] and [max:key] like resolvePath', () => {
    const render = (t: string) => compileTemplate(t).render(scope);
    expect(render('{flights.flights[-1].id}')).toBe('f4');
    expect(render('{flights.flights[-4].id}')).toBe('f1');
    expect(render('{flights.flights[min:price].id}')).toBe('f2');
    expect(render('{flights.flights[max:price].id}')).toBe('f1');
    expect(render('{flights.flights[min:fare.total].id}')).toBe('f3');
    expect(render('{flights.flights[max:depart].id}')).toBe('f1');
    expect(render('{flights.flights[*].tags[-1]}')).toBe(UNRESOLVED);
    expect(render('{flights.flights[-5]}')).toBe(UNRESOLVED);
    expect(render('{flights.empty[min:price]}')).toBe(UNRESOLVED);
    expect(render('{flights.flights[min:seats]}')).toBe(UNRESOLVED);
    expect(render('{n[-1]}')).toBe(UNRESOLVED);
  });

  it('explains a failure with the same message as renderTemplate', () => {
    const c = compileTemplate('Book {flights.empty[min:price].id}', true);
    expect(c.render(scope)).toBe(UNRESOLVED);
    expect(c.explain(scope)).toBe('{flights.empty[min:price].id}: .empty is an empty list, so [min:price] has no element');
    expect(compileTemplate('{flights.flights[-5]}').explain(scope)).toBe('.flights has 4 items, so [-5] is out of range');
  });
});

describe('compileTemplate: lists in words in text', () => {
  it('writes lists of strings or of numbers in words, as text only', () => {
    expect(compileTemplate('Invited {names}.', true).render(scope)).toBe('Invited Ada, Bo and Cy.');
    expect(compileTemplate('{names}', true).render(scope)).toBe('Ada, Bo and Cy');
    expect(compileTemplate('Counts: {counts}', true).render(scope)).toBe('Counts: 3, 1.5 and 0');
    expect(compileTemplate('Ids: {flights.flights[*].id}', true).render(scope)).toBe('Ids: f1, f2, f3 and f4');
    expect(compileTemplate('Departs: {flights.flights[*].depart}', true).render(scope)).toBe('Departs: ["2026-01-14","2026-01-12","2026-01-13",20260101]');
    expect(compileTemplate('{flights.flights[0].tags}', true).render(scope)).toBe('window and late');
    expect(compileTemplate('Tags: "{flights.flights[2].tags}"', true).render(scope)).toBe('Tags: ""');
    expect(compileTemplate('{mixed}', true).render(scope)).toBe('[1,"a"]');
    expect(compileTemplate('{flights.flights[1].fare}', true).render(scope)).toBe('{"total":260}');
    expect(compileTemplate('{n} of them', true).render(scope)).toBe('3 of them');
  });

  it('in arguments, a whole reference keeps its type and a list written into a longer text reads as words', () => {
    expect(compileTemplate('Invited {names}.').render(scope)).toBe('Invited Ada, Bo and Cy.');
    expect(compileTemplate('{names}').render(scope)).toEqual(['Ada', 'Bo', 'Cy']);
    expect(compileValue({ to: '{names}', note: 'cc {names}' }).render(scope)).toEqual({ to: ['Ada', 'Bo', 'Cy'], note: 'cc Ada, Bo and Cy' });
  });
});

// Random values and paths: the compiled renderer and the plain one always agree.
const KEYS = ['a', 'b', 'price', 'length'];
const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -100, max: 100 }),
  fc.constantFrom('', 'x', 'b', 'a', '2026-01-05', '2025-12-31', '2026-01-05T10:00'),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
}));
// Objects of lists of objects, so that keys, indices and picks often find something.
const record = (inner: fc.Arbitrary<JsonValue>) => fc.dictionary(fc.constantFrom(...KEYS), inner, { minKeys: 1, maxKeys: 4 });
const list = fc.array(record(fc.oneof(leaf, leaf, fc.array(record(leaf), { maxLength: 3 }))), { maxLength: 5 });
const listy: fc.Arbitrary<JsonValue> = fc.record({ a: list, b: list, price: list });
const keyStep: fc.Arbitrary<PathSegment> = fc
  .constantFrom(...KEYS)
  .map((key) => (key === 'length' ? { kind: 'length' as const } : { kind: 'key' as const, key }));
const listStep: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.integer({ min: -6, max: 5 }).map((index) => ({ kind: 'index' as const, index })),
  fc.constant({ kind: 'all' as const }),
  fc
    .record({ pick: fc.constantFrom('min' as const, 'max' as const), key: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 2 }) })
    .map(({ pick, key }) => ({ kind: 'pick' as const, pick, key })),
  fc
    .record({ pick: fc.constantFrom('min' as const, 'max' as const), key: fc.constantFrom(['a'], ['price'], ['b', 'price']) })
    .map(({ pick, key }) => ({ kind: 'pick' as const, pick, key: [...key] })),
);
const segment = fc.oneof(keyStep, listStep);
// Random paths, and paths shaped like the values (a key, a list step, then anything).
const path = fc.oneof(
  { arbitrary: fc.array(segment, { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.tuple(keyStep, listStep, fc.array(segment, { maxLength: 2 })).map(([key, list, rest]) => [key, list, ...rest]), weight: 3 },
);
const reference = fc.tuple(fc.constantFrom('x', 'y', 'y', 'zz'), path).map(([root, p]) => formatReference(root, p));
const template = fc.oneof(
  { arbitrary: reference, weight: 2 },
  {
    arbitrary: fc
      .array(fc.oneof(reference, fc.string({ maxLength: 5 }).map(escapeTemplateText)), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('')),
    weight: 1,
  },
);

describe('compiled and plain rendering agree (property)', () => {
  it('for random values, paths and templates, as text or not', () => {
    fc.assert(
      fc.property(value, listy, template, fc.boolean(), (x, y, t, asText) => {
        const s: Scope = { x, y };
        const look = (root: string) => (root === 'x' ? x : root === 'y' ? y : undefined);
        const compiled = compileTemplate(t, asText);
        const fast = compiled.render(s);
        const plain = renderTemplate(t, look, asText);
        if (fast === UNRESOLVED) {
          expect(plain.ok).toBe(false);
          expect(compiled.explain(s)).toBe(!plain.ok && plain.message);
        } else {
          expect(plain).toEqual({ ok: true, value: fast });
          if (asText) expect(typeof fast).toBe('string');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('for argument values holding templates', () => {
    fc.assert(
      fc.property(value, fc.array(template, { maxLength: 3 }), (x, ts) => {
        const args: JsonValue = { list: ts, one: ts[0] ?? 'plain' };
        const fast = compileValue(args).render({ x, y: x });
        const plain = renderValue(args, (root) => (root === 'x' || root === 'y' ? x : undefined));
        if (fast === UNRESOLVED) expect(plain.ok).toBe(false);
        else expect(plain).toEqual({ ok: true, value: fast });
      }),
    );
  });
});

describe('the fixed scope above', () => {
  it('agrees with renderTemplate on a few hand-written templates', () => {
    for (const t of ['{flights.flights[min:price]}', 'x {flights.flights[max:fare.total].tags} y', '{names[-1]}', '{flights.flights[*].tags[min:a]}']) {
      for (const asText of [false, true]) {
        const fast = compileTemplate(t, asText).render(scope);
        const plain = renderTemplate(t, lookup, asText);
        expect(fast === UNRESOLVED ? { ok: false } : { ok: true, value: fast }).toEqual(plain.ok ? plain : { ok: false });
      }
    }
  });
});
