/**
 * Text being typed that has not reached the project yet (a field's debounced commit is
 * waiting). Autosave reads this to say "Saving…" from the first keystroke and, on `pagehide`,
 * `visibilitychange` (hidden) and `beforeunload`, commits every pending draft before it writes.
 *
 * A field registers a commit function while it holds unsaved text and clears it once the
 * text is committed (or the field follows a change made elsewhere).
 */
type Listener = (pending: number) => void;

const pending = new Map<object, () => void>();
const listeners = new Set<Listener>();

const announce = () => listeners.forEach((l) => l(pending.size));

/** Marks `owner` as holding unsaved text that `commit` writes to the project (null: nothing pending). */
export function setPendingDraft(owner: object, commit: (() => void) | null): void {
  const had = pending.has(owner);
  if (commit) pending.set(owner, commit);
  else pending.delete(owner);
  if (had !== pending.has(owner)) announce();
}

/** How many fields hold unsaved text. */
export function pendingDraftCount(): number {
  return pending.size;
}

/** Commits every pending draft now (synchronously: the project holds them when this returns). */
export function flushPendingDrafts(): void {
  for (const [owner, commit] of [...pending]) {
    pending.delete(owner);
    commit();
  }
  announce();
}

/** Called with the number of pending drafts whenever a field starts or stops holding unsaved text. */
export function onPendingDraftsChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
