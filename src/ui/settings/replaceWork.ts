import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Project } from '../../core/index.ts';
import { useAppStoreApi } from '../../state/store.ts';
import type { AppStore } from '../../state/store.ts';

/** What the current project holds that replacing it would put away. */
export interface WorkSummary {
  calls: number;
  tools: number;
}

export function workSummary(project: Project): WorkSummary {
  return { calls: project.chains.reduce((n, c) => n + c.calls.length, 0), tools: project.tools.length };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "Replace 'Room booking' (4 calls, 4 tools)? It stays in undo until you reload." — null when there is nothing to lose. */
export function replaceQuestion(project: Project): string | null {
  const { calls, tools } = workSummary(project);
  if (calls === 0 && tools === 0) return null;
  const parts = [calls > 0 ? plural(calls, 'call') : null, tools > 0 ? plural(tools, 'tool') : null].filter(Boolean);
  return `Replace ‘${project.name}’ (${parts.join(', ')})? It stays in undo until you reload.`;
}

interface ReplaceRequest {
  /** What replaces the work, for the button: "New project", "Open room-booking.chain.json". */
  action: string;
  question: string;
  run: () => void;
}

type Requests = ReturnType<typeof createRequests>;
const createRequests = () => createStore<{ request: ReplaceRequest | null }>(() => ({ request: null }));

/** The question waiting for an answer, one per app store. */
const requestsByStore = new WeakMap<AppStore, Requests>();
function requestsOf(store: AppStore): Requests {
  let requests = requestsByStore.get(store);
  if (!requests) requestsByStore.set(store, (requests = createRequests()));
  return requests;
}

/**
 * Runs `run` (which replaces the project of `store`) at once when the project is empty;
 * otherwise asks first (ConfirmReplaceDialog, mounted by the header), and runs it only on "Replace".
 */
export function replaceWork(store: AppStore, action: string, run: () => void): void {
  const question = replaceQuestion(store.getState().project);
  if (question === null) return run();
  requestsOf(store).setState({ request: { action, question, run } });
}

/** The question asked of the user about this component's store, or null. */
export function useReplaceRequest(): ReplaceRequest | null {
  return useStore(requestsOf(useAppStoreApi()), (s) => s.request);
}

export function answerReplace(store: AppStore, replace: boolean): void {
  const requests = requestsOf(store);
  const request = requests.getState().request;
  requests.setState({ request: null });
  if (replace) request?.run();
}
