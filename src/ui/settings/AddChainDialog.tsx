import { useEffect, useId, useRef, useState } from 'react';
import { useAppStoreApi } from '../../state/store.ts';
import { ModalDialog } from '../dialog/ModalDialog.tsx';
import { chainIdFromName, suggestChainName } from './chainName.ts';
import './settings.css';

/** "Add chain" asks for the chain's name: a unique one is suggested (selected), Enter adds, Escape cancels. */
export function AddChainDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  const [name, setName] = useState(() => suggestChainName(store.getState().project));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  // After the dialog has opened (it moves the focus to its first button): the name, selected, ready to be typed over.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('A chain needs a name.');
    const project = store.getState().project;
    const added = store.getState().addChain({ id: chainIdFromName(project, trimmed), name: trimmed });
    if (added.ok) onClose();
    else setError(added.error);
  };
  return (
    <ModalDialog title="Add a chain" className="confirm-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="settings-field">
          <label className="field-label" htmlFor={inputId}>
            Chain name
          </label>
          <input
            id={inputId}
            className="input"
            ref={input}
            value={name}
            aria-invalid={!!error}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <p className="field-hint" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="confirm-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Add chain
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
