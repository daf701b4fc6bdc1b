import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { openAITools } from '../../core/index.ts';
import { FORMATS } from '../../core/generation.ts';
import { useAppStoreApi } from '../../state/store.ts';
import { startCheck, type CheckJob } from '../../workers/client.ts';
import type { CheckTally, LineFindings } from '../../workers/protocol.ts';
import { formatBytes, formatCount } from '../../workers/progress.ts';
import { ModalDialog } from '../dialog/ModalDialog.tsx';
import './export.css';

type CheckState =
  | { phase: 'idle' }
  | { phase: 'running'; name: string; format?: string; bytesRead: number; totalBytes: number; lines: number }
  | { phase: 'done'; name: string; format: string; detected: boolean; tally: CheckTally; looksLike?: string }
  | { phase: 'failed'; name: string; message: string };

/**
 * "Check a dataset": drop or pick a JSONL file (or a distil zip) made anywhere, and see what
 * the format's checker — the one every export runs — finds, line by line. The file is read in
 * a worker as a stream, so a large file neither blocks the page nor has to fit in memory whole.
 */
export function CheckDataset({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  const formatId = useId();
  const fileId = useId();
  const [format, setFormat] = useState('auto');
  const [useProjectTools, setUseProjectTools] = useState(true);
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [items, setItems] = useState<LineFindings[]>([]);
  const [over, setOver] = useState(false);
  const job = useRef<CheckJob | null>(null);
  const detected = useRef(false);
  /** The file last checked, to check again as the format its lines look like. */
  const lastFile = useRef<File | null>(null);

  useEffect(() => () => job.current?.cancel(), []);

  const check = (file: File, as: string = format) => {
    job.current?.cancel();
    lastFile.current = file;
    setItems([]);
    detected.current = false;
    setState({ phase: 'running', name: file.name, bytesRead: 0, totalBytes: file.size, lines: 0 });
    const tools = useProjectTools ? openAITools(store.getState().project) : undefined;
    const running = startCheck(file, file.name, as, tools, {
      format: (f, d) => {
        detected.current = d;
        setState((s) => (s.phase === 'running' ? { ...s, format: f } : s));
      },
      lines: (found) => setItems((list) => [...list, ...found]),
      progress: (bytesRead, totalBytes, lines) => setState((s) => (s.phase === 'running' ? { ...s, bytesRead, totalBytes, lines } : s)),
    });
    job.current = running;
    void running.result.then((r) => {
      if (job.current !== running) return;
      job.current = null;
      if (r.kind === 'done') setState({ phase: 'done', name: file.name, format: r.format, detected: detected.current, tally: r.tally, looksLike: r.looksLike });
      else if (r.kind === 'failed') setState({ phase: 'failed', name: file.name, message: r.message });
    });
  };

  const cancel = () => {
    job.current?.cancel();
    job.current = null;
    setState({ phase: 'idle' });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) check(file);
  };

  return (
    <ModalDialog title="Check a dataset" className="check-dialog" onClose={onClose}>
      <p className="export-muted">
        Runs the same checker as the export on every line of a JSONL file (or a distil .zip bundle), so you can audit data made elsewhere. Nothing leaves this
        page.
      </p>
      <div className="check-controls">
        <div className="export-field">
          <label htmlFor={formatId}>Format</label>
          <select id={formatId} className="select" value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="auto">Detect from the first line</option>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id} — {f.label}
              </option>
            ))}
          </select>
        </div>
        <label className="export-check">
          <input type="checkbox" checked={useProjectTools} onChange={(e) => setUseProjectTools(e.target.checked)} />
          <span>Check lines without tools against this project’s tools</span>
        </label>
      </div>
      <div
        className={`check-drop${over ? ' is-over' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a .jsonl file here, or</p>
        <label htmlFor={fileId} className="button">
          Choose a file…
        </label>
        <input
          id={fileId}
          type="file"
          className="visually-hidden"
          accept=".jsonl,.json,.txt,.zip,application/jsonl,application/zip"
          aria-label="Dataset file to check"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) check(file);
          }}
        />
      </div>
      <CheckStatus
        state={state}
        onCancel={cancel}
        onCheckAs={(as) => {
          setFormat(as);
          if (lastFile.current) check(lastFile.current, as);
        }}
      />
      {items.length > 0 && (
        <ol className="check-findings" aria-label="Findings">
          {items.map((item, i) => {
            const where = `${item.file ? `${item.file}, ` : ''}${item.line !== undefined ? `line ${item.line}` : 'the file'}`;
            return (
              <li key={i} aria-label={where[0].toUpperCase() + where.slice(1)}>
                <span className="check-where">{where[0].toUpperCase() + where.slice(1)}</span>
                <ul>
                  {item.findings.map((f, k) => (
                    <li key={k}>
                      <code className="check-rule">{f.code}</code> <code>{f.path}</code> {f.message}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </ModalDialog>
  );
}

function CheckStatus({ state, onCancel, onCheckAs }: { state: CheckState; onCancel: () => void; onCheckAs: (format: string) => void }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') {
    return (
      <div className="export-progress check-progress">
        <progress aria-label="Check progress" max={state.totalBytes || 1} value={state.bytesRead} />
        <p role="status" className="export-progress-text">
          Checking {state.name}
          {state.format ? ` as ${state.format}` : ''}: {formatCount(state.lines)} lines, {formatBytes(state.bytesRead)} of {formatBytes(state.totalBytes)}
        </p>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <p role="alert" className="export-alert">
        Could not check {state.name}: {state.message}
      </p>
    );
  }
  const t = state.tally;
  const summary = `${state.name}: ${formatCount(t.lines)} line${t.lines === 1 ? '' : 's'} checked as ${state.format}${state.detected ? ' (detected)' : ''}`;
  return (
    <>
      <p role="status" className={t.badLines ? 'export-alert' : 'export-done'}>
        {t.badLines
          ? `${summary}: ${formatCount(t.badLines)} line${t.badLines === 1 ? '' : 's'} with ${formatCount(t.findings)} finding${t.findings === 1 ? '' : 's'}${t.unlisted ? ` (the first ${formatCount(t.badLines - t.unlisted)} listed)` : ''}.`
          : `${summary}: all good.`}
      </p>
      {state.looksLike && (
        <p className="export-note check-looks-like">
          The first line fails as {state.format} but is a valid {state.looksLike} line.{' '}
          <button type="button" className="button button-small" onClick={() => onCheckAs(state.looksLike!)}>
            Check as {state.looksLike}
          </button>
        </p>
      )}
    </>
  );
}
