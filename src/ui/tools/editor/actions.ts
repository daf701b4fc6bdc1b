/** The tool-editing store actions, bound to the app's store. */
import { appStore } from '../../../state/store.ts';
import { toolActions } from '../../../state/slices/tools.ts';

export const tools = toolActions(appStore);
