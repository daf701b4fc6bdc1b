/**
 * The app store: one zustand store made of slices (project, selection, view, preview,
 * persistence status, notices), created by a factory so tests can seed it, with undo/redo
 * (zundo `temporal`) over `{ project, chainId }` — only project changes make a step.
 *
 * Public API (the UI codes against these names; they stay stable):
 * - `createAppStore(options?)` → a vanilla store (`.getState()`, `.setState()`, `.subscribe()`,
 *   `.temporal` — zundo's store: `pastStates`, `futureStates`, `undo`, `redo`, `pause`, `resume`).
 * - `appStore`: the app's instance; `useAppStore(selector)`: its hook; `useHistory(selector)`:
 *   a hook over its temporal store (`useHistory(selectCanUndo)`).
 * - State and actions: see `AppState` in ./types.ts (re-exported here).
 * - Selectors: ./selectors.ts (re-exported here), pure functions of AppState, memoised, at
 *   module scope. Use `useShallow` (zustand/react/shallow) when a selector builds an object.
 * - Persistence: `startPersistence(appStore)` in ./persistence.ts.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { temporal, type TemporalState } from 'zundo';
import type { AppState, AppStoreOptions, HistoryState } from './types.ts';
import type { AppStoreApi } from './slices/context.ts';
import { createProjectSlice } from './slices/project.ts';
import { createSelectionSlice } from './slices/selection.ts';
import { createViewSlice } from './slices/view.ts';
import { createPreviewSlice } from './slices/preview.ts';
import { createPersistenceSlice } from './slices/persistence.ts';
import { createNoticeSlice } from './slices/notices.ts';

export type * from './types.ts';
export * from './selectors.ts';

export const HISTORY_LIMIT = 200;

export type AppStore = AppStoreApi;

export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const store = createStore<AppState>()(
    temporal(
      (set, get, api) => {
        const a = api as unknown as AppStoreApi;
        return {
          ...createProjectSlice(options)(set, get, a),
          ...createSelectionSlice(set, get, a),
          ...createViewSlice(set, get, a),
          ...createPreviewSlice(options)(set, get, a),
          ...createPersistenceSlice(set, get, a),
          ...createNoticeSlice(set, get, a),
        };
      },
      {
        partialize: (state): HistoryState => ({ project: state.project, chainId: state.chainId }),
        // A step only when the project changes: selecting a chain, selection, viewport… are not steps.
        equality: (past, current) => past.project === current.project,
        limit: options.historyLimit ?? HISTORY_LIMIT,
      },
    ),
  );
  return store as unknown as AppStore;
}

/** The app's store. */
export const appStore: AppStore = createAppStore();

/** The app's store as a hook: `useAppStore(selectGraphView)`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Undo history as a hook: `useHistory(selectCanUndo)`. */
export function useHistory<T>(selector: (state: TemporalState<HistoryState>) => T): T {
  return useStore(appStore.temporal, selector);
}

export const selectCanUndo = (state: TemporalState<HistoryState>): boolean => state.pastStates.length > 0;
export const selectCanRedo = (state: TemporalState<HistoryState>): boolean => state.futureStates.length > 0;
