import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ReferenceOption } from '../../core/index.ts';
import { navigationTarget } from './listNavigation.ts';
import { useCommitOnLeave } from './useHeldDraft.ts';
import { optionId, ReferenceListbox } from './ReferenceListbox.tsx';
import { searchReferences, type ReferenceGroup } from './referenceSearch.ts';

/** What a hand-typed text means where the picker stands (core typedReference). */
export type TypedCheck = (text: string) => { ok: true; reference: string; types: string[] } | { ok: false; problem: string };

interface Props {
  /** The input's accessible name ("Reference for room_id", "Filter: value"). */
  label: string;
  /** The list's accessible name. */
  listLabel: string;
  options: readonly ReferenceOption[];
  /** The reference now (`{rooms.rooms[0].room_id}`), or '' when none is chosen yet. */
  current: string;
  onPick: (reference: string) => void;
  /** Reads a typed text as a reference: when it is one, it is offered first ("as typed") and kept on Enter or when the field is left. */
  typed?: TypedCheck;
  placeholder?: string;
  /** Said when there is nothing to offer. */
  emptyText: string;
  /** What an option is called in the list's summary ("3 fields match …"). */
  noun?: string;
  className?: string;
}

/** The group id of the hand-typed option (no call id has a space). */
const TYPED_GROUP = ' typed';

/**
 * A reference picker (ARIA combobox, list autocomplete): an input that filters the options
 * as one types (call id, tool or path), grouped by call with each field's type. Arrow keys
 * move, Enter picks, Escape closes and restores, Alt+Down opens. A reference typed by hand
 * that the scope can read (`{tasks.tasks[1].task_id}`) is offered first "as typed" and kept
 * when the field is left: it is never silently replaced by a close match. One that cannot be
 * read stays in the field with the reason beside it, until Escape puts the current one back.
 * Renders two grid cells: the input, and the popup list spanning the row.
 */
export function ReferencePicker({ label, listLabel, options, current, onPick, typed, placeholder, emptyText, noun = 'field', className }: Props) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const problemId = `${baseId}-problem`;
  // null: not typing (the input shows the current reference and the list shows every option).
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [base, setBase] = useState(current);
  if (base !== current) {
    // The reference changed elsewhere (a pick, undo): what was typed is done with.
    setBase(current);
    setQuery(null);
  }
  const typing = query !== null && query.trim() !== '' && query.trim() !== current;
  const typedResult = useMemo(() => (typed && typing ? typed(query) : null), [typed, typing, query]);
  const result = useMemo(() => {
    const found = searchReferences(options, open ? (query ?? '') : '');
    if (!typedResult?.ok || !open || options.some((o) => o.reference === typedResult.reference)) return found;
    const option: ReferenceOption = {
      callId: TYPED_GROUP,
      tool: 'as typed',
      field: typedResult.reference,
      reference: typedResult.reference,
      types: typedResult.types,
      typeMismatch: false,
    };
    const groups: ReferenceGroup[] = [{ callId: TYPED_GROUP, tool: 'as typed', options: [option] }, ...found.groups];
    return { ...found, groups, shown: [option, ...found.shown], matched: found.matched + 1 };
  }, [options, query, open, typedResult]);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
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
  // A reference typed by hand is kept when the page or this panel is left too, as when the field is left.
  const leaveCommit = useCommitOnLeave();
  const close = () => {
    leaveCommit.clear();
    setOpen(false);
    setQuery(null);
  };
  const pickReference = (reference: string) => {
    close();
    if (reference === current) return inputRef.current?.select();
    selectAfterPick.current = true;
    onPick(reference);
  };
  const startIndex = () =>
    Math.max(
      0,
      searchReferences(options, '').shown.findIndex((o) => o.reference === current),
    );
  /** Leaving the field: a typed reference is kept; one that cannot be read stays shown with its reason. */
  const leave = () => {
    leaveCommit.clear();
    setOpen(false);
    if (!typing) return setQuery(null);
    if (typedResult?.ok) pickReference(typedResult.reference);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      if (e.key === 'ArrowUp') setOpen(false);
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
      pickReference(result.shown[activeIndex].reference);
    } else if (e.key === 'Enter' && typing) {
      e.preventDefault();
      leave();
    } else if (e.key === 'Escape' && (open || query !== null)) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const typedText = query ?? '';
  const problem = !open && typing && typedResult && !typedResult.ok ? typedResult.problem : null;
  const types = (o: ReferenceOption) => o.types.join(' | ') || 'any';
  return (
    <>
      <div className={`ref-combobox${className ? ` ${className}` : ''}`}>
        <input
          ref={inputRef}
          className="input ref-input"
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && count > 0 ? optionId(baseId, activeIndex) : undefined}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          value={query ?? current}
          placeholder={options.length ? (placeholder ?? 'Type to search fields…') : emptyText}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            const text = e.target.value;
            setQuery(text);
            openAt(0);
            leaveCommit.markPending(() => {
              const r = typed && text.trim() !== '' && text.trim() !== current ? typed(text) : null;
              if (r?.ok && r.reference !== current) onPick(r.reference);
            });
          }}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => !open && openAt(query === null ? startIndex() : 0)}
          onBlur={leave}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="ref-toggle"
          tabIndex={-1}
          aria-label={open ? `Hide the choices for ${label}` : `Show the choices for ${label}`}
          aria-controls={listId}
          aria-expanded={open}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (open) setOpen(false);
            else openAt(query === null ? startIndex() : 0);
            inputRef.current?.focus();
          }}
        >
          ▾
        </button>
      </div>
      {problem && (
        <span id={problemId} className="field-hint ref-problem" role="status">
          Not used: {problem}. Escape puts back {current || 'the empty value'}.
        </span>
      )}
      <div className="ref-popup" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
        <ReferenceListbox
          id={listId}
          baseId={baseId}
          label={listLabel}
          listRef={listRef}
          groups={open ? result.groups : []}
          activeIndex={activeIndex}
          onActive={setActive}
          onPick={(o) => pickReference(o.reference)}
          groupHead={(g) =>
            g.callId === TYPED_GROUP ? (
              <span className="ref-group-tool">As typed</span>
            ) : g.callId === '' ? (
              <span className="ref-group-tool">Slots</span>
            ) : (
              <>
                <code>{g.callId}</code> <span className="ref-group-tool">{g.tool}</span>
              </>
            )
          }
          optionDetail={(o) => (
            <>
              {' '}
              <span className="ref-option-type">{types(o)}</span>
              {o.typeMismatch && <span className="ref-option-warn"> type mismatch</span>}
              {o.reference === current && <span className="visually-hidden"> (current)</span>}
            </>
          )}
          optionClass={(o) => (o.reference === current ? 'is-current' : o.callId === TYPED_GROUP ? 'is-typed' : '')}
        />
        <p className="ref-summary muted" aria-live="polite">
          {!open
            ? ''
            : options.length === 0 && count === 0
              ? emptyText
              : result.matched === 0
                ? `Nothing matches “${typedText}”${typedResult && !typedResult.ok ? ` (${typedResult.problem})` : ''}.`
                : result.hidden > 0
                  ? `${result.hidden} more, type to narrow (${result.matched} match${result.matched === 1 ? '' : 'es'}).`
                  : summary(result.matched, typedText.trim(), noun)}
        </p>
      </div>
    </>
  );
}

function summary(matched: number, typed: string, noun: string): string {
  const fields = `${matched} ${noun}${matched === 1 ? '' : 's'}`;
  return typed ? `${fields} match${matched === 1 ? 'es' : ''} “${typed}”.` : `${fields}.`;
}
