/** The tool-editing store actions, bound to the store of the component that uses them. */
import { useMemo } from 'react';
import type { JsonSchema } from '../../../core/index.ts';
import { useAppStoreApi } from '../../../state/store.ts';
import type { AppStore } from '../../../state/store.ts';
import { toolActions } from '../../../state/slices/tools.ts';
import type { ToolActions } from '../../../state/slices/tools.ts';
import { withReturns, type ReturnsApplication } from './returnsPlan.ts';

/** The tool actions (add, rename, update, delete, merge…) on this component's store. */
export function useToolActions(): ToolActions {
  const store = useAppStoreApi();
  return useMemo(() => toolActions(store), [store]);
}

/**
 * Sets the result schemas of several tools as ONE undo step (the "Result schemas" dialog's
 * Apply); all or nothing. No call changes, so the selection stays as it is.
 */
export function setResultSchemas(store: AppStore, schemas: readonly { name: string; schema: JsonSchema }[]): ReturnsApplication {
  const r = withReturns(store.getState().project, schemas);
  if (r.ok && r.names.length > 0) store.setState({ project: r.project });
  return r;
}
