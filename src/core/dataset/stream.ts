import type { Project } from '../project/types.ts';
import { createGenerator, GenerationError, type ExampleGenerator, type GeneratorOptions } from '../generate/example.ts';
import type { Example } from '../generate/types.ts';
import type { Finding } from '../findings/finding.ts';
import { formatFinding } from '../findings/formatFinding.ts';
import { formatById, formatContext, FORMATS, type BundleLayout, type ExportFormat } from '../formats/registry.ts';
import { error, type Diagnostic } from '../validate/diagnostics.ts';
import { createSchedule, type Schedule } from './interleave.ts';
import { allocateMix, apportion, DEFAULT_MIX, mixReport, type ChainCount, type ChainPattern, type Mix, type MixReport } from './mix.ts';
import { chainPattern } from './chainPattern.ts';
import { planSplit, type ChainSplit, type SplitOptions, type SplitReport } from './split.ts';
import { RequestLedger, requestSpace } from './variation.ts';
import { lineWriter, type CheckedLines, type LineWriter } from './lineWriter.ts';
import { RepeatFilter } from './repeats.ts';
import type { OpenAITool } from '../tools/openAITools.ts';

/**
 * A dataset run: which chains, how many examples each, in which format, split how — and the
 * lines themselves, produced in chunks by a generator so that a Web Worker can post progress
 * between chunks and stop at once on cancel, and the command line can stream them to a file.
 * Pure: no Node or DOM APIs. Every line is checked by the format's checker before it is
 * yielded; a line that fails stops the run with an error chunk naming the example and the rule.
 *
 * Determinism: the same spec gives the same bytes. A shard K/N writes the K-th of N contiguous
 * ranges of each file's example positions, and the N shards concatenated in order are the
 * unsharded file, byte for byte.
 */

/** How many examples of which chains. */
export type Selection =
  /** Each chain its own count. */
  | { kind: 'counts'; counts: readonly ChainCount[] }
  /** A total spread over the chains by pattern (default: the seed's table). */
  | { kind: 'mix'; total: number; chains?: readonly string[]; mix?: Mix }
  /** A total shared evenly by the chains (all of them by default). */
  | { kind: 'even'; total: number; chains?: readonly string[] };

export interface DatasetOptions {
  /** One call per assistant turn (forced for formats that need it). Default false. */
  serializeParallel?: boolean;
  /** Write the project's system prompt. Default true. */
  includeSystem?: boolean;
  /** Tools on every line (formats that carry them per line). Default true. */
  includeTools?: boolean;
  /** No two examples of a file share the same first user message. Default false. */
  uniqueRequests?: boolean;
  /**
   * Formats whose examples give several lines (distil): keep a line that repeats an earlier
   * line of the run. Default false: such a line is left out (see RepeatFilter).
   */
  keepRepeatedLines?: boolean;
}

/** The K-th (1-based) of N contiguous ranges of each file. */
export interface Shard {
  index: number;
  count: number;
}

export interface DatasetSpec {
  project: Project;
  /** A format id of the registry (`FORMATS`). */
  format: string;
  seed: number;
  selection: Selection;
  options?: DatasetOptions;
  split?: SplitOptions;
  shard?: Shard;
}

export type FileName = 'train' | 'test';

export interface DatasetFile {
  name: FileName;
  /** Examples in the whole file (every shard). */
  examples: number;
  /** This shard's positions: [start, end). */
  start: number;
  end: number;
  /** Examples per chain in the whole file. */
  counts: ChainCount[];
  /** Bundle formats: the file's name in the bundle (distil: train.jsonl, test.jsonl). */
  bundleName?: string;
}

export interface DatasetError {
  file: FileName;
  /** Position of the example in its file. */
  example: number;
  chainId: string;
  /** The chain's own example index (example i of the chain is a pure function of project, chain, seed, i). */
  chainExample: number;
  /** The rules a line breaks (empty when the example could not be generated). */
  findings: Finding[];
  /** One line a user can act on: `train example 12 (chain "x", its example 4): $.path: error: message [code]`. */
  message: string;
}

export type DatasetChunk =
  | {
      kind: 'lines';
      file: FileName;
      /** The lines, without their "\n" (write them one by one: no chunk-sized string is built). */
      texts: readonly string[];
      /** The lines, each ending with "\n" (joined when read). */
      readonly text: string;
      lines: number;
      /** Lines of these examples left out because an earlier line of the run is the same (formats with `distinctLines`). */
      repeated: number;
      examples: number;
      /** Position in its file of the chunk's first example. */
      firstExample: number;
      /** Examples done in this run (all files), and the run's total. */
      done: number;
      total: number;
    }
  | { kind: 'error'; error: DatasetError };

/** One chain of the run: its pattern, examples, and the shape of each of its examples. */
export interface ChainSummary {
  chainId: string;
  pattern: ChainPattern['pattern'];
  /** Examples (both files, every shard). */
  count: number;
  calls: number;
  /** Assistant turns with tool calls (after serialisation, when asked). */
  turns: number;
  /** Turns with more than one call. */
  parallelTurns: number;
  /** For a chain whose calls vary per example (forEach, when, failure, confirm): the figures are averages over this many of its examples. */
  sampled?: number;
  /** Of those sampled examples: how many hold a failure, a retry, a confirmation (yes) and a refusal (no). */
  outcomes?: { failures: number; retries: number; confirmations: number; refusals: number };
}

/** Examples averaged for the shape of a chain whose calls vary per example. */
const VARYING_SAMPLE = 200;

export interface DatasetRun {
  format: ExportFormat;
  /** The project's tools as OpenAI definitions (what lines carry, and what a checker needs for lines without them). */
  tools: OpenAITool[];
  seed: number;
  options: Required<DatasetOptions>;
  shard: Shard;
  /** Examples per chain (both files, every shard). */
  counts: ChainCount[];
  patterns: ChainPattern[];
  /** Target vs achieved per pattern (against the mix, or the seed's table when none was given). */
  mix: MixReport;
  split?: SplitReport;
  /** train, and test when split (bundle formats always have both). */
  files: DatasetFile[];
  /** Bundle formats: the files written whole beside the lines. */
  bundle?: BundleLayout;
  /** Examples this run (shard) writes. */
  examples: number;
  /** Non-blocking notes (project warnings, format warnings, unsplittable chains). */
  warnings: Diagnostic[];
  chains: ChainSummary[];
  /** The first `n` examples of a file (default train), as an unsharded run writes them: for stats, previews, audits. */
  sample(n: number, file?: FileName): Example[];
  /** The lines, in chunks of `examplesPerChunk` examples (default 256), train first. */
  chunks(options?: ChunkOptions): Generator<DatasetChunk, void, undefined>;
}

export interface ChunkOptions {
  examplesPerChunk?: number;
  /**
   * Hands each line (without "\n") to this function as soon as it is written and checked, and
   * leaves the chunks' `texts` empty. The line is `text + tail`: `tail` is '' or a text that is
   * the same on every line of the run (an `openai` line's tools), so a writer can encode it
   * once. A consumer that encodes or writes lines at once keeps them from living until the end
   * of the chunk (a fast run then spends much less time collecting garbage). On an error
   * chunk, the lines already handed over must be dropped, as with chunks.
   */
  onLine?: (file: FileName, text: string, tail: string) => void;
}

export type PreparedDataset = { ok: true; run: DatasetRun } | { ok: false; diagnostics: Diagnostic[] };

function chainIndex(project: Project, chainId: string): number {
  return project.chains.findIndex((c) => c.id === chainId);
}

/** Positions [start, end) of shard K of N over a file of `size` examples. */
export function shardRange(size: number, shard: Shard): [number, number] {
  const at = (k: number) => Math.floor((size * k) / shard.count);
  return [at(shard.index - 1), at(shard.index)];
}

/** Checks a spec and prepares the run; every refusal is a diagnostic naming the place. */
export function prepareDataset(spec: DatasetSpec): PreparedDataset {
  const { project, seed } = spec;
  const problems: Diagnostic[] = [];
  const format = formatById(spec.format);
  if (!format)
    return { ok: false, diagnostics: [error('unknown-format', '$', `unknown format "${spec.format}" (formats: ${FORMATS.map((f) => f.id).join(', ')})`)] };
  if (!Number.isSafeInteger(seed) || seed < 0) problems.push(error('invalid', '$', `the seed must be a whole number ≥ 0, got ${seed}`));
  const shard = spec.shard ?? { index: 1, count: 1 };
  if (!Number.isSafeInteger(shard.count) || shard.count < 1 || !Number.isSafeInteger(shard.index) || shard.index < 1 || shard.index > shard.count) {
    problems.push(error('invalid', '$', `a shard is K/N with 1 ≤ K ≤ N, got ${shard.index}/${shard.count}`));
  }
  if (spec.split && !(spec.split.fraction > 0 && spec.split.fraction < 1))
    problems.push(error('invalid', '$', `the test share must be between 0 and 1 (exclusive), got ${spec.split.fraction}`));
  const options: Required<DatasetOptions> = {
    serializeParallel: spec.options?.serializeParallel === true || format.needsSerializedTurns === true,
    includeSystem: spec.options?.includeSystem !== false,
    includeTools: spec.options?.includeTools !== false,
    uniqueRequests: spec.options?.uniqueRequests === true,
    keepRepeatedLines: spec.options?.keepRepeatedLines === true,
  };

  // Which chains, with their patterns.
  const sel = spec.selection;
  const wanted = sel.kind === 'counts' ? sel.counts.map((c) => c.chainId) : (sel.chains ?? project.chains.map((c) => c.id));
  const patterns: ChainPattern[] = [];
  for (const id of wanted) {
    const index = chainIndex(project, id);
    if (index < 0) {
      problems.push(error('unknown-chain', '$.chains', `there is no chain "${id}" (chains: ${project.chains.map((c) => c.id).join(', ') || 'none'})`));
      continue;
    }
    const pattern = chainPattern(project, project.chains[index]);
    if (!pattern) problems.push(error('cycle', `$.chains[${index}]`, `chain "${id}": its dependencies form a cycle`, { chainId: id }));
    else if (!patterns.some((p) => p.chainId === id)) patterns.push({ chainId: id, pattern });
  }
  if (wanted.length === 0) problems.push(error('no-chains', '$.chains', 'the project has no chain to generate from'));
  if (problems.length) return { ok: false, diagnostics: problems };

  let counts: ChainCount[];
  let mix: MixReport;
  if (sel.kind === 'counts') {
    for (const c of sel.counts)
      if (!Number.isSafeInteger(c.count) || c.count < 0)
        problems.push(error('invalid', '$', `the count of chain "${c.chainId}" must be a whole number ≥ 0, got ${c.count}`));
    counts = patterns.map((p) => ({ chainId: p.chainId, count: sel.counts.filter((c) => c.chainId === p.chainId).reduce((a, c) => a + c.count, 0) }));
    mix = mixReport(patterns, counts, DEFAULT_MIX);
  } else {
    if (!Number.isSafeInteger(sel.total) || sel.total < 0)
      return { ok: false, diagnostics: [error('invalid', '$', `the count must be a whole number ≥ 0, got ${sel.total}`)] };
    if (sel.kind === 'mix') {
      const m = sel.mix ?? DEFAULT_MIX;
      ({ counts, report: mix } = allocateMix(patterns, sel.total, m));
      if (sel.total > 0 && counts.every((c) => c.count === 0)) {
        problems.push(
          error(
            'mix-no-chain',
            '$.chains',
            `no chain has a pattern the mix asks for (chains: ${patterns.map((p) => `${p.chainId} = ${p.pattern}`).join(', ')})`,
          ),
        );
      }
    } else {
      counts = apportion(
        sel.total,
        patterns.map(() => 1),
      ).map((count, i) => ({ chainId: patterns[i].chainId, count }));
      mix = mixReport(patterns, counts, DEFAULT_MIX);
    }
  }
  if (problems.length) return { ok: false, diagnostics: problems };

  // The format must take every chain that has examples.
  const warnings: Diagnostic[] = [];
  const active = counts.filter((c) => c.count > 0);
  for (const { chainId } of active) {
    const ready = format.readiness?.(project, chainId) ?? [];
    problems.push(...ready.filter((d) => d.severity === 'error'));
    warnings.push(...ready.filter((d) => d.severity !== 'error'));
  }
  if (problems.length) return { ok: false, diagnostics: problems };

  // The split, and the two files.
  const split = spec.split ? planSplit(project, counts, spec.split, seed) : undefined;
  const chainSplits = new Map<string, ChainSplit>(split?.chains.map((c) => [c.chainId, c]) ?? []);
  if (split) {
    for (const c of split.chains) {
      if (!c.split && c.train > 0)
        warnings.push({
          code: 'not-split',
          severity: 'warning',
          message: `chain "${c.chainId}" goes to train only: ${c.reason}`,
          path: `$.chains[${chainIndex(project, c.chainId)}]`,
          chainId: c.chainId,
        });
    }
  }
  const context = formatContext(project, { includeTools: options.includeTools, serialized: options.serializeParallel });
  const bundle = format.bundle?.(context);
  const fileCounts: { [f in FileName]: ChainCount[] } = {
    train: counts.map((c) => ({ chainId: c.chainId, count: chainSplits.get(c.chainId)?.train ?? c.count })),
    test: counts.map((c) => ({ chainId: c.chainId, count: chainSplits.get(c.chainId)?.test ?? 0 })),
  };
  const names: FileName[] = split || bundle ? ['train', 'test'] : ['train'];
  const files: DatasetFile[] = names.map((name) => {
    const examples = fileCounts[name].reduce((a, c) => a + c.count, 0);
    const [start, end] = shardRange(examples, shard);
    const file: DatasetFile = { name, examples, start, end, counts: fileCounts[name] };
    if (bundle) file.bundleName = bundle.splitFiles[name];
    return file;
  });

  // Generators: one per chain and file side that has examples.
  const ledgers: { [f in FileName]: RequestLedger } = { train: new RequestLedger(), test: new RequestLedger() };
  const generators: { [f in FileName]: (ExampleGenerator | undefined)[] } = { train: [], test: [] };
  for (const file of files) {
    for (const { chainId, count } of file.counts) {
      if (count === 0) {
        generators[file.name].push(undefined);
        continue;
      }
      const cs = chainSplits.get(chainId);
      const side = file.name;
      const genOptions: GeneratorOptions = { serializeParallel: options.serializeParallel, omitSystem: !options.includeSystem };
      if (side === 'test') genOptions.stream = 'test';
      if (cs?.split && cs.testTemplates) genOptions.requestTemplates = side === 'test' ? cs.testTemplates : cs.trainTemplates;
      if (cs?.split && cs.slots) {
        genOptions.slotFilter = Object.fromEntries(
          cs.slots.map((s) => [s.slot, side === 'test' ? s.isTest : (v: Parameters<typeof s.isTest>[0]) => !s.isTest(v)]),
        );
      }
      if (options.uniqueRequests) {
        genOptions.acceptRequest = (text) => ledgers[side].accept(text);
        const chain = project.chains[chainIndex(project, chainId)];
        const space = requestSpace(project, chain, cs, side);
        if (space < count) {
          problems.push(
            error(
              'request-space-too-small',
              `$.chains[${chainIndex(project, chainId)}]`,
              `chain "${chainId}" can make at most ${space} different request${space === 1 ? '' : 's'}${split ? ` on the ${side} side` : ''}, but ${count} unique ones are asked for: add request templates or slot values, or lower the count`,
              { chainId },
            ),
          );
          generators[side].push(undefined);
          continue;
        }
      }
      const made = createGenerator(project, chainId, genOptions);
      if (!made.ok) {
        for (const d of made.diagnostics.filter((x) => x.severity === 'error'))
          if (!problems.some((p) => p.code === d.code && p.path === d.path && p.message === d.message)) problems.push(d);
        generators[side].push(undefined);
        continue;
      }
      for (const d of made.diagnostics) if (!warnings.some((w) => w.code === d.code && w.path === d.path && w.message === d.message)) warnings.push(d);
      generators[side].push(made.generator);
    }
  }
  if (problems.length) return { ok: false, diagnostics: problems };

  const examples = files.reduce((a, f) => a + (f.end - f.start), 0);
  const chains: ChainSummary[] = counts.map(({ chainId, count }, i) => {
    const generator = generators.train[i] ?? generators.test[i];
    const turns = generator?.plan.turns ?? [];
    const summary: ChainSummary = {
      chainId,
      pattern: patterns[i].pattern,
      count,
      calls: turns.reduce((a, t) => a + t.callIds.length, 0),
      turns: turns.length,
      parallelTurns: turns.filter((t) => t.callIds.length > 1).length,
    };
    // A chain that reads its results makes a different number of calls per example: average its first ones.
    if (generator && generator.chain.calls.some((c) => c.forEach !== undefined || c.when !== undefined || c.failure !== undefined || c.confirm !== undefined)) {
      const n = Math.min(count, VARYING_SAMPLE);
      let calls = 0;
      let callTurns = 0;
      let parallel = 0;
      const outcomes = { failures: 0, retries: 0, confirmations: 0, refusals: 0 };
      for (let k = 0; k < n; k += 1) {
        let e: Example;
        try {
          e = generator.example(seed, k);
        } catch (error) {
          // The run itself reports an example that cannot be made, where it happens; keep the plan's figures here.
          if (error instanceof GenerationError) break;
          throw error;
        }
        if (e.outcome) {
          if (e.outcome.failed.length) outcomes.failures += 1;
          if (e.outcome.retried.length) outcomes.retries += 1;
          if (e.outcome.confirmed.length) outcomes.confirmations += 1;
          if (e.outcome.declined.length) outcomes.refusals += 1;
        }
        for (const m of e.messages) {
          if (m.role !== 'assistant' || !('calls' in m)) continue;
          calls += m.calls.length;
          callTurns += 1;
          if (m.calls.length > 1) parallel += 1;
        }
      }
      if (n > 0) Object.assign(summary, { calls: calls / n, turns: callTurns / n, parallelTurns: parallel / n, sampled: n, outcomes });
    }
    return summary;
  });
  const sample = (n: number, name: FileName = 'train'): Example[] => {
    const file = files.find((f) => f.name === name);
    if (!file) return [];
    const schedule = createSchedule(file.counts.map((c) => c.count));
    const saved = ledgers[name];
    ledgers[name] = new RequestLedger();
    const out: Example[] = [];
    try {
      for (let p = 0; p < Math.min(n, file.examples); p += 1) {
        const { chain, local } = schedule.at(p);
        out.push(generators[name][chain]!.example(seed, local));
      }
    } finally {
      ledgers[name] = saved;
    }
    return out;
  };
  const run: DatasetRun = {
    format,
    tools: context.tools,
    seed,
    options,
    shard,
    counts,
    patterns,
    mix,
    split,
    files,
    bundle,
    examples,
    warnings,
    chains,
    sample,
    chunks: (chunkOptions) => produce(run, generators, ledgers, lineWriter(format, context), chunkOptions?.examplesPerChunk ?? 256, chunkOptions?.onLine),
  };
  return { ok: true, run };
}

function describe(file: FileName, example: number, chainId: string, chainExample: number): string {
  return `${file} example ${example} (chain "${chainId}", its example ${chainExample})`;
}

function* produce(
  run: DatasetRun,
  generators: { [f in FileName]: (ExampleGenerator | undefined)[] },
  ledgers: { [f in FileName]: RequestLedger },
  writer: LineWriter,
  perChunk: number,
  onLine: ((file: FileName, text: string, tail: string) => void) | undefined,
): Generator<DatasetChunk, void, undefined> {
  const step = Math.max(1, Math.floor(perChunk));
  let done = 0;
  const repeats = run.format.distinctLines && !run.options.keepRepeatedLines ? new RepeatFilter() : undefined;
  const locate = (file: DatasetFile) => {
    const gens = generators[file.name];
    const schedule: Schedule = createSchedule(file.counts.map((c) => c.count));
    return (p: number) => {
      const { chain, local } = schedule.at(p);
      return { gen: gens[chain]!, chainId: file.counts[chain].chainId, local };
    };
  };
  /** The error chunk of an example that could not be made. */
  const failed = (file: FileName, p: number, chainId: string, local: number, e: unknown): DatasetChunk => {
    if (!(e instanceof GenerationError) && !(e instanceof Error)) throw e;
    const problem = e instanceof GenerationError ? e.problem : e.message;
    return {
      kind: 'error',
      error: { file, example: p, chainId, chainExample: local, findings: [], message: `${describe(file, p, chainId, local)}: ${problem}` },
    };
  };
  /** A shard that leaves out repeated lines first remembers the lines of the run before its own (the files before, then its file up to its start). */
  const remembered = { file: 0, example: 0 };
  function* remember(fileIndex: number, upTo: number): Generator<DatasetChunk, boolean, undefined> {
    for (; remembered.file <= fileIndex; remembered.file += 1, remembered.example = 0) {
      const file = run.files[remembered.file];
      const at = locate(file);
      const end = remembered.file < fileIndex ? file.examples : upTo;
      for (; remembered.example < end; remembered.example += 1) {
        const { gen, chainId, local } = at(remembered.example);
        try {
          for (const line of writer.write(gen.example(run.seed, local))) repeats!.remember(line);
        } catch (e) {
          yield failed(file.name, remembered.example, chainId, local, e);
          return false;
        }
      }
      if (remembered.file === fileIndex) return true;
    }
    return true;
  }
  for (const [fileIndex, file] of run.files.entries()) {
    const at = locate(file);
    if (repeats) {
      // The examples before this range (which also replays their requests, for unique requests).
      if (run.options.uniqueRequests) ledgers[file.name] = new RequestLedger();
      if (!(yield* remember(fileIndex, file.start))) return;
    } else if (run.options.uniqueRequests) {
      ledgers[file.name] = new RequestLedger();
      // A shard replays the requests of the examples before it: which requests are taken depends on them.
      for (let p = 0; p < file.start; p += 1) {
        const { gen, chainId, local } = at(p);
        try {
          gen.request(run.seed, local);
        } catch (e) {
          yield failed(file.name, p, chainId, local, e);
          return;
        }
      }
    }
    for (let first = file.start; first < file.end; first += step) {
      const last = Math.min(file.end, first + step);
      const texts: string[] = [];
      let lines = 0;
      let repeated = 0;
      for (let p = first; p < last; p += 1) {
        const { gen, chainId, local } = at(p);
        let written: CheckedLines;
        try {
          written = writer.writeChecked(gen.example(run.seed, local));
        } catch (e) {
          yield failed(file.name, p, chainId, local, e);
          return;
        }
        let out = written.lines;
        if (written.failed) {
          const { line: k, findings } = written.failed;
          const where = describe(file.name, p, chainId, local) + (out.length > 1 ? `, line ${k + 1} of ${out.length}` : '');
          yield {
            kind: 'error',
            error: {
              file: file.name,
              example: p,
              chainId,
              chainExample: local,
              findings,
              message: `${where}: ${findings.map((f) => formatFinding(f)).join('; ')}`,
            },
          };
          return;
        }
        if (repeats) {
          const before = out.length;
          out = out.filter((line) => repeats.accept(line));
          repeated += before - out.length;
          remembered.example = p + 1;
        }
        if (onLine && written.parts && !repeats) for (let k = 0; k < out.length; k += 1) onLine(file.name, written.parts.heads[k], written.parts.tail);
        else if (onLine) for (let k = 0; k < out.length; k += 1) onLine(file.name, out[k], '');
        else for (let k = 0; k < out.length; k += 1) texts.push(out[k]);
        lines += out.length;
      }
      done += last - first;
      yield {
        kind: 'lines',
        file: file.name,
        texts,
        get text() {
          return texts.length ? `${texts.join('\n')}\n` : '';
        },
        lines,
        repeated,
        examples: last - first,
        firstExample: first,
        done,
        total: run.examples,
      };
    }
  }
}
