import { describe, expect, it } from 'vitest';
import importedText from './fixtures/imported-openai.chain.json?raw';
import { prepareDataset } from '../dataset/stream.ts';
import type { Example } from '../generate/types.ts';
import { parseProject } from '../project/parse.ts';
import type { JsonSchema, JsonValue, Project } from '../project/types.ts';
import { QUALITY_CHECKS, registerQualityCheck } from './exampleChecks.ts';
import type { QualityCheck, QualityCheckContext } from './exampleChecks.ts';
import { formatQualityReport } from './reportText.ts';
import { buildImportedProject, IMPORTED_FIXTURE_FILE, importedFixtureText } from './importedFixture.testutil.ts';
import { latinWords } from './latin.ts';
import { fallbackFields, measureQuality } from './measure.ts';

const files = import.meta.glob('../../../public/examples/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const DESIGNS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, ''), text])),
  [IMPORTED_FIXTURE_FILE.replace(/^.*\//, '')]: importedText,
};

const load = (name: string): Project => {
  const parsed = parseProject(DESIGNS[name]);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  return parsed.project;
};

/** A finding that needs the generator to pass the tool's description to the simulator (a sort promise made only there). */
const needsToolContext = (message: string) => /as its description says/.test(message);

describe('the imported design (OpenAI tools without hints, results inferred from samples)', () => {
  it('the committed project file is what the fixture builds (UPDATE_FIXTURE=1 rewrites it)', async () => {
    if (import.meta.env.UPDATE_FIXTURE === '1') {
      // Test-only and on request: src/core itself never touches the file system.
      const fs = await import('node:fs');
      fs.writeFileSync(IMPORTED_FIXTURE_FILE, importedFixtureText());
      return;
    }
    expect(importedText).toBe(importedFixtureText());
    const returns = buildImportedProject().tools.map((t) => JSON.stringify(t.returns ?? {}));
    expect(returns.some((r) => r.includes('x-fake'))).toBe(false);
  });

  it('exports 100 lines without a Latin word (end to end: import, infer, generate, write)', () => {
    const made = prepareDataset({
      project: buildImportedProject(),
      format: 'openai',
      seed: 3,
      selection: { kind: 'even', total: 100 },
      options: { serializeParallel: false, includeSystem: true, includeTools: true, uniqueRequests: false },
    });
    if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('; '));
    let lines = 0;
    for (const chunk of made.run.chunks({ examplesPerChunk: 50 })) {
      if (chunk.kind === 'error') throw new Error(chunk.error.message);
      for (const line of chunk.text.split('\n').filter((l) => l)) {
        lines++;
        const record = JSON.parse(line) as { messages: { content: string | null }[] };
        for (const m of record.messages) if (m.content) expect(latinWords(m.content), m.content).toEqual([]);
      }
    }
    expect(lines).toBe(100);
  });
});

describe('the goals on every example project and the imported design', () => {
  it('covers every example project and the imported design', () => {
    expect(Object.keys(DESIGNS).length).toBeGreaterThanOrEqual(10);
  });

  for (const name of Object.keys(DESIGNS).sort()) {
    it(`${name}: no Latin, < 2 % generic strings, no incoherence, no contradictions`, () => {
      const report = measureQuality(load(name), { count: 100, seed: 5 });
      expect(report.failures).toEqual([]);
      expect(report.strings.latinWords, report.strings.latinSamples.join(' | ')).toBe(0);
      expect(report.strings.share).toBeLessThan(0.02);
      expect(report.numbers.outOfBounds + report.numbers.notMultiple + report.numbers.noisy).toBe(0);
      expect(report.findings.map((f) => `${f.chainId} #${f.index}: ${f.message}`)).toEqual([]);
    }, 60_000);
  }

  it("keeps the tool description's sort promises (the generator passes the tool to the simulator)", () => {
    const report = measureQuality(buildImportedProject(), { count: 60, seed: 5, chains: ['deploy-and-watch'] });
    expect(report.findings.filter((f) => needsToolContext(f.message))).toEqual([]);
  });
});

describe('the measure', () => {
  it('counts strings that fell back to generic words, per tool and field', () => {
    const project = buildImportedProject();
    const tool = project.tools.find((t) => t.function.name === 'get_exchange_rate')!;
    tool.returns = {
      ...(tool.returns as JsonSchema),
      properties: { ...((tool.returns as JsonSchema).properties as object), frobnicator: { type: 'string' } },
      required: ['base', 'quote', 'rate', 'as_of', 'frobnicator'],
    };
    const report = measureQuality(project, { count: 20, chains: ['rates'] });
    expect(report.examples).toBe(20);
    expect(report.strings.fallback).toBe(20);
    expect(report.strings.fields).toEqual([expect.objectContaining({ tool: 'get_exchange_rate', field: 'frobnicator', strings: 20, fallback: 20 })]);
    expect(report.goals.fallback).toBe(false);
    const text = formatQualityReport('x.chain.json', report);
    expect(text).toMatch(/fell back to generic words: 20 \(/);
    expect(text).toMatch(/get_exchange_rate frobnicator: 20 of 20 generic/);
    expect(text).toMatch(/^grounding: 0 findings$/m);
  });

  it('names the fields of a tool that fall back (for the audit and the generate summary)', () => {
    const tool = { ...buildImportedProject().tools.find((t) => t.function.name === 'get_exchange_rate')! };
    expect(fallbackFields(tool)).toEqual([]);
    tool.returns = {
      type: 'object',
      properties: {
        rate: { type: 'number' },
        frobnicator: { type: 'string' },
        items: { type: 'array', items: { type: 'object', properties: { zork: { type: 'string' } }, required: ['zork'] } },
      },
      required: ['rate', 'frobnicator', 'items'],
    };
    const found = fallbackFields(tool);
    expect(found.map((f) => [f.field, f.share])).toEqual([
      ['frobnicator', 1],
      ['items[].zork', 1],
    ]);
    expect(found[0].samples.length).toBeGreaterThan(0);
  });

  it("measures numbers' coverage of their declared ranges", () => {
    const report = measureQuality(buildImportedProject(), { count: 60, chains: ['hotel-stay'] });
    const stars = report.numbers.fields.find((f) => f.field === 'hotels[].stars')!;
    expect(stars).toMatchObject({ tool: 'search_hotels', min: 1, max: 5, seenMin: 1, seenMax: 5, coverage: 1 });
    expect(report.numbers.meanCoverage).toBeGreaterThan(0.8);
  });

  it('runs registered checks (grounding joins here) and reports what they find', () => {
    const grounding: QualityCheck = {
      code: 'test-grounding',
      category: 'grounding',
      check: (example) => [{ message: `looked at ${example.chainId}` }],
    };
    const checks = [...QUALITY_CHECKS, grounding];
    const report = measureQuality(buildImportedProject(), { count: 2, chains: ['rates'], checks });
    expect(report.grounding).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({ category: 'grounding', code: 'test-grounding', chainId: 'rates', message: 'looked at rates' }),
      expect.objectContaining({ index: 1 }),
    ]);
    expect(formatQualityReport('x', report)).toMatch(/grounding: 2 findings \(test-grounding 2\)/);
    const before = QUALITY_CHECKS.length;
    registerQualityCheck(grounding);
    registerQualityCheck(grounding);
    expect(QUALITY_CHECKS.length).toBe(before + 1);
    QUALITY_CHECKS.pop();
  });
});

// ---------------------------------------------------------------------------------------------
// Each rule on hand-made examples

const returns: JsonSchema = {
  type: 'object',
  properties: {
    low_c: { type: 'number' },
    high_c: { type: 'number' },
    created_at: { type: 'string' },
    sent: { type: 'boolean' },
    departs_at: { type: 'string' },
    city: { type: 'string' },
    price: { type: 'number' },
    flights: { type: 'array', description: 'Cheapest first.', items: { type: 'object', properties: { price: { type: 'number' } } } },
    fixed_day: { type: 'string', const: '2026-01-05' },
  },
};
const project: Project = {
  format: 'chainwright-project',
  version: 2,
  name: 't',
  tools: [
    { type: 'function', function: { name: 'look', description: 'Looks.', parameters: { type: 'object', properties: {} } }, returns },
    { type: 'function', function: { name: 'create_thing', description: 'Creates.', parameters: { type: 'object', properties: {} } }, returns, effect: 'write' },
  ],
  chains: [
    {
      id: 'c',
      requests: ['x'],
      calls: [
        { id: 'a', tool: 'look', args: {} },
        { id: 'b', tool: 'create_thing', args: {} },
      ],
    },
  ],
};
const ctx: QualityCheckContext = {
  project,
  chain: project.chains[0],
  tool: (name) => project.tools.find((t) => t.function.name === name),
  dependsOn: (id) => new Set(id === 'b' ? ['a'] : []),
};

function example(a: JsonValue, b: JsonValue, reply = 'Here you go.', argsA: { [k: string]: JsonValue } = {}): Example {
  return {
    chainId: 'c',
    seed: 1,
    index: 0,
    requestIndex: 0,
    slots: {},
    messages: [
      { role: 'user', text: 'x' },
      { role: 'assistant', calls: [{ id: 'A', callId: 'a', tool: 'look', args: argsA }] },
      { role: 'tool', id: 'A', callId: 'a', tool: 'look', result: a },
      { role: 'assistant', calls: [{ id: 'B', callId: 'b', tool: 'create_thing', args: {} }] },
      { role: 'tool', id: 'B', callId: 'b', tool: 'create_thing', result: b },
      { role: 'assistant', text: reply },
    ],
  };
}

const rule = (name: string) => QUALITY_CHECKS.find((c) => c.code === name)!;

describe('the checks', () => {
  it('order-pair: low above high', () => {
    expect(rule('order-pair').check(example({ low_c: 9, high_c: 3 }, {}), ctx)).toEqual([
      expect.objectContaining({ callId: 'a', path: 'low_c', message: 'low_c (9) is after high_c (3)' }),
    ]);
    expect(rule('order-pair').check(example({ low_c: 3, high_c: 9 }, {}), ctx)).toEqual([]);
  });

  it('timestamp-order: an action timestamped before what it depends on', () => {
    const bad = example({ created_at: '2026-01-05T09:10:00Z' }, { created_at: '2026-01-05T09:00:00Z' });
    expect(rule('timestamp-order').check(bad, ctx)).toEqual([expect.objectContaining({ callId: 'b', path: 'created_at' })]);
    expect(rule('timestamp-order').check(example({ created_at: '2026-01-05T09:00:00Z' }, { created_at: '2026-01-05T09:10:00Z' }), ctx)).toEqual([]);
  });

  it('sort-contract: a list out of the order its description promises', () => {
    expect(rule('sort-contract').check(example({ flights: [{ price: 9 }, { price: 3 }] }, {}), ctx)).toEqual([expect.objectContaining({ path: 'flights[1]' })]);
    expect(rule('sort-contract').check(example({ flights: [{ price: 3 }, { price: 9 }] }, {}), ctx)).toEqual([]);
  });

  it('request-day, request-bound, request-place: results that disagree with the arguments; fixed values are the design’s', () => {
    const found = rule('request').check(
      example({ departs_at: '2026-01-09T08:00:00Z', city: 'Paris', price: 150, fixed_day: '2026-01-05' }, {}, 'ok', {
        date: '2026-01-10',
        city: 'Rome',
        max_price: 100,
      }),
      ctx,
    );
    expect(found.map((f) => f.code).sort()).toEqual(['request-bound', 'request-day', 'request-place']);
    expect(
      rule('request').check(
        example({ departs_at: '2026-01-10T08:00:00Z', city: 'Rome', price: 50 }, {}, 'ok', { date: '2026-01-10', city: 'Rome', max_price: 100 }),
        ctx,
      ),
    ).toEqual([]);
  });

  it('reply-contradicts-result: success claimed next to a false success flag', () => {
    expect(rule('reply-contradicts-result').check(example({}, { sent: false }, 'I sent the itinerary.'), ctx)).toEqual([
      expect.objectContaining({ callId: 'b', path: 'sent' }),
    ]);
    expect(rule('reply-contradicts-result').check(example({}, { sent: false }, "I couldn't send the itinerary."), ctx)).toEqual([]);
    expect(rule('reply-contradicts-result').check(example({}, { sent: true }, 'I sent the itinerary.'), ctx)).toEqual([]);
  });
});

describe('Latin words', () => {
  it('finds lorem ipsum, not English, names or random ids', () => {
    expect(latinWords('Patria velit pecco adsidue')).toEqual(['patria', 'velit', 'pecco', 'adsidue']);
    expect(latinWords('Studio apartment in Hotel Victoria, a video via the minus key')).toEqual([]);
    expect(latinWords('task_vAE5ZGG2 https://example.com/amo')).toEqual([]);
  });
});
