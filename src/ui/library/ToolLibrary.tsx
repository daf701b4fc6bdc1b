import { useId, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { useAppStoreApi, selectToolLibrary, useAppStore } from '../../state/store.ts';
import type { ToolEntry } from '../../state/store.ts';
import { EffectBadge } from '../plan/EffectBadge.tsx';
import { matchTools } from './quickAdd.ts';
import { writeToolDrag } from './toolDrag.ts';
import { lazyView } from '../lazyView.tsx';

// The tool editor (its buttons, dialogs and audit) arrives once the canvas is drawn and the page is idle.
const ToolEditorPanel = lazyView(() => import('../tools/editor/ToolEditorPanel.tsx'), 'ToolEditorPanel', null, 'idle');

/**
 * The project's tools. Drag one onto the canvas to add a call, or find it with the quick-add
 * search (Enter adds the first match; each result is also a button).
 */
export function ToolLibrary() {
  const headingId = useId();
  const tools = useAppStore(selectToolLibrary);
  const hasChain = useAppStore((s) => s.chainId !== null);
  return (
    <aside className="pane pane-library" aria-labelledby={headingId}>
      <div className="pane-head">
        <h2 id={headingId} className="pane-title">
          Tools
        </h2>
        <span className="panel-meta">{tools.length}</span>
      </div>
      <QuickAdd tools={tools} disabled={!hasChain} />
      {tools.length === 0 ? (
        <p className="muted pane-note">This project has no tools yet. Open a project that defines tools, or add them in the tool editor.</p>
      ) : (
        <ul className="tool-list" aria-label="Tool library">
          {tools.map((tool) => (
            <ToolCard key={tool.name} tool={tool} />
          ))}
        </ul>
      )}
      <ToolEditorPanel />
    </aside>
  );
}

function ToolCard({ tool }: { tool: ToolEntry }) {
  const onDragStart = (event: DragEvent<HTMLLIElement>) => writeToolDrag(event.dataTransfer, tool.name);
  return (
    <li className="tool-card" draggable onDragStart={onDragStart} aria-label={`${tool.name}, ${tool.effect}`} title="Drag onto the canvas to add a call">
      <div className="tool-card-head">
        <span className="tool-card-name" title={tool.name}>
          {breakAfterUnderscores(tool.name)}
        </span>
        <EffectBadge effect={tool.effect} />
      </div>
      {tool.description && <p className="tool-card-description">{tool.description}</p>}
    </li>
  );
}

function QuickAdd({ tools, disabled }: { tools: ToolEntry[]; disabled: boolean }) {
  const store = useAppStoreApi();
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const matches = query.trim() === '' ? [] : matchTools(tools, query).slice(0, 8);

  const add = (name: string) => {
    if (store.getState().addCall(name).ok) setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && matches.length) {
      event.preventDefault();
      add(matches[0].name);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="quick-add">
      <label htmlFor={inputId} className="quick-add-label">
        Quick add
      </label>
      <input
        id={inputId}
        className="input"
        type="search"
        placeholder="Tool name… (Enter adds)"
        value={query}
        disabled={disabled || tools.length === 0}
        aria-controls={listId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      <ul id={listId} className="quick-add-results" aria-label="Quick add results">
        {matches.map((tool) => (
          <li key={tool.name}>
            <button type="button" className="button button-small" onClick={() => add(tool.name)}>
              Add {tool.name}
            </button>
          </li>
        ))}
        {query.trim() !== '' && matches.length === 0 && <li className="muted">No tool matches “{query}”.</li>}
      </ul>
    </div>
  );
}

/** The name with a line-break opportunity after each `_` or `-`, so that a long name wraps between its words ("find_available_ / rooms"), never inside one. */
function breakAfterUnderscores(name: string) {
  const parts = name.split(/(?<=[_-])/);
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </span>
  ));
}
