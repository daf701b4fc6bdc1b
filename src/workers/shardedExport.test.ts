import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../core/generation.ts';
import type { WorkerLike } from './client.ts';
import type { GenerateRequest, GenerateResponse } from './protocol.ts';
import { shardCount, startShardedExport } from './shardedExport.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  request: GenerateRequest | null = null;
  terminated = false;
  postMessage(message: unknown) {
    this.request = message as GenerateRequest;
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: GenerateResponse) {
    this.onmessage?.({ data: message } as MessageEvent);
  }
}

const output = { fileName: 'p.openai.jsonl', kind: 'jsonl' as const, mime: 'application/jsonl', entries: { train: 'train.jsonl', test: 'test.jsonl' } };
const flush = async () => {
  for (let i = 0; i < 10; i += 1) await new Promise((r) => setTimeout(r, 0));
};

describe('startShardedExport', () => {
  it('asks each worker for its shard and writes the shards in order, whichever finishes first', async () => {
    const workers: FakeWorker[] = [];
    const written: string[] = [];
    const job = startShardedExport({ seed: 1 } as unknown as DatasetSpec, 'p', { data: async (b) => void written.push(await b.text()) }, 3, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    expect(workers.map((w) => w.request?.type === 'generate' && w.request.spec.shard)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ]);
    const [a, b, c] = workers;
    c.reply({ type: 'data', id: 1, blob: new Blob(['c1']) });
    c.reply({ type: 'done', id: 1, examples: 1, bytes: 2, elapsedMs: 1, repeated: 0 });
    b.reply({ type: 'data', id: 1, blob: new Blob(['b1']) });
    a.reply({ type: 'started', id: 1, summary: {} as never, output });
    a.reply({ type: 'data', id: 1, blob: new Blob(['a1']) });
    await flush();
    expect(written).toEqual(['a1']);
    a.reply({ type: 'data', id: 1, blob: new Blob(['a2']) });
    a.reply({ type: 'done', id: 1, examples: 2, bytes: 4, elapsedMs: 1, repeated: 0 });
    await flush();
    b.reply({ type: 'data', id: 1, blob: new Blob(['b2']) });
    b.reply({ type: 'done', id: 1, examples: 2, bytes: 4, elapsedMs: 1, repeated: 0 });
    const result = await job.result;
    expect(written).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect(result).toMatchObject({ kind: 'done', examples: 5, bytes: 10, output });
  });

  it('stops every worker when one shard fails, and reports that failure', async () => {
    const workers: FakeWorker[] = [];
    const job = startShardedExport({} as DatasetSpec, 'p', { data: () => undefined }, 2, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    workers[1].reply({ type: 'failed', id: 1, message: 'boom' });
    expect(await job.result).toEqual({ kind: 'failed', message: 'boom' });
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('uses several workers only for large single-file exports, leaving a core to the page', () => {
    expect(shardCount(100_000, true, 2)).toBe(1);
    expect(shardCount(100_000, true, 3)).toBe(2);
    expect(shardCount(100_000, true, 16)).toBe(4);
    expect(shardCount(5_000, true, 8)).toBe(1);
    expect(shardCount(100_000, false, 8)).toBe(1);
  });
});
