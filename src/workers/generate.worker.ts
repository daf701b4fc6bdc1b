/// <reference lib="webworker" />
import { prepareDataset } from '../core/generation.ts';
import { blobBatcher } from './blobBatcher.ts';
import { streamExport } from './exportStream.ts';
import { outputFor, previewDataset } from './preview.ts';
import { summarizeRun, type GenerateRequest, type GenerateResponse } from './protocol.ts';

/**
 * The dataset worker: previews (summary, first lines, stats) and exports (the output file's
 * bytes, streamed) off the page's thread. See protocol.ts for the messages. It holds no state
 * between requests; the page cancels an export by terminating it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: GenerateResponse): void {
  scope.postMessage(message);
}

function problem(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

scope.onmessage = (event: MessageEvent<GenerateRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.type === 'preview') {
      previewDataset(request.spec, request.lines).then(
        (result) => post({ type: 'preview', id, result }),
        (e: unknown) => post({ type: 'failed', id, message: problem(e) }),
      );
      return;
    }
    const prepared = prepareDataset(request.spec);
    if (!prepared.ok) {
      post({ type: 'refused', id, diagnostics: prepared.diagnostics });
      return;
    }
    const { run } = prepared;
    const output = outputFor(request.baseName, run);
    post({ type: 'started', id, summary: summarizeRun(run), output });
    const batch = blobBatcher((blob) => post({ type: 'data', id, blob }));
    // `bytes` is a view of the encoder's buffer: the batcher copies it (into a Blob) before returning.
    const outcome = streamExport(
      run,
      output,
      {
        data: (bytes) => batch.add(bytes),
        progress: (progress) => post({ type: 'progress', id, progress }),
      },
      { examplesPerChunk: request.examplesPerChunk },
    );
    if (outcome.ok) batch.flush();
    if (outcome.ok) post({ type: 'done', id, examples: outcome.examples, bytes: outcome.bytes, elapsedMs: outcome.elapsedMs, repeated: outcome.repeated });
    else post({ type: 'invalid', id, error: outcome.error });
  } catch (e) {
    post({ type: 'failed', id, message: problem(e) });
  }
};
