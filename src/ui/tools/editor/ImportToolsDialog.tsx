import { useId, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, ClipboardEvent } from 'react';
import type { ClashDecision, ImportResult } from '../../../core/index.ts';
import { MAX_TOOL_TEXT_CHARS } from '../../../core/index.ts';
import { useAppStoreApi, selectProject, useAppStore } from '../../../state/store.ts';
import { EffectBadge } from '../../plan/EffectBadge.tsx';
import { useToolActions } from './actions.ts';
import { closeToolDialog, openReturnsDialog } from './dialogStore.ts';
import { defaultDecisions, importPreview, importedCount, importedWithoutReturns, type IncomingRow } from './importPlan.ts';
import { ProblemList } from './ProblemList.tsx';
import { ModalDialog } from '../../dialog/ModalDialog.tsx';
import { useShownCount, type ShownSteps } from '../../lists/useShownCount.ts';
import { READ_OFF_THREAD_CHARS, readTools } from './readTools.ts';

interface Read {
  source: string;
  result: ImportResult;
}

/** Tools listed at first, and how many more as the list is scrolled: a list of thousands took seconds to draw. */
const TOOL_STEPS: ShownSteps = { first: 100, more: 400 };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * "Import tools": from a file or pasted text. The format is detected and named; a clash with a
 * project tool asks (replace, keep both, skip); tools without a result schema are flagged, and
 * after the import the "Result schemas" dialog opens for them.
 * Anything malformed is refused with its place, and the project is not touched.
 */
export function ImportToolsDialog() {
  const tools = useToolActions();
  const store = useAppStoreApi();
  const fileId = useId();
  const pasteId = useId();
  const project = useAppStore(selectProject);
  const [pasted, setPasted] = useState('');
  const [read, setRead] = useState<Read | null>(null);
  const [decisions, setDecisions] = useState<Record<string, ClashDecision>>({});
  /** What is being read now (a long text is read in a worker): its source and size. */
  const [reading, setReading] = useState<{ source: string; chars: number } | null>(null);
  /** The latest read asked for: an earlier one that ends later is dropped. */
  const latest = useRef(0);

  const preview = useMemo(() => (read?.result.ok ? importPreview(project, read.result) : null), [project, read]);
  // Tools that clash with the project's come first: each asks a question, and a long list is drawn as it is scrolled.
  const rows = useMemo(() => {
    const all = preview?.rows ?? [];
    return all.some((r) => r.clash) ? [...all.filter((r) => r.clash), ...all.filter((r) => !r.clash)] : all;
  }, [preview]);
  const { shown, endRef } = useShownCount(rows.length, preview, TOOL_STEPS);

  const take = (source: string, text: string) => {
    const ask = ++latest.current;
    setReading({ source, chars: text.length });
    void readTools(text).then((result) => {
      if (ask !== latest.current) return;
      setReading(null);
      setRead({ source, result });
      setDecisions(result.ok ? defaultDecisions(importPreview(store.getState().project, result)) : {});
    });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_TOOL_TEXT_CHARS) {
      setRead({
        source: file.name,
        result: {
          ok: false,
          errors: [
            {
              code: 'too-large',
              severity: 'error',
              path: '$',
              message: `${file.name} is ${megabytes(file.size)}, more than the ${megabytes(MAX_TOOL_TEXT_CHARS)} limit; nothing was read — keep only the tool definitions`,
            },
          ],
        },
      });
      return;
    }
    try {
      take(file.name, await file.text());
    } catch (cause) {
      setRead({
        source: file.name,
        result: {
          ok: false,
          errors: [
            { code: 'unreadable', severity: 'error', path: '$', message: `could not read the file: ${cause instanceof Error ? cause.message : String(cause)}` },
          ],
        },
      });
    }
  };

  // A long paste never reaches the text area (megabytes in a text area freeze the page): it is read at once (or refused, over the size limit).
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (text.length < READ_OFF_THREAD_CHARS) return;
    event.preventDefault();
    take('the pasted text', text);
  };

  const doImport = () => {
    if (!read?.result.ok) return;
    const r = tools.mergeTools({ tools: read.result.tools, systemPrompt: read.result.systemPrompt }, decisions);
    const parts = [
      r.added.length && `added ${r.added.join(', ')}`,
      r.replaced.length && `replaced ${r.replaced.join(', ')}`,
      r.renamed.length && `kept both as ${r.renamed.map((x) => x.to).join(', ')}`,
      r.skipped.length && `skipped ${r.skipped.join(', ')}`,
      r.systemPromptSet && 'set the system prompt',
    ].filter(Boolean);
    store.getState().notify('info', `Imported from ${read.source}: ${parts.join('; ') || 'nothing changed'}.`);
    // Tools that came without a result schema: describe them now, all in one dialog.
    const missing = importedWithoutReturns(store.getState().project, [...r.added, ...r.replaced, ...r.renamed.map((x) => x.to)]);
    if (missing.length === 0) closeToolDialog();
    else
      openReturnsDialog(
        `${missing.length} imported ${missing.length === 1 ? 'tool has' : 'tools have'} no result schema — describe ${missing.length === 1 ? 'its result' : 'their results'}.`,
      );
  };

  const count = preview ? importedCount(preview, decisions) : 0;
  return (
    <ModalDialog title="Import tools" className="tool-import-dialog" onClose={closeToolDialog}>
      <p className="muted tool-import-intro">
        An OpenAI tools list (or {'{"tools": [...]}'}), a job_description.json, an MCP tools/list result, or Anthropic tool definitions.
      </p>
      <div className="tool-import-sources">
        <div className="field">
          <label htmlFor={fileId} className="field-label">
            Tools file
          </label>
          <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </div>
        <div className="field">
          <label htmlFor={pasteId} className="field-label">
            Or paste JSON
          </label>
          <textarea
            id={pasteId}
            className="input textarea input-mono"
            rows={5}
            spellCheck={false}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            onPaste={onPaste}
          />
          <div>
            <button type="button" className="button button-small" disabled={pasted.trim() === ''} onClick={() => take('the pasted text', pasted)}>
              Read pasted text
            </button>
          </div>
        </div>
      </div>

      {reading && (
        <p className="muted" role="status">
          Reading {reading.source} ({megabytes(reading.chars)})…
        </p>
      )}

      {!reading && read && !read.result.ok && (
        <div className="tool-import-result is-refused" role="alert">
          <p>
            <strong>Nothing imported</strong> from {read.source}
            {read.result.format ? ` (${read.result.format.label})` : ''}: your project is unchanged.
          </p>
          <ProblemList problems={read.result.errors.map((e) => (e.tool ? { ...e, message: `${e.tool}: ${e.message}` } : e))} label="Import problems" />
        </div>
      )}

      {!reading && read?.result.ok && preview && (
        <div className="tool-import-result">
          <p role="status">
            Detected <strong>{read.result.format.label}</strong> in {read.source}: {preview.rows.length} {preview.rows.length === 1 ? 'tool' : 'tools'}.
            {preview.setsSystemPrompt ? ' Its task description becomes the system prompt (the project has none).' : ''}
          </p>
          {preview.warnings.length > 0 && <ProblemList problems={preview.warnings} label="Import notes" />}
          <ul className="tool-import-list" aria-label="Tools to import">
            {rows.slice(0, shown).map((row) => (
              <IncomingTool key={row.name} row={row} decision={decisions[row.name]} onDecide={(d) => setDecisions((all) => ({ ...all, [row.name]: d }))} />
            ))}
            {shown < rows.length && (
              // Drawn as the list is scrolled; every tool is imported either way (clashes not shown yet keep their default).
              <li className="tool-import-more muted" ref={endRef}>
                {shown.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} tools listed; more are listed as you scroll.
              </li>
            )}
          </ul>
          <div className="tool-editor-actions">
            <button type="button" className="button" onClick={closeToolDialog}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={count === 0} onClick={doImport}>
              Import {count} {count === 1 ? 'tool' : 'tools'}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}

const CHOICES: { value: ClashDecision; label: (row: IncomingRow) => string }[] = [
  { value: 'replace', label: (row) => `Replace (${row.clash?.usedBy.length ?? 0} ${row.clash?.usedBy.length === 1 ? 'call uses' : 'calls use'} it)` },
  { value: 'keep-both', label: (row) => `Keep both (import as ${row.clash?.keepBothName})` },
  { value: 'skip', label: () => 'Skip' },
];

function IncomingTool({ row, decision, onDecide }: { row: IncomingRow; decision: ClashDecision | undefined; onDecide: (d: ClashDecision) => void }) {
  const groupId = useId();
  return (
    <li className="tool-import-item" aria-label={`${row.name}, ${row.effect}${row.hasReturns ? '' : ', no returns schema'}`}>
      <div className="tool-card-head">
        <span className="tool-card-name">{row.name}</span>
        <span className="tool-import-badges">
          {!row.hasReturns && (
            <span className="badge badge-flag" title='Results will be simulated as {"ok": true}; the audit flags it'>
              no returns
            </span>
          )}
          <EffectBadge effect={row.effect} />
        </span>
      </div>
      {row.warnings.map((w, i) => (
        <p key={i} className="tool-import-warning">
          {w.message}
        </p>
      ))}
      {row.clash && (
        <fieldset className="tool-clash" aria-describedby={`${groupId}-why`}>
          <legend id={`${groupId}-why`}>
            The project already has {row.name}
            {row.clash.identical ? ' (the same definition)' : ' (a different definition)'}:
          </legend>
          {CHOICES.map((c) => (
            <label key={c.value} className="tool-clash-choice">
              <input type="radio" name={groupId} value={c.value} checked={decision === c.value} onChange={() => onDecide(c.value)} />
              {c.label(row)}
            </label>
          ))}
        </fieldset>
      )}
    </li>
  );
}
