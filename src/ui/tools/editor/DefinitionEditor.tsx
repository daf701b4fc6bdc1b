import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Project, ToolDef } from '../../../core/index.ts';
import { inferSchemaFromText } from '../../../core/index.ts';
import { ViewTabs } from '../../preview/ViewTabs.tsx';
import { useToolActions } from './actions.ts';
import { followRename, type EditorTab } from './dialogStore.ts';
import { checkDefinition, checkReturns, definitionText, returnsText } from './drafts.ts';
import { ProblemList } from './ProblemList.tsx';
import { LazyJsonEditor, type JsonEditorHandle } from './monaco/LazyJsonEditor.tsx';
import { definitionModelPath, returnsModelPath } from './monaco/schemas.ts';
import type { ToolIssue } from '../../../core/index.ts';

interface Draft {
  text: string;
  /** The applied text this draft started from: the draft is changed when text !== base. */
  base: string;
}

type Drafts = Record<EditorTab, Draft>;

const TABS: { id: EditorTab; label: string }[] = [
  { id: 'definition', label: 'Definition' },
  { id: 'returns', label: 'Returns schema' },
];

const appliedTexts = (tool: ToolDef): Record<EditorTab, string> => ({ definition: definitionText(tool), returns: returnsText(tool) });

/**
 * The full definition and its `returns` schema in Monaco. A draft is checked as it is typed
 * (the same checks as Apply); Apply takes it only when it is valid — otherwise nothing
 * changes, the tool keeps its applied definition and the problems are listed with their
 * lines. Revert puts the applied definition back in the editor.
 */
export function DefinitionEditor({
  project,
  tool,
  tab,
  onTab,
  onStatus,
  onDirty,
}: {
  project: Project;
  tool: ToolDef;
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  onStatus: (message: string) => void;
  onDirty?: (dirty: boolean) => void;
}) {
  const tools = useToolActions();
  const idBase = useId();
  const name = tool.function.name;
  const applied = appliedTexts(tool);
  const [drafts, setDrafts] = useState<Drafts>(() => ({
    definition: { text: applied.definition, base: applied.definition },
    returns: { text: applied.returns, base: applied.returns },
  }));
  const [seen, setSeen] = useState(applied);
  const [refused, setRefused] = useState<EditorTab | null>(null);
  const editorRef = useRef<JsonEditorHandle | null>(null);

  // The tool changed (Apply, a quick field, undo): unchanged drafts follow it; changed ones stay.
  if (seen.definition !== applied.definition || seen.returns !== applied.returns) {
    setSeen(applied);
    setDrafts((d) => ({
      definition: d.definition.text === d.definition.base ? { text: applied.definition, base: applied.definition } : d.definition,
      returns: d.returns.text === d.returns.base ? { text: applied.returns, base: applied.returns } : d.returns,
    }));
  }

  const dirty = drafts.definition.text !== drafts.definition.base || drafts.returns.text !== drafts.returns.base;
  useEffect(() => {
    onDirty?.(dirty);
  }, [dirty, onDirty]);

  const draft = drafts[tab];
  const changed = draft.text !== draft.base;
  const stale = changed && draft.base !== applied[tab];
  const deferred = useDeferredValue(draft.text);
  const check = useMemo(
    () => (tab === 'definition' ? checkDefinition(project, name, deferred) : checkReturns(project, name, deferred)),
    [project, name, tab, deferred],
  );
  const problems: ToolIssue[] = check.ok ? [] : check.errors;

  const setText = (text: string) => {
    setRefused(null);
    setDrafts((d) => ({ ...d, [tab]: { ...d[tab], text } }));
  };

  const apply = () => {
    const now = tab === 'definition' ? checkDefinition(project, name, draft.text) : checkReturns(project, name, draft.text);
    if (!now.ok) {
      setRefused(tab);
      onStatus(`Not applied: ${now.errors.length} ${now.errors.length === 1 ? 'problem' : 'problems'}. ${name} keeps its last applied definition.`);
      return;
    }
    const r = tools.updateTool(name, now.definition);
    if (!r.ok) {
      setRefused(tab);
      onStatus(`Not applied: ${r.reason}`);
      return;
    }
    followRename(name, r.name);
    const next = appliedTexts(now.definition);
    setDrafts((d) => ({ ...d, [tab]: { text: next[tab], base: next[tab] } }));
    const moved = r.calls.length ? `; ${r.calls.length} ${r.calls.length === 1 ? 'call follows' : 'calls follow'} the new name` : '';
    onStatus(`Applied${r.name !== name ? `: renamed to ${r.name}${moved}` : ''}.`);
  };

  const revert = () => {
    setRefused(null);
    setDrafts((d) => ({ ...d, [tab]: { text: applied[tab], base: applied[tab] } }));
    onStatus('Reverted to the applied definition.');
  };

  const inferred = (schemaText: string) => {
    setDrafts((d) => ({ ...d, returns: { ...d.returns, text: schemaText } }));
    onTab('returns');
    onStatus('A returns schema was inferred from the sample: review it, then Apply.');
  };

  const problemsId = `${idBase}-problems`;
  return (
    <div className="tool-definition">
      <div className="tool-definition-head">
        <ViewTabs idBase={idBase} views={TABS} value={tab} onChange={onTab} label="Definition views" />
        <span className={`tool-draft-state${changed ? ' is-changed' : ''}`}>
          {changed ? (problems.length ? 'Changed · not valid' : 'Changed · not applied') : 'Applied'}
        </span>
      </div>
      <div className="tool-monaco" role="tabpanel" id={`${idBase}-panel-${tab}`} aria-labelledby={`${idBase}-tab-${tab}`}>
        <LazyJsonEditor
          path={tab === 'definition' ? definitionModelPath(name) : returnsModelPath(name)}
          value={draft.text}
          onChange={setText}
          problems={problems}
          label={tab === 'definition' ? `Definition of ${name} (JSON)` : `Returns schema of ${name} (JSON)`}
          onSave={apply}
          onReady={(handle) => {
            editorRef.current = handle;
          }}
        />
      </div>
      {stale && (
        <p className="tool-note">
          The tool changed since this draft began (a quick field, or undo). Apply replaces it with the draft; Revert shows the tool as it is now.
        </p>
      )}
      {tab === 'returns' && draft.text.trim() === '' && (
        <p className="tool-note">No result schema: every simulated result is {'{"ok": true}'}. Write one, or infer it from a sample below.</p>
      )}
      <div className="tool-problems-box" id={problemsId}>
        {problems.length > 0 && (
          <p className={`tool-problems-title${refused === tab ? ' is-refused' : ''}`}>
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
            {refused === tab ? ' — not applied; the tool keeps its last applied definition' : ''}
          </p>
        )}
        <ProblemList
          problems={problems}
          label={tab === 'definition' ? 'Problems in the definition' : 'Problems in the returns schema'}
          onGoTo={(line) => editorRef.current?.revealLine(line)}
        />
      </div>
      <div className="tool-editor-actions">
        <button type="button" className="button" onClick={revert} disabled={!changed}>
          Revert
        </button>
        <button type="button" className="button button-primary" onClick={apply} disabled={!changed} aria-describedby={problems.length ? problemsId : undefined}>
          Apply
        </button>
      </div>
      {tab === 'returns' && <InferReturns onInferred={inferred} />}
    </div>
  );
}

/** Paste an example result; get a `returns` schema into the editor to edit further. */
function InferReturns({ onInferred }: { onInferred: (schemaText: string) => void }) {
  const id = useId();
  const [sample, setSample] = useState('');
  const [problems, setProblems] = useState<ToolIssue[]>([]);
  const infer = () => {
    const r = inferSchemaFromText(sample);
    if (!r.ok) {
      setProblems(r.errors);
      return;
    }
    setProblems([]);
    onInferred(`${JSON.stringify(r.schema, null, 2)}\n`);
  };
  return (
    <details className="tool-infer">
      <summary>Infer the returns schema from a sample result</summary>
      <div className="tool-infer-body">
        <label htmlFor={id} className="field-label">
          Sample result (JSON)
        </label>
        <textarea
          id={id}
          className="input textarea input-mono"
          rows={5}
          value={sample}
          spellCheck={false}
          placeholder='{"booking_id": "bk_123", "status": "confirmed", "starts_at": "2026-03-02T10:00:00Z"}'
          onChange={(e) => setSample(e.target.value)}
        />
        <ProblemList problems={problems} label="Problems in the sample" />
        <div>
          <button type="button" className="button" onClick={infer} disabled={sample.trim() === ''}>
            Infer returns schema
          </button>
        </div>
      </div>
    </details>
  );
}
