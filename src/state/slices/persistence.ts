import type { PersistenceSlice } from '../types.ts';
import type { Slice } from './context.ts';

export const createPersistenceSlice: Slice<PersistenceSlice> = (set, get) => ({
  persistence: { kind: 'loading' },
  setPersistence: (status) => set({ persistence: status }),
  persistenceHandlers: null,
  takeOverStorage: async () => {
    await get().persistenceHandlers?.takeOver();
  },
  discardUnreadableStorage: async () => {
    await get().persistenceHandlers?.discardUnreadable();
  },
});
