import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import committedText from '../../../public/schema/project-2.schema.json?raw';
import { parseTemplate } from '../refs/parse.ts';
import { projectSchema } from './formatSchema.ts';
import { migrate } from './migrate.ts';
import { checkCallShape, checkProjectShape, checkSlotShape, findForbiddenKeys } from './shape.ts';

/*
 * The format is defined once (format.ts); the published JSON Schema is written from it by
 * `npm run schema`. These tests hold the committed file to the definition, and the reader's
 * structural check to the schema: what one refuses, the other refuses.
 */

const exampleTexts = import.meta.glob('../../../public/examples/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(projectSchema());

function examples(): Record<string, unknown>[] {
  return Object.values(exampleTexts).map((text) => {
    const migrated = migrate(JSON.parse(text));
    if (!migrated.ok) throw new Error(migrated.message);
    return migrated.doc;
  });
}

const readerAccepts = (doc: Record<string, unknown>) => findForbiddenKeys(doc).length === 0 && checkProjectShape(doc).length === 0;

describe('public/schema/project-2.schema.json is written from the definition', () => {
  it('the committed file is what `npm run schema` writes from format.ts (run it after changing the format)', () => {
    // Same content and key order; spacing is the formatter's.
    expect(JSON.stringify(JSON.parse(committedText))).toBe(JSON.stringify(projectSchema()));
  });

  it('the generated schema accepts every shipped example, as the reader does', () => {
    const docs = examples();
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) {
      expect(checkProjectShape(doc)).toEqual([]);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('its whole-reference pattern (the operand of "in") reads exactly what the reference parser reads as one whole reference', () => {
    const pattern = new RegExp((projectSchema().$defs as { conditionList: { anyOf: { pattern?: string }[] } }).conditionList.anyOf[1].pattern!, 'u');
    const piece = fc.constantFrom('{', '}', '[', ']', 'a', 'b_1', '.', '-', '*', '0', '7', ':', '"', 'min', 'max', '$', ' ', '\\', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        for (const s of [parts.join(''), `{${parts.join('')}}`]) expect(pattern.test(s), s).toBe(parseTemplate(s).whole !== null);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the reader and the schema refuse the same structural mistakes', () => {
  /** Values that are right somewhere in the format and wrong elsewhere. */
  const replacement = fc.constantFrom<unknown>(
    null,
    0,
    -1,
    0.5,
    1.5,
    3,
    '',
    'x',
    'the task',
    '{a}',
    '{t.tasks[*]}',
    'retry',
    'read',
    'function',
    'date',
    true,
    [],
    [1],
    ['a'],
    [{ text: 'a' }],
    {},
    { x: 1 },
    { x: 1, y: 2 },
    { fake: 'person.fullName' },
    { fake: 3 },
    { oneOf: [] },
    { int: [1, 2] },
    { int: [1.5, 2] },
    { calc: '1 + 2' },
    { calc: 1 },
    { ran: 'w' },
    { value: 1, eq: 1 },
    { value: 1 },
    { retryWith: {} },
    { type: 'object' },
    { rate: 0.2 },
    { ask: ['a'], yes: ['y'], no: ['n'] },
    { text: 'a', texts: ['b'] },
  );

  /** Values the format takes as any JSON: changed as a whole, not inside (most of a file's places are there). */
  const FREE = new Set(['returns', 'errors', 'properties', 'args', 'error', 'retryWith', 'examples']);

  /** Every place in a document the format says something about: the path (keys and indices) to each value. */
  function places(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(path);
    if (FREE.has(String(path[path.length - 1]))) return out;
    if (Array.isArray(value)) value.forEach((item, i) => places(item, [...path, i], out));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
    return out;
  }

  type Edit = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown } | { kind: 'nudge'; pick: number };
  /** A value of the same JSON type as `current`, but maybe out of its range or form. */
  function nudged(current: unknown, pick: number): unknown {
    const from = (xs: unknown[]) => xs[pick % xs.length];
    if (typeof current === 'number') return from([-1, -0.5, 0, 0.5, 1, 1.5, 3, 2.5, 64, 1e9]);
    if (typeof current === 'string') return from(['', ' ', 'a b', '1st', '{x}', '{x} y', 'x'.repeat(65), `${current} `, current.toUpperCase(), '2026-02-30']);
    if (Array.isArray(current)) return from([[], [...current, ...current], current.slice(1), [...current].reverse(), [current[0], 3]]);
    return current;
  }
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { arbitrary: fc.nat().map((pick) => ({ kind: 'nudge' as const, pick })), weight: 4 },
    { arbitrary: replacement.map((value) => ({ kind: 'set' as const, value })), weight: 6 },
    { arbitrary: fc.constant({ kind: 'delete' as const }), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            ...['note', 'text', 'texts', 'when', 'where', 'calc', 'fake', 'oneOf', 'int', 'retryWith', 'gt', 'as', 'forEach', 'after', 'requests'],
            ...['whenRate', 'rate', 'yesRate', 'latencyMs', 'effect', 'errors', 'returns', 'position', 'result', 'failure', 'confirm', 'reply', 'slots'],
          ),
          replacement,
        )
        .map(([key, value]) => ({ kind: 'add' as const, key, value })),
      weight: 2,
    },
  );

  function apply(doc: Record<string, unknown>, path: (string | number)[], change: Edit): void {
    if (path.length === 0) return;
    let parent = doc as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (change.kind === 'set') parent[last] = structuredClone(change.value);
    else if (change.kind === 'nudge') parent[last] = nudged(parent[last], change.pick);
    else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[change.key] = structuredClone(change.value);
    }
  }

  it('for documents with one or two changes anywhere, the schema accepts exactly what the reader accepts (property)', () => {
    const docs = examples();
    let refused = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 2 }), (which, changes) => {
        const doc = structuredClone(docs[which]);
        for (const [at, change] of changes) {
          // format and version are the reader's first check, before migration: not changed here
          const all = places(doc).filter((p) => p.length > 1 || (p[0] !== 'format' && p[0] !== 'version'));
          apply(doc, all[at % all.length], change);
        }
        const reader = readerAccepts(doc);
        const schema = validate(doc);
        total += 1;
        if (!reader) refused += 1;
        if (schema && !reader) {
          // the one rule JSON Schema cannot say: an int slot's min ≤ max
          expect(checkProjectShape(doc).map((d) => d.message)).toEqual([expect.stringContaining('min ≤ max')]);
        } else {
          expect(schema, `${JSON.stringify(changes)}: reader ${reader ? 'accepts' : 'refuses'} it; ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(
            reader,
          );
        }
      }),
      { numRuns: 600 },
    );
    // both sides are reached
    expect(refused).toBeGreaterThan(total / 5);
    expect(refused).toBeLessThan(total - total / 10);
  });

  it('a fragment (one call, one slot) is refused by its own check as it would be inside the file', () => {
    const doc = examples()[0] as { chains: { calls: Record<string, unknown>[]; slots?: Record<string, unknown> }[] };
    const call = { ...doc.chains[0].calls[0], whenRate: 2 };
    expect(checkCallShape(call, '$.chains[0].calls[0]')).toMatchObject([
      { code: 'invalid', path: '$.chains[0].calls[0].whenRate', message: 'expected a share between 0 and 1, e.g. 0.5, found number 2' },
    ]);
    expect(checkSlotShape('n', { int: [3, 1] }, '$.chains[0].slots')).toMatchObject([
      { code: 'invalid', path: '$.chains[0].slots.n.int', message: 'expected a range [min, max] of two integers with min ≤ max, found a list' },
    ]);
    expect(checkSlotShape('a b', 'x', '$.chains[0].slots')[0].message).toContain('a slot name holds letters');
  });
});
