import { describe, it, expect } from 'vitest';
import jobDescriptionText from './fixtures/job_description.json?raw';
import { detectToolFormat } from './detect.ts';
import { importTools, type ImportResult } from './importTools.ts';
import { MAX_TOOL_TEXT_CHARS } from './jsonText.ts';

const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r;
};
const bad = (r: ImportResult) => {
  if (r.ok) throw new Error('expected a refusal');
  return r;
};
const json = (v: unknown) => JSON.stringify(v, null, 2);

const WEATHER_PARAMS = { type: 'object', properties: { city: { type: 'string', description: 'City name.' } }, required: ['city'] };
const openaiTool = (name = 'get_weather') => ({
  type: 'function',
  function: { name, description: 'Current weather for a city.', parameters: WEATHER_PARAMS, strict: true },
});
const mcpTool = (name = 'get_weather', extra: object = {}) => ({
  name,
  title: 'Weather',
  description: 'Current weather for a city.',
  inputSchema: WEATHER_PARAMS,
  outputSchema: { type: 'object', properties: { temperature: { type: 'number' } }, required: ['temperature'] },
  ...extra,
});
const anthropicTool = (name = 'get_weather') => ({
  name,
  description: 'Current weather for a city.',
  input_schema: WEATHER_PARAMS,
  cache_control: { type: 'ephemeral' },
});

describe('importTools: OpenAI tools', () => {
  it('reads a list and {"tools": [...]}, keeping every key of function (strict) and naming the format', () => {
    for (const text of [json([openaiTool()]), json({ tools: [openaiTool()] })]) {
      const r = ok(importTools(text));
      expect(r.format).toEqual({ id: 'openai', label: 'OpenAI tools' });
      expect(r.tools).toEqual([{ type: 'function', function: openaiTool().function }]);
    }
  });

  it('keeps Chainwright keys carried by the tools (returns, effect, latencyMs)', () => {
    const tool = { ...openaiTool(), returns: { type: 'object', properties: { t: { type: 'number' } } }, effect: 'read', latencyMs: 120 };
    expect(ok(importTools(json([tool]))).tools[0]).toEqual(tool);
  });

  it('reads the flat Responses-API form and the older functions form', () => {
    const flat = { type: 'function', name: 'get_weather', description: 'Weather.', parameters: WEATHER_PARAMS };
    const legacy = { name: 'get_weather', description: 'Weather.', parameters: WEATHER_PARAMS };
    for (const item of [flat, legacy]) {
      const r = ok(importTools(json([item])));
      expect(r.format.id).toBe('openai');
      expect(r.tools[0]).toEqual({ type: 'function', function: { name: 'get_weather', description: 'Weather.', parameters: WEATHER_PARAMS } });
    }
  });

  it('gives a tool without parameters an empty object schema, with a warning', () => {
    const r = ok(importTools(json([{ type: 'function', function: { name: 'ping', description: 'Check the service is up.' } }])));
    expect(r.tools[0].function.parameters).toEqual({ type: 'object', properties: {} });
    expect(r.warnings.map((w) => w.message).join()).toMatch(/no "parameters"/);
  });

  it('flags tools without a result schema in the warnings and leaves returns absent (results default to {"ok": true})', () => {
    const r = ok(importTools(json([openaiTool()])));
    expect(r.tools[0].returns).toBeUndefined();
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ path: '$[0]', tool: 'get_weather', line: 2, message: expect.stringMatching(/no result schema/) }),
    );
  });
});

describe('importTools: job_description.json', () => {
  it('reads the seed file: 8 OpenAI tools, and task_description as the system prompt', () => {
    const r = ok(importTools(jobDescriptionText));
    expect(r.format).toEqual({ id: 'job-description', label: 'job_description.json' });
    expect(r.tools.map((t) => t.function.name)).toEqual(['ls', 'cd', 'cat', 'mkdir', 'touch', 'rm', 'cp', 'mv']);
    expect(r.systemPrompt).toMatch(/^You are an intelligent AI assistant that helps users navigate/);
    expect(r.tools[1].function.parameters.required).toEqual(['folder']);
  });

  it('an empty task_description gives no system prompt; a non-text one is refused at its path', () => {
    expect(ok(importTools(json({ task_description: '  ', tools: [openaiTool()] }))).systemPrompt).toBeUndefined();
    expect(bad(importTools(json({ task_description: 5, tools: [openaiTool()] }))).errors[0]).toMatchObject({ path: '$.task_description', line: 2 });
  });

  it('refuses tools in another format inside a job description, naming the item', () => {
    const r = bad(importTools(json({ task_description: 'Help.', tools: [openaiTool(), mcpTool('other')] })));
    expect(r.errors[0]).toMatchObject({
      path: '$.tools[1]',
      message: expect.stringMatching(/looks like an MCP tool, but a job_description\.json holds OpenAI tools/),
    });
  });
});

describe('importTools: MCP tools/list', () => {
  it('reads {"tools"}, a bare list and a JSON-RPC response; outputSchema becomes returns', () => {
    for (const text of [json({ tools: [mcpTool()] }), json([mcpTool()]), json({ jsonrpc: '2.0', id: 1, result: { tools: [mcpTool()], nextCursor: 'x' } })]) {
      const r = ok(importTools(text));
      expect(r.format).toEqual({ id: 'mcp', label: 'MCP tools/list result' });
      expect(r.tools[0]).toEqual({
        type: 'function',
        function: { name: 'get_weather', description: 'Current weather for a city.', parameters: WEATHER_PARAMS },
        returns: mcpTool().outputSchema,
      });
    }
  });

  it('maps annotations to the effect: readOnly → read, destructive → destructive, hints false → write, none → undeclared', () => {
    const cases: [object | undefined, string | undefined][] = [
      [{ readOnlyHint: true }, 'read'],
      [{ readOnlyHint: true, destructiveHint: true }, 'read'],
      [{ readOnlyHint: false, destructiveHint: true }, 'destructive'],
      [{ destructiveHint: true }, 'destructive'],
      [{ readOnlyHint: false }, 'write'],
      [{ destructiveHint: false }, 'write'],
      [{ idempotentHint: true }, undefined],
      [undefined, undefined],
    ];
    for (const [annotations, effect] of cases) {
      const r = ok(importTools(json({ tools: [mcpTool('t', annotations ? { annotations } : {})] })));
      expect(r.tools[0].effect, JSON.stringify(annotations)).toBe(effect);
      if (!effect) expect(r.warnings.map((w) => w.message).join()).toMatch(/effect is not declared/);
    }
  });

  it('refuses a missing inputSchema, a parameter schema that is not an object schema, and bad hints, at their source paths', () => {
    const noInput = { ...mcpTool() } as Record<string, unknown>;
    delete noInput.inputSchema;
    // detected as MCP by the first item, the second lacks inputSchema
    let r = bad(importTools(json({ tools: [mcpTool('a'), noInput] })));
    expect(r.format?.id).toBe('mcp');
    expect(r.errors).toContainEqual(expect.objectContaining({ path: '$.tools[1].inputSchema', message: expect.stringMatching(/"inputSchema" is required/) }));

    r = bad(importTools(json({ tools: [mcpTool('a', { inputSchema: { type: 'array', items: {} } })] })));
    expect(r.errors).toContainEqual(
      expect.objectContaining({ path: '$.tools[0].inputSchema.type', message: expect.stringMatching(/must be an object schema/), line: expect.any(Number) }),
    );

    r = bad(importTools(json({ tools: [mcpTool('a', { outputSchema: 'text' })] })));
    expect(r.errors[0].path).toBe('$.tools[0].outputSchema');

    r = bad(importTools(json({ tools: [mcpTool('a', { annotations: { readOnlyHint: 'yes' } })] })));
    expect(r.errors[0].path).toBe('$.tools[0].annotations.readOnlyHint');
  });

  it('refuses a JSON-RPC error response with its message', () => {
    const r = bad(importTools(json({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } })));
    expect(r.errors[0]).toMatchObject({ path: '$.error', message: expect.stringMatching(/Method not found/) });
  });
});

describe('importTools: Anthropic tools', () => {
  it('reads a list and {"tools"}; input_schema becomes the parameters, cache_control is dropped', () => {
    for (const text of [json([anthropicTool()]), json({ tools: [anthropicTool()] })]) {
      const r = ok(importTools(text));
      expect(r.format).toEqual({ id: 'anthropic', label: 'Anthropic tool definitions' });
      expect(r.tools[0]).toEqual({
        type: 'function',
        function: { name: 'get_weather', description: 'Current weather for a city.', parameters: WEATHER_PARAMS },
      });
    }
  });

  it('refuses a server tool by name', () => {
    const r = bad(importTools(json([anthropicTool(), { type: 'web_search_20250305', name: 'web_search' }])));
    expect(r.errors[0]).toMatchObject({ path: '$[1].type', message: expect.stringMatching(/server tool/) });
  });
});

describe('importTools: Chainwright project and single tools', () => {
  it("reads a project's tools and its system prompt", () => {
    const r = ok(importTools(json({ format: 'chainwright-project', version: 1, name: 'P', systemPrompt: 'Be brief.', tools: [openaiTool()], chains: [] })));
    expect(r.format.id).toBe('chainwright');
    expect(r.systemPrompt).toBe('Be brief.');
  });

  it('reads a single tool object', () => {
    expect(ok(importTools(json(mcpTool()))).format.id).toBe('mcp');
    expect(ok(importTools(json(openaiTool()))).format.id).toBe('openai');
  });
});

describe('detectToolFormat', () => {
  it('names each format, and null for what is not a tool list', () => {
    expect(detectToolFormat([openaiTool()])?.id).toBe('openai');
    expect(detectToolFormat({ tools: [anthropicTool()] })?.id).toBe('anthropic');
    expect(detectToolFormat({ result: { tools: [mcpTool()] } })?.id).toBe('mcp');
    expect(detectToolFormat({ task_description: 'x', tools: [] })?.id).toBe('job-description');
    for (const v of [null, 1, 'x', [], [1, 2], {}, { foo: 1 }, { tools: 'x' }]) expect(detectToolFormat(v), JSON.stringify(v)).toBeNull();
  });
});

describe('importTools: malformed input names the place', () => {
  it('bad JSON, with its line', () => {
    const r = bad(importTools('[\n  {"name": "a",\n  oops\n]'));
    expect(r.errors[0]).toMatchObject({ path: '$', line: 3, message: expect.stringMatching(/^not valid JSON/) });
    expect(bad(importTools('   ')).errors[0].message).toMatch(/empty/);
  });

  it('the wrong shape, saying what was expected and what was found', () => {
    let r = bad(importTools(json({ name: 'x', description: 'y' })));
    expect(r.errors[0]).toMatchObject({
      path: '$',
      message: expect.stringMatching(/expected an OpenAI tools list.*found an object with the keys "name", "description"/),
    });
    r = bad(importTools(json({ tools: { a: 1 } })));
    expect(r.errors[0]).toMatchObject({ path: '$.tools', message: expect.stringMatching(/must be a list/) });
    r = bad(importTools(json([1, 2])));
    expect(r.errors[0]).toMatchObject({ path: '$[0]', message: expect.stringMatching(/not a tool definition.*found number/) });
    r = bad(importTools('[]'));
    expect(r.errors[0].message).toMatch(/empty/);
  });

  it('a parameter schema that is not an object schema, in each format', () => {
    const bads = [
      [json([{ type: 'function', function: { name: 'a', parameters: { type: 'string' } } }]), '$[0].function.parameters.type'],
      [json([{ type: 'function', function: { name: 'a', parameters: [1] } }]), '$[0].function.parameters'],
      [json([{ name: 'a', input_schema: 'none' }]), '$[0].input_schema'],
      [json({ tools: [{ name: 'a', inputSchema: { type: 'object', properties: [] } }] }), '$.tools[0].inputSchema.properties'],
      [json([{ type: 'function', function: { name: 'a', parameters: { type: 'object', properties: { x: 5 } } } }]), '$[0].function.parameters.properties.x'],
      [json([{ type: 'function', function: { name: 'a', parameters: { type: 'object', properties: { x: { type: 'nope' } } } } }]), '$[0].function.parameters'],
    ];
    for (const [text, path] of bads) {
      const r = bad(importTools(text));
      expect(
        r.errors.map((e) => e.path),
        text,
      ).toContain(path);
      expect(r.errors.every((e) => e.line !== undefined)).toBe(true);
    }
  });

  it('invalid and duplicate tool names', () => {
    let r = bad(importTools(json([openaiTool('get weather')])));
    expect(r.errors[0]).toMatchObject({ path: '$[0].function.name', message: expect.stringMatching(/1 to 64 letters/) });
    r = bad(importTools(json([mcpTool('x'.repeat(65))])));
    expect(r.errors[0].path).toBe('$[0].name');
    r = bad(importTools(json([anthropicTool('a'), anthropicTool('a')])));
    expect(r.errors[0]).toMatchObject({ path: '$[1].name', message: expect.stringMatching(/a second tool named "a" \(the first is at \$\[0\]\)/) });
  });

  it('a list mixing formats', () => {
    const r = bad(importTools(json([openaiTool('a'), anthropicTool('b')])));
    expect(r.errors[0]).toMatchObject({ path: '$[1]', message: expect.stringMatching(/looks like an Anthropic tool, but this list .* holds OpenAI tools/) });
  });

  it('__proto__, constructor and prototype keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `[{"type": "function", "function": {"name": "a", "parameters": {"type": "object", "properties": {"${key}": {"type": "string"}}}}}]`;
      const r = bad(importTools(text));
      expect(r.errors[0]).toMatchObject({ path: `$[0].function.parameters.properties.${key}`, line: 1, message: expect.stringMatching(/not allowed/) });
    }
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('a paste over the limit is refused before parsing, with its size', () => {
    const big = `[${'"x",'.repeat(Math.ceil((50 * 1024 * 1024) / 4))}"x"]`;
    const r = bad(importTools(big));
    expect(r.errors).toEqual([
      { code: 'too-large', severity: 'error', path: '$', message: expect.stringMatching(/^the import is 50 MB, more than the 5 MB limit; nothing was read/) },
    ]);
    // Just over the limit is refused as well; the limit is configurable.
    expect(bad(importTools(' '.repeat(MAX_TOOL_TEXT_CHARS + 1))).errors[0].message).toMatch(/limit/);
    expect(bad(importTools(json([openaiTool()]), { maxChars: 10 })).errors[0].message).toMatch(/limit/);
  });

  it('nesting deeper than the limit is refused with the place', () => {
    const deep = `[{"type":"function","function":{"name":"a","parameters":{"type":"object","properties":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}}}]`;
    const r = bad(importTools(deep));
    expect(r.errors[0].message).toMatch(/nested more than 100 levels/);
    expect(r.errors[0].path).toMatch(/^\$\[0\]\.function\.parameters\.properties\.x(\[0\])+$/);
  });
});
