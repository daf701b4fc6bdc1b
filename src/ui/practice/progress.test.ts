import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, readProgress, recordAttempt, type ProgressStorage } from './progress.ts';

function memory(initial?: string): ProgressStorage & { text: () => string | null } {
  let text: string | null = initial ?? null;
  return {
    getItem: (key) => (key === PROGRESS_KEY ? text : null),
    setItem: (key, value) => {
      if (key === PROGRESS_KEY) text = value;
    },
    text: () => text,
  };
}

describe('practice progress', () => {
  it('starts empty and keeps the best score, the attempts and whether it was ever solved', () => {
    const storage = memory();
    expect(readProgress(storage)).toEqual({ ok: true, record: { schema: 1, exercises: {} } });
    recordAttempt(storage, 'room-booking', 6, 8, 1);
    recordAttempt(storage, 'room-booking', 8, 8, 2);
    const after = recordAttempt(storage, 'room-booking', 5, 8, 3);
    expect(after).toEqual({ ok: true, record: { schema: 1, exercises: { 'room-booking': { best: 8, total: 8, attempts: 3, solved: true, lastAt: 3 } } } });
    expect(readProgress(storage)).toEqual(after);
  });

  it('never overwrites stored text it cannot read', () => {
    const storage = memory('not json');
    const read = readProgress(storage);
    expect(read.ok).toBe(false);
    expect(recordAttempt(storage, 'room-booking', 8, 8).ok).toBe(false);
    expect(storage.text()).toBe('not json');
  });

  it('says why when the storage refuses the write', () => {
    const storage: ProgressStorage = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
    };
    expect(recordAttempt(storage, 'x', 1, 2)).toEqual({ ok: false, reason: "the browser's storage is full" });
  });

  it('without storage, progress is not kept', () => {
    expect(readProgress(null).ok).toBe(false);
  });
});
