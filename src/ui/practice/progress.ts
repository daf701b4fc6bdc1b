/**
 * Practice progress, kept in the browser (localStorage, one key): per exercise the best score,
 * the attempts and whether it was ever done without a mistake. Like the autosave of the work
 * (src/state/persistence.ts), stored text this code cannot read is never overwritten: progress
 * is then shown as empty and not saved, and the reason is given.
 */
export const PROGRESS_KEY = 'chainwright-practice-progress';

export interface ExerciseProgress {
  best: number;
  total: number;
  attempts: number;
  /** Done once with every point. */
  solved: boolean;
  lastAt: number;
}

export interface ProgressRecord {
  schema: 1;
  exercises: Record<string, ExerciseProgress>;
}

export type ProgressRead = { ok: true; record: ProgressRecord } | { ok: false; reason: string };

/** The storage progress is kept in (window.localStorage in the page; a Map-backed one in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

const empty = (): ProgressRecord => ({ schema: 1, exercises: {} });

function isProgress(v: unknown): v is ExerciseProgress {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return typeof p.best === 'number' && typeof p.total === 'number' && typeof p.attempts === 'number' && typeof p.solved === 'boolean';
}

export function readProgress(storage: ProgressStorage | null): ProgressRead {
  if (!storage) return { ok: false, reason: 'this browser keeps no local storage' };
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (text === null) return { ok: true, record: empty() };
  try {
    const value: unknown = JSON.parse(text);
    const r = value as ProgressRecord;
    if (!r || typeof r !== 'object' || r.schema !== 1 || !r.exercises || typeof r.exercises !== 'object') throw new Error('not a progress record');
    const exercises: Record<string, ExerciseProgress> = {};
    for (const [id, p] of Object.entries(r.exercises)) if (isProgress(p)) exercises[id] = p;
    return { ok: true, record: { schema: 1, exercises } };
  } catch {
    return { ok: false, reason: 'the saved progress is not in a form this version can read, so it is left as it is' };
  }
}

/** Adds an attempt; returns the new record, or why it could not be saved (the record is then unchanged). */
export function recordAttempt(storage: ProgressStorage | null, id: string, score: number, total: number, now = Date.now()): ProgressRead {
  const read = readProgress(storage);
  if (!read.ok) return read;
  const before = read.record.exercises[id];
  const next: ExerciseProgress = {
    best: Math.max(before?.best ?? 0, score),
    total,
    attempts: (before?.attempts ?? 0) + 1,
    solved: (before?.solved ?? false) || score === total,
    lastAt: now,
  };
  const record: ProgressRecord = { schema: 1, exercises: { ...read.record.exercises, [id]: next } };
  try {
    storage!.setItem(PROGRESS_KEY, JSON.stringify(record));
  } catch (e) {
    const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
    return { ok: false, reason: name === 'QuotaExceededError' ? "the browser's storage is full" : e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, record };
}

/** The page's storage, or null when there is none (or it may not be used). */
export function browserStorage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
