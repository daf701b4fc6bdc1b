// @vitest-environment node
import { describe, it, expect, vi, afterEach } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { loadExample } from '../core/testing/fixtures.ts';
import { serializeProject } from '../core/index.ts';
import { createAppStore, type AppStore } from './store.ts';
import {
  indexedDbStorage,
  localStorageFallback,
  startPersistence,
  type FallbackStore,
  type PersistenceController,
  type WorkspaceRecord,
  type WorkspaceStorage,
} from './persistence.ts';
import { pendingDraftsOf } from './drafts.ts';

const CHAIN = 'book-and-invite';
const running: PersistenceController[] = [];
const channels: BroadcastChannel[] = [];
afterEach(() => {
  running.splice(0).forEach((c) => c.stop());
  channels.splice(0).forEach((c) => c.close());
  vi.useRealTimers();
});

function start(store: AppStore, options: Parameters<typeof startPersistence>[1]) {
  const c = startPersistence(store, { channel: null, pageEvents: null, fallback: null, ...options });
  running.push(c);
  return c;
}

/** In-memory storage that records when each write happened. */
function memoryStorage(initial?: WorkspaceRecord) {
  let stored = initial;
  const writes: { at: number; record: WorkspaceRecord }[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let gated = false;
  const storage: WorkspaceStorage = {
    async read() {
      if (gated) await gate;
      return stored ? { record: stored } : undefined;
    },
    async write(record) {
      writes.push({ at: Date.now(), record });
      stored = record;
      return { ok: true };
    },
    async backup() {},
  };
  return { storage, writes, holdReads: () => (gated = true), releaseReads: () => release() };
}

/** A fallback copy in memory (what localStorage holds in the browser). */
function memoryFallback(initial?: WorkspaceRecord, { full = false } = {}) {
  const items = new Map<string, string>();
  const local = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  } as unknown as Storage;
  const store = localStorageFallback(local) as FallbackStore;
  if (initial) items.set('chainwright-workspace-on-leave', JSON.stringify(initial));
  return { store, items };
}

const move = (store: AppStore, x: number) => store.getState().moveCalls({ book: { x, y: 0 } });
const rawRecord = async (factory: IDBFactory, key = 'current'): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const open = factory.open('chainwright', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('workspace', 'readonly').objectStore('workspace').get(key);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    };
  });
const allKeys = async (factory: IDBFactory): Promise<IDBValidKey[]> =>
  new Promise((resolve) => {
    const open = factory.open('chainwright', 1);
    open.onsuccess = () => {
      const req = open.result.transaction('workspace', 'readonly').objectStore('workspace').getAllKeys();
      req.onsuccess = () => resolve(req.result);
    };
  });
async function putRaw(factory: IDBFactory, value: unknown) {
  await new Promise<void>((resolve) => {
    const open = factory.open('chainwright', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('workspace');
    open.onsuccess = () => {
      const tx = open.result.transaction('workspace', 'readwrite');
      tx.objectStore('workspace').put(value, 'current');
      tx.oncomplete = () => resolve();
    };
  });
}

describe('autosave timing', () => {
  it('writes at most 1 s after the first unsaved change, even while changes keep coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = createAppStore({ project: loadExample('room-booking') });
    const mem = memoryStorage();
    const c = start(store, { storage: mem.storage, debounceMs: 300, maxWaitMs: 1000 });
    await c.ready;
    const t0 = Date.now();
    for (let i = 1; i <= 20; i += 1) {
      move(store, i);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(mem.writes.length).toBeGreaterThan(0);
    expect(mem.writes[0].at - t0).toBeLessThanOrEqual(1000);
    expect(mem.writes[0].at - t0).toBeGreaterThanOrEqual(300);
    await vi.advanceTimersByTimeAsync(1000);
    expect(JSON.parse(mem.writes.at(-1)!.record.projectText).chains[0].calls.find((x: { id: string }) => x.id === 'book').position.x).toBe(20);
    expect(store.getState().persistence.kind).toBe('saved');
  });

  it('waits for a pause of debounceMs when changes stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = createAppStore({ project: loadExample('room-booking') });
    const mem = memoryStorage();
    const c = start(store, { storage: mem.storage, debounceMs: 300 });
    await c.ready;
    move(store, 5);
    expect(store.getState().persistence.kind).toBe('saving');
    await vi.advanceTimersByTimeAsync(299);
    expect(mem.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(mem.writes).toHaveLength(1);
  });

  it('flushes on pagehide', async () => {
    const store = createAppStore({ project: loadExample('room-booking') });
    const mem = memoryStorage();
    const page = new EventTarget();
    const c = start(store, { storage: mem.storage, pageEvents: page, debounceMs: 60_000, maxWaitMs: 60_000 });
    await c.ready;
    move(store, 7);
    page.dispatchEvent(new Event('pagehide'));
    await c.flush();
    expect(mem.writes).toHaveLength(1);
  });

  it('writes nothing before the saved workspace has loaded (load gate), then restores it', async () => {
    const saved = createAppStore({ project: loadExample('q4-planning') }).getState().project;
    const record: WorkspaceRecord = {
      schema: 1,
      projectText: serializeProject(saved),
      chainId: saved.chains[0].id,
      viewports: { x: { x: 1, y: 2, zoom: 3 } },
      revision: 4,
      tabId: 'other',
      savedAt: 0,
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const mem = memoryStorage(record);
    mem.holdReads();
    const store = createAppStore({ project: loadExample('room-booking') });
    const c = start(store, { storage: mem.storage, debounceMs: 1, maxWaitMs: 1 });
    move(store, 1);
    await c.flush();
    await vi.advanceTimersByTimeAsync(50); // well past the 1 ms debounce and wait
    expect(mem.writes).toHaveLength(0);
    expect(store.getState().persistence.kind).toBe('loading');
    mem.releaseReads();
    expect(await c.ready).toEqual({ restored: true });
    expect(store.getState().project).toEqual(saved);
    expect(store.getState().viewports).toEqual(record.viewports);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(mem.writes).toHaveLength(0);
  });
});

describe('leaving the page', () => {
  const xOf = (record: WorkspaceRecord | undefined) =>
    JSON.parse(record!.projectText).chains[0].calls.find((x: { id: string }) => x.id === 'book').position.x as number;

  it('on pagehide commits the pending draft and starts one put and the copy in the same task, with no await', async () => {
    const store = createAppStore({ project: loadExample('room-booking') });
    const started: WorkspaceRecord[] = [];
    const storage: WorkspaceStorage = { ...memoryStorage().storage, writeNow: (record) => (started.push(record), true) };
    const copy = memoryFallback();
    const page = new EventTarget();
    const c = start(store, { storage, pageEvents: page, fallback: copy.store, debounceMs: 60_000, maxWaitMs: 60_000 });
    await c.ready;
    const owner = {};
    pendingDraftsOf(store).set(owner, () => {
      pendingDraftsOf(store).set(owner, null);
      move(store, 42);
    });
    expect(store.getState().persistence.kind).toBe('saving');
    page.dispatchEvent(new Event('pagehide'));
    // Synchronously, before any microtask: the draft is in the project, the put started, the copy written.
    expect(started).toHaveLength(1);
    expect(xOf(started[0])).toBe(42);
    expect(xOf(copy.store.load())).toBe(42);
  });

  it('the next start takes the copy when it is newer than IndexedDB, and writes it there', async () => {
    const factory = new IDBFactory();
    const a = createAppStore({ project: loadExample('room-booking') });
    const ca = start(a, { storage: indexedDbStorage(factory) });
    await ca.ready;
    move(a, 1);
    await ca.flush();
    ca.stop();
    const older = (await rawRecord(factory)) as WorkspaceRecord;
    move(a, 77);
    const copy = memoryFallback({ ...older, projectText: serializeProject(a.getState().project), revision: older.revision + 1, savedAt: older.savedAt + 5 });

    const b = createAppStore();
    const cb = start(b, { storage: indexedDbStorage(factory), fallback: copy.store });
    expect(await cb.ready).toEqual({ restored: true });
    expect(b.getState().project).toEqual(a.getState().project);
    expect(xOf((await rawRecord(factory)) as WorkspaceRecord)).toBe(77);
    expect(b.getState().persistence.kind).toBe('saved');
    expect(copy.store.load()).toBeUndefined();
  });

  it('an older copy loses to IndexedDB and is dropped', async () => {
    const factory = new IDBFactory();
    const a = createAppStore({ project: loadExample('room-booking') });
    const ca = start(a, { storage: indexedDbStorage(factory) });
    await ca.ready;
    move(a, 5);
    await ca.flush();
    move(a, 6);
    await ca.flush();
    ca.stop();
    const latest = (await rawRecord(factory)) as WorkspaceRecord;
    const copy = memoryFallback({ ...latest, projectText: serializeProject(loadExample('room-booking')), revision: latest.revision - 1 });
    const b = createAppStore();
    const cb = start(b, { storage: indexedDbStorage(factory), fallback: copy.store });
    await cb.ready;
    expect(xOf({ projectText: serializeProject(b.getState().project) } as WorkspaceRecord)).toBe(6);
    expect(copy.store.load()).toBeUndefined();
  });

  it('IndexedDB writeNow stores the record with a single put once the database is open', async () => {
    const factory = new IDBFactory();
    const storage = indexedDbStorage(factory);
    const record: WorkspaceRecord = {
      schema: 1,
      projectText: serializeProject(loadExample('room-booking')),
      chainId: CHAIN,
      viewports: {},
      revision: 3,
      tabId: 'T',
      savedAt: 1,
    };
    expect(storage.writeNow!(record)).toBe(false); // not open yet: the caller keeps the copy and the debounced write
    await storage.read();
    const done = new Promise<unknown>((resolve) => storage.writeNow!(record, resolve));
    expect(await done).toBeUndefined();
    expect(await rawRecord(factory)).toEqual(record);
  });

  it('beforeunload asks to stay only when the work could not be kept anywhere', async () => {
    const store = createAppStore({ project: loadExample('room-booking') });
    const page = new EventTarget();
    const fullCopy = memoryFallback(undefined, { full: true });
    const c = start(store, { storage: memoryStorage().storage, pageEvents: page, fallback: fullCopy.store, debounceMs: 60_000, maxWaitMs: 60_000 });
    await c.ready;
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      page.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false); // nothing pending
    move(store, 3);
    expect(unload()).toBe(true); // pending, and neither IndexedDB nor the copy could take it
    await c.flush();
    expect(unload()).toBe(false);

    const copy = memoryFallback();
    const store2 = createAppStore({ project: loadExample('room-booking') });
    const page2 = new EventTarget();
    const c2 = start(store2, { storage: memoryStorage().storage, pageEvents: page2, fallback: copy.store, debounceMs: 60_000, maxWaitMs: 60_000 });
    await c2.ready;
    move(store2, 4);
    const event = new Event('beforeunload', { cancelable: true });
    page2.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false); // the copy holds it
    expect(xOf(copy.store.load())).toBe(4);
  });

  it('says Saving… while a draft is pending, and Saved again when it is dropped unchanged', async () => {
    const store = createAppStore({ project: loadExample('room-booking') });
    const c = start(store, { storage: memoryStorage().storage });
    await c.ready;
    const owner = {};
    pendingDraftsOf(store).set(owner, () => pendingDraftsOf(store).set(owner, null));
    expect(store.getState().persistence.kind).toBe('saving');
    pendingDraftsOf(store).flush();
    expect(store.getState().persistence.kind).toBe('saved');
  });
});

describe('IndexedDB', () => {
  it('restores the project, chain and viewport after a reload', async () => {
    const factory = new IDBFactory();
    const a = createAppStore({ project: loadExample('room-booking') });
    const ca = start(a, { storage: indexedDbStorage(factory) });
    expect(await ca.ready).toEqual({ restored: false });
    move(a, 321);
    a.getState().setViewport(CHAIN, { x: 10, y: 20, zoom: 0.5 });
    await ca.flush();
    expect(a.getState().persistence.kind).toBe('saved');
    ca.stop();

    const b = createAppStore();
    const cb = start(b, { storage: indexedDbStorage(factory) });
    expect(await cb.ready).toEqual({ restored: true });
    expect(b.getState().project).toEqual(a.getState().project);
    expect(b.getState().chainId).toBe(CHAIN);
    expect(b.getState().viewports[CHAIN]).toEqual({ x: 10, y: 20, zoom: 0.5 });
  });

  it('never overwrites unreadable storage, exposes its raw text, and backs it up when the user discards it', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, { something: 'else', old: true });
    const store = createAppStore({ project: loadExample('room-booking') });
    const c = start(store, { storage: indexedDbStorage(factory), debounceMs: 1, maxWaitMs: 1 });
    await c.ready;
    const status = store.getState().persistence;
    expect(status.kind).toBe('unreadable');
    expect(status.kind === 'unreadable' && status.raw).toContain('"something": "else"');
    move(store, 3);
    await c.flush();
    expect(await rawRecord(factory)).toEqual({ something: 'else', old: true });

    await store.getState().discardUnreadableStorage();
    expect(store.getState().persistence.kind).toBe('saved');
    const keys = await allKeys(factory);
    expect(keys.some((k) => String(k).startsWith('unreadable-backup-'))).toBe(true);
    expect((await rawRecord(factory)) as WorkspaceRecord).toMatchObject({ schema: 1, revision: 1 });
  });

  it('treats a stored project that does not parse as unreadable, naming where', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, {
      schema: 1,
      projectText: '{"format": "chainwright-project", "version": 1, ',
      chainId: null,
      viewports: {},
      revision: 2,
      tabId: 't',
      savedAt: 0,
    });
    const store = createAppStore({ project: loadExample('room-booking') });
    const before = store.getState().project;
    const c = start(store, { storage: indexedDbStorage(factory) });
    expect(await c.ready).toEqual({ restored: false });
    const status = store.getState().persistence;
    expect(status.kind).toBe('unreadable');
    expect(status.kind === 'unreadable' && status.reason).toMatch(/\$/);
    expect(status.kind === 'unreadable' && status.raw).toBe('{"format": "chainwright-project", "version": 1, ');
    expect(store.getState().project).toBe(before);
  });

  it('reports a failed write (quota) as not saved, with the reason', async () => {
    const base = indexedDbStorage(new IDBFactory());
    const full: WorkspaceStorage = { ...base, write: () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')) };
    const store = createAppStore({ project: loadExample('room-booking') });
    const c = start(store, { storage: full });
    await c.ready;
    move(store, 9);
    await c.flush();
    const status = store.getState().persistence;
    expect(status).toEqual({ kind: 'not-saved', reason: "the browser's storage is full (Quota exceeded)" });
  });
});

describe('two tabs', () => {
  it('a tab that sees another tab’s newer save stops autosaving, until it takes over', async () => {
    const factory = new IDBFactory();
    const name = `test-${Math.random()}`;
    const chan = () => {
      const ch = new BroadcastChannel(name);
      channels.push(ch);
      return ch;
    };
    const a = createAppStore({ project: loadExample('room-booking') });
    const b = createAppStore({ project: loadExample('room-booking') });
    const ca = start(a, { storage: indexedDbStorage(factory), channel: chan(), tabId: 'A' });
    const cb = start(b, { storage: indexedDbStorage(factory), channel: chan(), tabId: 'B' });
    await Promise.all([ca.ready, cb.ready]);

    move(a, 111);
    await ca.flush();
    await vi.waitFor(() => expect(b.getState().persistence.kind).toBe('conflict'));
    const status = b.getState().persistence;
    expect(status.kind === 'conflict' && status.otherTabId).toBe('A');

    move(b, 222);
    await cb.flush();
    expect(JSON.parse(((await rawRecord(factory)) as WorkspaceRecord).projectText).chains[0].calls[2].position.x).toBe(111);

    await b.getState().takeOverStorage();
    expect(b.getState().persistence.kind).toBe('saved');
    expect(JSON.parse(((await rawRecord(factory)) as WorkspaceRecord).projectText).chains[0].calls[2].position.x).toBe(222);
    await vi.waitFor(() => expect(a.getState().persistence.kind).toBe('conflict'));
  });

  it('without a channel, the write itself detects the other tab’s newer save', async () => {
    const factory = new IDBFactory();
    const a = createAppStore({ project: loadExample('room-booking') });
    const b = createAppStore({ project: loadExample('room-booking') });
    const ca = start(a, { storage: indexedDbStorage(factory), tabId: 'A' });
    const cb = start(b, { storage: indexedDbStorage(factory), tabId: 'B' });
    await Promise.all([ca.ready, cb.ready]);
    move(a, 1);
    await ca.flush();
    move(b, 2);
    await cb.flush();
    expect(b.getState().persistence.kind).toBe('conflict');
    expect(JSON.parse(((await rawRecord(factory)) as WorkspaceRecord).projectText).chains[0].calls[2].position.x).toBe(1);
  });
});
