import type { ViewSlice } from '../types.ts';
import type { Slice } from './context.ts';

export const createViewSlice: Slice<ViewSlice> = (set, get) => ({
  viewports: {},
  setViewport: (chainId, viewport) => {
    const old = get().viewports[chainId];
    if (old && old.x === viewport.x && old.y === viewport.y && old.zoom === viewport.zoom) return;
    set({ viewports: { ...get().viewports, [chainId]: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } } });
  },
});
