import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../core/generation.ts';
import { createPreviewer, startExport, type WorkerLike } from './client.ts';
import type { GenerateRequest, GenerateResponse, PreviewResult } from './protocol.ts';

/** A worker the test answers by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: GenerateRequest[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message as GenerateRequest);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: GenerateResponse) {
    this.onmessage?.({ data: message } as MessageEvent);
  }
}

const spec = (seed: number) => ({ seed }) as unknown as DatasetSpec;
const result = (n: number): PreviewResult => ({ ok: false, diagnostics: [{ code: `r${n}`, severity: 'error', message: '', path: '$' }] });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createPreviewer', () => {
  it('keeps one worker, and while it is busy only the latest request waits (older ones resolve to null)', async () => {
    const workers: FakeWorker[] = [];
    const previewer = createPreviewer(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const first = previewer.preview(spec(1), 3);
    const second = previewer.preview(spec(2), 3);
    const third = previewer.preview(spec(3), 3);
    expect(await second).toBeNull();
    const w = workers[0];
    expect(w.posted.map((m) => m.spec.seed)).toEqual([1]);
    w.reply({ type: 'preview', id: (w.posted[0] as { id: number }).id, result: result(1) });
    expect(await first).toEqual(result(1));
    expect(w.posted.map((m) => m.spec.seed)).toEqual([1, 3]);
    w.reply({ type: 'preview', id: (w.posted[1] as { id: number }).id, result: result(3) });
    expect(await third).toEqual(result(3));
    expect(workers).toHaveLength(1);
    previewer.dispose();
    expect(w.terminated).toBe(true);
  });
});

describe('startExport', () => {
  it('writes the bytes in order and finishes only after the last write', async () => {
    const w = new FakeWorker();
    const written: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const job = startExport(
      spec(1),
      'p',
      {
        data: async (blob) => {
          const text = await blob.text();
          if (text === 'a') await slow;
          written.push(text);
        },
      },
      () => w,
    );
    const output = { fileName: 'p.openai.jsonl', kind: 'jsonl' as const, mime: 'application/jsonl', entries: { train: 'train.jsonl', test: 'test.jsonl' } };
    w.reply({ type: 'started', id: 1, summary: {} as never, output });
    w.reply({ type: 'data', id: 1, blob: new Blob(['a']) });
    w.reply({ type: 'data', id: 1, blob: new Blob(['b']) });
    w.reply({ type: 'done', id: 1, examples: 2, bytes: 2, elapsedMs: 5, repeated: 0 });
    let settled = false;
    void job.result.then(() => (settled = true));
    await tick();
    await tick();
    expect(settled).toBe(false);
    release();
    expect(await job.result).toEqual({ kind: 'done', examples: 2, bytes: 2, elapsedMs: 5, repeated: 0, output });
    expect(written).toEqual(['a', 'b']);
    expect(w.terminated).toBe(true);
  });

  it('cancel terminates the worker at once and ignores what it still sends', async () => {
    const w = new FakeWorker();
    const written: Blob[] = [];
    const job = startExport(spec(1), 'p', { data: (b) => void written.push(b) }, () => w);
    job.cancel();
    expect(w.terminated).toBe(true);
    w.reply({ type: 'data', id: 1, blob: new Blob(['a']) });
    expect(await job.result).toEqual({ kind: 'cancelled' });
    await tick();
    expect(written).toEqual([]);
  });

  it('reports a line the checker refused, and a worker crash, as results', async () => {
    const w = new FakeWorker();
    const job = startExport(spec(1), 'p', { data: () => undefined }, () => w);
    const error = {
      file: 'train' as const,
      example: 4,
      chainId: 'c',
      chainExample: 4,
      findings: [{ code: 'r', severity: 'error' as const, path: '$', message: 'm' }],
      message: 'train example 4 …',
    };
    w.reply({ type: 'invalid', id: 1, error });
    expect(await job.result).toEqual({ kind: 'invalid', error });

    const crashed = new FakeWorker();
    const job2 = startExport(spec(1), 'p', { data: () => undefined }, () => crashed);
    crashed.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(await job2.result).toEqual({ kind: 'failed', message: 'boom' });
  });
});
