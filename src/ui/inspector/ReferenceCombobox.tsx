import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ReferenceOption } from '../../core/index.ts';
import { makeSelectReferenceOptions, useAppStore } from '../../state/store.ts';
import { navigationTarget } from './listNavigation.ts';
import { optionId, ReferenceListbox } from './ReferenceListbox.tsx';
import { searchReferences } from './referenceSearch.ts';

interface Props {
  callId: string;
  arg: string;
  /** The argument's reference now (`{rooms.rooms[0].room_id}`), or '' when none is chosen yet. */
  current: string;
  onPick: (reference: string) => void;
}

/**
 * The reference picker (ARIA combobox, list autocomplete): an input that filters the result
 * fields of the upstream calls as one types (call id, tool or path), grouped by call with
 * each field's type. Arrow keys move, Enter picks, Escape closes and restores, Alt+Down opens.
 * At most ~200 matches are rendered; the rest are counted. Renders two grid cells: the input,
 * and the popup list spanning the argument row.
 */
export function ReferenceCombobox({ callId, arg, current, onPick }: Props) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const selector = useMemo(() => makeSelectReferenceOptions(callId, arg), [callId, arg]);
  const options = useAppStore(selector);
  // null: not typing (the input shows the current reference and the list shows every field).
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const result = useMemo(() => searchReferences(options, open ? (query ?? '') : ''), [options, query, open]);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // After a pick the new reference is selected, so that typing starts a new search.
  const selectAfterPick = useRef(false);
  useEffect(() => {
    if (!selectAfterPick.current) return;
    selectAfterPick.current = false;
    if (document.activeElement === inputRef.current) inputRef.current?.select();
  }, [current]);
  const count = result.shown.length;
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex]);

  const openAt = (index: number) => {
    setOpen(true);
    setActive(index);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const pick = (option: ReferenceOption) => {
    close();
    if (option.reference === current) return inputRef.current?.select();
    selectAfterPick.current = true;
    onPick(option.reference);
  };
  /** Where the list opens: on the current reference when it is shown. */
  const startIndex = () => Math.max(0, searchReferences(options, '').shown.findIndex((o) => o.reference === current));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      if (e.key === 'ArrowUp') close();
      else if (!open) openAt(query === null ? startIndex() : 0);
      return;
    }
    const to = navigationTarget(e.key, activeIndex, count);
    if (to !== undefined) {
      e.preventDefault();
      if (!open) openAt(query === null ? startIndex() : 0);
      else setActive(to);
      return;
    }
    if (e.key === 'Enter' && open && count > 0) {
      e.preventDefault();
      pick(result.shown[activeIndex]);
    } else if (e.key === 'Escape' && (open || query !== null)) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const typed = query ?? '';
  const types = (o: ReferenceOption) => o.types.join(' | ') || 'any';
  return (
    <>
      <div className="ref-combobox">
        <input
          ref={inputRef}
          className="input ref-input"
          type="text"
          role="combobox"
          aria-label={`Reference for ${arg}`}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && count > 0 ? optionId(baseId, activeIndex) : undefined}
          value={query ?? current}
          placeholder={options.length ? 'Type to search fields…' : 'No upstream call has a result to use'}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            openAt(0);
          }}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => !open && openAt(query === null ? startIndex() : 0)}
          onBlur={close}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="ref-toggle"
          tabIndex={-1}
          aria-label={open ? `Hide result fields for ${arg}` : `Show result fields for ${arg}`}
          aria-controls={listId}
          aria-expanded={open}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (open) close();
            else openAt(query === null ? startIndex() : 0);
            inputRef.current?.focus();
          }}
        >
          ▾
        </button>
      </div>
      <div className="ref-popup" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
        <ReferenceListbox
          id={listId}
          baseId={baseId}
          label={`Result fields for ${arg}`}
          listRef={listRef}
          groups={open ? result.groups : []}
          activeIndex={activeIndex}
          onActive={setActive}
          onPick={pick}
          optionDetail={(o) => (
            <>
              {' '}
              <span className="ref-option-type">{types(o)}</span>
              {o.typeMismatch && <span className="ref-option-warn"> type mismatch</span>}
              {o.reference === current && <span className="visually-hidden"> (current)</span>}
            </>
          )}
          optionClass={(o) => (o.reference === current ? 'is-current' : '')}
        />
        <p className="ref-summary muted" aria-live="polite">
          {!open
            ? ''
            : options.length === 0
              ? 'No upstream call has a result to use: connect or add a call that runs before this one.'
              : result.matched === 0
                ? `No result field matches “${typed}”.`
                : result.hidden > 0
                  ? `${result.hidden} more, type to narrow (${result.matched} match${result.matched === 1 ? '' : 'es'}).`
                  : summary(result.matched, typed.trim())}
        </p>
      </div>
    </>
  );
}

function summary(matched: number, typed: string): string {
  const fields = `${matched} field${matched === 1 ? '' : 's'}`;
  return typed ? `${fields} match${matched === 1 ? 'es' : ''} “${typed}”.` : `${fields}.`;
}
