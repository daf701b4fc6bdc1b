import type { AppStoreOptions, PreviewSlice } from '../types.ts';
import type { Slice } from './context.ts';

export const DEFAULT_SEED = 1;

export const createPreviewSlice =
  (options: AppStoreOptions): Slice<PreviewSlice> =>
  (set, get) => ({
    seed: options.seed ?? DEFAULT_SEED,
    exampleIndex: 0,
    setSeed: (seed) => {
      if (!Number.isSafeInteger(seed) || seed < 0) return get().notify('error', `The seed must be a whole number from 0, not ${seed}`);
      set({ seed, exampleIndex: 0 });
    },
    nextExample: () => set({ exampleIndex: get().exampleIndex + 1 }),
    setExampleIndex: (index) => {
      if (Number.isSafeInteger(index) && index >= 0) set({ exampleIndex: index });
    },
  });
