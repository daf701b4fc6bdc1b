import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { selectChain, useAppStore } from '../../state/store.ts';
import { completionOptions, SLOT_GROUP } from './completionOptions.ts';
import { navigationTarget } from './listNavigation.ts';
import { optionId, ReferenceListbox } from './ReferenceListbox.tsx';
import { searchReferences } from './referenceSearch.ts';

interface Props {
  /** The id of the list (the "+N more" button controls it). */
  id: string;
  /** The template's label ("Step request 1"), for the accessible names. */
  label: string;
  /** Every `{slot}` and `{call.path}` the template may use. */
  completions: readonly string[];
  /** Inserts the chosen text (the list closes). */
  onPick: (token: string) => void;
  /** Closes the list; `restoreFocus` when closed from the keyboard (Escape), to give focus back to the button. */
  onClose: (restoreFocus: boolean) => void;
}

/**
 * Every insertion a template may take, searchable (opened by the chips' "+N more"): an ARIA
 * combobox (list autocomplete) over the completions, grouped by call (slots first), filtered as
 * one types (call id, tool, path or slot name; see searchReferences). Arrow keys move, Enter
 * inserts at the template's caret, Escape closes. It takes focus when it opens.
 */
export function InsertionList({ id, label, completions, onPick, onClose }: Props) {
  const baseId = useId();
  const chain = useAppStore(selectChain);
  const options = useMemo(() => completionOptions(completions, new Map((chain?.calls ?? []).map((c) => [c.id, c.tool]))), [completions, chain]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const result = useMemo(() => searchReferences(options, query), [options, query]);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const count = result.shown.length;
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  // On opening: the whole list comes into view, and the search box takes focus.
  useEffect(() => {
    boxRef.current?.scrollIntoView({ block: 'nearest' });
    inputRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const to = navigationTarget(e.key, activeIndex, count);
    if (to !== undefined) {
      e.preventDefault();
      setActive(to);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (count > 0) onPick(result.shown[activeIndex].reference);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    }
  };

  const typed = query.trim();
  return (
    <div ref={boxRef} className="insertion-list">
      <input
        ref={inputRef}
        className="input insertion-search"
        type="text"
        role="combobox"
        aria-label={`Search insertions for ${label}`}
        aria-expanded={true}
        aria-controls={id}
        aria-autocomplete="list"
        aria-activedescendant={count > 0 ? optionId(baseId, activeIndex) : undefined}
        value={query}
        placeholder="Type to search slots and result fields…"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={() => onClose(false)}
        onKeyDown={onKeyDown}
      />
      <div onMouseDown={(e) => e.preventDefault()}>
        <ReferenceListbox
          id={id}
          baseId={baseId}
          label={`Insertions for ${label}`}
          listRef={listRef}
          groups={result.groups}
          activeIndex={activeIndex}
          onActive={setActive}
          onPick={(o) => onPick(o.reference)}
          groupHead={(group) =>
            group.callId === SLOT_GROUP ? (
              <span>Slots</span>
            ) : (
              <>
                <code>{group.callId}</code> <span className="ref-group-tool">{group.tool}</span>
              </>
            )
          }
        />
      </div>
      <p className="ref-summary muted" aria-live="polite">
        {result.matched === 0
          ? `Nothing to insert matches “${typed}”.`
          : result.hidden > 0
            ? `${result.hidden} more, type to narrow (${result.matched} match${result.matched === 1 ? '' : 'es'}).`
            : `${result.matched} to insert${typed ? ` matching “${typed}”` : ''}. Enter inserts at the caret.`}
      </p>
    </div>
  );
}
