import type { SelectionSlice, SelectMode } from '../types.ts';
import type { Slice } from './context.ts';

function combine(current: readonly string[], ids: readonly string[], mode: SelectMode): string[] {
  if (mode === 'replace') return [...new Set(ids)];
  if (mode === 'add') return [...new Set([...current, ...ids])];
  const out = new Set(current);
  for (const id of ids) {
    if (out.has(id)) out.delete(id);
    else out.add(id);
  }
  return [...out];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selectedCallIds: [],
  selectedEdgeIds: [],
  highlightedDiagnostic: null,
  selectCalls: (callIds, mode = 'replace') => {
    const next = combine(get().selectedCallIds, callIds, mode);
    if (!sameList(next, get().selectedCallIds)) set({ selectedCallIds: next });
    if (mode === 'replace' && get().selectedEdgeIds.length) set({ selectedEdgeIds: [] });
  },
  setSelection: ({ callIds, edgeIds }) => {
    const s = get();
    const calls = sameList(callIds, s.selectedCallIds) ? s.selectedCallIds : [...callIds];
    const edges = sameList(edgeIds, s.selectedEdgeIds) ? s.selectedEdgeIds : [...edgeIds];
    if (calls !== s.selectedCallIds || edges !== s.selectedEdgeIds) set({ selectedCallIds: calls, selectedEdgeIds: edges });
  },
  clearSelection: () => set({ selectedCallIds: [], selectedEdgeIds: [], highlightedDiagnostic: null }),
  highlightDiagnostic: (diagnostic) => {
    if (!diagnostic) return set({ highlightedDiagnostic: null });
    const s = get();
    const update: Partial<SelectionSlice> & { chainId?: string } = { highlightedDiagnostic: diagnostic };
    if (diagnostic.chainId && diagnostic.chainId !== s.chainId && s.project.chains.some((c) => c.id === diagnostic.chainId))
      update.chainId = diagnostic.chainId;
    if (diagnostic.callId) {
      update.selectedCallIds = [diagnostic.callId];
      update.selectedEdgeIds = [];
    }
    set(update);
  },
});
