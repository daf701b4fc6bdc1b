import type { NoticeSlice } from '../types.ts';
import type { Slice } from './context.ts';

export const createNoticeSlice: Slice<NoticeSlice> = (set) => {
  // Each store counts its own notices.
  let nextId = 1;
  return {
    notice: null,
    notify: (kind, message) => set({ notice: { id: nextId++, kind, message } }),
    dismissNotice: () => set({ notice: null }),
  };
};
