import { describe, it, expect } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schemaText from '../../../public/schema/tool-1.schema.json?raw';
import { exampleTexts } from '../testing/fixtures.ts';
import { validateToolDefinition, TOOL_DEFINITION_SCHEMA_URI } from './definition.ts';

describe('public/schema/tool-1.schema.json', () => {
  it('is a strict, valid 2020-12 schema with the published $id', () => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    const schema = JSON.parse(schemaText);
    expect(schema.$id).toBe(TOOL_DEFINITION_SCHEMA_URI);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('every tool of every example is valid', () => {
    for (const [name, text] of Object.entries(exampleTexts)) {
      for (const tool of JSON.parse(text).tools) {
        const r = validateToolDefinition(tool);
        expect(r.ok, `${name}: ${tool.function.name}: ${JSON.stringify(!r.ok && r.errors)}`).toBe(true);
      }
    }
  });
});

describe('validateToolDefinition', () => {
  const good = { type: 'function', function: { name: 'a', parameters: { type: 'object', properties: {} } } };

  it('accepts a minimal tool and unknown extra keys', () => {
    expect(validateToolDefinition(good).ok).toBe(true);
    expect(validateToolDefinition({ ...good, note: 'mine', function: { ...good.function, strict: true } }).ok).toBe(true);
  });

  it("names what is missing or wrong, in the editor's words", () => {
    const cases: [unknown, string, RegExp][] = [
      [[], '$', /expected a tool definition object/],
      [{ type: 'function' }, '$.function', /"function" is required/],
      [{ ...good, function: { name: 'a' } }, '$.function.parameters', /"parameters" is required/],
      [{ ...good, function: { ...good.function, name: '' } }, '$.function.name', /1 to 64 letters.*found string ""/],
      [{ ...good, function: { ...good.function, description: 3 } }, '$.function.description', /a description is text, found number 3/],
      [
        { ...good, function: { ...good.function, parameters: { type: 'object', properties: { x: 1 } } } },
        '$.function.parameters.properties.x',
        /parameter's schema must be a JSON Schema object/,
      ],
      [
        { ...good, function: { ...good.function, parameters: { type: 'object', required: ['x', 'x'] } } },
        '$.function.parameters.required',
        /distinct parameter names/,
      ],
      [{ ...good, returns: [] }, '$.returns', /result schema must be a JSON Schema object/],
      [{ ...good, returns: { type: 'objekt' } }, '$.returns', /not a valid JSON Schema/],
    ];
    for (const [value, path, message] of cases) {
      const r = validateToolDefinition(value);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.errors, path).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
    }
  });
});
