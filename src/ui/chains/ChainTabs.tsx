import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { appStore, selectChainTabs, useAppStore } from '../../state/store.ts';
import { AddChainDialog } from '../settings/AddChainDialog.tsx';

/**
 * The project's chains as tabs: pick one for the canvas; add (asking for its name), rename
 * (double-click its tab, or "Rename chain") and delete chains.
 */
export function ChainTabs() {
  const tabs = useAppStore(selectChainTabs);
  const chainId = useAppStore((s) => s.chainId);
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = tabs.find((t) => t.id === chainId) ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === chainId);
    const next = event.key === 'ArrowRight' ? (i + 1) % tabs.length : event.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : -1;
    if (next < 0 || tabs.length === 0) return;
    event.preventDefault();
    appStore.getState().selectChain(tabs[next].id);
    refs.current[next]?.focus();
  };

  return (
    <div className="chain-bar">
      <div className="chain-tabs" role="tablist" aria-label="Chains" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            aria-selected={tab.id === chainId}
            tabIndex={tab.id === chainId ? 0 : -1}
            className="chain-tab"
            title={tab.id}
            onClick={() => {
              setRenaming(false);
              appStore.getState().selectChain(tab.id);
            }}
            onDoubleClick={() => {
              appStore.getState().selectChain(tab.id);
              setRenaming(true);
            }}
          >
            {tab.name}
          </button>
        ))}
      </div>
      <button type="button" className="button button-small" aria-haspopup="dialog" onClick={() => setAdding(true)}>
        Add chain
      </button>
      {adding && <AddChainDialog onClose={() => setAdding(false)} />}
      {current && !renaming && (
        <>
          <button type="button" className="button button-small" onClick={() => setRenaming(true)}>
            Rename chain
          </button>
          <button type="button" className="button button-small button-danger" onClick={() => appStore.getState().deleteChain(current.id)}>
            Delete chain
          </button>
        </>
      )}
      {current && renaming && <RenameChain key={current.id} id={current.id} name={current.name} onDone={() => setRenaming(false)} />}
    </div>
  );
}

function RenameChain({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const baseId = useId();
  const [nextName, setNextName] = useState(name);
  const [nextId, setNextId] = useState(id);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const change: { id?: string; name?: string } = {};
    if (nextId.trim() !== id) change.id = nextId.trim();
    if (nextName !== name) change.name = nextName;
    if (Object.keys(change).length === 0) return onDone();
    if (appStore.getState().renameChain(id, change)) onDone();
    else setError(appStore.getState().lastError);
  };
  return (
    <form
      className="rename-chain"
      aria-label="Rename chain"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <label htmlFor={`${baseId}-name`}>Name</label>
      <input id={`${baseId}-name`} className="input" value={nextName} onChange={(e) => setNextName(e.target.value)} autoFocus />
      <label htmlFor={`${baseId}-id`}>Id</label>
      <input id={`${baseId}-id`} className="input input-narrow" value={nextId} onChange={(e) => setNextId(e.target.value)} spellCheck={false} />
      <button type="submit" className="button button-small button-primary">
        Apply
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <span className="field-hint" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
