import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { insertAtCaret } from './insertAtCaret.ts';
import { InsertionList } from './InsertionList.tsx';
import { useDraft } from './useDraft.ts';

interface Props {
  label: string;
  value: string;
  /** `{slot}` and `{call.path}` texts offered for insertion. */
  completions: readonly string[];
  onCommit: (text: string) => void;
  placeholder?: string;
  rows?: number;
  /** Extra controls after the label (e.g. a remove button). */
  actions?: ReactNode;
  highlighted?: boolean;
  fieldId?: string;
  /** Show the insertion chips only while the field (or a chip) has the focus: for lists of many fields. */
  compact?: boolean;
}

const MAX_CHIPS = 24;

/**
 * A template (request, reply): plain text with `{references}`, committed as it is typed
 * (300 ms after the last keystroke: one undo step per pause), on blur and on Ctrl+Enter. The slot
 * and reference names are offered below as chips that insert at the caret; past the first
 * MAX_CHIPS, "+N more" opens a searchable list of all of them (InsertionList).
 */
export function TemplateField({ label, value, completions, onCommit, placeholder, rows = 2, actions, highlighted, fieldId, compact }: Props) {
  const [focused, setFocused] = useState(false);
  const generatedId = useId();
  const id = fieldId ?? generatedId;
  const [draft, setDraft, commitNow] = useDraft(value, { commit: onCommit });
  const ref = useRef<HTMLTextAreaElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const [listOpen, setListOpen] = useState(false);
  const listId = `${id}-insertions`;
  const insert = (token: string) => {
    const el = ref.current;
    const next = insertAtCaret(draft, token, el?.selectionStart ?? null, el?.selectionEnd ?? null);
    setDraft(next.text);
    commitNow();
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };
  return (
    <div
      className={`template-field${highlighted ? ' is-highlighted' : ''}`}
      onFocus={compact ? () => setFocused(true) : undefined}
      onBlur={compact ? (e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setFocused(false) : undefined}
    >
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {actions}
      </div>
      <textarea
        id={id}
        ref={ref}
        className="input textarea"
        rows={rows}
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commitNow}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commitNow();
        }}
      />
      {completions.length > 0 && (!compact || focused || listOpen) && (
        <div className="chips" role="group" aria-label={`Insert into ${label}`}>
          {completions.slice(0, MAX_CHIPS).map((token) => (
            <button key={token} type="button" className="chip" onMouseDown={(e) => e.preventDefault()} onClick={() => insert(token)}>
              {token}
            </button>
          ))}
          {completions.length > MAX_CHIPS && (
            <button
              ref={moreRef}
              type="button"
              className="chip chip-more"
              aria-expanded={listOpen}
              aria-controls={listOpen ? listId : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setListOpen((open) => !open)}
            >
              +{completions.length - MAX_CHIPS} more<span className="visually-hidden"> to insert into {label}</span>
            </button>
          )}
        </div>
      )}
      {listOpen && (
        <InsertionList
          id={listId}
          label={label}
          completions={completions}
          onPick={(token) => {
            setListOpen(false);
            insert(token);
          }}
          onClose={(restoreFocus) => {
            setListOpen(false);
            if (restoreFocus) moreRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
