import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schemaText from '../../../public/schema/project-2.schema.json?raw';
import schema1Text from '../../../public/schema/project-1.schema.json?raw';
import { checkConditionShape } from '../conditions/shape.ts';
import { migrate } from './migrate.ts';
import { parseProject } from './parse.ts';
import { findForbiddenKeys } from './shape.ts';
import { PROJECT_VERSION } from './types.ts';

/*
 * public/schema/project-2.schema.json is the JSON Schema of the version-2 project file
 * (docs/project-format.md); project-1.schema.json stays for version-1 files, which readers
 * migrate. Every shipped example (read as version 2) must satisfy it, and the structural
 * mistakes a reader must refuse must fail it. Files are read through Vite's import.meta.glob
 * (raw text), so this test needs no Node built-ins (src/core is lint-checked as browser code).
 */

const exampleTexts = import.meta.glob('../../../public/examples/*.chain.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The version-1 examples as they were shipped (src/core/testing/v1). */
const v1Texts = import.meta.glob('../testing/v1/*.chain.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function compile(text: string) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(text));
}

const validate = compile(schemaText);
const validate1 = compile(schema1Text);

function errorsWith(check: typeof validate, doc: unknown): string[] {
  return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

function errorsOf(doc: unknown): string[] {
  return errorsWith(validate, doc);
}

/** A document as a reader sees it after migrating (a version-1 file becomes version 2). */
function readAsCurrent(doc: Record<string, unknown>): Record<string, unknown> {
  const migrated = migrate(doc);
  if (!migrated.ok) throw new Error(migrated.message);
  return migrated.doc;
}

/** A small valid project, as text, so that variants can be written as raw JSON. */
const MINIMAL = `{
  "format": "chainwright-project",
  "version": 2,
  "name": "Minimal",
  "tools": [
    {
      "type": "function",
      "function": {
        "name": "get_weather",
        "description": "Current weather for a city.",
        "parameters": { "type": "object", "properties": { "city": { "type": "string" } }, "required": ["city"] }
      },
      "returns": { "type": "object", "properties": { "city": { "type": "string" }, "temp_c": { "type": "number" } } },
      "effect": "read",
      "latencyMs": 200
    }
  ],
  "chains": [
    {
      "id": "weather",
      "requests": ["What's the weather in {city}?"],
      "slots": { "city": { "oneOf": ["Paris", "Lagos"] } },
      "calls": [ { "id": "w", "tool": "get_weather", "args": { "city": "{city}" }, "position": { "x": 0, "y": 0 } } ],
      "reply": "It is {w.temp_c} °C in {city}."
    }
  ]
}`;

const minimal = () => JSON.parse(MINIMAL);

/** The minimal project with a failure on its call and a confirmation on a second, destructive one. */
function withFailureAndConfirm() {
  const doc = minimal();
  doc.tools[0].errors = { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: ['CITY_UNKNOWN'] } } } } };
  doc.tools.push({
    type: 'function',
    function: {
      name: 'forget_city',
      description: 'Forget a saved city.',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
    effect: 'destructive',
  });
  doc.chains[0].calls[0].failure = { rate: 0.2, error: { error: { code: 'CITY_UNKNOWN', message: 'No weather for {w.city}.' } }, recover: 'retry' };
  doc.chains[0].calls.push({
    id: 'forget',
    tool: 'forget_city',
    args: { city: '{w.city}' },
    confirm: { ask: ['Forget {w.city}?'], yes: ['Yes.'], no: ['No, keep it.'], yesRate: 0.7 },
  });
  doc.chains[0].reply = [{ when: { declined: 'forget' }, text: 'Kept {city}.' }, { text: 'It is {w.temp_c} °C in {city}; forgotten.' }];
  return doc;
}

/** The minimal project with a second call that fans out over the first one's list. */
function withFanOut() {
  const doc = minimal();
  doc.tools[0].returns = { type: 'object', properties: { cities: { type: 'array', items: { type: 'string' } } } };
  doc.chains[0].calls.push({
    id: 'each',
    tool: 'get_weather',
    forEach: '{w.cities[*]}',
    as: 'place',
    where: { value: '{place}', ne: '{city}' },
    args: { city: '{place}' },
  });
  doc.chains[0].reply = 'Checked {each.length} cities near {city}.';
  return doc;
}

describe('project-1.schema.json (version-1 files, read by migrating them)', () => {
  it('still validates the version-1 examples, and refuses version 2', () => {
    const entries = Object.entries(v1Texts);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const [path, text] of entries) expect(errorsWith(validate1, JSON.parse(text)), path).toEqual([]);
    expect(errorsWith(validate1, minimal())).not.toEqual([]);
  });
});

describe('project-2.schema.json', () => {
  it('compiles as draft 2020-12 (strict, except strictTypes and strictRequired: the any-JSON definition is untyped on purpose, slot kinds are told apart with if/required)', () => {
    const schema = JSON.parse(schemaText);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://chainwright.dev/schema/project-2.schema.json');
    expect(schema.properties.version.const).toBe(PROJECT_VERSION);
    expect(typeof validate).toBe('function');
  });

  it('gives every property it defines a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
      else if (node && typeof node === 'object') {
        for (const [key, sub] of Object.entries(node as Record<string, unknown>)) {
          if (key === 'properties' && sub && typeof sub === 'object' && !Array.isArray(sub)) {
            for (const [name, prop] of Object.entries(sub as Record<string, Record<string, unknown>>)) {
              // "position" refers to a definition that carries the description
              if (typeof prop.description !== 'string' && name !== 'position') missing.push(`${path}.properties.${name}`);
              walk(prop, `${path}.properties.${name}`);
            }
          } else {
            walk(sub, `${path}.${key}`);
          }
        }
      }
    };
    walk(JSON.parse(schemaText), '$');
    expect(missing).toEqual([]);
  });

  describe('examples', () => {
    const entries = Object.entries(exampleTexts);

    it('ships at least five example projects, among them the three that fail or ask', () => {
      expect(entries.length).toBeGreaterThanOrEqual(5);
      const names = entries.map(([path]) => path.split('/').pop());
      expect(names).toEqual(expect.arrayContaining(['room-booking-retry.chain.json', 'archive-cleanup.chain.json', 'sales-report.chain.json']));
      // Their failures and confirmations are what the schema describes: breaking one is caught.
      for (const [path, text] of entries.filter(([p]) => /(retry|archive|sales)/.test(p))) {
        const doc = readAsCurrent(JSON.parse(text)) as { chains: { calls: Record<string, unknown>[] }[] };
        const call = doc.chains.flatMap((c) => c.calls).find((c) => c.failure !== undefined || c.confirm !== undefined)!;
        if (call.failure) (call.failure as Record<string, unknown>).rate = 2;
        else (call.confirm as Record<string, unknown>).yes = [];
        expect(errorsOf(doc), path).not.toEqual([]);
      }
    });

    for (const [path, text] of entries) {
      it(`${path.split('/').pop()} validates (read as version ${PROJECT_VERSION})`, () => {
        expect(errorsOf(readAsCurrent(JSON.parse(text)))).toEqual([]);
      });
    }
  });

  describe('accepts', () => {
    it('a minimal project', () => {
      expect(errorsOf(minimal())).toEqual([]);
    });

    it('unknown extra keys at every level (they are kept on save)', () => {
      const doc = minimal();
      doc.x_editor = { zoom: 1.5 };
      doc.tools[0].x_owner = 'platform';
      doc.tools[0].function.strict = true;
      doc.chains[0].tags = ['demo'];
      doc.chains[0].calls[0].note = 'first';
      doc.chains[0].calls[0].position.z = 3;
      expect(errorsOf(doc)).toEqual([]);
    });

    it('constant slots of any JSON type, int and fake slots', () => {
      const doc = minimal();
      doc.chains[0].slots = {
        city: 'Paris',
        n: { int: [1, 5] },
        when: { fake: 'date.soon', args: [{ days: 14 }], as: 'date' },
        obj: { label: 'x', count: 2 },
        list: [1, 2, 3],
        nothing: null,
      };
      expect(errorsOf(doc)).toEqual([]);
    });

    it('a multi-turn chain without chain-level requests', () => {
      const doc = minimal();
      delete doc.chains[0].requests;
      doc.chains[0].calls[0].requests = ['Weather in {city}?'];
      expect(errorsOf(doc)).toEqual([]);
    });

    it('a fan-out call: forEach, as and where', () => {
      const doc = withFanOut();
      expect(errorsOf(doc)).toEqual([]);
      delete doc.chains[0].calls[1].as;
      delete doc.chains[0].calls[1].where;
      expect(errorsOf(doc)).toEqual([]);
    });

    it('a conditional call: when and whenRate (0 and 1 included)', () => {
      for (const whenRate of [0, 0.25, 1]) {
        const doc = minimal();
        doc.chains[0].calls[0].when = { any: [{ value: '{city}', in: ['Paris', 'Lagos'] }, { not: { value: '{city}', empty: true } }] };
        doc.chains[0].calls[0].whenRate = whenRate;
        expect(errorsOf(doc), String(whenRate)).toEqual([]);
      }
    });

    it('every kind of condition', () => {
      const conditions = [
        ...['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains'].map((op) => ({ value: '{w.temp_c}', [op]: 20 })),
        { value: '{w.city}', in: '{cities}' },
        { value: '{w.city}', notIn: ['Oslo', '{city}'] },
        { value: '{w.temp_c}', exists: false },
        { value: 3, lt: '{w.temp_c}' },
        { all: [{ ran: 'w' }, { not: { failed: 'w' } }] },
        { declined: 'w' },
      ];
      for (const when of conditions) {
        const doc = minimal();
        doc.chains[0].calls[0].when = when;
        expect(errorsOf(doc), JSON.stringify(when)).toEqual([]);
      }
    });

    it('reply variants with text and with texts (and unknown keys in a variant)', () => {
      const doc = minimal();
      doc.chains[0].reply = [
        { when: { value: '{w.temp_c}', lt: 0 }, text: 'It is freezing in {city}: {w.temp_c} °C.', note: 'kept' },
        { texts: ['It is {w.temp_c} °C in {city}.', '{city}: {w.temp_c} °C.'] },
      ];
      expect(errorsOf(doc)).toEqual([]);
    });
  });

  describe('accepts: failures and confirmations', () => {
    it('a failure with each recovery, with and without an error of any JSON type, rates 0 and 1', () => {
      const recovers = [undefined, 'retry', 'report', { retryWith: { city: '{city}' } }, { retryWith: {} }];
      const errors = [undefined, { error: { code: 'X' } }, 'Service unavailable', 503, null, ['a', { b: 1 }]];
      for (const recover of recovers) {
        for (const error of errors) {
          for (const rate of [0, 0.35, 1]) {
            const doc = withFailureAndConfirm();
            const failure: Record<string, unknown> = { rate };
            if (error !== undefined) failure.error = error;
            if (recover !== undefined) failure.recover = recover;
            doc.chains[0].calls[0].failure = failure;
            expect(errorsOf(doc), JSON.stringify(failure)).toEqual([]);
          }
        }
      }
    });

    it('a confirmation with and without yesRate (0 and 1 included), several phrasings, unknown keys kept', () => {
      for (const yesRate of [undefined, 0, 0.5, 1]) {
        const doc = withFailureAndConfirm();
        const confirm = { ask: ['Forget {w.city}?', 'Shall I forget {w.city}?'], yes: ['Yes.', 'Sure.'], no: ['No.'], note: 'kept' } as Record<string, unknown>;
        if (yesRate !== undefined) confirm.yesRate = yesRate;
        doc.chains[0].calls[1].confirm = confirm;
        expect(errorsOf(doc), JSON.stringify(confirm)).toEqual([]);
      }
    });

    it("a tool's errors schema, and a call with both a failure and a confirmation", () => {
      const doc = withFailureAndConfirm();
      doc.chains[0].calls[1].failure = { rate: 0.1, recover: 'report' };
      doc.tools[1].errors = { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] };
      expect(errorsOf(doc)).toEqual([]);
    });
  });

  describe('rejects: failures and confirmations', () => {
    const failures: unknown[] = [
      'sometimes',
      0.2,
      {},
      { error: { code: 'X' } },
      { rate: 1.5 },
      { rate: -0.1 },
      { rate: '0.2' },
      { rate: 0.2, recover: 'again' },
      { rate: 0.2, recover: 'Retry' },
      { rate: 0.2, recover: {} },
      { rate: 0.2, recover: { retryWith: 'x' } },
      { rate: 0.2, recover: { retryWith: { city: 'Oslo' }, also: 1 } },
      { rate: 0.2, recover: ['retry'] },
    ];
    const confirms: unknown[] = [
      'ask first',
      {},
      { ask: ['Sure?'], yes: ['Yes.'] },
      { ask: ['Sure?'], no: ['No.'] },
      { yes: ['Yes.'], no: ['No.'] },
      { ask: [], yes: ['Yes.'], no: ['No.'] },
      { ask: ['Sure?'], yes: [], no: ['No.'] },
      { ask: ['Sure?'], yes: ['Yes.'], no: [] },
      { ask: 'Sure?', yes: ['Yes.'], no: ['No.'] },
      { ask: ['Sure?'], yes: [true], no: ['No.'] },
      { ask: ['Sure?'], yes: ['Yes.'], no: ['No.'], yesRate: 2 },
      { ask: ['Sure?'], yes: ['Yes.'], no: ['No.'], yesRate: '0.5' },
    ];

    it('a malformed failure', () => {
      for (const failure of failures) {
        const doc = withFailureAndConfirm();
        doc.chains[0].calls[0].failure = failure;
        expect(errorsOf(doc), JSON.stringify(failure)).not.toEqual([]);
      }
    });

    it('a malformed confirm', () => {
      for (const confirm of confirms) {
        const doc = withFailureAndConfirm();
        doc.chains[0].calls[1].confirm = confirm;
        expect(errorsOf(doc), JSON.stringify(confirm)).not.toEqual([]);
      }
    });

    it("an errors schema that is not an object; a forbidden key inside an error or a retry's arguments", () => {
      for (const errors of [true, 'object', ['x']]) {
        const doc = withFailureAndConfirm();
        doc.tools[0].errors = errors;
        expect(errorsOf(doc), JSON.stringify(errors)).not.toEqual([]);
      }
      const inError = MINIMAL.replace(
        '"args": { "city": "{city}" }',
        '"args": { "city": "{city}" }, "failure": { "rate": 0.1, "error": { "__proto__": { "x": 1 } } }',
      );
      expect(errorsOf(JSON.parse(inError))).not.toEqual([]);
      const inRetry = MINIMAL.replace(
        '"args": { "city": "{city}" }',
        '"args": { "city": "{city}" }, "failure": { "rate": 0.1, "recover": { "retryWith": { "constructor": 1 } } }',
      );
      expect(errorsOf(JSON.parse(inRetry))).not.toEqual([]);
    });

    it('the schema and the reader agree on every case above, accepted or refused', () => {
      const cases: [string, Record<string, unknown>][] = [['valid', withFailureAndConfirm()]];
      for (const failure of failures) {
        const doc = withFailureAndConfirm();
        doc.chains[0].calls[0].failure = failure;
        cases.push([`failure ${JSON.stringify(failure)}`, doc]);
      }
      for (const confirm of confirms) {
        const doc = withFailureAndConfirm();
        doc.chains[0].calls[1].confirm = confirm;
        cases.push([`confirm ${JSON.stringify(confirm)}`, doc]);
      }
      for (const errors of [true, 'object']) {
        const doc = withFailureAndConfirm();
        doc.tools[0].errors = errors;
        cases.push([`errors ${JSON.stringify(errors)}`, doc]);
      }
      for (const [what, doc] of cases) expect(parseProject(JSON.stringify(doc)).ok, what).toBe(errorsOf(doc).length === 0);
    });
  });

  describe('rejects', () => {
    it('a "__proto__" key (written as raw JSON text)', () => {
      const text = MINIMAL.replace('"name": "Minimal",', '"name": "Minimal", "__proto__": { "polluted": true },');
      const doc = JSON.parse(text);
      expect(Object.prototype.hasOwnProperty.call(doc, '__proto__')).toBe(true);
      expect(errorsOf(doc)).not.toEqual([]);
    });

    it('a "__proto__" key deep inside call arguments', () => {
      const text = MINIMAL.replace('"args": { "city": "{city}" }', '"args": { "city": "{city}", "opts": [{ "__proto__": { "x": 1 } }] }');
      expect(errorsOf(JSON.parse(text))).not.toEqual([]);
    });

    it('"constructor" and "prototype" keys', () => {
      const a = minimal();
      a.tools[0].returns.properties.constructor = { type: 'string' };
      expect(errorsOf(a)).not.toEqual([]);
      const b = minimal();
      b.chains[0].slots.prototype = 'x';
      expect(errorsOf(b)).not.toEqual([]);
    });

    it('a wrong or missing "format"', () => {
      const doc = minimal();
      doc.format = 'excalidraw';
      expect(errorsOf(doc)).not.toEqual([]);
      delete doc.format;
      expect(errorsOf(doc)).not.toEqual([]);
    });

    it('"version": 1 (project-1.schema.json describes it) and "version": 3', () => {
      for (const version of [1, 3]) {
        const doc = minimal();
        doc.version = version;
        expect(errorsOf(doc), String(version)).not.toEqual([]);
      }
    });

    it('a call without "tool"', () => {
      const doc = minimal();
      delete doc.chains[0].calls[0].tool;
      expect(errorsOf(doc)).not.toEqual([]);
    });

    it('a bad call id, tool name or effect', () => {
      const a = minimal();
      a.chains[0].calls[0].id = '1st call';
      expect(errorsOf(a)).not.toEqual([]);
      const b = minimal();
      b.tools[0].function.name = 'get weather';
      expect(errorsOf(b)).not.toEqual([]);
      const c = minimal();
      c.tools[0].effect = 'dangerous';
      expect(errorsOf(c)).not.toEqual([]);
    });

    it('a negative latency, a non-object parameters schema, a bad position', () => {
      const a = minimal();
      a.tools[0].latencyMs = -1;
      expect(errorsOf(a)).not.toEqual([]);
      const b = minimal();
      b.tools[0].function.parameters = { type: 'string' };
      expect(errorsOf(b)).not.toEqual([]);
      const c = minimal();
      c.chains[0].calls[0].position = { x: '0', y: 0 };
      expect(errorsOf(c)).not.toEqual([]);
    });

    it('malformed slots: fake not a string, bad "as", empty oneOf, int not two integers', () => {
      for (const slot of [{ fake: 5 }, { fake: 'date.soon', as: 'time' }, { oneOf: [] }, { int: [1] }, { int: [1.5, 3] }]) {
        const doc = minimal();
        doc.chains[0].slots.city = slot;
        expect(errorsOf(doc), JSON.stringify(slot)).not.toEqual([]);
      }
    });

    it('a test with two operators, or with none', () => {
      for (const when of [{ value: '{w.temp_c}', gt: 0, lt: 30 }, { value: '{w.temp_c}' }, { gt: 0 }, { value: 1, gt: 0, note: 'x' }]) {
        const doc = minimal();
        doc.chains[0].calls[0].when = when;
        expect(errorsOf(doc), JSON.stringify(when)).not.toEqual([]);
      }
    });

    it('a whenRate outside 0..1 or not a number', () => {
      for (const whenRate of [1.5, -0.1, '0.5']) {
        const doc = minimal();
        doc.chains[0].calls[0].when = { ran: 'w' };
        doc.chains[0].calls[0].whenRate = whenRate;
        expect(errorsOf(doc), String(whenRate)).not.toEqual([]);
      }
    });

    it('"in" with a number, or with a string that is not one whole reference', () => {
      for (const operand of [3, 'Paris', 'in {cities}', '{cities} and {more}']) {
        const doc = minimal();
        doc.chains[0].calls[0].when = { value: '{city}', in: operand };
        expect(errorsOf(doc), JSON.stringify(operand)).not.toEqual([]);
      }
    });

    it('malformed conditions: empty all/any, status without a call id, a non-boolean exists, mixed kinds', () => {
      for (const when of [{ all: [] }, { any: {} }, { ran: '' }, { failed: 3 }, { value: 1, exists: 'yes' }, { ran: 'w', not: { ran: 'w' } }, [], 'always']) {
        const doc = minimal();
        doc.chains[0].calls[0].when = when;
        expect(errorsOf(doc), JSON.stringify(when)).not.toEqual([]);
      }
    });

    it('a reply variant with both text and texts, or with neither; empty texts', () => {
      for (const variant of [{ text: 'a', texts: ['b'] }, { when: { ran: 'w' } }, { texts: [] }, 'plain']) {
        const doc = minimal();
        doc.chains[0].reply = [variant];
        expect(errorsOf(doc), JSON.stringify(variant)).not.toEqual([]);
      }
    });

    it('an empty reply list', () => {
      const doc = minimal();
      doc.chains[0].reply = [];
      expect(errorsOf(doc)).not.toEqual([]);
    });

    it('a forEach that is not one whole reference, and a bad "as"', () => {
      for (const forEach of ['tasks', '{t.tasks[*]} and {t.more[*]}', 'all of {t.tasks[*]}', '{{t}}', '{}', ['{t.tasks[*]}']]) {
        const doc = withFanOut();
        doc.chains[0].calls[1].forEach = forEach;
        expect(errorsOf(doc), JSON.stringify(forEach)).not.toEqual([]);
      }
      const doc = withFanOut();
      doc.chains[0].calls[1].as = 'the task';
      expect(errorsOf(doc)).not.toEqual([]);
    });

    it('missing top-level keys', () => {
      for (const key of ['name', 'tools', 'chains']) {
        const doc = minimal();
        delete doc[key];
        expect(errorsOf(doc), key).not.toEqual([]);
      }
    });
  });
});

describe('conditions: the schema and the reader agree', () => {
  const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains', 'empty', 'exists'];
  const KINDS = ['all', 'any', 'not', 'ran', 'failed', 'declined'];
  /** Strings around the edges of "one whole reference". */
  const refPieces = fc
    .array(fc.constantFrom('{', '}', '[', ']', 'a', 'b_1', '.', '-', '*', '0', '7', ':', '"', 'min', 'max', '$', ' ', '\\', '{{', '}}'), { maxLength: 8 })
    .map((parts) => parts.join(''));
  const refLike = fc.oneof(
    fc.constantFrom(
      '{a}',
      '{a.b[0].c}',
      '{a[-1]}',
      '{a[-0]}',
      '{a.}',
      '{a[min:p.q]}',
      '{a[max:]}',
      '{a[*].b}',
      '{a["k{"]}',
      '{a["}"]}',
      '{a["k"]x}',
      '{{a}}',
      '{a}}}',
      '{a} ',
      '{}',
      '',
      'x',
      'a {b}',
      '{a b}',
      '{a}{b}',
    ),
    refPieces,
    refPieces.map((inner) => `{${inner}}`),
  );
  const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), refLike, fc.boolean(), fc.array(fc.oneof(fc.integer(), refLike), { maxLength: 3 }));
  const key = fc.constantFrom('value', ...OPERATORS, ...KINDS, 'equals', 'note', 'toString');
  /** An extra key in about one object of six (fc.option's freq makes the value, not nil, rare). */
  const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: arb, weight: 1 });

  const { condition } = fc.letrec<{ condition: unknown; test: unknown; kind: unknown; junk: unknown }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: tie('test'), weight: 3 },
      { arbitrary: tie('kind'), weight: 2 },
      { arbitrary: tie('junk'), weight: 1 },
    ),
    // a test: value (usually), one operator (usually), sometimes an extra key
    test: fc
      .tuple(
        fc.nat(5).map((n) => n > 0),
        fc.oneof(
          { arbitrary: fc.constantFrom(...OPERATORS).map((op) => [op]), weight: 4 },
          { arbitrary: fc.array(fc.constantFrom(...OPERATORS), { maxLength: 2 }), weight: 1 },
        ),
        fc.array(
          fc.oneof(
            { arbitrary: fc.constantFrom(true, false, '{a.b}', ['x', '{y}'], 0), weight: 2 },
            { arbitrary: refLike, weight: 1 },
            { arbitrary: leaf, weight: 1 },
          ),
          { minLength: 3, maxLength: 3 },
        ),
        sometimes(fc.tuple(key, leaf)),
      )
      .map(([hasValue, ops, [value, a, b], extra]) => {
        const o: Record<string, unknown> = {};
        if (hasValue || ops.length === 0) o.value = value;
        ops.forEach((op, i) => (o[op] = i === 0 ? a : b));
        if (extra) o[extra[0]] = extra[1];
        return o;
      }),
    kind: fc
      .tuple(
        fc.constantFrom(...KINDS),
        fc.oneof(fc.array(tie('condition'), { maxLength: 3 }), tie('condition'), fc.constantFrom('call', ''), refLike, leaf),
        sometimes(fc.tuple(key, leaf)),
      )
      .map(([k, operand, extra]) => {
        const o: Record<string, unknown> = { [k]: operand };
        if (extra) o[extra[0]] = extra[1];
        return o;
      }),
    junk: fc.oneof(fc.dictionary(key, leaf, { maxKeys: 3 }), leaf),
  }));

  it('for generated condition-like values, the schema accepts exactly what the reader accepts (property)', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(condition, (cond) => {
        const value = JSON.parse(JSON.stringify(cond));
        const reader = findForbiddenKeys(value).length === 0 && checkConditionShape(value, '$.when').length === 0;
        const doc = minimal();
        doc.chains[0].calls[0].when = value;
        const schema = errorsOf(doc).length === 0;
        total += 1;
        if (reader) accepted += 1;
        expect(schema, `${JSON.stringify(value)}: reader ${reader ? 'accepts' : 'refuses'} it`).toBe(reader);
      }),
      { numRuns: 1000 },
    );
    // the generator reaches both sides
    expect(accepted).toBeGreaterThan(total / 10);
    expect(accepted).toBeLessThan(total - total / 10);
  });

  it('for reference-like strings as the operand of "in", the schema and the reader agree (property)', () => {
    fc.assert(
      fc.property(refLike, fc.constantFrom('in', 'notIn'), (operand, op) => {
        const value = { value: '{city}', [op]: operand };
        const reader = checkConditionShape(value, '$.when').length === 0;
        const doc = minimal();
        doc.chains[0].calls[0].when = value;
        expect(errorsOf(doc).length === 0, `${JSON.stringify(operand)}: reader ${reader ? 'accepts' : 'refuses'} it`).toBe(reader);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('docs/project-format.md', () => {
  it('its complete example validates against the schema (read as the current version)', () => {
    const docs = import.meta.glob('../../../docs/project-format.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const text = Object.values(docs)[0];
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    const projects = blocks.filter((b) => b && b.format === 'chainwright-project');
    expect(projects.length).toBeGreaterThanOrEqual(1);
    for (const p of projects) expect(errorsOf(readAsCurrent(p))).toEqual([]);
  });
});

describe('project-2.schema.json: result pins (design §8)', () => {
  const accepted: unknown[] = [
    {},
    { total: 5 },
    { 'booking.status': 'confirmed' },
    { 'rooms[0].price': { calc: '({w.rate} + 2) * 3' } },
    { note: '{w.city}' },
    { nothing: null },
    { address: { street: 'Main St' } },
  ];
  const rejected: unknown[] = ['total', [], 5, { total: { calc: 5 } }, { total: { calc: '1', round: 2 } }, { '': 1 }, { total: { calc: null } }];
  const withPins = (result: unknown) => {
    const doc = withFailureAndConfirm();
    doc.chains[0].calls[0].result = result;
    return doc;
  };

  it('accepts pins of literals, references and calc', () => {
    for (const result of accepted) expect(errorsOf(withPins(result)), JSON.stringify(result)).toEqual([]);
  });

  it('rejects a result that is not an object, a calc that is not one text, an empty path', () => {
    for (const result of rejected) expect(errorsOf(withPins(result)), JSON.stringify(result)).not.toEqual([]);
  });

  it('the schema and the reader agree on every case', () => {
    for (const result of [...accepted, ...rejected]) {
      const doc = withPins(result);
      expect(parseProject(JSON.stringify(doc)).ok, JSON.stringify(result)).toBe(errorsOf(doc).length === 0);
    }
  });
});
