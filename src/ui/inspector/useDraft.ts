import { useCallback, useEffect, useRef, useState } from 'react';
import { pendingDraftsOf } from '../../state/drafts.ts';
import { useAppStoreApi } from '../../state/store.ts';

/** How long typing may pause before the text is committed (one undo step per pause). */
export const DRAFT_COMMIT_MS = 300;

export interface DraftOptions {
  /**
   * Commits the text to the project. Given: the draft is committed `delayMs` after the last
   * keystroke, when the field unmounts, and by autosave's flush (`pagehide`, tab hidden)
   * — so what is on the screen is what a reload brings back.
   */
  commit?: (text: string) => void;
  delayMs?: number;
}

/**
 * A text being edited: it follows the stored value when that changes from elsewhere (undo,
 * another panel), and keeps what the user typed otherwise. With `commit`, typing is committed
 * as it goes (debounced); the third element commits what is pending at once (blur, Enter).
 */
export function useDraft(value: string, options: DraftOptions = {}): [string, (text: string) => void, () => void] {
  const drafts = pendingDraftsOf(useAppStoreApi());
  const [draft, setDraftState] = useState(value);
  const [base, setBase] = useState(value);
  const owner = useRef<object>({});
  const latest = useRef({ draft: value, value, commit: options.commit, delayMs: options.delayMs ?? DRAFT_COMMIT_MS });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The last text this field committed: the store coming back with it is not a change from elsewhere. */
  const committed = useRef<string | null>(null);

  if (value !== base) {
    setBase(value);
    if (value !== committed.current || latest.current.draft === value) setDraftState(value);
  }

  // cancel and flush read only refs: one of each for the field's life.
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    drafts.set(owner.current, null);
  }, [drafts]);

  const flush = useCallback(() => {
    const pendingNow = timer.current !== null;
    cancel();
    const { draft: text, value: stored, commit } = latest.current;
    if (!pendingNow || !commit || text === stored) return;
    committed.current = text;
    commit(text);
  }, [cancel]);

  useEffect(() => {
    const changed = value !== latest.current.value;
    latest.current.value = value;
    latest.current.commit = options.commit;
    latest.current.delayMs = options.delayMs ?? DRAFT_COMMIT_MS;
    if (changed && value !== committed.current && value !== latest.current.draft) {
      // Changed elsewhere (undo, another panel): what was pending here is dropped.
      cancel();
      latest.current.draft = value;
    }
  });

  const setDraft = (text: string) => {
    latest.current.draft = text;
    setDraftState(text);
    if (!latest.current.commit) return;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, latest.current.delayMs);
    drafts.set(owner.current, flush);
  };

  // Leaving the field's panel (another call selected) commits what was typed.
  useEffect(() => () => flush(), [flush]);

  return [draft, setDraft, flush];
}
