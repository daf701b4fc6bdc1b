import { useId, useRef, useState } from 'react';
import type { CallRef } from '../../../core/index.ts';
import { useAppStoreApi, selectProject, useAppStore } from '../../../state/store.ts';
import { EffectBadge } from '../../plan/EffectBadge.tsx';
import { useToolActions } from './actions.ts';
import { closeToolDialog, openToolEditor, type EditorTab } from './dialogStore.ts';
import { DefinitionEditor } from './DefinitionEditor.tsx';
import { toolOf } from './drafts.ts';
import { QuickFields } from './QuickFields.tsx';
import { ModalDialog } from '../../dialog/ModalDialog.tsx';

/** The editor of one tool: quick fields, duplicate and delete on the left; the definition in Monaco on the right. */
export function ToolEditorDialog({ name, tab }: { name: string; tab: EditorTab }) {
  const tools = useToolActions();
  const store = useAppStoreApi();
  const headingId = useId();
  const project = useAppStore(selectProject);
  const tool = toolOf(project, name);
  const [status, setStatus] = useState('');
  const [confirm, setConfirm] = useState<CallRef[] | null>(null);
  const dirty = useRef(false);
  // Escape does not throw away unapplied edits (the Close button does).
  const keepOpenOnEscape = () => {
    if (!tool || !dirty.current) return false;
    setStatus('Unapplied changes in the editor: Apply or Revert them, or use Close to discard them.');
    return true;
  };

  const duplicate = () => {
    const r = tools.duplicateTool(name);
    if (r.ok) {
      openToolEditor(r.name, tab);
      setStatus(`Duplicated as ${r.name}.`);
    }
  };
  const remove = (force: boolean) => {
    const r = tools.deleteTool(name, { force });
    if (r.ok) {
      const removed = r.removedCalls.length ? ` and ${r.removedCalls.length} ${r.removedCalls.length === 1 ? 'call' : 'calls'}` : '';
      store.getState().notify('info', `Deleted ${name}${removed}.`);
      closeToolDialog();
    } else if (r.usedBy.length) setConfirm(r.usedBy);
    else setStatus(r.reason);
  };

  return (
    <ModalDialog
      title={
        <span className="tool-dialog-title">
          Edit tool <code>{name}</code> {tool && <EffectBadge effect={tool.effect ?? 'read'} />}
        </span>
      }
      className="tool-dialog"
      onClose={closeToolDialog}
      onEscape={keepOpenOnEscape}
    >
      {!tool ? (
        <p className="muted">There is no tool named {name} any more (it was deleted or renamed, or the change was undone).</p>
      ) : (
        <div className="tool-dialog-body">
          <div className="tool-dialog-side">
            <QuickFields key={name} tool={tool} onStatus={setStatus} />
            <div className="tool-side-actions">
              <button type="button" className="button" onClick={duplicate}>
                Duplicate
              </button>
              <button type="button" className="button button-danger" onClick={() => remove(false)}>
                Delete tool
              </button>
            </div>
            {confirm && (
              <div className="tool-confirm" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
                <p id={`${headingId}-confirm`}>
                  <strong>{name}</strong> is used by {confirm.length} {confirm.length === 1 ? 'call' : 'calls'}:
                </p>
                <ul className="tool-confirm-calls">
                  {confirm.map((c) => (
                    <li key={`${c.chainId}/${c.callId}`}>
                      <code>{c.callId}</code> <span className="muted">in chain {c.chainId}</span>
                    </li>
                  ))}
                </ul>
                <p className="muted">Deleting the tool deletes these calls too. References to them elsewhere are kept and reported as problems.</p>
                <div className="tool-side-actions">
                  <button type="button" className="button button-danger" onClick={() => remove(true)}>
                    Delete tool and {confirm.length} {confirm.length === 1 ? 'call' : 'calls'}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirm(null)}>
                    Keep the tool
                  </button>
                </div>
              </div>
            )}
            <p className="tool-status" role="status">
              {status}
            </p>
          </div>
          <DefinitionEditor
            key={name}
            project={project}
            tool={tool}
            tab={tab}
            onTab={(t) => openToolEditor(name, t)}
            onStatus={setStatus}
            onDirty={(d) => {
              dirty.current = d;
            }}
          />
        </div>
      )}
    </ModalDialog>
  );
}
