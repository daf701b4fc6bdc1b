import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { prepareDataset, utf8Lines, type DatasetError, type DatasetSpec, type FileName, type Shard } from '../core/index.ts';
import { PIECE_BYTES, writeAll, type Writer } from './io.ts';

/**
 * `generate --jobs N`: the run split into N contiguous ranges of each file's examples, each made
 * by a worker thread, and written in order. A range is a shard of the run (the core's `shard`,
 * whose parts in order are the whole file byte for byte), so the file is the one `--jobs 1`
 * writes, for every option: a split's two files are each cut the same way, and with unique
 * requests each range first replays the requests before it.
 *
 * The first range's lines are written as they come; the others' wait, in memory up to
 * jobLimits.spoolAfter bytes in all and then in spool files beside the output, until the ranges before
 * them are written. A worker whose lines are not yet taken in stops after PENDING_BYTES, so a
 * slow reader (a pipe, a FIFO) holds the workers back instead of filling memory.
 */

export const jobLimits = {
  /** The fewest examples a worker is started for: fewer are made sooner in one thread than by starting another. */
  minExamplesPerJob: 4000,
  /** Bytes of the later ranges kept in memory (all files) before they go to spool files. */
  spoolAfter: 64 * 1024 * 1024,
};
/** Bytes a worker may have posted that the main thread has not taken in yet. */
const PENDING_BYTES = 16 * 1024 * 1024;
const EXAMPLES_PER_CHUNK = 512;

/** Jobs to run `examples` examples with at most `asked` of them. */
export function jobsFor(asked: number, examples: number): number {
  return Math.max(1, Math.min(asked, Math.floor(examples / jobLimits.minExamplesPerJob)));
}

/** The `jobs` parts of shard K/N (or the whole run), in order: shards of N·jobs whose concatenation is shard K/N. */
export function jobShards(shard: Shard | undefined, jobs: number): Shard[] {
  const { index, count } = shard ?? { index: 1, count: 1 };
  return Array.from({ length: jobs }, (_, j) => ({ index: (index - 1) * jobs + j + 1, count: count * jobs }));
}

/** What a job's worker is started with. */
interface JobData {
  /** `pending`: bytes posted and not yet taken in; `returns`: the buffers of pieces written, sent back for the next ones. */
  chainwrightJob: { spec: DatasetSpec; pending: SharedArrayBuffer; returns: MessagePort };
}

type JobMessage =
  | { t: 'bytes'; file: FileName; bytes: Uint8Array; length: number }
  | { t: 'progress'; done: number }
  | { t: 'error'; error: DatasetError }
  | { t: 'failed'; message: string }
  | { t: 'done' };

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
function startWorker(url: URL, data: JobData, transferList: MessagePort[]): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: data, transferList });
  const here = import.meta.url;
  return new Worker(new URL('./sourceWorker.mjs', here), { workerData: { ...data, chainwrightEntry: url.href }, transferList });
}

/** In a worker thread started by runJobs: true (and the job is run) when that is what this thread is for. */
export function serveJob(): boolean {
  const data = (workerData as Partial<JobData> | null)?.chainwrightJob;
  if (!parentPort || !data) return false;
  const port = parentPort;
  const post = (m: JobMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  const prepared = prepareDataset(data.spec);
  if (!prepared.ok) {
    post({ t: 'failed', message: prepared.diagnostics.map((d) => d.message).join('; ') });
    return true;
  }
  const pending = new Int32Array(data.pending);
  // Pieces go to the main thread in buffers it sends back once written (fresh memory for each
  // piece cost more in page faults than the copy into a used buffer).
  const pool: Uint8Array[] = [];
  const send = (file: FileName, bytes: Uint8Array) => {
    for (let seen = Atomics.load(pending, 0); seen > PENDING_BYTES; seen = Atomics.load(pending, 0)) Atomics.wait(pending, 0, seen, 1000);
    Atomics.add(pending, 0, bytes.length);
    for (let back = receiveMessageOnPort(data.returns); back; back = receiveMessageOnPort(data.returns)) pool.push(back.message as Uint8Array);
    let buffer = pool.pop();
    if (!buffer || buffer.length < bytes.length) buffer = new Uint8Array(Math.max(PIECE_BYTES, bytes.length));
    buffer.set(bytes);
    post({ t: 'bytes', file, bytes: buffer, length: bytes.length }, [buffer.buffer as ArrayBuffer]);
  };
  const outs = new Map(prepared.run.files.map((f) => [f.name, utf8Lines((bytes) => send(f.name, bytes), { size: PIECE_BYTES, copy: false })]));
  const onLine = (file: FileName, text: string, tail: string) => outs.get(file)!.line(text, tail);
  for (const chunk of prepared.run.chunks({ examplesPerChunk: EXAMPLES_PER_CHUNK, onLine })) {
    if (chunk.kind === 'error') {
      post({ t: 'error', error: chunk.error });
      return true;
    }
    outs.get(chunk.file)!.flush();
    post({ t: 'progress', done: chunk.done });
  }
  for (const out of outs.values()) out.flush();
  data.returns.close();
  post({ t: 'done' });
  return true;
}

/** One range's lines of one file that cannot be written yet: in memory, then (past the budget) in a spool file. */
class Held {
  /** Pieces in memory, each with what to do once it is written (give its buffer back). */
  readonly pieces: { bytes: Uint8Array; written: () => void }[] = [];
  spool: { fd: number; path: string } | undefined;
  done = false;
}

/**
 * The lines of one file from the ranges in order: the current range's written at once, the
 * later ones held (Held) until the ones before them are done.
 */
class OrderedFile {
  private current = 0;
  private readonly held: Held[];

  constructor(
    private readonly writer: Writer,
    parts: number,
    private readonly spoolAt: (part: number) => string,
    private readonly budget: { left: number },
  ) {
    this.held = Array.from({ length: parts }, () => new Held());
  }

  /** Lines of range `part`; `written` is called once the bytes are no longer needed. */
  take(part: number, bytes: Uint8Array, written: () => void): void {
    const h = this.held[part];
    if (part === this.current) this.writer.writeBytes(bytes);
    else if (!h.spool && this.budget.left >= bytes.length) {
      h.pieces.push({ bytes, written });
      this.budget.left -= bytes.length;
      return;
    } else {
      if (!h.spool) {
        const path = this.spoolAt(part);
        h.spool = { fd: openSync(path, 'wx+', 0o600), path };
      }
      writeAll(h.spool.fd, bytes);
    }
    written();
  }

  /** Range `part` has all its lines in: the ranges after it that are ready are written. */
  finish(part: number): void {
    this.held[part].done = true;
    while (this.current < this.held.length && this.held[this.current].done) {
      this.current += 1;
      if (this.current < this.held.length) this.release(this.held[this.current]);
    }
  }

  /** What a range held, written now that it is the current one. */
  private release(h: Held): void {
    for (const { bytes, written } of h.pieces) {
      this.writer.writeBytes(bytes);
      this.budget.left += bytes.length;
      written();
    }
    h.pieces.length = 0;
    if (!h.spool) return;
    const block = new Uint8Array(PIECE_BYTES);
    for (let at = 0; ; ) {
      const n = readSync(h.spool.fd, block, 0, block.length, at);
      if (n === 0) break;
      this.writer.writeBytes(block.subarray(0, n));
      at += n;
    }
    this.drop(h);
  }

  private drop(h: Held): void {
    if (!h.spool) return;
    closeSync(h.spool.fd);
    rmSync(h.spool.path, { force: true });
    h.spool = undefined;
  }

  /** Spool files removed (on success they are gone already). */
  close(): void {
    for (const h of this.held) this.drop(h);
  }
}

export interface JobsRun {
  /** The run as prepared in the main thread (the workers prepare it again, each with its shard). */
  spec: DatasetSpec;
  jobs: number;
  /** The writer of each file of the run. */
  writers: Map<FileName, Writer>;
  /** A folder for spool files of each file (beside the output; the system's temporary folder for a stream). */
  spoolDir: (file: FileName) => string;
  onProgress: (done: number) => void;
}

/**
 * Runs the dataset in `jobs` worker threads and writes each file's lines in order. Resolves with
 * the first error in file order (train, then test; as `--jobs 1` stops at it) or null; rejects
 * when writing fails or a worker dies (after stopping the others).
 */
export function runJobs(r: JobsRun): Promise<DatasetError | null> {
  const shards = jobShards(r.spec.shard, r.jobs);
  const budget = { left: jobLimits.spoolAfter };
  const files = new Map<FileName, OrderedFile>();
  for (const [name, writer] of r.writers) {
    const dir = r.spoolDir(name);
    files.set(name, new OrderedFile(writer, shards.length, (part) => join(dir, `.chainwright-${process.pid}-${name}-${part + 1}.spool`), budget));
  }
  const url = entry();
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const ports: MessagePort[] = [];
    const done = shards.map(() => 0);
    const errors: (DatasetError | null)[] = shards.map(() => null);
    let running = shards.length;
    let settled = false;
    const close = () => {
      for (const f of files.values()) f.close();
      for (const p of ports) p.close();
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      close();
      reject(e);
    };
    const ended = (part: number) => {
      running -= 1;
      if (!errors[part]) for (const f of files.values()) f.finish(part);
      if (running > 0 || settled) return;
      settled = true;
      close();
      const first = errors.filter((e): e is DatasetError => e !== null).sort((a, b) => (a.file === b.file ? a.example - b.example : a.file === 'train' ? -1 : 1))[0];
      resolve(first ?? null);
    };
    shards.forEach((shard, part) => {
      const pending = new SharedArrayBuffer(4);
      const counter = new Int32Array(pending);
      const { port1: returns, port2 } = new MessageChannel();
      const data: JobData = { chainwrightJob: { spec: { ...r.spec, shard }, pending, returns: port2 } };
      const worker = startWorker(url, data, [port2]);
      returns.unref();
      ports.push(returns);
      workers.push(worker);
      let finished = false;
      worker.on('message', (m: JobMessage) => {
        if (settled) return;
        try {
          switch (m.t) {
            case 'bytes':
              files.get(m.file)!.take(part, m.bytes.subarray(0, m.length), () => {
                if (!finished) returns.postMessage(m.bytes, [m.bytes.buffer as ArrayBuffer]);
              });
              Atomics.sub(counter, 0, m.length);
              Atomics.notify(counter, 0);
              break;
            case 'progress':
              done[part] = m.done;
              r.onProgress(done.reduce((a, b) => a + b, 0));
              break;
            case 'error':
              errors[part] = m.error;
              finished = true;
              ended(part);
              break;
            case 'failed':
              fail(new Error(`job ${part + 1} of ${shards.length}: ${m.message}`));
              break;
            case 'done':
              finished = true;
              ended(part);
              break;
          }
        } catch (e) {
          fail(e);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!finished) fail(new Error(`job ${part + 1} of ${shards.length} stopped (exit code ${code}) before its last example`));
      });
    });
  });
}

/** The folder for spool files when the output is not a file in a folder (standard output, a FIFO, a device). */
export function streamSpoolDir(): string {
  return tmpdir();
}
