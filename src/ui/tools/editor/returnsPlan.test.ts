import { describe, expect, it } from 'vitest';
import toolsText from '../../../core/quality/fixtures/openai-tools.json?raw';
import samplesText from '../../../core/quality/fixtures/sample-results.json?raw';
import type { Project } from '../../../core/index.ts';
import { auditProject, emptyProject, importTools } from '../../../core/index.ts';
import { createGenerator, toOpenAIRecord } from '../../../core/generation.ts';
import {
  EMPTY_DRAFT,
  OK_RESULT_SCHEMA,
  checkReturnsDraft,
  planReturns,
  schemaOutline,
  toolsWithoutReturns,
  withReturns,
  type ReturnsDraft,
} from './returnsPlan.ts';

/** A new project with the plain OpenAI list of the quality fixtures imported (no `returns` anywhere). */
function imported(): Project {
  const r = importTools(toolsText);
  if (!r.ok) throw new Error('the fixture does not import');
  return { ...emptyProject(), tools: r.tools };
}

const samples = JSON.parse(samplesText) as Record<string, unknown>;
const sample = (name: string): ReturnsDraft => ({ ...EMPTY_DRAFT, sample: JSON.stringify(samples[name], null, 2) });

describe('toolsWithoutReturns', () => {
  it('lists every tool without a result schema, in the library order', () => {
    const p = imported();
    expect(toolsWithoutReturns(p).map((t) => t.function.name)).toEqual(p.tools.map((t) => t.function.name));
    const done = withReturns(p, [{ name: 'get_user', schema: OK_RESULT_SCHEMA }]);
    expect(done.ok && toolsWithoutReturns(done.project).map((t) => t.function.name)).not.toContain('get_user');
  });
});

describe('checkReturnsDraft', () => {
  it('infers a schema from a pasted sample, with its fields', () => {
    const check = checkReturnsDraft(imported(), 'search_flights', sample('search_flights'));
    expect(check.state).toBe('ready');
    if (check.state !== 'ready') return;
    expect(schemaOutline(check.schema)).toContain('flights[].departs_at: string, date-time');
    expect(schemaOutline(check.schema)).toContain('flights: list of objects');
  });

  it('has nothing to apply while the chosen text is empty, or the tool is left for later', () => {
    const p = imported();
    expect(checkReturnsDraft(p, 'get_user', EMPTY_DRAFT)).toEqual({ state: 'open' });
    expect(checkReturnsDraft(p, 'get_user', { ...EMPTY_DRAFT, mode: 'schema', sample: '{"a": 1}' })).toEqual({ state: 'open' });
    expect(checkReturnsDraft(p, 'get_user', { ...sample('get_user'), mode: 'later' })).toEqual({ state: 'open' });
  });

  it('names the line and column of broken JSON in a sample, and what was expected', () => {
    const check = checkReturnsDraft(imported(), 'get_user', { ...EMPTY_DRAFT, sample: '{\n  "user_id": "u_1",\n  "name": \n}' });
    expect(check).toEqual({
      state: 'invalid',
      errors: [
        {
          code: 'not-json',
          severity: 'error',
          path: '$',
          line: 4,
          column: 1,
          message: expect.stringMatching(/^the sample result: not valid JSON: expected a value .*found "}"$/),
        },
      ],
    });
  });

  it('names the path in a written schema that does not compile, with its line', () => {
    const text = '{\n  "type": "object",\n  "properties": {\n    "total": { "type": "money" }\n  }\n}';
    const check = checkReturnsDraft(imported(), 'get_user', { ...EMPTY_DRAFT, mode: 'schema', schema: text });
    expect(check.state).toBe('invalid');
    if (check.state !== 'invalid') return;
    expect(check.errors[0].path).toBe('$.properties.total.type');
    expect(check.errors[0].line).toBe(4);
  });

  it('refuses a schema that is not an object, and a sample with a forbidden key, naming the place', () => {
    const p = imported();
    const list = checkReturnsDraft(p, 'get_user', { ...EMPTY_DRAFT, mode: 'schema', schema: '[1]' });
    expect(list.state === 'invalid' && list.errors[0].message).toMatch(/a result schema is a JSON Schema object/);
    const proto = checkReturnsDraft(p, 'get_user', { ...EMPTY_DRAFT, sample: '{"a": {"__proto__": 1}}' });
    expect(proto.state === 'invalid' && proto.errors[0].path).toBe('$.a.__proto__');
  });

  it('keeping {"ok": true} declares it: the simulator still returns {"ok": true}, and the audit no longer reports a missing schema', () => {
    const p = imported();
    const check = checkReturnsDraft(p, 'cd', { ...EMPTY_DRAFT, mode: 'ok' });
    expect(check).toEqual({ state: 'ready', schema: OK_RESULT_SCHEMA });
    const r = withReturns(p, [{ name: 'cd', schema: OK_RESULT_SCHEMA }]);
    if (!r.ok) throw new Error('refused');
    const project: Project = {
      ...r.project,
      chains: [
        {
          id: 'main',
          name: 'Main',
          requests: ['Go to {dir}.'],
          slots: { dir: { oneOf: ['/tmp'] } },
          calls: [{ id: 'go', tool: 'cd', args: { folder: '{dir}' } }],
        },
      ],
    };
    const made = createGenerator(project, 'main');
    if (!made.ok) throw new Error(JSON.stringify(made.diagnostics));
    const tool = toOpenAIRecord(made.generator.example(1, 0), project).messages.find((m) => m.role === 'tool');
    expect(tool && JSON.parse(tool.content as string)).toEqual({ ok: true });
    const findings = auditProject(project).tools.find((t) => t.name === 'cd')!.findings;
    expect(findings.map((f) => f.code)).not.toContain('returns-missing');
  });
});

describe('planReturns and withReturns', () => {
  it('sets every ready schema at once and leaves the others without one', () => {
    const p = imported();
    const drafts: Record<string, ReturnsDraft> = {};
    for (const name of Object.keys(samples)) drafts[name] = sample(name);
    drafts.cd = { ...EMPTY_DRAFT, mode: 'ok' };
    drafts.get_weather = { ...EMPTY_DRAFT, mode: 'later', sample: '{"temp": 3}' };
    const plan = planReturns(p, drafts);
    expect(plan.invalid).toEqual([]);
    expect(plan.ready).toHaveLength(Object.keys(samples).length);
    const r = withReturns(p, plan.ready);
    if (!r.ok) throw new Error('refused');
    expect(toolsWithoutReturns(r.project).map((t) => t.function.name)).toEqual(['search_hotels', 'get_weather', 'get_exchange_rate']);
    // The project passed in is not changed.
    expect(toolsWithoutReturns(p)).toHaveLength(p.tools.length);
  });

  it('lists a chosen draft with problems, so that Apply can refuse and say which tool', () => {
    const p = imported();
    const plan = planReturns(p, { get_user: { ...EMPTY_DRAFT, sample: '{"a": }' }, send_email: sample('send_email') });
    expect(plan.ready.map((r) => r.name)).toEqual(['send_email']);
    expect(plan.invalid.map((r) => r.name)).toEqual(['get_user']);
  });

  it('refuses the whole set when one tool is gone, naming it', () => {
    const r = withReturns(imported(), [
      { name: 'get_user', schema: OK_RESULT_SCHEMA },
      { name: 'nope', schema: OK_RESULT_SCHEMA },
    ]);
    expect(r).toMatchObject({ ok: false, name: 'nope' });
  });
});

describe('schemaOutline', () => {
  it('says when a result is a single value, and cuts long outlines, saying how many fields are left', () => {
    expect(schemaOutline({ type: 'string' })).toEqual(['the result: string']);
    const properties = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, { type: 'integer' }]));
    const lines = schemaOutline({ type: 'object', properties, required: ['f0'] }, 10);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('f0: integer');
    expect(lines[1]).toBe('f1: integer (optional)');
    expect(lines[9]).toBe('… and 41 more fields');
  });
});
