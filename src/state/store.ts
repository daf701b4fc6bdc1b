/**
 * The app store: one zustand store made of slices (project, selection, view, preview,
 * persistence status, notices), created by a factory so tests can seed it, with undo/redo
 * (zundo `temporal`) over `{ project, chainId }` — only project changes make a step.
 *
 * Public API (the UI codes against these names; they stay stable):
 * - `createAppStore(options?)` → a vanilla store (`.getState()`, `.setState()`, `.subscribe()`,
 *   `.temporal` — zundo's store: `pastStates`, `futureStates`, `undo`, `redo`, `pause`, `resume`).
 *   There is no module-level instance: the page makes one (src/main.tsx), a test makes its own.
 * - `<AppStoreProvider store={store}>` hands a store to the components below it (as React Flow's
 *   `ReactFlowProvider` does); `useAppStore(selector)` reads it and re-renders on change;
 *   `useAppStoreApi()` gives the store itself, for `getState()` in event handlers and effects;
 *   `useHistory(selector)` reads its undo history (`useHistory(selectCanUndo)`).
 * - State and actions: see `AppState` in ./types.ts (re-exported here). Edit actions return
 *   their outcome (`EditOutcome`): `{ ok: false, error }` says why an edit was refused.
 * - Selectors: ./selectors.ts (re-exported here), pure functions of AppState, memoised in the
 *   store's own `selectorMemo`. Use `useShallow` (zustand/react/shallow) when a selector builds an object.
 * - Persistence: `startPersistence(store)` in ./persistence.ts.
 */
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
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
import { createSelectorMemo } from './selectors.ts';

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
          selectorMemo: createSelectorMemo(),
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

const AppStoreContext = createContext<AppStore | null>(null);

/** Hands `store` to the components below: `<AppStoreProvider store={createAppStore()}><App /></AppStoreProvider>`. */
export function AppStoreProvider({ store, children }: { store: AppStore; children?: ReactNode }) {
  return createElement(AppStoreContext.Provider, { value: store }, children);
}

/** The store of the nearest AppStoreProvider, for `getState()` in event handlers and effects. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi: this component is not inside an <AppStoreProvider store={…}> (see src/main.tsx)');
  return store;
}

/** The store's state through a selector, re-rendering when the answer changes: `useAppStore(selectGraphView)`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/** Undo history as a hook: `useHistory(selectCanUndo)`. */
export function useHistory<T>(selector: (state: TemporalState<HistoryState>) => T): T {
  return useStore(useAppStoreApi().temporal, selector);
}

export const selectCanUndo = (state: TemporalState<HistoryState>): boolean => state.pastStates.length > 0;
export const selectCanRedo = (state: TemporalState<HistoryState>): boolean => state.futureStates.length > 0;
