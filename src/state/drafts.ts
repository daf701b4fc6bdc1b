/**
 * Text being typed that has not reached the project yet (a field's debounced commit is
 * waiting). Autosave reads this to say "Saving…" from the first keystroke and, on `pagehide`,
 * `visibilitychange` (hidden) and `beforeunload`, commits every pending draft before it writes.
 *
 * A field registers a commit function while it holds unsaved text and clears it once the
 * text is committed (or the field follows a change made elsewhere). The pending drafts belong
 * to the store the fields write to (`pendingDraftsOf(store)`): a store's autosave waits for
 * and flushes its own fields only.
 */
type Listener = (pending: number) => void;

export interface PendingDrafts {
  /** Marks `owner` as holding unsaved text that `commit` writes to the project (null: nothing pending). */
  set(owner: object, commit: (() => void) | null): void;
  /** How many fields hold unsaved text. */
  count(): number;
  /** Commits every pending draft now (synchronously: the project holds them when this returns). */
  flush(): void;
  /** Called with the number of pending drafts whenever a field starts or stops holding unsaved text. */
  onChange(listener: Listener): () => void;
}

export function createPendingDrafts(): PendingDrafts {
  const pending = new Map<object, () => void>();
  const listeners = new Set<Listener>();
  const announce = () => listeners.forEach((l) => l(pending.size));
  return {
    set(owner, commit) {
      const had = pending.has(owner);
      if (commit) pending.set(owner, commit);
      else pending.delete(owner);
      if (had !== pending.has(owner)) announce();
    },
    count: () => pending.size,
    flush() {
      for (const [owner, commit] of [...pending]) {
        pending.delete(owner);
        commit();
      }
      announce();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const draftsByStore = new WeakMap<object, PendingDrafts>();

/** The pending drafts of the fields that write to `store` (made on first use). */
export function pendingDraftsOf(store: object): PendingDrafts {
  let drafts = draftsByStore.get(store);
  if (!drafts) draftsByStore.set(store, (drafts = createPendingDrafts()));
  return drafts;
}

/**
 * Text a field tried to commit and could not (a rename to an id already in use, JSON that does
 * not parse): it is kept, with the reason, under the field's key until it is committed or put
 * back (Escape), so that leaving the field's panel or reloading the page shows it again with its
 * reason instead of dropping it. Kept in memory and in sessionStorage (this tab, across reloads).
 */
export interface HeldDraft {
  text: string;
  /** Why it was not committed, as the field showed it. */
  problem: string;
}

export const HELD_DRAFTS_KEY = 'chainwright-held-drafts';

/** Where held drafts are copied so that a reload finds them (sessionStorage by default; null: memory only). */
export interface HeldDraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let heldStorage: HeldDraftStorage | null | undefined;
let held: Map<string, HeldDraft> | null = null;

function defaultHeldStorage(): HeldDraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

const isHeldDraft = (v: unknown): v is HeldDraft =>
  !!v && typeof v === 'object' && typeof (v as HeldDraft).text === 'string' && typeof (v as HeldDraft).problem === 'string';

function heldMap(): Map<string, HeldDraft> {
  if (held) return held;
  held = new Map();
  heldStorage ??= defaultHeldStorage();
  try {
    const parsed: unknown = JSON.parse(heldStorage?.getItem(HELD_DRAFTS_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) if (isHeldDraft(v)) held.set(k, v);
  } catch {
    // An unreadable copy holds nothing worth showing.
  }
  return held;
}

/** Uses `storage` for held drafts from now on (tests); reads what it holds on next use. */
export function setHeldDraftStorage(storage: HeldDraftStorage | null): void {
  heldStorage = storage;
  held = null;
}

/** The key of a field's held draft: its chain and what it edits (`heldDraftKey(chainId, 'call', 'book', 'id')`). */
export function heldDraftKey(...parts: (string | null)[]): string {
  return parts.map((p) => p ?? '').join('\u0000');
}

/** Forgets every held draft: another project was opened (its calls and slots may share the ids the drafts are kept under). */
export function forgetHeldDrafts(): void {
  const map = heldMap();
  if (map.size === 0) return;
  map.clear();
  try {
    heldStorage?.setItem(HELD_DRAFTS_KEY, '{}');
  } catch {
    // Storage off: nothing was kept there.
  }
}

/** The draft held under `key`, if any. */
export function heldDraft(key: string): HeldDraft | undefined {
  return heldMap().get(key);
}

/** Holds `draft` under `key` (null: forgets what was held there). */
export function holdDraft(key: string, draft: HeldDraft | null): void {
  const map = heldMap();
  if (draft) map.set(key, draft);
  else if (!map.delete(key)) return;
  try {
    heldStorage?.setItem(HELD_DRAFTS_KEY, JSON.stringify(Object.fromEntries(map)));
  } catch {
    // Storage full or off: the draft is still held in memory for this page.
  }
}
