import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { prepareDataset, type DatasetError, type DatasetSpec, type FileName, type Shard } from '../core/generation.ts';
import { PIECE_BYTES, utf8FileLines, type Writer } from './io.ts';

/**
 * `generate --jobs N`: the run split into N contiguous ranges of each file's examples, the first
 * made in the main thread and each other one by a worker thread, and written in order. A range
 * is a shard of the run (the core's `shard`, whose parts in order are the whole file byte for
 * byte), so the file is the one `--jobs 1` writes, for every option: a split's two files are
 * each cut the same way, and with unique requests each range first replays the requests before
 * it (the core does that for any shard).
 *
 * The main thread writes its own range's lines as they are made. A worker writes its lines to a
 * spool file of its own (beside the output, or in the system's temporary folder for a stream)
 * and reports how far it got; once the ranges before it are written, the main thread copies the
 * spool into the output as it grows, then removes it. Memory stays that of the threads: nothing
 * waits in memory, at the cost of disk space for the later ranges while they wait.
 */

/**
 * The fewest examples per job when the number of jobs is left to the command (the machine's
 * cores): a worker thread costs about half a CPU-second to start here (loading the bundle,
 * compiling the tool schemas, warming up), which fewer examples do not repay.
 */
export const MIN_EXAMPLES_PER_JOB = 8000;
const EXAMPLES_PER_CHUNK = 512;

/**
 * Jobs for a run of `examples` examples: `--jobs N` as asked (at most one per example);
 * without it, the machine's `cores`, fewer when there are not MIN_EXAMPLES_PER_JOB for each.
 */
export function jobsFor(asked: number | undefined, cores: number, examples: number): number {
  if (asked !== undefined) return Math.max(1, Math.min(asked, examples));
  return Math.max(1, Math.min(cores, Math.floor(examples / MIN_EXAMPLES_PER_JOB)));
}

/** The `jobs` parts of shard K/N (or the whole run), in order: shards of N·jobs whose concatenation is shard K/N. */
export function jobShards(shard: Shard | undefined, jobs: number): Shard[] {
  const { index, count } = shard ?? { index: 1, count: 1 };
  return Array.from({ length: jobs }, (_, j) => ({ index: (index - 1) * jobs + j + 1, count: count * jobs }));
}

/** What a job's worker is started with: its shard of the run, and the spool file (a descriptor) of each file. */
interface JobData {
  chainwrightJob: { spec: DatasetSpec; spools: Partial<Record<FileName, number>> };
}

/** Bytes written to each spool file so far. */
type Written = Partial<Record<FileName, number>>;

/** Lines left out as repeats so far, per file (formats with distinctLines). */
type Repeated = Partial<Record<FileName, number>>;

type JobMessage =
  | { t: 'progress'; done: number; written: Written; repeated: Repeated }
  | { t: 'error'; error: DatasetError }
  | { t: 'failed'; message: string }
  | { t: 'done'; written: Written };

/** The module a worker runs: the bundle or the entry it was started from (see setWorkerEntry). */
let workerEntry: URL | undefined;

/** Where the workers load the command line from: the running bundle's own file, or entry.ts (then through tsx). */
export function setWorkerEntry(url: string | URL): void {
  workerEntry = new URL(url);
}

function entry(): URL {
  const here = import.meta.url;
  return workerEntry ?? new URL('./entry.ts', here);
}

/**
 * A worker thread running `url`: the bundle as it is; the TypeScript entry (the command run from
 * source, or the tests) through tsx, which the worker registers first (Node 20 does not carry
 * the main thread's module hooks over to a worker, nor take them from `--import` there).
 */
function startWorker(url: URL, data: JobData): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: data });
  const here = import.meta.url;
  return new Worker(new URL('./sourceWorker.mjs', here), { workerData: { ...data, chainwrightEntry: url.href } });
}

/** In a worker thread started by runJobs: true (and the job is run) when that is what this thread is for. */
export function serveJob(): boolean {
  const data = (workerData as Partial<JobData> | null)?.chainwrightJob;
  if (!parentPort || !data) return false;
  const port = parentPort;
  const post = (m: JobMessage) => port.postMessage(m);
  const prepared = prepareDataset(data.spec);
  if (!prepared.ok) {
    post({ t: 'failed', message: prepared.diagnostics.map((d) => d.message).join('; ') });
    return true;
  }
  const spools = new Map(prepared.run.files.map((f) => [f.name, utf8FileLines(data.spools[f.name]!)]));
  const written = (): Written => Object.fromEntries([...spools].map(([name, s]) => [name, s.written()]));
  const onLine = (file: FileName, text: string, tail: string) => spools.get(file)!.out.line(text, tail);
  for (const chunk of prepared.run.chunks({ examplesPerChunk: EXAMPLES_PER_CHUNK, onLine })) {
    if (chunk.kind === 'error') {
      post({ t: 'error', error: chunk.error });
      return true;
    }
    spools.get(chunk.file)!.out.flush();
    post({ t: 'progress', done: chunk.done, written: written(), repeated: { [chunk.file]: chunk.repeated } });
  }
  for (const s of spools.values()) s.out.flush();
  post({ t: 'done', written: written() });
  return true;
}

/** A worker's spool file for one output file: how much it holds, how much was copied out. */
interface Spool {
  fd: number;
  path: string;
  available: number;
  copied: number;
  done: boolean;
}

/**
 * One output file made of the ranges in order: range 0 (the main thread's) is written by the
 * caller; each later range is copied from its spool once the ranges before it are done, then as
 * it grows.
 */
class Relay {
  private current = 0;
  private readonly block = new Uint8Array(PIECE_BYTES);

  constructor(
    private readonly writer: Writer,
    /** Index 0 is the main thread's range (no spool). */
    private readonly spools: (Spool | undefined)[],
  ) {}

  /** Range `part` has `available` bytes in its spool (all of them when `done`). */
  report(part: number, available: number | undefined, done: boolean): void {
    const s = this.spools[part]!;
    if (available !== undefined) s.available = available;
    s.done ||= done;
    if (part === this.current) this.advance();
  }

  /** The main thread's range is written. */
  finishFirst(): void {
    if (this.current === 0) {
      this.current = 1;
      this.advance();
    }
  }

  /** Copies what the current range has, and moves on past the ranges that are complete. */
  private advance(): void {
    while (this.current < this.spools.length) {
      const s = this.spools[this.current]!;
      while (s.copied < s.available) {
        const n = readSync(s.fd, this.block, 0, Math.min(this.block.length, s.available - s.copied), s.copied);
        if (n === 0) throw new Error(`${s.path}: the spool file ended before its ${s.available} bytes`);
        this.writer.writeBytes(this.block.subarray(0, n));
        s.copied += n;
      }
      if (!s.done) return;
      closeSpool(s);
      this.current += 1;
    }
  }
}

function closeSpool(s: Spool): void {
  if (s.fd < 0) return;
  closeSync(s.fd);
  rmSync(s.path, { force: true });
  s.fd = -1;
}

export interface JobsRun {
  /** The run's spec (each job makes one shard of it). */
  spec: DatasetSpec;
  jobs: number;
  /** The writer of each file of the run. */
  writers: Map<FileName, Writer>;
  /** A folder for spool files of each file (beside the output; the system's temporary folder for a stream). */
  spoolDir: (file: FileName) => string;
  onProgress: (done: number) => void;
  /** Lines of `file` left out as repeats (formats with distinctLines), as each chunk is made. */
  onRepeated?: (file: FileName, lines: number) => void;
  /** Stops the run (the promise rejects once the workers are stopped and the spool files removed). */
  signal?: AbortSignal;
}

/** Lets the event loop take the workers' messages between two chunks of the main thread's own range. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the dataset as `jobs` ranges and writes each file's lines in order: the first range in
 * this thread (already warmed up, with its schemas compiled), the others in worker threads.
 * Resolves with the first error in file order (train, then test; as `--jobs 1` stops at it) or
 * null; rejects when writing fails or a worker dies (after stopping the others).
 */
export async function runJobs(r: JobsRun): Promise<DatasetError | null> {
  const shards = jobShards(r.spec.shard, r.jobs);
  const names = [...r.writers.keys()];
  const spools = new Map<FileName, (Spool | undefined)[]>(names.map((name) => [name, [undefined]]));
  const workers: Worker[] = [];
  const done = shards.map(() => 0);
  const errors: (DatasetError | null)[] = shards.map(() => null);
  let running = shards.length;
  /** Why the run stopped before its end (a write that failed, a worker that died). */
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const stopWorkers = () => {
    for (const w of workers) void w.terminate();
  };
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    stopWorkers();
    wake?.();
  };
  const progress = (part: number, n: number) => {
    done[part] = n;
    r.onProgress(done.reduce((a, b) => a + b, 0));
  };

  const onAbort = () => fail(new Error('the run was stopped'));
  r.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (r.signal?.aborted) throw new Error('the run was stopped');
    for (const name of names) {
      const dir = r.spoolDir(name);
      for (let part = 1; part < shards.length; part += 1) {
        const path = join(dir, `.chainwright-${process.pid}-${name}-${part + 1}-of-${shards.length}.spool`);
        spools.get(name)!.push({ fd: openSync(path, 'wx+', 0o600), path, available: 0, copied: 0, done: false });
      }
    }
    const relays = new Map(names.map((name) => [name, new Relay(r.writers.get(name)!, spools.get(name)!)]));
    const url = entry();
    for (let part = 1; part < shards.length; part += 1) {
      const fds = Object.fromEntries(names.map((name) => [name, spools.get(name)![part]!.fd]));
      const worker = startWorker(url, { chainwrightJob: { spec: { ...r.spec, shard: shards[part] }, spools: fds } });
      workers.push(worker);
      let finished = false;
      const reached = (written: Written, complete: boolean) => {
        for (const name of names) relays.get(name)!.report(part, written[name], complete);
      };
      worker.on('message', (m: JobMessage) => {
        if (failure) return;
        try {
          if (m.t === 'progress') {
            for (const [file, n] of Object.entries(m.repeated) as [FileName, number][]) r.onRepeated?.(file, n);
            reached(m.written, false);
            progress(part, m.done);
          } else if (m.t === 'failed') fail(new Error(`job ${part + 1} of ${shards.length}: ${m.message}`));
          else {
            finished = true;
            running -= 1;
            if (m.t === 'error') errors[part] = m.error;
            else reached(m.written, true);
            if (running === 0) wake?.();
          }
        } catch (e) {
          fail(e);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!finished) fail(new Error(`job ${part + 1} of ${shards.length} stopped (exit code ${code}) before its last example`));
      });
    }

    // The first range, here, a chunk at a time.
    const mine = prepareDataset({ ...r.spec, shard: shards[0] });
    if (!mine.ok) throw new Error(`job 1 of ${shards.length}: ${mine.diagnostics.map((d) => d.message).join('; ')}`);
    const onLine = (file: FileName, text: string, tail: string) => r.writers.get(file)!.writeLine(text, tail);
    for (const chunk of mine.run.chunks({ examplesPerChunk: EXAMPLES_PER_CHUNK, onLine })) {
      if (chunk.kind === 'error') {
        errors[0] = chunk.error;
        break;
      }
      r.onRepeated?.(chunk.file, chunk.repeated);
      progress(0, chunk.done);
      await turn();
      if (failure) break;
    }
    running -= 1;
    // An error in the first range's train lines comes before anything the other ranges can find.
    if (errors[0]?.file === 'train' && !failure) return errors[0];
    if (!errors[0] && !failure) for (const relay of relays.values()) relay.finishFirst();

    while (running > 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure.error;
    return (
      errors.filter((e): e is DatasetError => e !== null).sort((a, b) => (a.file === b.file ? a.example - b.example : a.file === 'train' ? -1 : 1))[0] ?? null
    );
  } finally {
    r.signal?.removeEventListener('abort', onAbort);
    // Stopped before their descriptors close: a worker still writing could otherwise write into a file opened later under the same number.
    await Promise.all(workers.map((w) => w.terminate()));
    for (const list of spools.values()) for (const s of list) if (s) closeSpool(s);
  }
}

/** The folder for spool files when the output is not a file in a folder (standard output, a FIFO, a device). */
export function streamSpoolDir(): string {
  return tmpdir();
}
