/**
 * Store actions of the tool library: add, duplicate, rename, update (the editor's Apply),
 * the quick fields, delete and merging imported tools. Each runs one core operation
 * (src/core/tools) and, when it succeeds, replaces the project in one undoable step; a
 * refusal changes nothing and is returned (with its problems) for the editor to list.
 *
 * `toolActions(store)` binds them to a store (the app's or a test's): they go through the
 * store's `setState`, which zundo records, so no change to the store's own slices is needed.
 */
import type { ClashDecision, IncomingTools, Project, ToolDeletion, ToolEdit, ToolMergeResult, ToolPatch } from '../../core/index.ts';
import { addTool, applyToolMerge, deleteTool, duplicateTool, patchTool, renameTool, updateTool } from '../../core/index.ts';
import type { AppStoreApi } from './context.ts';

export interface ToolActions {
  /** Adds a tool (a blank `new_tool` by default); returns the edit (its `name` is the name it got). */
  addTool(definition?: Parameters<typeof addTool>[1]): ToolEdit;
  duplicateTool(name: string): ToolEdit;
  /** Renames a tool; every call of it follows. */
  renameTool(from: string, to: string): ToolEdit;
  /** Replaces the whole definition (the editor's JSON text); refused when it is not valid JSON or not a valid tool. */
  updateTool(name: string, definition: unknown): ToolEdit;
  /** The quick fields (name, description, effect, latency, returns). */
  patchTool(name: string, patch: ToolPatch): ToolEdit;
  /** Deletes a tool; when calls use it, nothing happens unless `force` (then the calls go too). */
  deleteTool(name: string, options?: { force?: boolean }): ToolDeletion;
  /** Merges imported tools with a decision per clash. */
  mergeTools(incoming: IncomingTools, decisions: ClashDecision | Readonly<Record<string, ClashDecision>>): ToolMergeResult;
}

type StoreLike = Pick<AppStoreApi, 'getState' | 'setState'>;

export function toolActions(store: StoreLike): ToolActions {
  const state = () => store.getState();

  /** Commits a new project (one undo step), keeping the selection where the calls still exist. */
  function commit(project: Project, warnings: string[]): void {
    const current = state();
    const chain = project.chains.find((c) => c.id === current.chainId);
    const ids = new Set(chain?.calls.map((c) => c.id) ?? []);
    const selectedCallIds = current.selectedCallIds.filter((id) => ids.has(id));
    store.setState({
      project,
      ...(selectedCallIds.length !== current.selectedCallIds.length ? { selectedCallIds, selectedEdgeIds: [] } : {}),
    });
    if (warnings.length) state().notify('warning', warnings.join('; '));
  }

  function run<R extends { ok: boolean }>(result: R & ({ ok: true; project: Project; warnings: string[] } | { ok: false; reason: string }), quiet = false): R {
    if (result.ok) commit(result.project, result.warnings);
    else if (!quiet) state().notify('refused', `Refused: ${result.reason}`);
    return result;
  }

  return {
    addTool: (definition) => run(addTool(state().project, definition)),
    duplicateTool: (name) => run(duplicateTool(state().project, name)),
    renameTool: (from, to) => run(renameTool(state().project, from, to)),
    // The editor lists the problems itself: no toast for a refused Apply.
    updateTool: (name, definition) => run(updateTool(state().project, name, definition), true),
    patchTool: (name, patch) => run(patchTool(state().project, name, patch)),
    // A tool in use is a question for the user, not a failure: the dialog asks.
    deleteTool: (name, options = {}) => run(deleteTool(state().project, name, options), true),
    mergeTools: (incoming, decisions) => {
      const result = applyToolMerge(state().project, incoming, decisions);
      if (result.added.length || result.replaced.length || result.renamed.length || result.systemPromptSet) commit(result.project, []);
      return result;
    },
  };
}
