import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { searchFakerMethods, SLOT_FAKER_METHODS } from '../../core/index.ts';
import type { JsonValue } from '../../core/index.ts';
import { navigationTarget } from './listNavigation.ts';
import { useCommitOnLeave } from './useHeldDraft.ts';
import { useFakerSample, type FakerSample } from './useFakerSample.ts';
import './fakerPicker.css';

/** Options shown at once (the list narrows as one types). */
const SHOWN = 60;
const KNOWN = new Set(SLOT_FAKER_METHODS);

const sampleCache = new Map<string, string>();
/** A method's sample value as short text (seed 1, no arguments), remembered; "…" while Faker loads. */
function sampleText(fakerSample: FakerSample | undefined, method: string): string {
  if (!fakerSample) return '…';
  let text = sampleCache.get(method);
  if (text === undefined) {
    const s = fakerSample(method);
    text = s.ok ? shortText(s.value) : '—';
    sampleCache.set(method, text);
  }
  return text;
}

export function shortText(value: JsonValue): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** The closest known methods to an unknown one (same name in another case, or sharing the method's name), for the error. */
function closest(text: string): string | undefined {
  const lower = text.toLowerCase();
  const same = SLOT_FAKER_METHODS.find((m) => m.toLowerCase() === lower);
  if (same) return same;
  const name = lower.slice(lower.indexOf('.') + 1);
  return name ? searchFakerMethods(name, 1)[0] : undefined;
}

interface Props {
  slot: string;
  /** The slot's method now. */
  current: string;
  onPick: (method: string) => void;
}

/**
 * The Faker method of a slot (ARIA combobox, list autocomplete): every method of the installed
 * Faker, searchable ("city", "date soon", "person.full"), each with a sample value. Arrow keys
 * move, Enter picks, Escape closes and puts the current method back, Alt+Down opens. A method
 * typed by hand is kept when it exists; one that does not stays in the field with an error
 * beside it and is not committed.
 */
export function FakerMethodPicker({ slot, current, onPick }: Props) {
  const baseId = useId();
  const listId = `${baseId}-list`;
  const errorId = `${baseId}-error`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // Faker (the samples beside each method) is loaded when the list first opens.
  const fakerSample = useFakerSample(open ? 'now' : 'never');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [base, setBase] = useState(current);
  if (base !== current) {
    setBase(current);
    setQuery(null);
    setError(null);
  }
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const typing = query !== null && query.trim() !== current;
  const matches = useMemo(() => (open ? searchFakerMethods(typing ? query : '') : []), [open, typing, query]);
  const shown = matches.slice(0, SHOWN);
  const count = shown.length;
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  useEffect(() => {
    if (open) listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex]);

  const openAt = (index: number) => {
    setOpen(true);
    setActive(index);
  };
  const startIndex = () => Math.max(0, SLOT_FAKER_METHODS.indexOf(current));
  // A method typed by hand is kept when the page or this panel is left too, as when the field is left.
  const leaveCommit = useCommitOnLeave();
  const pick = (method: string) => {
    leaveCommit.clear();
    setOpen(false);
    setQuery(null);
    setError(null);
    if (method !== current) onPick(method);
  };
  /** Leaving the field or Enter on typed text: a method that exists is kept; another stays with its error. */
  const settle = () => {
    leaveCommit.clear();
    setOpen(false);
    if (!typing) {
      setQuery(null);
      return setError(null);
    }
    const text = query.trim();
    if (KNOWN.has(text)) return pick(text);
    const near = closest(text);
    setError(
      `“${text || '(empty)'}” is not a Faker method${near ? ` — did you mean ${near}?` : '.'} The slot keeps ${current}; Escape puts it back in the field.`,
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      if (e.key === 'ArrowUp') setOpen(false);
      else if (!open) openAt(typing ? 0 : startIndex());
      return;
    }
    const to = navigationTarget(e.key, activeIndex, count);
    if (to !== undefined) {
      e.preventDefault();
      if (!open) openAt(typing ? 0 : startIndex());
      else setActive(to);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      if (open && count > 0 && !(typing && KNOWN.has(query.trim()) && shown[activeIndex] !== query.trim())) pick(shown[activeIndex]);
      else settle();
    } else if (e.key === 'Escape' && (open || query !== null)) {
      e.preventDefault();
      e.stopPropagation();
      leaveCommit.clear();
      setOpen(false);
      setQuery(null);
      setError(null);
    }
  };

  return (
    <div className="faker-picker">
      <div className="ref-combobox">
        <input
          ref={inputRef}
          className="input faker-input"
          type="text"
          role="combobox"
          aria-label={`Faker method of ${slot}`}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && count > 0 ? optionId(activeIndex) : undefined}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          value={query ?? current}
          placeholder="Type to search Faker methods…"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            const text = e.target.value.trim();
            setQuery(e.target.value);
            setError(null);
            openAt(0);
            leaveCommit.markPending(() => KNOWN.has(text) && text !== current && onPick(text));
          }}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => !open && openAt(typing ? 0 : startIndex())}
          onBlur={settle}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="ref-toggle"
          tabIndex={-1}
          aria-label={open ? `Hide the Faker methods for ${slot}` : `Show the Faker methods for ${slot}`}
          aria-controls={listId}
          aria-expanded={open}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (open) setOpen(false);
            else openAt(typing ? 0 : startIndex());
            inputRef.current?.focus();
          }}
        >
          ▾
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-hint faker-error" role="alert">
          {error}
        </p>
      )}
      <div className="faker-popup" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
        <p className="faker-count muted" aria-live="polite">
          {open
            ? matches.length === 0
              ? 'No Faker method matches.'
              : matches.length > SHOWN
                ? `${matches.length} methods; the first ${SHOWN} shown — type to narrow.`
                : `${matches.length} method${matches.length === 1 ? '' : 's'}`
            : ''}
        </p>
        <ul ref={listRef} id={listId} role="listbox" className="faker-list" aria-label={`Faker methods for ${slot}`}>
          {shown.map((m, i) => (
            <li
              key={m}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === activeIndex}
              className={`faker-option${i === activeIndex ? ' is-active' : ''}${m === current ? ' is-current' : ''}`}
              onMouseMove={() => i !== activeIndex && setActive(i)}
              onClick={() => pick(m)}
            >
              <code className="faker-option-method">{m}</code>
              <span className="faker-option-sample">{sampleText(fakerSample, m)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
