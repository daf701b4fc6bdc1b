/** The tool-editing store actions, bound to the app's store. */
import type { JsonSchema } from '../../../core/index.ts';
import { appStore } from '../../../state/store.ts';
import { toolActions } from '../../../state/slices/tools.ts';
import { withReturns, type ReturnsApplication } from './returnsPlan.ts';

export const tools = toolActions(appStore);

/**
 * Sets the result schemas of several tools as ONE undo step (the "Result schemas" dialog's
 * Apply); all or nothing. No call changes, so the selection stays as it is.
 */
export function setResultSchemas(schemas: readonly { name: string; schema: JsonSchema }[]): ReturnsApplication {
  const r = withReturns(appStore.getState().project, schemas);
  if (r.ok && r.names.length > 0) appStore.setState({ project: r.project, lastError: null, lastWarning: null });
  return r;
}
