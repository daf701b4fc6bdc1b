import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { openAITools } from './openAITools.ts';
import type { Project, ToolDef } from '../project/types.ts';
import { importTools } from './importTools.ts';

/** Anything in the result that says an exception escaped a rule (importTools turns those into "internal error"). */
const internal = (r: ReturnType<typeof importTools>) => !r.ok && r.errors.some((e) => e.message.startsWith('internal'));

const prototypeIsClean = () => {
  const probe: Record<string, unknown> = {};
  return probe.polluted === undefined && probe.type === undefined && probe.name === undefined && Object.keys(Object.prototype).length === 0;
};

/** JSON shaped like tool lists, so that the importers' inner paths are exercised, not only the shape check. */
const schemaish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      type: fc.constantFrom('object', 'string', 'array', 5),
      properties: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  ),
);
const nameish = fc.oneof(fc.constantFrom('get_weather', 'a', 'x'.repeat(65), 'bad name', ''), fc.jsonValue({ maxDepth: 1 }));
const toolish = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('function', 'other'),
      function: fc.record({ name: nameish, description: fc.jsonValue({ maxDepth: 1 }), parameters: schemaish }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { name: nameish, description: fc.string(), inputSchema: schemaish, outputSchema: schemaish, annotations: fc.jsonValue({ maxDepth: 2 }) },
    { requiredKeys: ['inputSchema'] },
  ),
  fc.record({ name: nameish, input_schema: schemaish, type: fc.constantFrom('custom', 'bash_20250124') }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
);
const container = fc.oneof(
  fc.array(toolish, { maxLength: 4 }),
  fc.record({ tools: fc.array(toolish, { maxLength: 4 }) }),
  fc.record({ task_description: fc.jsonValue({ maxDepth: 1 }), tools: fc.array(toolish, { maxLength: 4 }) }),
  fc.record({ jsonrpc: fc.constant('2.0'), result: fc.record({ tools: fc.array(toolish, { maxLength: 4 }) }) }),
);

describe('importTools on any input', () => {
  it('random JSON: a result, never an exception, never a polluted prototype', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = importTools(JSON.stringify(value));
        expect(internal(r)).toBe(false);
        expect(prototypeIsClean()).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('tool-shaped JSON: every tool accepted is valid, every refusal names a place', () => {
    fc.assert(
      fc.property(container, (value) => {
        const text = JSON.stringify(value, null, 1);
        const r = importTools(text);
        expect(internal(r)).toBe(false);
        if (r.ok) for (const t of r.tools) expect(t.function.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        else for (const e of r.errors) expect(e.path).toMatch(/^\$/);
        expect(prototypeIsClean()).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('__proto__ / constructor / prototype keys at any depth are refused, and nothing is polluted', () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
    fc.assert(
      fc.property(container, key, fc.nat(), (value, k, at) => {
        // Put the key into some object of the document (through a sentinel key), as JSON.parse reads it.
        const objects: Record<string, unknown>[] = [];
        const walk = (v: unknown) => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') {
            objects.push(v as Record<string, unknown>);
            Object.values(v).forEach(walk);
          }
        };
        const copy = JSON.parse(JSON.stringify(value)) as unknown;
        walk(copy);
        const target = objects.length ? objects[at % objects.length] : undefined;
        if (target) target.__SENTINEL__ = { polluted: true };
        const text = target ? JSON.stringify(copy) : JSON.stringify({ __SENTINEL__: { polluted: true }, tools: [] });
        const poisoned = text.replace('"__SENTINEL__"', `"${k}"`);
        expect(JSON.parse(poisoned)).toBeTruthy(); // still JSON
        const r = importTools(poisoned);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.some((e) => e.message.includes(`"${k}"`))).toBe(true);
        expect(prototypeIsClean()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('exporting as OpenAI tools and importing again gives the same definitions', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/);
    const param = fc.record({ type: fc.constantFrom('string', 'integer', 'boolean'), description: fc.string() });
    const tool = fc.record({
      name,
      description: fc.string(),
      params: fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), param, { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(tool, { selector: (t) => t.name, minLength: 1, maxLength: 6 }), (specs) => {
        const tools: ToolDef[] = specs.map((s) => ({
          type: 'function',
          function: { name: s.name, description: s.description, parameters: { type: 'object', properties: s.params, required: Object.keys(s.params) } },
        }));
        const project: Project = { format: 'chainwright-project', version: 2, name: 'p', tools, chains: [] };
        const r = importTools(JSON.stringify(openAITools(project)));
        expect(r.ok && r.tools).toEqual(tools);
      }),
      { numRuns: 150 },
    );
  });
});
