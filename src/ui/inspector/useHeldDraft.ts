import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { heldDraft, holdDraft, pendingDraftsOf } from '../../state/drafts.ts';
import { useAppStoreApi } from '../../state/store.ts';

/**
 * What a field does with a commit that must wait for the whole text (a rename, a condition's
 * operand, JSON): while text is typed and not yet committed, `commit` is registered as a pending
 * draft, so that leaving the page (`pagehide`, tab hidden) commits it; unmounting (another call
 * selected, the panel closed) runs it too. Returns `markPending(commit)` for each change and
 * `clear()` once the text is committed or put back.
 */
export function useCommitOnLeave(): { markPending: (commit: () => void) => void; clear: () => void } {
  const drafts = pendingDraftsOf(useAppStoreApi());
  const owner = useRef<object>({});
  const pending = useRef<(() => void) | null>(null);
  // Made once: a field's store does not change while it is shown.
  const [api] = useState(() => ({
    markPending(commit: () => void) {
      const run = () => {
        if (pending.current !== run) return;
        pending.current = null;
        drafts.set(owner.current, null);
        commit();
      };
      pending.current = run;
      drafts.set(owner.current, run);
    },
    clear() {
      pending.current = null;
      drafts.set(owner.current, null);
    },
  }));
  useEffect(() => () => pending.current?.(), []);
  return api;
}

export interface HeldDraftOptions {
  /** Commits the text: returns null when it was committed, or why it cannot be (shown beside the field; the text stays). */
  apply: (text: string) => string | null;
  /**
   * Where text that could not be committed is held (drafts.ts: `heldDraftKey(...)`), so that it
   * comes back with its reason when the field is shown again, after another call was selected or
   * the page reloaded. Without a key it stays only while the field is shown.
   */
  holdKey?: string;
}

export interface HeldDraftField {
  draft: string;
  /** Why the text on screen was not committed; null when it was (or was not tried yet). */
  problem: string | null;
  setDraft: (text: string) => void;
  /** Commits now (blur, Enter); false when it was refused. */
  commit: () => boolean;
  /** Puts the stored value back (Escape), forgetting what was typed or held. */
  revert: () => void;
}

/**
 * A text committed when the field is left (blur, Enter), when the page is left and when the
 * field unmounts, never silently dropped: what cannot be committed stays in the field with its
 * reason (and is held under `holdKey` across unmounts and reloads) until it is fixed or put back.
 * It follows the stored value when that changes from elsewhere (undo, another panel).
 */
export function useHeldDraft(value: string, { apply, holdKey }: HeldDraftOptions): HeldDraftField {
  const [restored] = useState(() => {
    const h = holdKey ? heldDraft(holdKey) : undefined;
    return h && h.text !== value ? h : undefined;
  });
  const [draft, setDraftState] = useState(restored?.text ?? value);
  const [problem, setProblem] = useState<string | null>(restored?.problem ?? null);
  const [base, setBase] = useState(value);
  const leave = useCommitOnLeave();
  const latest = useRef({ draft: restored?.text ?? value, value, apply, holdKey });

  if (value !== base) {
    // Committed here (the value now is what was typed, or its normal form) or changed elsewhere: show it.
    setBase(value);
    setDraftState(value);
    setProblem(null);
  }
  useLayoutEffect(() => {
    latest.current.apply = apply;
    latest.current.holdKey = holdKey;
  });
  useLayoutEffect(() => {
    if (latest.current.value === value) return;
    latest.current.value = value;
    latest.current.draft = value;
    leave.clear();
    if (latest.current.holdKey) holdDraft(latest.current.holdKey, null);
  }, [value, leave]);

  const commit = (): boolean => {
    leave.clear();
    const { draft: text, value: stored, apply: write, holdKey: key } = latest.current;
    if (text === stored) {
      if (key) holdDraft(key, null);
      setProblem(null);
      return true;
    }
    const refused = write(text);
    if (refused === null) {
      // Until the new value comes back, the text is what is stored (a second blur does not write again).
      latest.current.value = text;
      if (key) holdDraft(key, null);
      setProblem(null);
      return true;
    }
    if (key) holdDraft(key, { text, problem: refused });
    setProblem(refused);
    return false;
  };

  const setDraft = (text: string) => {
    latest.current.draft = text;
    setDraftState(text);
    setProblem(null);
    if (text === latest.current.value) leave.clear();
    else leave.markPending(commit);
  };

  const revert = () => {
    leave.clear();
    const { value: stored, holdKey: key } = latest.current;
    latest.current.draft = stored;
    if (key) holdDraft(key, null);
    setDraftState(stored);
    setProblem(null);
  };

  return { draft, problem, setDraft, commit, revert };
}
