import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ToolDef } from '../../../core/index.ts';
import { useAppStoreApi, selectProject, useAppStore } from '../../../state/store.ts';
import { ModalDialog } from '../../dialog/ModalDialog.tsx';
import { setResultSchemas } from './actions.ts';
import { closeToolDialog } from './dialogStore.ts';
import { problemPlace } from './drafts.ts';
import { ProblemList } from './ProblemList.tsx';
import {
  EMPTY_DRAFT,
  checkReturnsDraft,
  planReturns,
  schemaOutline,
  toolsWithoutReturns,
  type DraftCheck,
  type ReturnsDraft,
  type ReturnsMode,
} from './returnsPlan.ts';

const MODES: { mode: ReturnsMode; label: string }[] = [
  { mode: 'sample', label: 'Infer from a sample result' },
  { mode: 'schema', label: 'Write a schema' },
  { mode: 'ok', label: 'Keep {"ok": true}' },
  { mode: 'later', label: 'Decide later' },
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const hasText = (d: ReturnsDraft | undefined) => d !== undefined && (d.sample.trim() !== '' || d.schema.trim() !== '' || d.mode === 'ok');

/**
 * "Result schemas": every tool without `returns` in one dialog. For each, paste a sample
 * result (the schema is inferred as it is typed, with a read-only outline), write a schema,
 * or keep `{"ok": true}` on purpose. Drafts stay as they are while the user moves between
 * tools; Apply sets every ready schema as one undo step, and refuses while a chosen draft has
 * problems (each named with its line and column, or its JSON path). A plain text area, not
 * Monaco: it is there at once.
 */
export function ReturnsDialog({ lead }: { lead?: string }) {
  const store = useAppStoreApi();
  const headingId = useId();
  const project = useAppStore(selectProject);
  const listed = useMemo(() => toolsWithoutReturns(project), [project]);
  const names = useMemo(() => listed.map((t) => t.function.name), [listed]);
  const [drafts, setDrafts] = useState<Record<string, ReturnsDraft>>({});
  const [chosen, setChosen] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [applied, setApplied] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const current = chosen !== null && names.includes(chosen) ? chosen : (names[0] ?? null);

  // Checked as typed, a beat behind the keys; Apply checks the drafts as they are.
  const seen = useDeferredValue(drafts);
  const checks = useMemo(() => new Map(names.map((n) => [n, checkReturnsDraft(project, n, seen[n] ?? EMPTY_DRAFT)] as const)), [project, seen, names]);
  const ready = [...checks.values()].filter((c) => c.state === 'ready').length;

  const setDraft = (name: string, change: Partial<ReturnsDraft>) => {
    setStatus('');
    setDrafts((all) => ({ ...all, [name]: { ...(all[name] ?? EMPTY_DRAFT), ...change } }));
  };

  const show = (name: string, focus: 'tool' | 'editor' = 'tool') => {
    setChosen(name);
    if (focus === 'editor') requestAnimationFrame(() => editorRef.current?.querySelector<HTMLElement>('textarea, input:checked')?.focus());
  };

  const apply = () => {
    const plan = planReturns(store.getState().project, drafts);
    if (plan.invalid.length) {
      const first = plan.invalid[0];
      setChosen(first.name);
      setStatus(
        `Not applied: ${plan.invalid.map((i) => i.name).join(', ')} ${plan.invalid.length === 1 ? 'has a problem' : 'have problems'} (${first.name}: ${problemPlace(first.errors[0])}, ${first.errors[0].message}). Fix ${plan.invalid.length === 1 ? 'it' : 'them'}, or choose "Decide later". Nothing changed.`,
      );
      return;
    }
    if (plan.ready.length === 0) {
      setStatus('Nothing to apply yet: paste a sample result, write a schema, or keep {"ok": true} for a tool.');
      return;
    }
    const r = setResultSchemas(store, plan.ready);
    if (!r.ok) {
      setChosen(r.name);
      setStatus(`Not applied: ${r.name}: ${r.errors[0]?.message ?? 'refused'}. Nothing changed.`);
      return;
    }
    setDrafts((all) => Object.fromEntries(Object.entries(all).filter(([name]) => !r.names.includes(name))));
    setApplied((n) => n + r.names.length);
    setStatus(`Applied ${plural(r.names.length, 'result schema', 'result schemas')}: ${r.names.join(', ')}. One Undo takes them all back.`);
  };

  // Escape does not throw away unapplied drafts (Close does).
  const keepOpenOnEscape = () => {
    if (!names.some((n) => hasText(drafts[n]))) return false;
    setStatus('Unapplied result schemas: Apply them, or use Close to discard them.');
    return true;
  };

  // Up and down move between the tools of the list.
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    next.focus();
    next.click();
  };

  const tool = listed.find((t) => t.function.name === current);
  const index = current === null ? -1 : names.indexOf(current);
  return (
    <ModalDialog title="Result schemas" className="returns-dialog" onClose={closeToolDialog} onEscape={keepOpenOnEscape}>
      {lead && applied === 0 && <p className="tool-note returns-lead">{lead}</p>}
      <p className="muted returns-intro">
        Without a result schema, every simulated result of a tool is {'{"ok": true}'}: the examples teach nothing about it and no later call can use a value
        from it. For each tool, paste a real result to infer its schema, write one, or keep {'{"ok": true}'} on purpose. Apply sets them all as one step.
      </p>
      {names.length === 0 ? (
        <p className="returns-done">
          {applied > 0 ? 'Done: every' : 'Every'} tool of the project has a result schema. Edit one in the tool editor (Returns schema).
        </p>
      ) : (
        <div className="returns-body">
          <nav className="returns-nav" aria-labelledby={`${headingId}-tools`}>
            <h3 id={`${headingId}-tools`} className="tool-section-title">
              {plural(names.length, 'tool', 'tools')} without a result schema
            </h3>
            <ul ref={listRef} className="returns-tools" onKeyDown={onListKey}>
              {names.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    className={`returns-tool${name === current ? ' is-current' : ''}`}
                    aria-current={name === current ? 'true' : undefined}
                    aria-label={name}
                    aria-describedby={`${headingId}-state-${name}`}
                    onClick={() => show(name)}
                  >
                    <span className="returns-tool-name">{name}</span>
                    <StateLabel id={`${headingId}-state-${name}`} draft={drafts[name]} check={checks.get(name)} />
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {tool && current !== null && (
            <div ref={editorRef} className="returns-editor">
              <ToolReturns
                key={current}
                tool={tool}
                draft={drafts[current] ?? EMPTY_DRAFT}
                check={checks.get(current) ?? { state: 'open' }}
                onChange={(change) => setDraft(current, change)}
              />
              {index < names.length - 1 && (
                <div>
                  <button type="button" className="button button-small" onClick={() => show(names[index + 1], 'editor')}>
                    Next tool: {names[index + 1]}
                  </button>
                </div>
              )}
            </div>
          )}
        </div>
      )}
      <div className="returns-foot">
        <p className="tool-status returns-status" role="status">
          {status}
        </p>
        <div className="tool-editor-actions">
          {names.length > 0 && (
            <button type="button" className="button button-primary" onClick={apply}>
              Apply {ready > 0 ? plural(ready, 'result schema', 'result schemas') : ''}
            </button>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}

function StateLabel({ id, draft, check }: { id: string; draft: ReturnsDraft | undefined; check: DraftCheck | undefined }) {
  let text = 'not described yet';
  let tone = '';
  if (draft?.mode === 'later') text = 'decide later';
  else if (check?.state === 'invalid') {
    text = `problem · ${problemPlace(check.errors[0])}`;
    tone = ' is-invalid';
  } else if (check?.state === 'ready') {
    const fields = schemaOutline(check.schema, Infinity).length;
    text = draft?.mode === 'ok' ? 'keeps {"ok": true}' : `${draft?.mode === 'schema' ? 'written' : 'inferred'} · ${plural(fields, 'field', 'fields')}`;
    tone = ' is-ready';
  }
  return (
    <span id={id} className={`returns-state${tone}`}>
      {text}
    </span>
  );
}

/** One tool: how its result is described, the text for it, its problems, and the schema it would get. */
function ToolReturns({
  tool,
  draft,
  check,
  onChange,
}: {
  tool: ToolDef;
  draft: ReturnsDraft;
  check: DraftCheck;
  onChange: (change: Partial<ReturnsDraft>) => void;
}) {
  const id = useId();
  const name = tool.function.name;
  const textMode = draft.mode === 'sample' || draft.mode === 'schema';
  const text = draft.mode === 'schema' ? draft.schema : draft.sample;
  const label = draft.mode === 'schema' ? `Result schema of ${name} (JSON)` : `Sample result of ${name} (JSON)`;
  const problems = check.state === 'invalid' ? check.errors : [];
  const schemaText = check.state === 'ready' ? `${JSON.stringify(check.schema, null, 2)}\n` : '';

  return (
    <section className="returns-tool-panel" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="returns-tool-title">
        <code>{name}</code>
      </h3>
      {tool.function.description && <p className="muted returns-description">{tool.function.description}</p>}
      <fieldset className="returns-modes">
        <legend className="visually-hidden">How to describe the result of {name}</legend>
        {MODES.map((m) => (
          <label key={m.mode} className="returns-mode">
            <input type="radio" name={`${id}-mode`} value={m.mode} checked={draft.mode === m.mode} onChange={() => onChange({ mode: m.mode })} />
            {m.label}
          </label>
        ))}
      </fieldset>
      {textMode && (
        <div className="field">
          <label htmlFor={`${id}-text`} className="field-label">
            {label}
          </label>
          <textarea
            id={`${id}-text`}
            className="input textarea input-mono returns-text"
            rows={9}
            spellCheck={false}
            value={text}
            aria-invalid={problems.length > 0}
            aria-describedby={problems.length ? `${id}-problems` : undefined}
            placeholder={
              draft.mode === 'schema'
                ? '{"type": "object", "properties": {"booking_id": {"type": "string"}}, "required": ["booking_id"]}'
                : '{"booking_id": "bk_123", "status": "confirmed", "starts_at": "2026-03-02T10:00:00Z"}'
            }
            onChange={(e) => onChange(draft.mode === 'schema' ? { schema: e.target.value } : { sample: e.target.value })}
          />
        </div>
      )}
      <div id={`${id}-problems`}>
        <ProblemList problems={problems} label={`Problems in the ${draft.mode === 'schema' ? 'schema' : 'sample'} of ${name}`} />
      </div>
      {draft.mode === 'ok' && (
        <p className="muted">
          Every simulated result of {name} stays {'{"ok": true}'}, now declared: the tool is not listed here again.
        </p>
      )}
      {draft.mode === 'later' && <p className="muted">{name} keeps no result schema for now; it stays in this list.</p>}
      {textMode && check.state === 'open' && (
        <p className="muted">{draft.mode === 'sample' ? 'Paste a result the real tool returned.' : 'Write a JSON Schema for the result.'}</p>
      )}
      {textMode && check.state === 'ready' && (
        <div className="returns-preview">
          <h4 id={`${id}-outline`} className="returns-preview-title">
            {draft.mode === 'sample' ? 'Inferred schema' : 'Schema'} of {name}
          </h4>
          <ul className="returns-outline" aria-labelledby={`${id}-outline`}>
            {schemaOutline(check.schema).map((line, i) => (
              <li key={i}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
          <details className="returns-json">
            <summary>As JSON</summary>
            <pre>{schemaText}</pre>
          </details>
          {draft.mode === 'sample' && draft.schema !== schemaText && (
            <button type="button" className="button button-small" onClick={() => onChange({ mode: 'schema', schema: schemaText })}>
              {draft.schema.trim() === '' ? 'Edit it as a written schema' : 'Replace the written schema with this one'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
