import type { Project } from '../../core/index.ts';
import { parseProject, serializeProject } from '../../core/index.ts';
import type { EditResult } from '../../core/index.ts';
import { addOrder, connect, disconnect } from '../../core/index.ts';
import { addCall, deleteCalls, moveCalls, renameCall, setArgument, setCallRequests, setCallTool } from '../../core/index.ts';
import { copyCalls, pasteCalls } from '../../core/index.ts';
import { addChain, deleteChain, renameChain, setReply, setRequests } from '../../core/index.ts';
import { removeSlot, renameSlot, setSlot } from '../../core/index.ts';
import { setCallBehaviour, setForEachFrom, setReplyVariants } from '../../core/index.ts';
import { emptyProject } from '../../core/index.ts';
import { forgetHeldDrafts } from '../drafts.ts';
import { setProjectSettings } from '../../core/index.ts';
import { chainEdges } from '../../core/index.ts';
import { applyAutoLayout } from '../../core/index.ts';
import type { AppState, AppStoreOptions, EditOutcome, ProjectSlice } from '../types.ts';
import type { Slice } from './context.ts';

/** File name for "Save project": the project's name, lower-case, dashes. */
export function projectFileName(project: Project): string {
  const base =
    project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'project';
  return `${base}.chain.json`;
}

const NO_CHAIN = 'there is no chain: add one first';
/** Not an error the user made: nothing to act on (the Delete key with nothing selected). */
const nothing = (what: string): { ok: false; error: string } => ({ ok: false, error: what });

export const createProjectSlice =
  (options: AppStoreOptions): Slice<ProjectSlice> =>
  (set, get, api) => {
    const initial = options.project ?? emptyProject();

    const chainId = (): string | null => get().chainId;

    /** Applies an edit's result: the new project (its warnings as a notice), or the refusal as a notice; returns the outcome. */
    function apply<E, Made extends object = object>(
      result: EditResult<E>,
      extra: (ok: Extract<EditResult<E>, { ok: true }>) => Partial<AppState> = () => ({}),
      made: (ok: Extract<EditResult<E>, { ok: true }>) => Made = () => ({}) as Made,
    ): EditOutcome<Made> {
      if (!result.ok) return refuse(result.reason);
      const ok = result as Extract<EditResult<E>, { ok: true }>;
      set({ project: result.project, ...extra(ok) });
      if (result.warnings.length) get().notify('warning', result.warnings.join('; '));
      return { ok: true, warnings: result.warnings, ...made(ok) };
    }

    function refuse(reason: string): { ok: false; error: string } {
      get().notify('refused', `Refused: ${reason}`);
      return { ok: false, error: reason };
    }

    /** Runs an edit on the current chain; refused when there is none. */
    function onChain<E, Made extends object = object>(
      edit: (project: Project, chainId: string) => EditResult<E>,
      extra?: (ok: Extract<EditResult<E>, { ok: true }>) => Partial<AppState>,
      made?: (ok: Extract<EditResult<E>, { ok: true }>) => Made,
    ): EditOutcome<Made> {
      const id = chainId();
      if (id === null) return refuse(NO_CHAIN);
      return apply(edit(get().project, id), extra, made);
    }

    const pruneSelection = (project: Project, id: string | null): Partial<AppState> => {
      const chain = project.chains.find((c) => c.id === id);
      const ids = new Set(chain?.calls.map((c) => c.id) ?? []);
      // The chain's edges are worked out only when an edge is selected (a large chain has thousands).
      const selectedEdgeIds = get().selectedEdgeIds;
      const edgeIds = new Set(chain && selectedEdgeIds.length ? chainEdges(project, chain).map((e) => e.id) : []);
      return { selectedCallIds: get().selectedCallIds.filter((c) => ids.has(c)), selectedEdgeIds: selectedEdgeIds.filter((e) => edgeIds.has(e)) };
    };

    return {
      project: initial,
      chainId: options.chainId !== undefined ? options.chainId : (initial.chains[0]?.id ?? null),
      fileName: options.fileName ?? projectFileName(initial),
      openFailure: null,
      clipboard: null,

      loadProject: (project, opts = {}) => {
        const wanted = opts.chainId !== undefined ? opts.chainId : null;
        const id = wanted !== null && project.chains.some((c) => c.id === wanted) ? wanted : (project.chains[0]?.id ?? null);
        set({
          project,
          chainId: id,
          fileName: opts.fileName ?? projectFileName(project),
          openFailure: null,
          selectedCallIds: [],
          selectedEdgeIds: [],
          highlightedDiagnostic: null,
        });
        if (opts.clearHistory) api.temporal.getState().clear();
      },
      openProjectText: (text, fileName) => {
        const parsed = parseProject(text);
        if (!parsed.ok) {
          set({ openFailure: { fileName, error: parsed.error, diagnostics: parsed.diagnostics } });
          get().notify('error', `Could not open ${fileName}: ${parsed.error.message}`);
          return false;
        }
        forgetHeldDrafts();
        get().loadProject(parsed.project, { fileName });
        if (parsed.migrated.length) get().notify('info', `${fileName} was migrated: ${parsed.migrated.join(', ')}`);
        if (parsed.diagnostics.length) get().notify('warning', `${fileName}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
        return true;
      },
      dismissOpenFailure: () => set({ openFailure: null }),
      newProject: (opts = {}) => {
        forgetHeldDrafts();
        get().loadProject(emptyProject(opts.keepTools ? { tools: get().project.tools } : {}));
      },
      saveProjectText: () => ({ text: serializeProject(get().project), fileName: get().fileName }),
      selectChain: (id) => {
        if (id === get().chainId || !get().project.chains.some((c) => c.id === id)) return;
        set({ chainId: id, selectedCallIds: [], selectedEdgeIds: [], highlightedDiagnostic: null });
      },

      connect: (source, target) =>
        onChain(
          (p, c) => connect(p, c, source, target),
          (r) => ({ selectedEdgeIds: [r.edgeId], selectedCallIds: [] }),
        ),
      disconnect: (edgeIds) => {
        const id = chainId();
        if (id === null) return nothing(NO_CHAIN);
        if (edgeIds.length === 0) return nothing('no connection was given');
        let project = get().project;
        for (const edgeId of edgeIds) {
          const r = disconnect(project, id, edgeId);
          if (!r.ok) return apply(r);
          project = r.project;
        }
        return apply({ ok: true, project, warnings: [] }, (r) => pruneSelection(r.project, id));
      },
      addOrder: (sourceId, targetId) => onChain((p, c) => addOrder(p, c, sourceId, targetId)),
      addCall: (toolName, position) =>
        onChain(
          (p, c) => addCall(p, c, toolName, position),
          (r) => ({ selectedCallIds: [r.callId], selectedEdgeIds: [] }),
          (r) => ({ callId: r.callId }),
        ),
      renameCall: (callId, newId) =>
        onChain(
          (p, c) => renameCall(p, c, callId, newId),
          () => ({ selectedCallIds: get().selectedCallIds.map((s) => (s === callId ? newId : s)), selectedEdgeIds: [] }),
        ),
      deleteCalls: (callIds) =>
        onChain(
          (p, c) => deleteCalls(p, c, callIds),
          (r) => pruneSelection(r.project, chainId()),
        ),
      deleteSelection: () => {
        const { selectedCallIds, selectedEdgeIds } = get();
        if (!selectedCallIds.length && !selectedEdgeIds.length) return nothing('nothing is selected');
        const id = chainId();
        if (id === null) return nothing(NO_CHAIN);
        let project = get().project;
        const chain = project.chains.find((c) => c.id === id);
        const existing = new Set(chain && selectedEdgeIds.length ? chainEdges(project, chain).map((e) => e.id) : []);
        // Edges first (their ids are computed from the calls), then the calls.
        for (const edgeId of selectedEdgeIds) {
          if (!existing.has(edgeId)) continue;
          const r = disconnect(project, id, edgeId);
          if (r.ok) project = r.project;
        }
        if (selectedCallIds.length) {
          const r = deleteCalls(project, id, selectedCallIds);
          if (!r.ok) return apply(r);
          project = r.project;
        }
        return apply({ ok: true, project, warnings: [] }, (r) => pruneSelection(r.project, id));
      },
      setCallTool: (callId, toolName) => onChain((p, c) => setCallTool(p, c, callId, toolName)),
      setArgument: (callId, arg, value) => onChain((p, c) => setArgument(p, c, callId, arg, value)),
      setCallRequests: (callId, requests) => onChain((p, c) => setCallRequests(p, c, callId, requests)),
      setCallBehaviour: (callId, patch) => onChain((p, c) => setCallBehaviour(p, c, callId, patch)),
      setForEachFrom: (source, targetId) =>
        onChain(
          (p, c) => setForEachFrom(p, c, source, targetId),
          () => ({ selectedCallIds: [targetId], selectedEdgeIds: [] }),
        ),
      moveCalls: (positions) => {
        onChain((p, c) => moveCalls(p, c, positions));
      },
      autoLayout: () => {
        const id = chainId();
        if (id === null) return;
        apply({ ok: true, project: applyAutoLayout(get().project, id), warnings: [] });
      },
      copySelection: () => {
        const chain = get().project.chains.find((c) => c.id === chainId());
        const ids = get().selectedCallIds;
        if (!chain || ids.length === 0) return null;
        const text = copyCalls(chain, ids);
        set({ clipboard: text });
        return text;
      },
      paste: (text, offset) => {
        const clip = text ?? get().clipboard;
        if (!clip) return nothing('nothing was copied');
        return onChain(
          (p, c) => pasteCalls(p, c, clip, offset),
          (r) => ({ selectedCallIds: r.callIds, selectedEdgeIds: [] }),
        );
      },

      addChain: (opts) =>
        apply(
          addChain(get().project, opts),
          (r) => ({ chainId: r.chainId, selectedCallIds: [], selectedEdgeIds: [] }),
          (r) => ({ chainId: r.chainId }),
        ),
      renameChain: (id, change) => apply(renameChain(get().project, id, change), (r) => (get().chainId === id ? { chainId: r.chainId } : {})),
      deleteChain: (id) =>
        apply(deleteChain(get().project, id), (r) => {
          if (get().chainId !== id) return {};
          const index = get().project.chains.findIndex((c) => c.id === id);
          const next = r.project.chains[Math.min(index, r.project.chains.length - 1)];
          return { chainId: next?.id ?? null, selectedCallIds: [], selectedEdgeIds: [] };
        }),
      setProjectSettings: (patch) => {
        const before = get().project;
        return apply(setProjectSettings(before, patch), (r) => (r.project.name !== before.name ? { fileName: projectFileName(r.project) } : {}));
      },
      setRequests: (requests) => onChain((p, c) => setRequests(p, c, requests)),
      setReply: (reply) => onChain((p, c) => setReply(p, c, reply)),
      setReplyVariants: (variants) => onChain((p, c) => setReplyVariants(p, c, variants)),
      setSlot: (name, spec) => onChain((p, c) => setSlot(p, c, name, spec)),
      removeSlot: (name) => onChain((p, c) => removeSlot(p, c, name)),
      renameSlot: (name, newName) => onChain((p, c) => renameSlot(p, c, name, newName)),

      undo: () => {
        api.temporal.getState().undo();
        set(pruneSelection(get().project, get().chainId));
      },
      redo: () => {
        api.temporal.getState().redo();
        set(pruneSelection(get().project, get().chainId));
      },
    };
  };
