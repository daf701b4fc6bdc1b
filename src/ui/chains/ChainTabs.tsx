import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useAppStoreApi, selectChainTabs, useAppStore } from '../../state/store.ts';
import { AddChainDialog } from '../settings/AddChainDialog.tsx';
import { scrollToShow } from './tabScroll.ts';
import { useCommitOnLeave } from '../inspector/useHeldDraft.ts';
import './chainTabs.css';

/**
 * The project's chains as tabs: pick one for the canvas; add (asking for its name), rename
 * (double-click its tab, or "Rename chain") and delete chains. The tabs stay on one row, which
 * scrolls sideways when they do not fit; the selected tab is kept in view (when it is picked,
 * and when the row's width changes). Arrow keys move to the next or previous tab (round),
 * Home and End to the first and last.
 */
export function ChainTabs() {
  const store = useAppStoreApi();
  const tabs = useAppStore(selectChainTabs);
  const chainId = useAppStore((s) => s.chainId);
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === chainId) ?? null;
  const selectedIndex = tabs.findIndex((t) => t.id === chainId);

  // The selected tab in view: when it changes, when tabs come or go, when the row is resized.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    // Which ends have tabs scrolled out of view (the row fades there).
    const edges = () => {
      list.classList.toggle('more-before', list.scrollLeft > 1);
      list.classList.toggle('more-after', list.scrollLeft + list.clientWidth < list.scrollWidth - 1);
    };
    const show = () => {
      const tab = refs.current[selectedIndex];
      if (tab)
        list.scrollLeft = scrollToShow(
          { start: tab.offsetLeft, size: tab.offsetWidth },
          { scroll: list.scrollLeft, view: list.clientWidth, content: list.scrollWidth },
        );
      edges();
    };
    show();
    list.addEventListener('scroll', edges, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(show);
    observer?.observe(list);
    return () => {
      list.removeEventListener('scroll', edges);
      observer?.disconnect();
    };
  }, [selectedIndex, tabs]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const i = selectedIndex;
    const last = tabs.length - 1;
    const keys: Record<string, number> = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i <= 0 ? last : i - 1, Home: 0, End: last };
    const next = keys[event.key] ?? -1;
    if (next < 0 || tabs.length === 0) return;
    event.preventDefault();
    store.getState().selectChain(tabs[next].id);
    refs.current[next]?.focus();
  };

  return (
    <div className="chain-bar">
      <div className="chain-bar-row">
        <div ref={listRef} className="chain-tabs" role="tablist" aria-label="Chains" onKeyDown={onKeyDown}>
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
                store.getState().selectChain(tab.id);
              }}
              onDoubleClick={() => {
                store.getState().selectChain(tab.id);
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
            <button type="button" className="button button-small button-danger" onClick={() => store.getState().deleteChain(current.id)}>
              Delete chain
            </button>
          </>
        )}
      </div>
      {current && renaming && <RenameChain key={current.id} id={current.id} name={current.name} onDone={() => setRenaming(false)} />}
    </div>
  );
}

function RenameChain({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const store = useAppStoreApi();
  const baseId = useId();
  const [nextName, setNextName] = useState(name);
  const [nextId, setNextId] = useState(id);
  const [error, setError] = useState<string | null>(null);
  // What is typed is applied when the page is left or another tab is picked too; Cancel and Escape drop it.
  const leave = useCommitOnLeave();
  const apply = (typedName: string, typedId: string): boolean => {
    const change: { id?: string; name?: string } = {};
    if (typedId.trim() !== id) change.id = typedId.trim();
    if (typedName !== name) change.name = typedName;
    if (Object.keys(change).length === 0) return true;
    const renamed = store.getState().renameChain(id, change);
    if (renamed.ok) return true;
    setError(renamed.error);
    return false;
  };
  const submit = () => {
    leave.clear();
    if (apply(nextName, nextId)) onDone();
  };
  const cancel = () => {
    leave.clear();
    onDone();
  };
  const edit = (typedName: string, typedId: string) => {
    setNextName(typedName);
    setNextId(typedId);
    leave.markPending(() => apply(typedName, typedId));
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
        if (e.key === 'Escape') cancel();
      }}
    >
      <label htmlFor={`${baseId}-name`}>Name</label>
      <input id={`${baseId}-name`} className="input" value={nextName} onChange={(e) => edit(e.target.value, nextId)} autoFocus />
      <label htmlFor={`${baseId}-id`}>Id</label>
      <input id={`${baseId}-id`} className="input input-narrow" value={nextId} onChange={(e) => edit(nextName, e.target.value)} spellCheck={false} />
      <button type="submit" className="button button-small button-primary">
        Apply
      </button>
      <button type="button" className="button button-small" onClick={cancel}>
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
