import type { Diagnostic } from '../core/index.ts';
import type { OpenAITool } from '../core/index.ts';
import type { DatasetError, DatasetSpec } from '../core/generation.ts';
import type { OutputPlan } from './outputPlan.ts';
import type { ProgressFigures } from './progress.ts';
import type { CheckRequest, CheckResponse, CheckTally, GenerateRequest, GenerateResponse, LineFindings, PreviewResult, RunSummary } from './protocol.ts';

/**
 * The page's side of the dataset workers (protocol.ts): previews, exports and checks as
 * promises with callbacks. Cancel terminates the worker, which stops it at once wherever it is;
 * each export and check gets a worker of its own.
 */

/** The part of Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export function generateWorker(): WorkerLike {
  return new Worker(new URL('./generate.worker.ts', import.meta.url), { type: 'module', name: 'chainwright-dataset' });
}

export function checkWorker(): WorkerLike {
  return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'chainwright-check' });
}

function workerProblem(event: ErrorEvent): string {
  return event.message || 'the worker stopped with an error';
}

// ---------- previews ----------

export interface Previewer {
  /**
   * The latest request wins: while the worker is busy, a new request waits (a preview takes a
   * fraction of a second; a fresh worker takes longer to start), and one that was already
   * waiting resolves to null.
   */
  preview(spec: DatasetSpec, lines: number): Promise<PreviewResult | null>;
  dispose(): void;
}

interface PreviewAsk {
  spec: DatasetSpec;
  lines: number;
  resolve: (r: PreviewResult | null) => void;
}

export function createPreviewer(create: () => WorkerLike = generateWorker): Previewer {
  let worker: WorkerLike | null = null;
  let busy: (PreviewAsk & { id: number }) | null = null;
  let waiting: PreviewAsk | null = null;
  let nextId = 1;
  const failed = (event: ErrorEvent): PreviewResult => ({
    ok: false,
    diagnostics: [{ code: 'worker-failed', severity: 'error', message: `the preview could not be made: ${workerProblem(event)}`, path: '$' }],
  });

  const send = (ask: PreviewAsk) => {
    if (!worker) {
      const w = create();
      worker = w;
      w.onmessage = (event: MessageEvent<GenerateResponse>) => {
        const m = event.data;
        if (m.type !== 'preview' || !busy || m.id !== busy.id) return;
        const done = busy;
        busy = null;
        done.resolve(m.result);
        if (waiting) {
          const next = waiting;
          waiting = null;
          send(next);
        }
      };
      w.onerror = (event) => {
        event.preventDefault?.();
        w.terminate();
        worker = null;
        const done = busy;
        busy = null;
        done?.resolve(failed(event));
        waiting?.resolve(null);
        waiting = null;
      };
    }
    busy = { ...ask, id: nextId++ };
    const request: GenerateRequest = { type: 'preview', id: busy.id, spec: ask.spec, lines: ask.lines };
    worker.postMessage(request);
  };

  return {
    preview(spec, lines) {
      return new Promise((resolve) => {
        const ask = { spec, lines, resolve };
        if (busy) {
          waiting?.resolve(null);
          waiting = ask;
        } else send(ask);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      busy?.resolve(null);
      waiting?.resolve(null);
      busy = null;
      waiting = null;
    },
  };
}

// ---------- exports ----------

export type ExportResult =
  | { kind: 'done'; examples: number; bytes: number; elapsedMs: number; repeated: number; output: OutputPlan }
  | { kind: 'cancelled' }
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | { kind: 'invalid'; error: DatasetError }
  | { kind: 'failed'; message: string };

export interface ExportCallbacks {
  started?(summary: RunSummary, output: OutputPlan): void;
  /** The output file's next bytes, in order; a promise makes the next write wait for it. */
  data(blob: Blob): void | Promise<void>;
  progress?(figures: ProgressFigures): void;
}

export interface ExportJob {
  result: Promise<ExportResult>;
  cancel(): void;
}

export function startExport(
  spec: DatasetSpec,
  baseName: string,
  callbacks: ExportCallbacks,
  create: () => WorkerLike = generateWorker,
  examplesPerChunk?: number,
): ExportJob {
  const worker = create();
  let settled = false;
  let finish!: (r: ExportResult) => void;
  const result = new Promise<ExportResult>((resolve) => (finish = resolve));
  const end = (r: ExportResult) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    finish(r);
  };
  let writes: Promise<void> = Promise.resolve();
  let output: OutputPlan | null = null;
  worker.onmessage = (event: MessageEvent<GenerateResponse>) => {
    if (settled) return;
    const m = event.data;
    switch (m.type) {
      case 'started':
        output = m.output;
        callbacks.started?.(m.summary, m.output);
        break;
      case 'data': {
        const blob = m.blob;
        writes = writes.then(() => (settled ? undefined : callbacks.data(blob)));
        writes.catch((e: unknown) => end({ kind: 'failed', message: `could not write the file: ${e instanceof Error ? e.message : String(e)}` }));
        break;
      }
      case 'progress':
        callbacks.progress?.(m.progress);
        break;
      case 'done': {
        const done: ExportResult = { kind: 'done', examples: m.examples, bytes: m.bytes, elapsedMs: m.elapsedMs, repeated: m.repeated, output: output! };
        writes.then(
          () => end(done),
          () => undefined,
        );
        break;
      }
      case 'refused':
        end({ kind: 'refused', diagnostics: m.diagnostics });
        break;
      case 'invalid':
        end({ kind: 'invalid', error: m.error });
        break;
      case 'failed':
        end({ kind: 'failed', message: m.message });
        break;
      default:
        break;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    end({ kind: 'failed', message: workerProblem(event) });
  };
  const request: GenerateRequest = { type: 'generate', id: 1, spec, baseName, examplesPerChunk };
  worker.postMessage(request);
  return { result, cancel: () => end({ kind: 'cancelled' }) };
}

// ---------- checks ----------

export type CheckResult = { kind: 'done'; tally: CheckTally; format: string; looksLike?: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface CheckCallbacks {
  format?(format: string, detected: boolean): void;
  lines?(items: LineFindings[]): void;
  progress?(bytesRead: number, totalBytes: number, lines: number): void;
}

export interface CheckJob {
  result: Promise<CheckResult>;
  cancel(): void;
}

export function startCheck(
  file: Blob,
  name: string,
  format: string,
  tools: OpenAITool[] | undefined,
  callbacks: CheckCallbacks,
  create: () => WorkerLike = checkWorker,
): CheckJob {
  const worker = create();
  let settled = false;
  let finish!: (r: CheckResult) => void;
  const result = new Promise<CheckResult>((resolve) => (finish = resolve));
  const end = (r: CheckResult) => {
    if (settled) return;
    settled = true;
    worker.terminate();
    finish(r);
  };
  worker.onmessage = (event: MessageEvent<CheckResponse>) => {
    if (settled) return;
    const m = event.data;
    if (m.type === 'check-format') callbacks.format?.(m.format, m.detected);
    else if (m.type === 'check-lines') callbacks.lines?.(m.items);
    else if (m.type === 'check-progress') callbacks.progress?.(m.bytesRead, m.totalBytes, m.lines);
    else if (m.type === 'check-done') end({ kind: 'done', tally: m.tally, format: m.format, looksLike: m.looksLike });
    else if (m.type === 'check-failed') end({ kind: 'failed', message: m.message });
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    end({ kind: 'failed', message: workerProblem(event) });
  };
  const request: CheckRequest = tools ? { type: 'check', id: 1, file, name, format, tools } : { type: 'check', id: 1, file, name, format };
  worker.postMessage(request);
  return { result, cancel: () => end({ kind: 'cancelled' }) };
}
