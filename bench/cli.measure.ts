/**
 * The real command line, end to end, against the same run in-process: `npm run bench:cli`
 * (and the last lines of `npm run bench`).
 *
 *   - start: `chainwright generate … --count 1`, BENCH_START_RUNS times (default 5): the median
 *     wall time, CPU time (all threads) and peak memory of the whole process;
 *   - throughput: BENCH_CLI_COUNT examples (default 100 000) of the benchmark design
 *     (public/examples/trip-planning.chain.json, chain plan-trip, openai) written to a new file
 *     by the process with --jobs 1 and --jobs <cores>, against `prepareDataset(…).chunks()`
 *     written to a new file in this process; BENCH_CLI_ROUNDS rounds (default 1), in turn.
 *
 * The process is `node bin/chainwright.js`, run from the bundle: scripts/build-cli.mjs is run
 * first, so the bundle is that of the sources measured (and CHAINWRIGHT_CLI=bundle keeps it so
 * when someone edits a source meanwhile). A process's CPU time and peak memory
 * come from `process.resourceUsage()` in that process at its exit (a module loaded with
 * `--import` that writes them to a descriptor of its own), so nothing outside Node is needed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFileWriter } from '../src/cli/io.ts';
import { parseProject } from '../src/core/index.ts';
import { prepareDataset } from '../src/core/generation.ts';

const FILE = 'public/examples/trip-planning.chain.json';
const CHAIN = 'plan-trip';

interface ProcessRun {
  wall: number;
  /** CPU seconds of the process, all threads. */
  cpu: number;
  /** Peak resident memory, MiB. */
  peak: number;
  status: number | null;
  stderr: string;
}

/**
 * Writes the process's CPU time and peak memory to descriptor 3 as it exits (from the main
 * thread: worker threads load it too). Built-ins through getBuiltinModule: an `import` of
 * node:fs before the command's own raises its peak memory by 7 MiB (see bin/chainwright.js).
 */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  'const { writeSync } = process.getBuiltinModule("node:fs"); const { isMainThread } = process.getBuiltinModule("node:worker_threads"); if (isMainThread) process.on("exit", () => { const u = process.resourceUsage(); try { writeSync(3, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, peak: u.maxRSS / 1024 })); } catch {} });',
)}`;

function runCli(args: string[]): ProcessRun {
  const started = performance.now();
  // CHAINWRIGHT_CLI=bundle: the bundle just built, even if a source file changes while this runs.
  const env = { ...process.env, CHAINWRIGHT_CLI: 'bundle' };
  const r = spawnSync(process.execPath, ['--import', USAGE_HOOK, 'bin/chainwright.js', ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env,
  });
  const wall = (performance.now() - started) / 1000;
  const usage = JSON.parse((r.output[3] as string | null) || '{"cpu":0,"peak":0}') as { cpu: number; peak: number };
  return { wall, ...usage, status: r.status, stderr: r.stderr };
}

/** The same run in this process: prepared, generated, checked and written to a new file as the command line does (fsync and rename included). */
function inProcess(count: number, out: string): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const started = performance.now();
  const parsed = parseProject(readFileSync(FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const made = prepareDataset({ project: parsed.project, format: 'openai', seed: 1, selection: { kind: 'counts', counts: [{ chainId: CHAIN, count }] } });
  if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('\n'));
  const file = new AtomicFileWriter(out);
  for (const chunk of made.run.chunks({ examplesPerChunk: 512, onLine: (_, text, tail) => file.writeLine(text, tail) }))
    if (chunk.kind === 'error') throw new Error(chunk.error.message);
  file.commit();
  const u = process.cpuUsage(c);
  return { wall: (performance.now() - started) / 1000, cpu: (u.user + u.system) / 1e6 };
}

function sha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const block = Buffer.allocUnsafe(1 << 20);
  for (let n = readSync(fd, block); n > 0; n = readSync(fd, block)) hash.update(block.subarray(0, n));
  closeSync(fd);
  return hash.digest('hex');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');

export function measureCli(count = Number(process.env.BENCH_CLI_COUNT ?? 100_000)): void {
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the bundle was not built: ${built.stderr}`);
  const cores = availableParallelism();
  const rounds = Math.max(1, Number(process.env.BENCH_CLI_ROUNDS ?? 1));
  const startRuns = Math.max(1, Number(process.env.BENCH_START_RUNS ?? 5));
  console.log(`chainwright generate as a process (bin/chainwright.js, the bundle; ${cores} cores, load average ${loadavg()[0].toFixed(1)})`);

  const one = join(tmpdir(), `chainwright-bench-cli-${process.pid}-1.jsonl`);
  runCli(['generate', FILE, '--count', '1', '--out', one]); // warm-up: the file cache
  const starts = Array.from({ length: startRuns }, () => runCli(['generate', FILE, '--count', '1', '--out', one]));
  if (starts.some((s) => s.status !== 0)) throw new Error(starts.find((s) => s.status !== 0)!.stderr);
  rmSync(one, { force: true });
  console.log(
    `  start: generate --count 1 (median of ${startRuns}): ${median(starts.map((s) => s.wall)).toFixed(2)} s wall, ${median(starts.map((s) => s.cpu)).toFixed(2)} CPU-s, ${median(starts.map((s) => s.peak)).toFixed(0)} MiB peak` +
      ` (goal: under 0.4 s and 80 MiB; each run: ${starts.map((s) => s.wall.toFixed(2)).join(', ')} s)`,
  );

  const jobs = [...new Set([1, cores])];
  const outs = {
    inProcess: join(tmpdir(), `chainwright-bench-cli-${process.pid}-in.jsonl`),
    ...Object.fromEntries(jobs.map((j) => [`jobs${j}`, join(tmpdir(), `chainwright-bench-cli-${process.pid}-j${j}.jsonl`)])),
  } as Record<string, string>;
  const results: Record<string, { wall: number; cpu: number; peak?: number }[]> = {};
  try {
    for (let round = 0; round < rounds; round += 1) {
      (results.inProcess ??= []).push(inProcess(count, outs.inProcess));
      for (const j of jobs) {
        const r = runCli(['generate', FILE, '--chain', `${CHAIN}=${count}`, '--seed', '1', '--jobs', String(j), '--out', outs[`jobs${j}`]]);
        if (r.status !== 0) throw new Error(r.stderr);
        (results[`jobs${j}`] ??= []).push(r);
      }
    }
    const hashes = new Set(Object.values(outs).map(sha256));
    const base = median(results.inProcess.map((r) => r.wall));
    const row = (label: string, runs: { wall: number; cpu: number; peak?: number }[]) => {
      const wall = median(runs.map((r) => r.wall));
      const cpu = median(runs.map((r) => r.cpu));
      const peak = runs[0].peak === undefined ? '' : `, ${median(runs.map((r) => r.peak!)).toFixed(0)} MiB peak`;
      console.log(
        `  ${label.padEnd(46)} ${rate(count, wall).padStart(7)} examples/s end to end (${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} CPU-s${peak}), ${((base / wall) * 100).toFixed(0)}% of in-process`,
      );
    };
    console.log(
      `  ${count.toLocaleString('en-US')} examples of ${FILE} / ${CHAIN}, openai, to a new file (median of ${rounds} round${rounds === 1 ? '' : 's'})`,
    );
    row('in-process: prepare + chunks + file', results.inProcess);
    for (const j of jobs) row(`chainwright generate --jobs ${j}`, results[`jobs${j}`]);
    console.log(`  the files are ${hashes.size === 1 ? 'byte-identical' : 'NOT byte-identical'} (in-process, ${jobs.map((j) => `--jobs ${j}`).join(', ')})`);
  } finally {
    for (const path of Object.values(outs)) rmSync(path, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) measureCli();
