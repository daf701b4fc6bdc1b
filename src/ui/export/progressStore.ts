import type { ProgressFigures } from '../../workers/progress.ts';

/**
 * The running export's latest progress, outside React state: only the progress bar subscribes
 * (useSyncExternalStore), so a progress message re-renders the bar and nothing else.
 */
export interface ProgressStore {
  get(): ProgressFigures | null;
  set(figures: ProgressFigures | null): void;
  subscribe(listener: () => void): () => void;
}

export function progressStore(): ProgressStore {
  let value: ProgressFigures | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(figures) {
      value = figures;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
