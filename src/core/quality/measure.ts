/**
 * How realistic and truthful a design's generated data is, measured on N examples: the share
 * of strings in results that fell back to generic words (per tool and field), Latin words
 * anywhere, how much of their declared ranges numbers cover (and any outside them, off their
 * `multipleOf` or with float noise), coherence findings (ordered pairs, timestamps, sort
 * promises, results that disagree with the request), replies that contradict a result, and
 * the findings of any other registered check (grounding).
 */
import { compileProject } from '../compile/compileProject.ts';
import { createGenerator, GenerationError } from '../generate/example.ts';
import type { Example } from '../generate/types.ts';
import type { JsonSchema, JsonValue, Project, ToolDef } from '../project/types.ts';
import { createSeededFaker } from '../simulate/faker.ts';
import { resultSimulator } from '../simulate/fromSchema.ts';
import { isMultiple } from '../simulate/numbers.ts';
import { withSimulationProbe } from '../simulate/probe.ts';
import type { SimulationProbe } from '../simulate/probe.ts';
import { QUALITY_CHECKS, pathPattern, schemaAt, walk } from './exampleChecks.ts';
import type { QualityCheck, QualityCheckContext, QualityFinding } from './exampleChecks.ts';
import { latinWords } from './latin.ts';

export interface QualityOptions {
  /** Examples in all, spread evenly over the chains measured. */
  count: number;
  seed?: number;
  /** Only these chains (default: all). */
  chains?: readonly string[];
  /** The checks to run (default: `QUALITY_CHECKS`, the built-in ones and any registered). */
  checks?: readonly QualityCheck[];
}

export interface StringFieldStat {
  tool: string;
  /** `hotels[].district` */
  field: string;
  strings: number;
  fallback: number;
  /** A few of the generic values it got. */
  samples: string[];
}

export interface NumberFieldStat {
  tool: string;
  field: string;
  /** The declared range (exclusive ends as they are). */
  min: number;
  max: number;
  seenMin: number;
  seenMax: number;
  values: number;
  /** (seenMax − seenMin) / (max − min). */
  coverage: number;
  outOfBounds: number;
  notMultiple: number;
}

export interface QualityGoals {
  latin: boolean;
  fallback: boolean;
  coherence: boolean;
  contradictions: boolean;
  met: boolean;
}

export interface QualityReport {
  examples: number;
  seed: number;
  chains: string[];
  /** Chains or examples that could not be generated. */
  failures: { chainId: string; index?: number; message: string }[];
  strings: {
    total: number;
    fallback: number;
    /** fallback / total (0 when there are no strings). */
    share: number;
    /** Per tool and field, those with at least one fallback, most first. */
    fields: StringFieldStat[];
    latinWords: number;
    latinSamples: string[];
  };
  numbers: {
    /** Fields with both ends of their range declared. */
    fields: NumberFieldStat[];
    meanCoverage: number | null;
    outOfBounds: number;
    notMultiple: number;
    /** Values with float noise (`98.46000000000001`). */
    noisy: number;
    noisySamples: string[];
  };
  findings: QualityFinding[];
  /** Whether a grounding check ran (none is built in yet). */
  grounding: boolean;
  goals: QualityGoals;
}

/** The goals of issue 13: no Latin, under 2 % generic strings, no incoherence, no lies. */
export const FALLBACK_GOAL = 0.02;

const NOISE = /\.\d*(0{6,}|9{6,})\d$/;

export function measureQuality(project: Project, options: QualityOptions): QualityReport {
  const seed = options.seed ?? 1;
  const checks = options.checks ?? QUALITY_CHECKS;
  const chainIds = options.chains ? [...options.chains] : project.chains.map((c) => c.id);
  const tools = new Map<string, ToolDef>(project.tools.map((t) => [t.function.name, t]));
  const report: QualityReport = {
    examples: 0,
    seed,
    chains: chainIds,
    failures: [],
    strings: { total: 0, fallback: 0, share: 0, fields: [], latinWords: 0, latinSamples: [] },
    numbers: { fields: [], meanCoverage: null, outOfBounds: 0, notMultiple: 0, noisy: 0, noisySamples: [] },
    findings: [],
    grounding: checks.some((c) => c.category === 'grounding'),
    goals: { latin: true, fallback: true, coherence: true, contradictions: true, met: true },
  };

  // Fallback strings, per simulated result (by identity), as the simulator reports them.
  const fallbacks = new WeakMap<object, Map<string, number>>();
  let pending: string[] = [];
  const loose = new Map<string, number>();
  const probe: SimulationProbe = {
    fallback: (_field, value) => {
      pending.push(value);
    },
    begin: () => {
      for (const v of pending) loose.set(v, (loose.get(v) ?? 0) + 1);
      pending = [];
    },
    end: (result) => {
      if (typeof result === 'object' && result !== null) {
        const m = new Map<string, number>();
        for (const v of pending) m.set(v, (m.get(v) ?? 0) + 1);
        fallbacks.set(result, m);
      }
      pending = [];
    },
  };

  const stringStats = new Map<string, StringFieldStat>();
  const numberStats = new Map<string, NumberFieldStat & { seen: boolean }>();
  const schemaCache = new Map<string, JsonSchema | null>();
  const declared = (tool: ToolDef | undefined, segments: (string | number)[], key: string): JsonSchema | undefined => {
    let s = schemaCache.get(key);
    if (s === undefined) {
      s = schemaAt(tool?.returns, segments) ?? null;
      schemaCache.set(key, s);
    }
    return s ?? undefined;
  };

  const count = Math.max(0, Math.floor(options.count));
  chainIds.forEach((chainId, k) => {
    const n = Math.floor(count / chainIds.length) + (k < count % chainIds.length ? 1 : 0);
    if (n === 0) return;
    const made = createGenerator(project, chainId);
    if (!made.ok) {
      const first = made.diagnostics.find((d) => d.severity === 'error');
      report.failures.push({ chainId, message: first ? first.message : 'the chain cannot be generated' });
      return;
    }
    const compiled = compileProject(project).chain(chainId)!;
    const direct = new Map<string, string[]>();
    for (const d of compiled.dependencies) direct.set(d.to, [...(direct.get(d.to) ?? []), d.from]);
    const closure = new Map<string, Set<string>>();
    const dependsOn = (id: string): Set<string> => {
      let set = closure.get(id);
      if (set) return set;
      set = new Set();
      closure.set(id, set);
      for (const d of direct.get(id) ?? []) {
        set.add(d);
        for (const x of dependsOn(d)) set.add(x);
      }
      return set;
    };
    const ctx: QualityCheckContext = { project, chain: compiled.chain, tool: (name) => tools.get(name), dependsOn };
    for (let index = 0; index < n; index++) {
      let example: Example;
      pending = [];
      loose.clear();
      try {
        example = withSimulationProbe(probe, () => made.generator.example(seed, index));
      } catch (e) {
        if (!(e instanceof GenerationError)) throw e;
        report.failures.push({ chainId, index, message: e.problem });
        continue;
      }
      for (const v of pending) loose.set(v, (loose.get(v) ?? 0) + 1);
      report.examples++;
      tallyExample(example, tools, fallbacks, loose, stringStats, numberStats, declared, report);
      for (const check of checks) {
        for (const f of check.check(example, ctx)) {
          report.findings.push({ ...f, code: f.code ?? check.code, category: check.category, chainId, index });
        }
      }
    }
  });

  const s = report.strings;
  s.share = s.total === 0 ? 0 : s.fallback / s.total;
  s.fields = [...stringStats.values()]
    .filter((f) => f.fallback > 0)
    .sort((a, b) => b.fallback - a.fallback || a.tool.localeCompare(b.tool) || a.field.localeCompare(b.field));
  const nums = [...numberStats.values()].filter((f) => f.seen);
  for (const f of nums) f.coverage = f.max > f.min ? (f.seenMax - f.seenMin) / (f.max - f.min) : 1;
  report.numbers.fields = nums.map(({ seen: _seen, ...rest }) => rest).sort((a, b) => a.coverage - b.coverage);
  report.numbers.meanCoverage = nums.length === 0 ? null : nums.reduce((t, f) => t + f.coverage, 0) / nums.length;
  const coherence = report.findings.filter((f) => f.category === 'coherence').length;
  const contradictions = report.findings.filter((f) => f.category === 'contradiction').length;
  report.goals = {
    latin: s.latinWords === 0,
    fallback: s.share < FALLBACK_GOAL,
    coherence: coherence === 0 && report.numbers.outOfBounds === 0 && report.numbers.notMultiple === 0 && report.numbers.noisy === 0,
    contradictions: contradictions === 0,
    met: false,
  };
  report.goals.met = report.goals.latin && report.goals.fallback && report.goals.coherence && report.goals.contradictions;
  return report;
}

function tallyExample(
  example: Example,
  tools: Map<string, ToolDef>,
  fallbacks: WeakMap<object, Map<string, number>>,
  loose: Map<string, number>,
  stringStats: Map<string, StringFieldStat>,
  numberStats: Map<string, NumberFieldStat & { seen: boolean }>,
  declared: (tool: ToolDef | undefined, segments: (string | number)[], key: string) => JsonSchema | undefined,
  report: QualityReport,
): void {
  const latin = (text: string) => {
    const words = latinWords(text);
    if (words.length === 0) return;
    report.strings.latinWords += words.length;
    if (report.strings.latinSamples.length < 8) report.strings.latinSamples.push(text.length > 60 ? `${text.slice(0, 57)}…` : text);
  };
  const latinIn = (value: JsonValue) =>
    walk(value, ({ value: v }) => {
      if (typeof v === 'string') latin(v);
    });
  const argsById = new Map<string, { [name: string]: JsonValue }>();
  for (const m of example.messages) if (m.role === 'assistant' && 'calls' in m) for (const c of m.calls) argsById.set(c.id, c.args);
  for (const m of example.messages) {
    if (m.role === 'user') latin(m.text);
    else if (m.role === 'assistant' && 'text' in m) latin(m.text);
    else if (m.role === 'assistant') for (const c of m.calls) latinIn(c.args);
    if (m.role !== 'tool') continue;
    latinIn(m.result);
    if (m.error) continue;
    const tool = tools.get(m.tool);
    const args = argsById.get(m.id);
    const generic = typeof m.result === 'object' && m.result !== null ? fallbacks.get(m.result) : undefined;
    const left = generic ? new Map(generic) : undefined;
    walk(m.result, ({ segments, value }) => {
      if (typeof value === 'string') {
        const field = pathPattern(segments);
        const key = `${m.tool}\u0000${field}`;
        let stat = stringStats.get(key);
        if (!stat) {
          stat = { tool: m.tool, field, strings: 0, fallback: 0, samples: [] };
          stringStats.set(key, stat);
        }
        stat.strings++;
        report.strings.total++;
        const fromResult = left?.get(value) ?? 0;
        const fromLoose = fromResult > 0 ? 0 : (loose.get(value) ?? 0);
        if (fromResult > 0 || fromLoose > 0) {
          if (fromResult > 0) left!.set(value, fromResult - 1);
          else loose.set(value, fromLoose - 1);
          stat.fallback++;
          report.strings.fallback++;
          if (stat.samples.length < 3 && !stat.samples.includes(value)) stat.samples.push(value);
        }
      } else if (typeof value === 'number') {
        // A number that repeats the call's argument says what was asked, not how the range is used.
        const name = segments[segments.length - 1];
        if (typeof name === 'string' && args !== undefined && args[name] === value) return;
        const field = pathPattern(segments);
        const key = `${m.tool}\u0000${field}`;
        if (NOISE.test(String(value))) {
          report.numbers.noisy++;
          if (report.numbers.noisySamples.length < 5) report.numbers.noisySamples.push(`${m.tool} ${field}: ${value}`);
        }
        const schema = declared(tool, segments, key);
        if (!schema || 'const' in schema || Array.isArray(schema.enum)) return;
        const lo = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
        const hi = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
        const m0 = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
        if (m0 !== undefined && !isMultiple(value, m0)) report.numbers.notMultiple++;
        if (lo === undefined || hi === undefined) {
          if ((lo !== undefined && value < lo) || (hi !== undefined && value > hi)) report.numbers.outOfBounds++;
          return;
        }
        let stat = numberStats.get(key);
        if (!stat) {
          stat = { tool: m.tool, field, min: lo, max: hi, seenMin: value, seenMax: value, values: 0, coverage: 0, outOfBounds: 0, notMultiple: 0, seen: true };
          numberStats.set(key, stat);
        }
        stat.values++;
        stat.seenMin = Math.min(stat.seenMin, value);
        stat.seenMax = Math.max(stat.seenMax, value);
        if (value < lo || value > hi) {
          stat.outOfBounds++;
          report.numbers.outOfBounds++;
        }
        if (m0 !== undefined && !isMultiple(value, m0)) stat.notMultiple++;
      }
    });
  }
}

export interface FallbackField {
  /** `hotels[].district` */
  field: string;
  /** The share of its values that were generic words. */
  share: number;
  samples: string[];
}

/**
 * The fields of a tool's results that fall back to generic words (simulated `count` times with
 * no arguments, seeds 0…count-1): what the tool audit can name as fields that would benefit
 * from an `x-fake` or a clearer name, and a generate summary can count per tool.
 */
export function fallbackFields(tool: ToolDef, count = 20, referenceDate?: string): FallbackField[] {
  if (!tool.returns) return [];
  const simulate = resultSimulator(tool.returns, { name: tool.function.name, description: tool.function.description, effect: tool.effect });
  const sf = createSeededFaker(0, referenceDate);
  // A field named like a parameter repeats the call's argument in use: not a fallback.
  const params = tool.function.parameters?.properties;
  const echoed = new Set(params && typeof params === 'object' ? Object.keys(params) : []);
  const stats = new Map<string, { strings: number; fallback: number; samples: string[] }>();
  let pending: string[] = [];
  const probe: SimulationProbe = { fallback: (_f, v) => void pending.push(v), begin: () => (pending = []), end: () => {} };
  for (let i = 0; i < count; i++) {
    sf.reseed(i);
    const result = withSimulationProbe(probe, () => simulate({}, sf));
    const left = new Map<string, number>();
    for (const v of pending) left.set(v, (left.get(v) ?? 0) + 1);
    walk(result, ({ segments, value, field: name }) => {
      if (typeof value !== 'string' || echoed.has(name)) return;
      const field = pathPattern(segments);
      let stat = stats.get(field);
      if (!stat) stats.set(field, (stat = { strings: 0, fallback: 0, samples: [] }));
      stat.strings++;
      const n = left.get(value) ?? 0;
      if (n > 0) {
        left.set(value, n - 1);
        stat.fallback++;
        if (stat.samples.length < 3 && !stat.samples.includes(value)) stat.samples.push(value);
      }
    });
  }
  return [...stats]
    .filter(([, s]) => s.fallback > 0)
    .map(([field, s]) => ({ field, share: s.fallback / s.strings, samples: s.samples }))
    .sort((a, b) => b.share - a.share || a.field.localeCompare(b.field));
}
