/// <reference lib="webworker" />
import { importTools, type ImportResult } from '../core/index.ts';

/** "Import tools" reads a large text off the page's thread: parsing and checking 5 MB of tools took seconds. */
export interface ImportToolsRequest {
  id: number;
  text: string;
}

export interface ImportToolsResponse {
  id: number;
  result: ImportResult;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportToolsRequest>) => {
  const { id, text } = event.data;
  let result: ImportResult;
  try {
    result = importTools(text);
  } catch (e) {
    result = {
      ok: false,
      errors: [{ code: 'internal', severity: 'error', path: '$', message: `could not read the tools: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  scope.postMessage({ id, result } satisfies ImportToolsResponse);
};
