import { useSyncExternalStore } from 'react';
import { describeProgress, formatBytes, formatCount, formatDuration } from '../../workers/progress.ts';
import type { ProgressStore } from './progressStore.ts';
import { DiagnosticList } from './DiagnosticList.tsx';
import type { JobState } from './useExportJob.ts';

/** The bar, examples/s and time left; re-rendered alone on each progress message. */
function LiveProgress({ store }: { store: ProgressStore }) {
  const p = useSyncExternalStore(store.subscribe, store.get);
  return (
    <div className="export-progress">
      <progress aria-label="Export progress" max={p?.total || 1} value={p?.done ?? 0} />
      <p role="status" className="export-progress-text">
        {p ? describeProgress(p) : 'Starting…'}
      </p>
    </div>
  );
}

/** The export's progress bar with examples/s and time left, and how it ended. */
export function ExportStatus({ state }: { state: JobState }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'running':
      return <LiveProgress store={state.progress} />;
    case 'done':
      return (
        <p role="status" className="export-done">
          {state.destination === 'file' ? 'Saved' : 'Exported'} {formatCount(state.examples)} examples to {state.fileName} ({formatBytes(state.bytes)}) in{' '}
          {formatDuration(state.elapsedMs)}.
          {state.repeated > 0 &&
            ` ${formatCount(state.repeated)} line${state.repeated === 1 ? '' : 's'} that repeat an earlier one were left out: the design's requests and slot values cannot give more distinct lines (add request templates or slot values for more).`}
          {state.url && (
            <>
              {' '}
              <a href={state.url} download={state.fileName}>
                Download {state.fileName} again
              </a>
            </>
          )}
        </p>
      );
    case 'cancelled':
      return (
        <p role="status" className="export-muted">
          Cancelled{state.progress ? ` after ${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} examples` : ''}: no file was written.
        </p>
      );
    case 'refused':
      return (
        <div role="alert" className="export-alert">
          <p>This export cannot be made:</p>
          <DiagnosticList diagnostics={state.diagnostics} label="Why the export was refused" />
        </div>
      );
    case 'invalid':
      return (
        <div role="alert" className="export-alert">
          <p>A line broke the format’s rules, so no file was offered: {state.error.message}</p>
          {state.error.findings.length > 0 && (
            <ul className="export-diagnostics" aria-label="Rules broken">
              {state.error.findings.map((f, i) => (
                <li key={i} className="is-error">
                  <span>{f.message}</span> <code>{f.path}</code> <code>[{f.code}]</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'failed':
      return (
        <p role="alert" className="export-alert">
          The export failed: {state.message}
        </p>
      );
  }
}
