import { importTools, type ImportResult } from '../../../core/index.ts';
import type { ImportToolsRequest, ImportToolsResponse } from '../../../workers/importTools.worker.ts';

/**
 * Texts longer than this are read in a Web Worker: below it, reading on the page takes a few
 * milliseconds, less than starting a worker; a 4.5 MB list of 4 600 tools took 0.5–2 s.
 */
export const READ_OFF_THREAD_CHARS = 256 * 1024;

let nextId = 1;

/**
 * The tools in `text` (importTools), read off the page's thread when the text is long, so the
 * page keeps drawing (and says it is reading) meanwhile. Without Web Workers (tests), on the page.
 */
export function readTools(text: string): Promise<ImportResult> {
  if (text.length < READ_OFF_THREAD_CHARS || typeof Worker === 'undefined') return Promise.resolve(importTools(text));
  const worker = new Worker(new URL('../../../workers/importTools.worker.ts', import.meta.url), { type: 'module', name: 'chainwright-import-tools' });
  const id = nextId++;
  return new Promise<ImportResult>((resolve) => {
    const done = (result: ImportResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ImportToolsResponse>) => {
      if (event.data.id === id) done(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done({
        ok: false,
        errors: [{ code: 'internal', severity: 'error', path: '$', message: `could not read the tools: ${event.message || 'the reader stopped'}` }],
      });
    };
    worker.postMessage({ id, text } satisfies ImportToolsRequest);
  });
}
