import type { NoticeSlice } from '../types.ts';
import type { Slice } from './context.ts';

let nextId = 1;

export const createNoticeSlice: Slice<NoticeSlice> = (set) => ({
  notice: null,
  notify: (kind, message) => set({ notice: { id: nextId++, kind, message } }),
  dismissNotice: () => set({ notice: null }),
});
