import { describe, it, expect } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schemaText from '../../../public/schema/project-1.schema.json?raw';

/*
 * public/schema/project-1.schema.json is the JSON Schema of the version-1 project file
 * (docs/project-format.md). Every shipped example must satisfy it, and the structural
 * mistakes a reader must refuse must fail it. Files are read through Vite's import.meta.glob
 * (raw text), so this test needs no Node built-ins (src/core is lint-checked as browser code).
 */

const exampleTexts = import.meta.glob('../../../public/examples/*.chain.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function compile() {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(schemaText));
}

const validate = compile();

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/** A small valid project, as text, so that variants can be written as raw JSON. */
const MINIMAL = `{
  "format": "chainwright-project",
  "version": 1,
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

describe('project-1.schema.json', () => {
  it('compiles as draft 2020-12 (strict, except strictTypes and strictRequired: the any-JSON definition is untyped on purpose, slot kinds are told apart with if/required)', () => {
    const schema = JSON.parse(schemaText);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validate).toBe('function');
  });

  describe('examples', () => {
    const entries = Object.entries(exampleTexts);

    it('ships at least five example projects', () => {
      expect(entries.length).toBeGreaterThanOrEqual(5);
    });

    for (const [path, text] of entries) {
      it(`${path.split('/').pop()} validates`, () => {
        expect(errorsOf(JSON.parse(text))).toEqual([]);
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

    it('"version": 2', () => {
      const doc = minimal();
      doc.version = 2;
      expect(errorsOf(doc)).not.toEqual([]);
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

    it('missing top-level keys', () => {
      for (const key of ['name', 'tools', 'chains']) {
        const doc = minimal();
        delete doc[key];
        expect(errorsOf(doc), key).not.toEqual([]);
      }
    });
  });
});

describe('docs/project-format.md', () => {
  it('its complete example validates against the schema', () => {
    const docs = import.meta.glob('../../../docs/project-format.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const text = Object.values(docs)[0];
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    const projects = blocks.filter((b) => b && b.format === 'chainwright-project');
    expect(projects.length).toBeGreaterThanOrEqual(1);
    for (const p of projects) expect(errorsOf(p)).toEqual([]);
  });
});
