import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, constants as osConstants } from 'node:os';
import { parseArgs } from 'node:util';
import type { Project } from '../../core/index.ts';
import {
  DEFAULT_MIX,
  FORMATS,
  datasetStats,
  fallbackFields,
  loadTokenCounter,
  outcomeShares,
  parseMix,
  prepareDataset,
  type ChainCount,
  type DatasetError,
  type DatasetRun,
  type DatasetSpec,
  type FileName,
  type Mix,
  type Selection,
  type SplitOptions,
} from '../../core/generation.ts';
import { FdWriter, StreamWriter, isWriteError, openOutput, outputTarget, siblingTestPath, type OutputTarget, type WritableTarget, type Writer } from '../io.ts';
import { jobsFor, runJobs, streamSpoolDir } from '../jobs.ts';
import { Progress } from '../progress.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, joinNegativeNumbers, loadProject, oneFile, printFindings, wholeNumber, type Io } from '../shared.ts';
import { dirname, join, relative } from 'node:path';

const CHAIN_COUNT = /^([A-Za-z_][A-Za-z0-9_-]*)=(\d+)$/;

/** `--shard K/N` → {index, count}. */
function shardArg(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/8; got "${text}"`);
  return { index, count };
}

function fractionArg(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const f = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(f > 0 && f < 1)) throw new UsageError(`--split takes the test share, a number between 0 and 1 such as 0.1; got "${text}"`);
  return f;
}

/** Examples whose tokens the summary counts with `--tokens`. */
const TOKEN_SAMPLE = 50;

/**
 * `generate FILE --format F --count N --seed S [--chain ID[=N] …] [--mix default|FILE]
 * [--split 0.1 [--split-by template|slot] [--split-slot NAME …] [--out-test PATH]]
 * [--serialize-parallel] [--no-system] [--no-tools] [--unique-requests] [--shard K/N]
 * [--jobs N] [--tokens] --out PATH|-`: checked lines, all or nothing. With more than one job
 * (see jobsFor) the lines are made in worker threads too, and the exit code comes as a promise.
 */
export function generateCommand(args: string[], io: Io): number | Promise<number> {
  const { positionals, values } = parseArgs({
    args: joinNegativeNumbers(args, ['--count', '--seed', '--split', '--shard', '--jobs']),
    allowPositionals: true,
    options: {
      chain: { type: 'string', multiple: true },
      format: { type: 'string', default: 'openai' },
      count: { type: 'string' },
      seed: { type: 'string', default: '1' },
      mix: { type: 'string' },
      split: { type: 'string' },
      'split-by': { type: 'string' },
      'split-slot': { type: 'string', multiple: true },
      'serialize-parallel': { type: 'boolean' },
      'no-system': { type: 'boolean' },
      'no-tools': { type: 'boolean' },
      'unique-requests': { type: 'boolean' },
      'keep-repeats': { type: 'boolean' },
      shard: { type: 'string' },
      jobs: { type: 'string' },
      tokens: { type: 'boolean' },
      out: { type: 'string' },
      'out-test': { type: 'string' },
    },
  });
  const file = oneFile(positionals);
  const format = FORMATS.find((f) => f.id === values.format);
  if (!format) throw new UsageError(`unknown --format "${values.format}" (formats: ${FORMATS.map((f) => f.id).join(', ')})`);
  const seed = wholeNumber('--seed', values.seed!, 0);
  const count = values.count === undefined ? undefined : wholeNumber('--count', values.count, 1);
  const shard = shardArg(values.shard);
  const jobsAsked = values.jobs === undefined ? undefined : wholeNumber('--jobs', values.jobs, 1);
  const fraction = fractionArg(values.split);
  const splitBy = values['split-by'] ?? 'template';
  if (splitBy !== 'template' && splitBy !== 'slot') throw new UsageError(`--split-by takes template or slot, got "${splitBy}"`);
  if (values['split-by'] !== undefined && fraction === undefined) throw new UsageError('--split-by needs --split (the test share)');
  if (values['split-slot'] && splitBy !== 'slot') throw new UsageError('--split-slot needs --split-by slot');
  if (!values.out) throw new UsageError(`missing --out ${format.bundle ? 'FOLDER' : 'PATH (or --out - for standard output)'}`);
  if (format.bundle && values.out === '-') throw new UsageError(`--format ${format.id} writes a bundle of files: --out names a folder, not -`);
  if (values['keep-repeats'] && !format.distinctLines)
    throw new UsageError(`--keep-repeats applies to formats that write several lines per example (distil), not ${format.id}`);
  if (values['out-test'] !== undefined && (fraction === undefined || format.bundle))
    throw new UsageError(format.bundle ? `--out-test does not apply to --format ${format.id} (its test file is in the folder)` : '--out-test needs --split');
  if (fraction !== undefined && values.out === '-' && !format.bundle && values['out-test'] === undefined)
    throw new UsageError('with --out - and --split, give --out-test PATH for the test set');

  // Chains: ids, or ids with their own counts (ID=N).
  const chainArgs = values.chain ?? [];
  const withCounts = chainArgs.filter((c) => CHAIN_COUNT.test(c));
  let selectionKind: 'counts' | 'mix' | 'even';
  if (withCounts.length) {
    if (withCounts.length !== chainArgs.length) throw new UsageError('give every --chain a count (ID=N) or none of them');
    if (values.mix !== undefined) throw new UsageError('--mix spreads --count over the chains: it does not go with --chain ID=N');
    selectionKind = 'counts';
  } else {
    if (count === undefined) throw new UsageError('missing --count N (or give each chain its count: --chain ID=N)');
    selectionKind = values.mix !== undefined ? 'mix' : 'even';
  }

  // Where the files go, looked at before any work (see outputTarget): a folder where a file is
  // wanted, a missing folder… is one line now, not an error after the whole dataset was made.
  const out = values.out;
  const testOut = fraction !== undefined && !format.bundle ? (values['out-test'] ?? siblingTestPath(out)) : undefined;
  const files = new Map<string, WritableTarget>();
  /** The distil folder to make (it does not exist yet), with its parents. */
  let newFolder: string | undefined;
  const outputs: [string | undefined, string][] = [
    [out, format.bundle ? ` (--format ${format.id} writes a folder)` : ''],
    [testOut, values['out-test'] === undefined ? ' (the test set, beside --out; --out-test PATH puts it elsewhere)' : ''],
  ];
  for (const [path, note] of outputs) {
    if (path === undefined || path === '-') continue;
    const target = outputTarget(path, format.bundle ? 'folder' : 'file');
    if (target.kind === 'refused') {
      io.stderr(`${path}: ${target.message}${note}\n`);
      return EXIT_INVALID;
    }
    if (format.bundle) newFolder = target.kind === 'new' ? target.path : undefined;
    else if (target.kind !== 'folder') files.set(path, target);
  }

  let mix: Mix | undefined;
  if (values.mix !== undefined && values.mix !== 'default') {
    let text: string;
    try {
      text = readFileSync(values.mix, 'utf8');
    } catch (e) {
      io.stderr(`${values.mix}: cannot read the mix: ${(e as Error).message}\n`);
      return EXIT_INVALID;
    }
    const parsed = parseMix(text);
    if (!parsed.ok) {
      io.stderr(`${values.mix}: ${parsed.path}: ${parsed.message}\n`);
      return EXIT_INVALID;
    }
    mix = parsed.mix;
  }

  const loaded = loadProject(file, io);
  if (!loaded) return EXIT_INVALID;
  const { project } = loaded;
  let selection: Selection;
  if (selectionKind === 'counts') {
    const counts: ChainCount[] = withCounts.map((c) => {
      const [, chainId, n] = CHAIN_COUNT.exec(c)!;
      return { chainId, count: Number(n) };
    });
    const sum = counts.reduce((a, c) => a + c.count, 0);
    if (count !== undefined && count !== sum) throw new UsageError(`--count ${count} differs from the chains' counts, which add up to ${sum}`);
    selection = { kind: 'counts', counts };
  } else {
    const chains = chainArgs.length ? chainArgs : undefined;
    selection = selectionKind === 'mix' ? { kind: 'mix', total: count!, chains, mix: mix ?? DEFAULT_MIX } : { kind: 'even', total: count!, chains };
  }
  for (const id of selection.kind === 'counts' ? selection.counts.map((c) => c.chainId) : (selection.chains ?? [])) {
    if (!project.chains.some((c) => c.id === id)) throw new UsageError(`no chain "${id}" (chains: ${project.chains.map((c) => c.id).join(', ') || 'none'})`);
  }
  const split: SplitOptions | undefined = fraction === undefined ? undefined : { fraction, by: splitBy, slots: values['split-slot'] };

  const spec: DatasetSpec = {
    project,
    format: format.id,
    seed,
    selection,
    split,
    shard,
    options: {
      serializeParallel: values['serialize-parallel'] === true,
      includeSystem: values['no-system'] !== true,
      includeTools: values['no-tools'] !== true,
      uniqueRequests: values['unique-requests'] === true,
      keepRepeatedLines: values['keep-repeats'] === true,
    },
  };
  const prepared = prepareDataset(spec);
  if (!prepared.ok) {
    printFindings(file, prepared.diagnostics, io.stderr, loaded.text);
    return EXIT_INVALID;
  }
  const run = prepared.run;
  for (const w of run.warnings.filter((d) => d.code === 'not-split' || d.code.startsWith(`${format.id}-`))) printFindings(file, [w], io.stderr, loaded.text);

  // Where each file goes (a regular file is written to a temporary name and renamed at the end;
  // a FIFO or device is written as it is: see outputTarget).
  const targets = new Map<string, string>();
  if (run.bundle) {
    for (const f of run.files) targets.set(f.name, join(out, f.bundleName!));
  } else {
    targets.set('train', out);
    if (run.files.some((f) => f.name === 'test')) targets.set('test', testOut ?? siblingTestPath(out));
  }
  const wholeFiles = new Map<string, string>(run.bundle ? Object.entries(run.bundle.files).map(([name, text]) => [join(out, name), text]) : []);
  // The files in a distil folder, looked at now that their names are known (before the lines are made).
  for (const path of [...targets.values(), ...wholeFiles.keys()]) {
    if (path === '-' || files.has(path)) continue;
    const target: OutputTarget = newFolder !== undefined ? { kind: 'new', path: join(newFolder, relative(out, path)) } : outputTarget(path);
    if (target.kind === 'refused' || target.kind === 'folder') {
      io.stderr(`${path}: ${target.kind === 'folder' ? 'is a folder, expected a file' : target.message}\n`);
      return EXIT_INVALID;
    }
    files.set(path, target);
  }

  const writers = new Map<string, Writer>();
  /** The output being opened or written, named when that fails. */
  let at = out;
  let createdFolder = false;
  const abortAll = () => {
    for (const w of writers.values()) w.abort();
    if (createdFolder) rmSync(newFolder!, { recursive: true, force: true });
  };
  const writeFailed = (e: unknown): number => {
    abortAll();
    if (!isWriteError(e)) throw e;
    io.stderr(`${at === '-' ? 'standard output' : at}: cannot write: ${e.message}\n`);
    return EXIT_INVALID;
  };
  const open = (path: string): Writer => {
    at = path;
    if (path === '-') return io.stdoutFd !== undefined ? new FdWriter(io.stdoutFd) : new StreamWriter(io.stdout);
    return openOutput(files.get(path)!);
  };
  try {
    if (newFolder !== undefined) {
      mkdirSync(newFolder, { recursive: true });
      createdFolder = true;
    }
    for (const [name, path] of targets) writers.set(name, open(path));
    for (const [path, text] of wholeFiles) {
      const w = open(path);
      writers.set(path, w);
      w.write(text);
    }
  } catch (e) {
    return writeFailed(e);
  }

  const progress = new Progress(io, run.examples); // after the opening, which waits for a FIFO's reader
  const jobs = jobsFor(jobsAsked, availableParallelism(), run.examples);
  const jobsNote =
    jobs > 1
      ? `jobs: ${jobs} (this thread and ${jobs - 1} worker thread${jobs === 2 ? '' : 's'}, each a contiguous range; --jobs 1 writes the same bytes)`
      : undefined;
  /** Lines left out because they repeat an earlier line of the run, per file (formats with distinctLines). */
  const repeated = new Map<FileName, number>();
  const countRepeated = (file: FileName, n: number) => repeated.set(file, (repeated.get(file) ?? 0) + n);
  /** Stops on the run's first error (as the core reports it), or commits the files and prints the summary. */
  const finish = (error: DatasetError | null): number | Promise<number> => {
    if (error) {
      abortAll();
      progress.clear();
      io.stderr(`${file}: ${error.message}\n`);
      return EXIT_INVALID;
    }
    try {
      for (const [key, w] of writers) {
        at = targets.get(key) ?? key;
        w.commit();
      }
    } catch (e) {
      progress.clear();
      return writeFailed(e);
    }
    progress.clear();
    const text = summary(run, targets, selectionKind === 'mix', jobsNote, values.tokens === true, genericFieldsNote(project, run), repeated);
    if (typeof text === 'string') {
      io.stderr(text);
      return EXIT_OK;
    }
    return text.then((t) => {
      io.stderr(t);
      return EXIT_OK;
    });
  };

  if (jobs > 1) {
    const lineWriters = new Map<FileName, Writer>(run.files.map((f) => [f.name, writers.get(f.name)!]));
    const spoolDir = (name: FileName) => {
      const path = targets.get(name)!;
      const target = files.get(path);
      return target && target.kind !== 'stream' ? dirname(target.path) : streamSpoolDir();
    };
    // Ctrl-C (or TERM, HUP) while the threads run: the workers stop, their spool files and the
    // temporary outputs are removed, and the command exits as the signal would have it (130…).
    const interrupt = new AbortController();
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const onSignal = (signal: NodeJS.Signals) => interrupt.abort(signal);
    for (const s of signals) process.once(s, onSignal);
    const release = () => {
      for (const s of signals) process.off(s, onSignal);
    };
    return runJobs({
      spec,
      jobs,
      writers: lineWriters,
      spoolDir,
      onProgress: (done) => progress.update(done),
      onRepeated: countRepeated,
      signal: interrupt.signal,
    }).then(
      (error) => {
        release();
        return finish(error);
      },
      (e: unknown) => {
        release();
        progress.clear();
        if (!interrupt.signal.aborted) return writeFailed(e);
        abortAll();
        const signal = interrupt.signal.reason as NodeJS.Signals;
        io.stderr(
          `chainwright: stopped by ${signal}${targets.get('train') === '-' || [...files.values()].some((t) => t.kind === 'stream') ? '' : '; no file was written'}\n`,
        );
        return 128 + osConstants.signals[signal];
      },
    );
  }

  try {
    // Each line goes to its file's buffer as soon as it is checked (see ChunkOptions.onLine).
    const onLine = (name: string, text: string, tail: string) => {
      try {
        writers.get(name)!.writeLine(text, tail);
      } catch (e) {
        at = targets.get(name)!;
        throw e;
      }
    };
    for (const chunk of run.chunks({ examplesPerChunk: 512, onLine })) {
      if (chunk.kind === 'error') return finish(chunk.error);
      countRepeated(chunk.file, chunk.repeated);
      progress.update(chunk.done);
    }
  } catch (e) {
    progress.clear();
    return writeFailed(e);
  }
  return finish(null);
}

/**
 * The result fields of the run's tools whose simulated values fall back to generic words, per
 * tool ("make_report: 1 of 2 string fields (frobnicator)"); undefined when there are none.
 */
function genericFieldsNote(project: Project, run: DatasetRun): string | undefined {
  const used = new Set(run.tools.map((t) => t.function.name));
  const parts = project.tools
    .filter((tool) => used.has(tool.function.name))
    .map((tool) => ({ tool: tool.function.name, fields: fallbackFields(tool, 20, project.referenceDate) }))
    .filter((t) => t.fields.length > 0)
    .map((t) => `${t.tool} (${t.fields.map((f) => f.field).join(', ')})`);
  return parts.length
    ? `result fields with generic words: ${parts.join('; ')} — chainwright audit says what to add (an x-fake hint, an enum or a clearer name)`
    : undefined;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * What was written, the mix (against its target when `--mix` was given), the split and the
 * shape of the examples, on standard error; with `tokens`, a token estimate (the tokenizer is
 * loaded only then: building its encoder takes longer than a small run).
 */
function summary(
  run: DatasetRun,
  targets: Map<string, string>,
  mixAsked: boolean,
  jobsNote: string | undefined,
  tokens: boolean,
  genericNote: string | undefined,
  repeated: ReadonlyMap<FileName, number>,
): string | Promise<string> {
  const lines: string[] = [];
  for (const f of run.files) {
    const n = f.end - f.start;
    const part = run.shard.count > 1 ? ` (shard ${run.shard.index}/${run.shard.count}: examples ${f.start}–${f.end - 1} of ${f.examples})` : '';
    const where = targets.get(f.name);
    const left = repeated.get(f.name) ?? 0;
    const repeats = left ? `; ${left} line${left === 1 ? '' : 's'} left out that repeat an earlier one${f.name === 'test' ? ' (of train or test)' : ''}` : '';
    lines.push(`wrote ${n} ${f.name} example${n === 1 ? '' : 's'} to ${where === '-' ? 'standard output' : where}${part}${repeats}`);
  }
  const left = [...repeated.values()].reduce((a, b) => a + b, 0);
  if (left > 0) {
    lines.push(
      `the design cannot give more distinct lines: requests and slot values repeat (most often the first request with its first call); add request templates or slot values for more, or --keep-repeats to write every line`,
    );
  }
  if (mixAsked) {
    const mixed = run.mix.rows.filter((r) => r.achievedCount > 0 || r.targetShare > 0);
    lines.push(`mix (target → achieved): ${mixed.map((r) => `${r.pattern} ${percent(r.targetShare)} → ${percent(r.achievedShare)}`).join(', ')}`);
    if (run.mix.missing.length) lines.push(`no chain to draw from for: ${run.mix.missing.join(', ')}`);
  } else {
    // The chains' own patterns (a loop or conditional chain counts as mixed only in a mix).
    const total = run.chains.reduce((a, c) => a + c.count, 0);
    const byPattern = new Map<string, number>();
    for (const c of run.chains) if (c.count > 0) byPattern.set(c.pattern, (byPattern.get(c.pattern) ?? 0) + c.count);
    const made = [...byPattern].map(([pattern, count]) => `${pattern} ${percent(total ? count / total : 0)}`);
    lines.push(`patterns: ${made.join(', ') || 'none'} (--mix spreads --count over the patterns)`);
  }
  if (run.split) {
    const s = run.split;
    lines.push(`split by ${s.by}: ${s.train} train, ${s.test} test`);
    for (const c of s.chains) {
      if (!c.split) lines.push(`  ${c.chainId}: train only (${c.reason})`);
      else if (c.testTemplates) lines.push(`  ${c.chainId}: test templates ${c.testTemplates.map((i) => i + 1).join(', ')} of ${c.templateSource}`);
      else
        lines.push(
          `  ${c.chainId}: ${c.slots!.map((x) => (x.kind === 'values' ? `${x.slot} test values ${x.testValues!.map((v) => JSON.stringify(v)).join(', ')}` : `${x.slot} values hashed into a ${percent(x.testShare!)} test share`)).join('; ')}`,
        );
    }
  }
  const outcomes = outcomeShares(run.chains);
  if (outcomes) {
    const { failures, retries, confirmations, refusals } = outcomes;
    lines.push(
      `of the examples of chains that fail or ask: ${percent(failures)} hold a failure, ${percent(retries)} a retry, ${percent(confirmations)} a confirmation (yes), ${percent(refusals)} a refusal (no)`,
    );
  }
  if (genericNote) lines.push(genericNote);
  if (jobsNote) lines.push(jobsNote);
  if (run.examples === 0) return `${lines.join('\n')}\n`;
  // Calls and turns per example over the whole dataset, from each chain's plan (as datasetStats has them).
  const total = run.chains.reduce((a, c) => a + c.count, 0);
  const avg = (f: (c: DatasetRun['chains'][number]) => number) => (total ? run.chains.reduce((a, c) => a + f(c) * c.count, 0) / total : 0);
  const shape =
    `${avg((c) => c.calls).toFixed(2)} calls, ${avg((c) => c.turns).toFixed(2)} turns and ${avg((c) => c.parallelTurns).toFixed(2)} parallel turns per example` +
    `${run.chains.some((c) => c.sampled) ? ' (chains that read their results: averaged over their first examples)' : ''}`;
  if (!tokens) return `${[...lines, shape].join('\n')}\n`;
  return loadTokenCounter().then((countTokens) => {
    const stats = datasetStats(run, countTokens, run.sample(TOKEN_SAMPLE));
    lines.push(
      `${shape}; ~${Math.round(stats.tokens.perExample.mean)} tokens per example (${stats.tokens.encoding}, ${stats.tokens.sampled} sampled) + ${stats.tokens.toolDefinitionTokens} for the tool definitions`,
    );
    return `${lines.join('\n')}\n`;
  });
}
