import { useId, useMemo, useState } from 'react';
import { auditProject, exportTools } from '../../../core/index.ts';
import { useAppStoreApi, selectProject, selectSelectedCall, useAppStore } from '../../../state/store.ts';
import { downloadText } from '../../files/download.ts';
import { useToolActions } from './actions.ts';
import { AuditDialog } from './AuditDialog.tsx';
import { openReturnsDialog, openToolAudit, openToolEditor, openToolImport, useToolDialog } from './dialogStore.ts';
import { ImportToolsDialog } from './ImportToolsDialog.tsx';
import { ReturnsDialog } from './ReturnsDialog.tsx';
import { toolsWithoutReturns } from './returnsPlan.ts';
import { ToolEditorDialog } from './ToolEditorDialog.tsx';
import './toolEditor.css';

/**
 * Managing the project's tools, under the tool library: edit one (quick fields and the full
 * definition in Monaco), add a new one, import, export, the tool audit with its grade, and
 * "Result schemas" for the tools that have none.
 * Hosts the dialogs (only the open one is mounted; Monaco loads when an editor first opens).
 */
export function ToolEditorPanel() {
  const tools = useToolActions();
  const headingId = useId();
  const selectId = useId();
  const project = useAppStore(selectProject);
  const selectedTool = useAppStore((s) => selectSelectedCall(s)?.tool ?? null);
  const dialog = useToolDialog((s) => s.dialog);
  const [choice, setChoice] = useState<string | null>(null);
  const names = project.tools.map((t) => t.function.name);
  const current = choice !== null && names.includes(choice) ? choice : selectedTool !== null && names.includes(selectedTool) ? selectedTool : (names[0] ?? '');
  const grade = useMemo(() => auditProject(project).project.grade, [project]);
  const withoutReturns = useMemo(() => toolsWithoutReturns(project).length, [project]);

  const addNew = () => {
    const r = tools.addTool();
    if (r.ok) openToolEditor(r.name);
  };

  return (
    <section className="tool-manage" aria-labelledby={headingId}>
      <h3 id={headingId} className="tool-section-title">
        Manage tools
      </h3>
      <div className="tool-manage-edit">
        <label htmlFor={selectId} className="visually-hidden">
          Tool to edit
        </label>
        <select id={selectId} className="select select-small" value={current} disabled={names.length === 0} onChange={(e) => setChoice(e.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" disabled={current === ''} onClick={() => openToolEditor(current)}>
          Edit tool
        </button>
      </div>
      <div className="tool-manage-actions">
        <button type="button" className="button button-small" onClick={addNew}>
          New tool
        </button>
        <button type="button" className="button button-small" onClick={openToolImport}>
          Import tools
        </button>
        <ExportTools disabled={names.length === 0} />
        <button
          type="button"
          className="button button-small tool-audit-button"
          onClick={openToolAudit}
          disabled={names.length === 0}
          title={`Tool audit: grade ${grade}`}
        >
          Audit <span className={`grade grade-small grade-${grade}`}>{grade}</span>
        </button>
      </div>
      {withoutReturns > 0 && (
        <button type="button" className="button button-small tool-returns-button" onClick={() => openReturnsDialog()}>
          Describe results: {withoutReturns} {withoutReturns === 1 ? 'tool has' : 'tools have'} no result schema
        </button>
      )}
      {dialog?.kind === 'tool' && <ToolEditorDialog name={dialog.name} tab={dialog.tab} />}
      {dialog?.kind === 'import' && <ImportToolsDialog />}
      {dialog?.kind === 'audit' && <AuditDialog />}
      {dialog?.kind === 'returns' && <ReturnsDialog lead={dialog.lead} />}
    </section>
  );
}

/** "Export tools": an OpenAI tools array or a job_description.json, downloaded (nothing is sent). */
function ExportTools({ disabled }: { disabled: boolean }) {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const save = (as: 'openai' | 'job-description') => {
    const { project } = store.getState();
    downloadText(as === 'openai' ? 'tools.json' : 'job_description.json', exportTools(project, as));
    setOpen(false);
  };
  return (
    <div className="tool-export">
      <button type="button" className="button button-small" aria-expanded={open} aria-controls={menuId} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        Export tools
      </button>
      {open && (
        <div id={menuId} className="tool-export-menu" role="group" aria-label="Export tools as">
          <button type="button" className="button button-small" onClick={() => save('openai')}>
            OpenAI tools array (tools.json)
          </button>
          <button type="button" className="button button-small" onClick={() => save('job-description')}>
            job_description.json
          </button>
        </div>
      )}
    </div>
  );
}
