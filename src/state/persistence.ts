/**
 * Autosave of the workspace (project + current chain + viewports) to IndexedDB.
 *
 * - Load gate: nothing is written before the stored workspace has been read (`ready`).
 * - Debounced: a change is written `debounceMs` after the last change, and never more than
 *   `maxWaitMs` (1 s) after the first unsaved one. The status is "saving" from the first
 *   unsaved keystroke (a pending draft, src/state/drafts.ts) until the write has completed.
 * - Leaving the page: on `pagehide`, `visibilitychange` (hidden) and `beforeunload` the pending
 *   drafts are committed and the workspace is written at once, synchronously: one IndexedDB
 *   `put` in a transaction started in the handler (no read first: a read's callback never runs
 *   while the page unloads), and a copy in localStorage (`fallback`), which the next start
 *   takes when it is newer than what IndexedDB holds (by revision, then time). `beforeunload`
 *   asks the user to stay only when even that copy could not be written.
 * - Unreadable storage (corrupt record, project that does not parse) is never overwritten:
 *   status `unreadable` with the raw text; autosave stays off until discardUnreadableStorage()
 *   (which first keeps a backup copy of the raw text).
 * - A failed write sets `not-saved` with the reason; the next change tries again.
 * - Two tabs: each save carries a revision and this tab's id and is announced on a
 *   BroadcastChannel; a tab that sees (or finds in storage when writing) a newer save by
 *   another tab marks itself `conflict` and stops autosaving until takeOverStorage() or a reload.
 */
import { parseProject, serializeProject } from '../core/index.ts';
import { pendingDraftsOf } from './drafts.ts';
import type { AppStore } from './store.ts';
import type { AppState, Viewport } from './types.ts';

export const CHANNEL_NAME = 'chainwright-workspace';
export const DB_NAME = 'chainwright';
const STORE_NAME = 'workspace';
const CURRENT_KEY = 'current';

/** What is stored: one record. */
export interface WorkspaceRecord {
  schema: 1;
  /** serializeProject(project): read back through parseProject. */
  projectText: string;
  fileName?: string;
  chainId: string | null;
  viewports: Record<string, Viewport>;
  revision: number;
  tabId: string;
  savedAt: number;
}

export type WriteOutcome = { ok: true } | { ok: false; conflict: { tabId: string; revision: number } };

/** The storage behind autosave (IndexedDB by default; tests may wrap it). */
export interface WorkspaceStorage {
  /** The stored record: undefined when none; `{ raw, reason }` when it is not a record this code can read. */
  read(): Promise<{ record: WorkspaceRecord } | { raw: string; reason: string } | undefined>;
  /**
   * Writes the record unless the stored one is a newer save of another tab (revision above
   * `knownRevision`): then nothing is written and the conflict is returned. Rejects when the write fails.
   */
  write(record: WorkspaceRecord, knownRevision: number): Promise<WriteOutcome>;
  /** Keeps a copy of unreadable text under another key before it is overwritten. */
  backup(raw: string): Promise<void>;
  /**
   * Starts writing the record at once, in the calling task: one `put`, no conflict check (for
   * a page being unloaded). Returns false when it cannot start now (storage not open yet);
   * `done` is called when the write has completed (no argument) or failed (the error).
   */
  writeNow?(record: WorkspaceRecord, done?: (error?: unknown) => void): boolean;
}

/** A synchronous copy of the latest workspace, written when the page is left (localStorage by default). */
export interface FallbackStore {
  /** Returns false when the copy could not be written (quota, storage off). */
  save(record: WorkspaceRecord): boolean;
  load(): WorkspaceRecord | undefined;
  clear(): void;
}

export const FALLBACK_KEY = 'chainwright-workspace-on-leave';

/** localStorage under FALLBACK_KEY; null when localStorage is not available. */
export function localStorageFallback(storage: Storage | undefined = globalThis.localStorage): FallbackStore | null {
  if (!storage) return null;
  return {
    save(record) {
      try {
        storage.setItem(FALLBACK_KEY, JSON.stringify(record));
        return true;
      } catch {
        return false;
      }
    },
    load() {
      try {
        const text = storage.getItem(FALLBACK_KEY);
        if (text === null) return undefined;
        const value: unknown = JSON.parse(text);
        return isRecord(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    clear() {
      try {
        storage.removeItem(FALLBACK_KEY);
      } catch {
        // Nothing to do: a stale copy loses to a newer IndexedDB record anyway.
      }
    },
  };
}

/** Whether `a` is a later save than `b`: a higher revision, or the same revision saved later. */
export function isNewerRecord(a: WorkspaceRecord, b: WorkspaceRecord | undefined): boolean {
  if (!b) return true;
  return a.revision > b.revision || (a.revision === b.revision && a.savedAt > b.savedAt);
}

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface PersistenceOptions {
  storage?: WorkspaceStorage;
  /** Default: new BroadcastChannel(CHANNEL_NAME) when available; null for none. */
  channel?: ChannelLike | null;
  /** Where `pagehide`, `beforeunload` and `visibilitychange` are listened for (default: globalThis when it has addEventListener). */
  pageEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** Whether the page is hidden (for `visibilitychange`; default: document.visibilityState). */
  isHidden?: () => boolean;
  /** The synchronous copy written when the page is left (default: localStorageFallback(); null for none). */
  fallback?: FallbackStore | null;
  debounceMs?: number;
  maxWaitMs?: number;
  tabId?: string;
}

export interface PersistenceController {
  /** Resolves once the stored workspace has been read (and restored when there was one). */
  ready: Promise<{ restored: boolean }>;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /**
   * What `pagehide` does: commits pending drafts, starts the IndexedDB write in this task and
   * writes the fallback copy. Returns whether the work is kept (nothing was pending, or a copy was written).
   */
  flushOnLeave(): boolean;
  takeOver(): Promise<void>;
  discardUnreadable(): Promise<void>;
  stop(): void;
  readonly tabId: string;
}

const describeError = (e: unknown): string => {
  if (e && typeof e === 'object' && 'name' in e && 'message' in e) {
    const { name, message } = e as { name: string; message: string };
    if (name === 'QuotaExceededError') return `the browser's storage is full (${message || name})`;
    return message ? `${name}: ${message}` : String(name);
  }
  return String(e);
};

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function isRecord(value: unknown): value is WorkspaceRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    r.schema === 1 &&
    typeof r.projectText === 'string' &&
    typeof r.revision === 'number' &&
    typeof r.tabId === 'string' &&
    (r.viewports === undefined || (typeof r.viewports === 'object' && r.viewports !== null))
  );
}

function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** IndexedDB storage: database `chainwright`, object store `workspace`, key `current`. */
export function indexedDbStorage(factory: IDBFactory = globalThis.indexedDB, dbName = DB_NAME): WorkspaceStorage {
  let opened: Promise<IDBDatabase> | null = null;
  let db: IDBDatabase | null = null;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) return reject(new Error('IndexedDB is not available in this browser'));
      const request = factory.open(dbName, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE_NAME)) request.result.createObjectStore(STORE_NAME);
      };
      request.onsuccess = () => {
        db = request.result;
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the storage is blocked by another tab holding an older version open'));
    }));
  return {
    async read() {
      const db = await open();
      const value: unknown = await requestResult(db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME).get(CURRENT_KEY));
      if (value === undefined) return undefined;
      if (!isRecord(value)) return { raw: rawText(value), reason: 'the saved workspace is not in a form this version can read' };
      return { record: value };
    },
    async write(record, knownRevision) {
      const db = await open();
      return new Promise<WriteOutcome>((resolve, reject) => {
        const tx = db.transaction(STORE_NAME, 'readwrite');
        const store = tx.objectStore(STORE_NAME);
        let outcome: WriteOutcome = { ok: true };
        const get = store.get(CURRENT_KEY);
        get.onsuccess = () => {
          const stored: unknown = get.result;
          if (isRecord(stored) && stored.tabId !== record.tabId && stored.revision > knownRevision) {
            outcome = { ok: false, conflict: { tabId: stored.tabId, revision: stored.revision } };
            return;
          }
          store.put(record, CURRENT_KEY);
        };
        tx.oncomplete = () => resolve(outcome);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the write was aborted'));
      });
    },
    async backup(raw) {
      const db = await open();
      const tx = db.transaction(STORE_NAME, 'readwrite');
      await requestResult(tx.objectStore(STORE_NAME).put(raw, `unreadable-backup-${Date.now()}`));
    },
    writeNow(record, done) {
      if (!db) return false;
      try {
        const tx = db.transaction(STORE_NAME, 'readwrite');
        tx.oncomplete = () => done?.();
        tx.onerror = () => done?.(tx.error ?? new Error('the write failed'));
        tx.onabort = () => done?.(tx.error ?? new Error('the write was aborted'));
        tx.objectStore(STORE_NAME).put(record, CURRENT_KEY);
        // Ask for the commit now rather than when the task ends: the page may not get there.
        tx.commit?.();
        return true;
      } catch {
        return false;
      }
    },
  };
}

type Mode = 'loading' | 'active' | 'conflict' | 'unreadable' | 'off';

interface SavedMessage {
  type: 'saved';
  tabId: string;
  revision: number;
}
const isSavedMessage = (m: unknown): m is SavedMessage =>
  !!m &&
  typeof m === 'object' &&
  (m as SavedMessage).type === 'saved' &&
  typeof (m as SavedMessage).tabId === 'string' &&
  typeof (m as SavedMessage).revision === 'number';

const CONFLICT_MESSAGE = 'another tab saved this project; this tab stopped autosaving. Reload to see that work, or take over to keep this tab’s.';

/** The default fallback: localStorage when this environment has one. */
function defaultFallback(): FallbackStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorageFallback(localStorage);
  } catch {
    return null;
  }
}

/** Starts autosave for a store. Call once, at start-up; `ready` tells whether a saved workspace was restored. */
export function startPersistence(store: AppStore, options: PersistenceOptions = {}): PersistenceController {
  const storage = options.storage ?? indexedDbStorage();
  const drafts = pendingDraftsOf(store);
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const tabId = options.tabId ?? globalThis.crypto?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}`;
  const ownChannel = options.channel === undefined && typeof BroadcastChannel !== 'undefined';
  const channel: ChannelLike | null = options.channel === undefined ? (ownChannel ? new BroadcastChannel(CHANNEL_NAME) : null) : options.channel;
  const pageEvents =
    options.pageEvents === undefined
      ? typeof (globalThis as { addEventListener?: unknown }).addEventListener === 'function'
        ? (globalThis as unknown as EventTarget)
        : null
      : options.pageEvents;
  const isHidden = options.isHidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
  const fallback = options.fallback === undefined ? defaultFallback() : options.fallback;

  let mode: Mode = 'loading';
  /** The newest revision this tab knows to be stored (its own or another tab's). */
  let knownRevision = 0;
  /** The highest revision this tab has started to write. */
  let issuedRevision = 0;
  let dirty = false;
  let inFlight = 0;
  let pendingSince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  let unreadableRaw: string | null = null;

  const status = (s: AppState['persistence']) => store.getState().setPersistence(s);
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const showSaving = () => {
    if (mode === 'active' && store.getState().persistence.kind !== 'saving') status({ kind: 'saving' });
  };
  /** "Saved" once nothing is waiting: no change, no draft, no write under way. */
  const settle = (revision: number, at: number) => {
    if (mode !== 'active' || dirty || inFlight > 0 || drafts.count() > 0) return;
    status({ kind: 'saved', revision, at });
  };

  const schedule = () => {
    const now = Date.now();
    pendingSince ??= now;
    clearTimer();
    const wait = Math.max(0, Math.min(debounceMs, maxWaitMs - (now - pendingSince)));
    timer = setTimeout(() => void flush(), wait);
  };

  const onChange = (state: AppState, prev: AppState) => {
    if (state.project === prev.project && state.viewports === prev.viewports && state.chainId === prev.chainId) return;
    dirty = true;
    if (mode !== 'active') return;
    showSaving();
    schedule();
  };
  const unsubscribe = store.subscribe(onChange);

  // Typing not yet committed already counts as unsaved; a draft typed back to what was saved does not.
  const unsubscribeDrafts = drafts.onChange((count) => {
    if (count > 0) return showSaving();
    const s = store.getState().persistence;
    if (s.kind === 'saving') settle(knownRevision, Date.now());
  });

  const enterConflict = (otherTabId: string) => {
    mode = 'conflict';
    clearTimer();
    status({ kind: 'conflict', message: CONFLICT_MESSAGE, otherTabId });
  };

  const makeRecord = (revision: number): WorkspaceRecord => {
    const s = store.getState();
    return {
      schema: 1,
      projectText: serializeProject(s.project),
      fileName: s.fileName,
      chainId: s.chainId,
      viewports: s.viewports,
      revision,
      tabId,
      savedAt: Date.now(),
    };
  };

  /** A write of this tab reached IndexedDB: the copy kept for leaving is no longer needed unless it is newer. */
  const dropFallbackUpTo = (record: WorkspaceRecord) => {
    const copy = fallback?.load();
    if (copy && !isNewerRecord(copy, record)) fallback?.clear();
  };

  const writeNow = async (): Promise<void> => {
    if (mode !== 'active' || !dirty) return;
    clearTimer();
    dirty = false;
    pendingSince = null;
    const record = makeRecord(knownRevision + 1);
    issuedRevision = Math.max(issuedRevision, record.revision);
    let outcome: WriteOutcome;
    inFlight++;
    try {
      outcome = await storage.write(record, knownRevision);
    } catch (e) {
      dirty = true;
      status({ kind: 'not-saved', reason: describeError(e) });
      return;
    } finally {
      inFlight--;
    }
    if (!outcome.ok) {
      dirty = true;
      enterConflict(outcome.conflict.tabId);
      return;
    }
    knownRevision = Math.max(knownRevision, record.revision);
    dropFallbackUpTo(record);
    channel?.postMessage({ type: 'saved', tabId, revision: record.revision } satisfies SavedMessage);
    if (dirty) schedule();
    else settle(record.revision, record.savedAt);
  };

  const flush = (): Promise<void> => {
    writing = writing.then(writeNow, writeNow);
    return writing;
  };

  /**
   * Leaving the page: no await may come between the event and the write, because the page
   * may be gone after this task. Commits the drafts, starts one IndexedDB put and writes the
   * localStorage copy, all in this task.
   */
  const flushOnLeave = (): boolean => {
    drafts.flush();
    if (!dirty) return true;
    if (mode !== 'active') return false;
    clearTimer();
    const record = makeRecord(Math.max(knownRevision, issuedRevision) + 1);
    issuedRevision = record.revision;
    const copied = fallback?.save(record) ?? false;
    inFlight++;
    let finished = false;
    const started =
      storage.writeNow?.(record, (error) => {
        if (finished) return;
        finished = true;
        inFlight--;
        if (error === undefined) {
          dropFallbackUpTo(record);
          settle(record.revision, record.savedAt);
        } else {
          dirty = true;
          status({ kind: 'not-saved', reason: describeError(error) });
          schedule();
        }
      }) ?? false;
    if (!started) inFlight--;
    if (!started && !copied) {
      // Neither way could start: the debounced write still tries, if the page stays.
      schedule();
      return false;
    }
    dirty = false;
    pendingSince = null;
    if (started) {
      knownRevision = Math.max(knownRevision, record.revision);
      channel?.postMessage({ type: 'saved', tabId, revision: record.revision } satisfies SavedMessage);
    } else {
      // Only the copy was written: IndexedDB gets it with the next write, if the page stays.
      dirty = true;
      schedule();
    }
    return copied;
  };

  const onMessage = (event: MessageEvent) => {
    const m: unknown = event.data;
    if (!isSavedMessage(m) || m.tabId === tabId || m.revision <= knownRevision) return;
    // While loading, the read that follows gets the newest save; a later one is caught when writing.
    if (mode === 'active') enterConflict(m.tabId);
  };
  channel?.addEventListener('message', onMessage);
  const onPageHide = () => void flushOnLeave();
  const onVisibility = () => {
    if (isHidden()) flushOnLeave();
  };
  const onBeforeUnload = (event: Event) => {
    if (flushOnLeave()) return;
    // Only when the work could not be kept anywhere: ask the user to stay.
    event.preventDefault();
    if (typeof BeforeUnloadEvent !== 'undefined' && event instanceof BeforeUnloadEvent) event.returnValue = '';
  };
  pageEvents?.addEventListener('pagehide', onPageHide);
  pageEvents?.addEventListener('visibilitychange', onVisibility);
  pageEvents?.addEventListener('beforeunload', onBeforeUnload);

  const ready = (async (): Promise<{ restored: boolean }> => {
    let found: Awaited<ReturnType<WorkspaceStorage['read']>>;
    try {
      found = await storage.read();
    } catch (e) {
      mode = 'off';
      status({ kind: 'unavailable', reason: describeError(e) });
      return { restored: false };
    }
    if (found && 'raw' in found) {
      mode = 'unreadable';
      unreadableRaw = found.raw;
      status({ kind: 'unreadable', reason: found.reason, raw: found.raw });
      return { restored: false };
    }
    // The copy written when the page was last left wins when it is newer than IndexedDB's record.
    const stored = found?.record;
    const copy = fallback?.load();
    const copyParsed = copy && isNewerRecord(copy, stored) ? parseProject(copy.projectText) : null;
    const fromCopy = copy && copyParsed?.ok ? copy : undefined;
    if (copy && !fromCopy) fallback?.clear();
    const record = fromCopy ?? stored;
    if (!record) {
      mode = 'active';
      status({ kind: 'saved', revision: 0, at: Date.now() });
      if (dirty) schedule();
      return { restored: false };
    }
    const parsed = fromCopy && copyParsed?.ok ? copyParsed : parseProject(record.projectText);
    if (!parsed.ok) {
      mode = 'unreadable';
      unreadableRaw = record.projectText;
      const where = `${parsed.error.path}${parsed.error.line ? `, line ${parsed.error.line}` : ''}`;
      status({ kind: 'unreadable', reason: `the saved project cannot be read (${where}): ${parsed.error.message}`, raw: record.projectText });
      knownRevision = record.revision;
      return { restored: false };
    }
    knownRevision = Math.max(record.revision, stored?.revision ?? 0);
    issuedRevision = knownRevision;
    const state = store.getState();
    state.loadProject(parsed.project, { chainId: record.chainId, clearHistory: true, ...(record.fileName ? { fileName: record.fileName } : {}) });
    store.setState({ viewports: { ...(record.viewports ?? {}) } });
    mode = 'active';
    if (fromCopy) {
      // IndexedDB missed the last edits: write them there now.
      dirty = true;
      status({ kind: 'saving' });
      await flush();
    } else {
      dirty = false;
      status({ kind: 'saved', revision: record.revision, at: record.savedAt });
    }
    return { restored: true };
  })();

  const controller: PersistenceController = {
    ready,
    tabId,
    flush,
    flushOnLeave,
    async takeOver() {
      await ready;
      try {
        const found = await storage.read();
        if (found && 'record' in found) knownRevision = Math.max(knownRevision, found.record.revision);
      } catch {
        // The write below reports the failure.
      }
      mode = 'active';
      dirty = true;
      await flush();
    },
    async discardUnreadable() {
      await ready;
      if (mode !== 'unreadable') return;
      try {
        if (unreadableRaw !== null) await storage.backup(unreadableRaw);
      } catch (e) {
        status({ kind: 'not-saved', reason: `could not keep a copy of the unreadable storage, so it was left as it is: ${describeError(e)}` });
        return;
      }
      unreadableRaw = null;
      mode = 'active';
      dirty = true;
      await flush();
    },
    stop() {
      clearTimer();
      mode = 'off';
      unsubscribe();
      unsubscribeDrafts();
      channel?.removeEventListener('message', onMessage);
      if (ownChannel) channel?.close();
      pageEvents?.removeEventListener('pagehide', onPageHide);
      pageEvents?.removeEventListener('visibilitychange', onVisibility);
      pageEvents?.removeEventListener('beforeunload', onBeforeUnload);
      store.setState({ persistenceHandlers: null });
    },
  };
  store.setState({ persistenceHandlers: { takeOver: controller.takeOver, discardUnreadable: controller.discardUnreadable } });
  return controller;
}
