/**
 * Speed and memory figures, printed (not asserted): `npm run bench`.
 *
 *   npm run bench                      the speed figures (BENCH_COUNT examples, default 100 000; BENCH_ROUNDS)
 *   npm run bench -- --memory          also 1 000 000 examples streamed to a file: RSS and heap every 100 000
 *   npm run bench -- --memory=5000000  another count for the memory run
 *
 * The design is public/examples/trip-planning.chain.json, chain plan-trip: six calls in three
 * turns (three parallel searches, two parallel bookings, one itinerary). The run is the real
 * one (`prepareDataset(...).chunks()`): generation, the `openai` writer and the checker on
 * every line, written to a file. It is compared with the raw cost of `JSON.stringify` + write
 * of the same lines (records made beforehand). One core: Node runs this on one thread.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { AtomicFileWriter, PIECE_BYTES, utf8FileLines } from '../src/cli/io.ts';
import { measureCli } from './cli.measure.ts';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProject, type Project } from '../src/core/index.ts';
import { createGenerator, formatContext, lineWriter, openaiFormat, prepareDataset, toOpenAIRecord } from '../src/core/generation.ts';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
/** Alternating rounds of the full run and the raw baseline, both written to a new file (BENCH_ROUNDS, default 3). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const memoryArg = process.argv.find((a) => a === '--memory' || a.startsWith('--memory='));
/** `--memory-only`: skip the speed figures (a fresh process gives the cleanest memory figures). */
const memoryOnly = process.argv.includes('--memory-only');
const MEMORY_COUNT = memoryArg ? Number(memoryArg.split('=')[1] ?? 1_000_000) || 1_000_000 : 0;
const FILE = 'public/examples/trip-planning.chain.json';
const CHAIN = 'plan-trip';
const out = join(tmpdir(), `chainwright-bench-${process.pid}.jsonl`);

function load(file: string): Project {
  const parsed = parseProject(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.project;
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** CPU time of this process in ms (all its threads: GC helpers too). On a busy machine it shows what one free core would do. */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/**
 * Where a run's lines go: `file`, a new file as the command line writes it; `null`, encoded
 * the same way but written to /dev/null (everything but the file system); `none`, dropped.
 */
type Sink = 'file' | 'null' | 'none';

interface LineSink {
  writeLine(text: string, tail?: string): void;
  /** Flushes and closes (removing the file); returns the bytes written. */
  finish(): number;
}

function openSink(sink: Sink): LineSink {
  if (sink === 'file') {
    const file = new AtomicFileWriter(out);
    return { writeLine: (text, tail) => file.writeLine(text, tail), finish: () => (file.flush(), file.abort(), file.written) };
  }
  if (sink === 'null') {
    const fd = openSync('/dev/null', 'w');
    const file = utf8FileLines(fd);
    return { writeLine: (text, tail) => file.out.line(text, tail), finish: () => (file.out.flush(), closeSync(fd), file.written()) };
  }
  return { writeLine: () => {}, finish: () => 0 };
}

type Timed = { ms: number; cpu: number; bytes: number };

/** The run with the median wall time (its CPU time and bytes with it). */
function median(runs: Timed[]): Timed {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
}

/** The full run (generation, the openai writer, the checker on every line) into `sink`; returns wall ms, CPU ms and bytes. */
function fullRun(project: Project, count: number, onChunk?: (done: number) => void, sink: Sink = 'file'): { ms: number; cpu: number; bytes: number } {
  const made = prepareDataset({ project, format: 'openai', seed: 1, selection: { kind: 'counts', counts: [{ chainId: CHAIN, count }] } });
  if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('\n'));
  const lines = openSink(sink);
  const c = process.cpuUsage();
  const t = performance.now();
  const onLine = (_: string, text: string, tail: string) => lines.writeLine(text, tail);
  for (const chunk of made.run.chunks({ examplesPerChunk: 512, onLine })) {
    if (chunk.kind === 'error') throw new Error(chunk.error.message);
    onChunk?.(chunk.done);
  }
  const bytes = lines.finish();
  return { ms: performance.now() - t, cpu: cpuMs(c), bytes };
}

/** JSON.stringify + write of the same records (made beforehand, so only stringify and write are timed). */
function rawRun(project: Project, count: number, sink: Sink = 'file'): { ms: number; cpu: number; bytes: number } {
  const made = createGenerator(project, CHAIN);
  if (!made.ok) throw new Error(made.diagnostics[0].message);
  const { tools } = formatContext(project);
  const records = Array.from({ length: Math.min(count, 5000) }, (_, i) => toOpenAIRecord(made.generator.example(1, i), project, { tools }));
  const lines = openSink(sink);
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < count; i += 1) lines.writeLine(JSON.stringify(records[i % records.length]));
  const bytes = lines.finish();
  return { ms: performance.now() - t, cpu: cpuMs(c), bytes };
}

/**
 * What the file system alone costs: `bytes` already encoded (real lines, in pieces of the
 * size the command line writes) written to a new file the same way. On a virtual machine, giving a new file its pages is
 * often the largest part of writing it.
 */
function fileSystemRun(bytes: number, target = out): { ms: number } {
  const sample = Buffer.from(readFileSync(FILE, 'utf8').repeat(64)).subarray(0, PIECE_BYTES);
  if (target === out) rmSync(out, { force: true });
  const fd = openSync(target, 'w');
  const t = performance.now();
  for (let left = bytes; left > 0; left -= sample.length) writeSync(fd, sample, 0, Math.min(left, sample.length));
  const ms = performance.now() - t;
  closeSync(fd);
  if (target === out) rmSync(out, { force: true });
  return { ms };
}

const project = load(FILE);
const made = createGenerator(project, CHAIN);
if (!made.ok) throw new Error(made.diagnostics[0].message);
const generator = made.generator;
const plan = generator.plan;
console.log(
  `design: ${FILE} / ${CHAIN}: ${plan.turns.reduce((n, t) => n + t.callIds.length, 0)} calls in ${plan.turns.length} turns; format openai, tools on every line; Node ${process.version}, one thread`,
);

if (!memoryOnly) speed();

function speed(): void {
  fullRun(project, 5000); // warm up
  rawRun(project, 5000);
  const dropped = fullRun(project, COUNT, undefined, 'none');
  const encoded = fullRun(project, COUNT, undefined, 'null');
  const rawEncoded = rawRun(project, COUNT, 'null');
  // A virtual machine gives a process's first large write fresh pages, which costs several
  // times more than later writes of the same size: pay that once before the timed runs.
  fileSystemRun(COUNT * 6_500); // about the size of the file written below
  // The headline pair, in alternating rounds: a neighbour that slows the machine for a few
  // seconds then slows one round of both, not one of the two, and the medians set it aside.
  const rounds: { full: Timed; raw: Timed }[] = [];
  for (let r = 0; r < ROUNDS; r += 1) rounds.push({ full: fullRun(project, COUNT), raw: rawRun(project, COUNT) });
  const full = median(rounds.map((r) => r.full));
  const raw = median(rounds.map((r) => r.raw));
  const fs = fileSystemRun(full.bytes);
  const nullWrites = fileSystemRun(full.bytes, '/dev/null');
  const us = (ms: number) => `${((ms * 1000) / COUNT).toFixed(1)} µs`;
  const line = (label: string, r: { ms: number; cpu: number }, unit = 'examples') =>
    console.log(`  ${label.padEnd(58)} ${rate(COUNT, r.ms).padStart(7)} ${unit}/s wall, ${rate(COUNT, r.cpu).padStart(7)} per CPU-second  (${us(r.ms)} each)`);
  /** The speed of `run` as a share of the speed of `raw`. */
  const share = (run: { ms: number; cpu: number }, raw: { ms: number; cpu: number }) =>
    `${((raw.ms / run.ms) * 100).toFixed(0)}% (wall), ${((raw.cpu / run.cpu) * 100).toFixed(0)}% (CPU)`;
  console.log(
    `  (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: wall-clock rates suffer on a busy machine; per CPU-second is what one free core does)`,
  );
  console.log(`  ${COUNT.toLocaleString('en-US')} examples, ${mb(full.bytes)} of lines`);
  line('generate + write + check every line (lines dropped)', dropped);
  line('… encoded as the CLI writes them, to /dev/null', encoded);
  console.log(
    `    writing the same bytes, already encoded, to /dev/null alone: ${us(nullWrites.ms)} per example, ${mb((full.bytes / nullWrites.ms) * 1000)}/s (a system call's cost grows with its size here)`,
  );
  line(`… written to a new file as the CLI does (median of ${ROUNDS})`, full);
  console.log(`    the file system alone (the same bytes, already encoded, to a new file): ${us(fs.ms)} per example, ${mb((full.bytes / fs.ms) * 1000)}/s`);
  line('JSON.stringify + encode of the same lines, to /dev/null', rawEncoded, 'lines');
  line(`JSON.stringify + write, same lines, new file (median of ${ROUNDS})`, raw, 'lines');
  console.log(
    `  rounds (written to a new file): ${rounds.map((r) => `${rate(COUNT, r.full.ms)} vs ${rate(COUNT, r.raw.ms)} raw, ${((r.raw.ms / r.full.ms) * 100).toFixed(0)}%`).join(' · ')}`,
  );
  console.log(`  the full run is ${share(encoded, rawEncoded)} of the raw speed to /dev/null, ${share(full, raw)} to a new file`);
  console.log(
    `  goals: ≥ 20,000 examples/s written to a file: ${rate(COUNT, full.ms)} (${COUNT / (full.ms / 1000) >= 20_000 ? 'met' : 'NOT met'}); ≥ 50% of the raw speed: ${((raw.ms / full.ms) * 100).toFixed(0)}% (${raw.ms / full.ms >= 0.5 ? 'met' : 'NOT met'})`,
  );

  // The parts, for profiling.
  {
    const g = generator;
    const context = formatContext(project);
    const n = Math.min(COUNT, 20000);
    let t = performance.now();
    const examples = [];
    for (let i = 0; i < n; i += 1) examples.push(g.example(1, i));
    const genMs = performance.now() - t;
    t = performance.now();
    const lines = examples.map((e) => openaiFormat.write(e, context)[0]);
    const writeMs = performance.now() - t;
    t = performance.now();
    for (const line of lines) openaiFormat.check(line, context.tools);
    const checkMs = performance.now() - t;
    const writer = lineWriter(openaiFormat, context);
    t = performance.now();
    for (const e of examples) writer.writeChecked(e);
    const writeCheckedMs = performance.now() - t;
    console.log(
      `  parts: generation ${rate(n, genMs)}/s · openaiFormat.write ${rate(n, writeMs)}/s · openaiFormat.check (plain, whole line) ${rate(n, checkMs)}/s · the run's writeChecked (write + check the record) ${rate(n, writeCheckedMs)}/s`,
    );
  }

  for (const name of ['room-booking', 'incident-response', 'q4-planning']) {
    const p = load(`public/examples/${name}.chain.json`);
    const m = prepareDataset({ project: p, format: 'openai', seed: 1, selection: { kind: 'even', total: 20000 } });
    if (!m.ok) continue;
    const t = performance.now();
    for (const chunk of m.run.chunks({ examplesPerChunk: 512 })) if (chunk.kind === 'error') throw new Error(chunk.error.message);
    console.log(`  ${name}: ${rate(20000, performance.now() - t)} examples/s (generate + write + check, no file)`);
  }

  // Chains that read their results against the static benchmark design, per generated call
  // (goal: a fan-out design at most 30 % slower per call than a static one).
  {
    const perCall: { name: string; us: number }[] = [];
    for (const [name, chainId] of [
      ['trip-planning', CHAIN],
      ['task-reminders', 'remind-high-priority'],
      ['meeting-prep', 'prep-if-meetings'],
    ]) {
      const p = load(`public/examples/${name}.chain.json`);
      const n = 20000;
      const m = prepareDataset({ project: p, format: 'openai', seed: 1, selection: { kind: 'counts', counts: [{ chainId, count: n }] } });
      if (!m.ok) throw new Error(m.diagnostics.map((d) => d.message).join('\n'));
      let calls = 0;
      const onLine = (_: string, text: string) => {
        calls += text.split('"type":"function","function":{"name"').length - 1;
      };
      const t = performance.now();
      for (const chunk of m.run.chunks({ examplesPerChunk: 512, onLine })) if (chunk.kind === 'error') throw new Error(chunk.error.message);
      const ms = performance.now() - t;
      perCall.push({ name: `${name}/${chainId}`, us: (ms * 1000) / calls });
      console.log(
        `  ${`${name}/${chainId}`.padEnd(40)} ${rate(n, ms).padStart(7)} examples/s, ${(calls / n).toFixed(2)} calls per example, ${rate(calls, ms).padStart(7)} calls/s (generate + write + check, no file)`,
      );
    }
    const base = perCall[0].us;
    for (const r of perCall.slice(1))
      console.log(`  per generated call, ${r.name} vs ${perCall[0].name}: ${((r.us / base - 1) * 100).toFixed(0)}% (goal for a fan-out design: ≤ +30%)`);
  }
}

if (MEMORY_COUNT > 0) {
  console.log(`memory: ${MEMORY_COUNT.toLocaleString('en-US')} examples streamed to ${out}`);
  const step = 100_000;
  let next = step;
  const gc = (globalThis as { gc?: () => void }).gc;
  const before = process.memoryUsage();
  console.log(`  start: RSS ${mb(before.rss)}, heap used ${mb(before.heapUsed)}`);
  const r = fullRun(project, MEMORY_COUNT, (done) => {
    if (done >= next) {
      gc?.();
      const m = process.memoryUsage();
      console.log(
        `  ${done.toLocaleString('en-US').padStart(10)}: RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}`,
      );
      next += step;
    }
  });
  console.log(`  ${rate(MEMORY_COUNT, r.ms)} examples/s wall, ${rate(MEMORY_COUNT, r.cpu)} per CPU-second, ${mb(r.bytes)} written`);
}
rmSync(out, { force: true });

// The real command line against the in-process run: start-up and throughput of the process
// (bench/cli.measure.ts; alone: npm run bench:cli).
if (!memoryOnly) measureCli(COUNT);
