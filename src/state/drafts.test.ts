import { afterEach, describe, expect, it } from 'vitest';
import { createPendingDrafts, HELD_DRAFTS_KEY, heldDraft, heldDraftKey, holdDraft, pendingDraftsOf, setHeldDraftStorage } from './drafts.ts';
import type { HeldDraftStorage } from './drafts.ts';

function memoryStorage(initial: Record<string, string> = {}): HeldDraftStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

afterEach(() => setHeldDraftStorage(null));

describe('pending drafts', () => {
  it('are committed once each by a flush, and none is left pending', () => {
    const drafts = createPendingDrafts();
    const written: string[] = [];
    const a = {};
    const b = {};
    drafts.set(a, () => written.push('a'));
    drafts.set(b, () => written.push('b'));
    drafts.set(a, () => written.push('a again'));
    expect(drafts.count()).toBe(2);
    drafts.flush();
    expect(written).toEqual(['a again', 'b']);
    expect(drafts.count()).toBe(0);
  });

  it('belong to one store: flushing one store’s drafts leaves another’s pending', () => {
    const one = {};
    const other = {};
    const written: string[] = [];
    pendingDraftsOf(one).set({}, () => written.push('one'));
    pendingDraftsOf(other).set({}, () => written.push('other'));
    pendingDraftsOf(one).flush();
    expect(written).toEqual(['one']);
    expect(pendingDraftsOf(one).count()).toBe(0);
    expect(pendingDraftsOf(other).count()).toBe(1);
  });
});

describe('held drafts', () => {
  const key = heldDraftKey('trip', 'call', 'book', 'id');

  it('keep a refused text with its reason, across a reload of the page (a new read of the storage)', () => {
    const storage = memoryStorage();
    setHeldDraftStorage(storage);
    holdDraft(key, { text: 'rooms', problem: 'a call "rooms" already exists' });
    setHeldDraftStorage(storage);
    expect(heldDraft(key)).toEqual({ text: 'rooms', problem: 'a call "rooms" already exists' });
    holdDraft(key, null);
    setHeldDraftStorage(storage);
    expect(heldDraft(key)).toBeUndefined();
  });

  it('are told apart by chain and field', () => {
    setHeldDraftStorage(memoryStorage());
    holdDraft(key, { text: 'x', problem: 'p' });
    expect(heldDraft(heldDraftKey('other', 'call', 'book', 'id'))).toBeUndefined();
    expect(heldDraft(heldDraftKey('trip', 'slot', 'book', 'id'))).toBeUndefined();
    expect(heldDraftKey('a b', 'c')).not.toBe(heldDraftKey('a', 'b c'));
  });

  it('read nothing from an unreadable copy, and stay in memory when the storage refuses to write', () => {
    setHeldDraftStorage(memoryStorage({ [HELD_DRAFTS_KEY]: '{not json' }));
    expect(heldDraft(key)).toBeUndefined();
    setHeldDraftStorage({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    holdDraft(key, { text: 'kept', problem: 'p' });
    expect(heldDraft(key)?.text).toBe('kept');
  });
});
