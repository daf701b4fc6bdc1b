/// <reference lib="webworker" />
import { checkDatasetFile } from './checkFile.ts';
import type { CheckRequest, CheckResponse } from './protocol.ts';

/** "Check a dataset" off the page's thread: streams the file through the format's checker (protocol.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: CheckResponse) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, file, name, format, tools } = event.data;
  checkDatasetFile(file, name, format, tools, {
    format: (f, detected) => post({ type: 'check-format', id, format: f, detected }),
    lines: (items) => post({ type: 'check-lines', id, items }),
    progress: (bytesRead, totalBytes, lines) => post({ type: 'check-progress', id, bytesRead, totalBytes, lines }),
  })
    .then((outcome) =>
      post(
        outcome.ok
          ? { type: 'check-done', id, tally: outcome.tally, format: outcome.format, looksLike: outcome.looksLike }
          : { type: 'check-failed', id, message: outcome.message },
      ),
    )
    .catch((e: unknown) => post({ type: 'check-failed', id, message: e instanceof Error ? e.message : String(e) }));
};
