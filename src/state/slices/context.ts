import type { StoreApi } from 'zustand/vanilla';
import type { TemporalState } from 'zundo';
import type { AppState, HistoryState } from '../types.ts';

/** The store as the slices see it: zustand's API plus zundo's temporal store. */
export type AppStoreApi = StoreApi<AppState> & { temporal: StoreApi<TemporalState<HistoryState>> };

export type SetState = AppStoreApi['setState'];
export type GetState = AppStoreApi['getState'];

export type Slice<T> = (set: SetState, get: GetState, api: AppStoreApi) => T;
