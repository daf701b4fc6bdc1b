import type { DatasetSpec } from '../core/generation.ts';
import { startExport, generateWorker, type ExportCallbacks, type ExportJob, type ExportResult, type WorkerLike } from './client.ts';
import { progressFigures, type ProgressFigures } from './progress.ts';

/**
 * An export split over several workers, one shard each (the core's `shard K/N`: contiguous
 * ranges whose concatenation is the unsharded file, byte for byte). Shard 1's bytes are written
 * as they come; a later shard's wait (as Blobs, which the browser stores, not the JS heap)
 * until every shard before it is written. Only for single JSONL files (a zip is one stream).
 * Cancel, or any shard failing, stops every worker.
 */
export function startShardedExport(
  spec: DatasetSpec,
  baseName: string,
  callbacks: ExportCallbacks,
  shards: number,
  create: () => WorkerLike = generateWorker,
  examplesPerChunk?: number,
): ExportJob {
  if (shards <= 1) return startExport(spec, baseName, callbacks, create, examplesPerChunk);
  const started = performance.now();
  const pending: Blob[][] = Array.from({ length: shards }, () => []);
  const progress: (ProgressFigures | null)[] = Array.from({ length: shards }, () => null);
  const finished: boolean[] = Array.from({ length: shards }, () => false);
  let current = 0;
  let chain: Promise<void> = Promise.resolve();
  const write = (blob: Blob) => (chain = chain.then(() => callbacks.data(blob)));
  const advance = () => {
    while (current < shards && finished[current]) {
      current += 1;
      if (current < shards) for (const blob of pending[current].splice(0)) void write(blob);
    }
  };
  const report = () => {
    const done = progress.reduce((a, p) => a + (p?.done ?? 0), 0);
    const total = progress.reduce((a, p) => a + (p?.total ?? 0), 0);
    if (progress.every((p) => p !== null)) callbacks.progress?.(progressFigures(done, total, performance.now() - started));
  };
  const jobs: ExportJob[] = [];
  for (let k = 0; k < shards; k += 1) {
    jobs.push(
      startExport(
        { ...spec, shard: { index: k + 1, count: shards } },
        baseName,
        {
          started: k === 0 ? callbacks.started : undefined,
          data: (blob) => {
            if (k === current) return write(blob);
            pending[k].push(blob);
          },
          progress: (figures) => {
            progress[k] = figures;
            report();
          },
        },
        create,
        examplesPerChunk,
      ),
    );
  }
  const result = (async (): Promise<ExportResult> => {
    const outcomes = jobs.map((job, k) =>
      job.result.then((r) => {
        if (r.kind === 'done') {
          finished[k] = true;
          advance();
        }
        return r;
      }),
    );
    // The first shard that does not finish decides; the others are stopped.
    const failure = new Promise<ExportResult>((resolve) => outcomes.forEach((o) => void o.then((r) => r.kind !== 'done' && resolve(r))));
    const all = Promise.all(outcomes).then((rs) => rs);
    const first = await Promise.race([failure, all]);
    if (!Array.isArray(first)) {
      for (const job of jobs) job.cancel();
      return first;
    }
    await chain;
    const done = first as Extract<ExportResult, { kind: 'done' }>[];
    return {
      kind: 'done',
      examples: done.reduce((a, r) => a + r.examples, 0),
      bytes: done.reduce((a, r) => a + r.bytes, 0),
      repeated: done.reduce((a, r) => a + r.repeated, 0),
      elapsedMs: performance.now() - started,
      output: done[0].output,
    };
  })();
  return {
    result,
    cancel: () => {
      for (const job of jobs) job.cancel();
    },
  };
}

/**
 * How many workers to use: for a large single-file export, one per core but one (the page's
 * thread keeps a core, so that it never waits behind the workers), at most 4; else one.
 */
export function shardCount(examples: number, singleFile: boolean, cores: number): number {
  if (!singleFile || examples < 20_000) return 1;
  return Math.max(1, Math.min(4, cores - 1, Math.floor(examples / 10_000)));
}
