/**
 * How long the editor took to open the first time: from the request of the lazy chunk to the
 * first editor mounted, recorded as the performance measure `tool-editor:monaco-load` (the
 * e2e reads it; nothing is sent anywhere).
 */
const START = 'tool-editor:monaco-requested';
export const MONACO_LOAD_MEASURE = 'tool-editor:monaco-load';

export function markMonacoRequested(): void {
  if (performance.getEntriesByName(START).length === 0) performance.mark(START);
}

export function markMonacoReady(): void {
  if (performance.getEntriesByName(MONACO_LOAD_MEASURE).length === 0 && performance.getEntriesByName(START).length) {
    performance.measure(MONACO_LOAD_MEASURE, START);
  }
}
