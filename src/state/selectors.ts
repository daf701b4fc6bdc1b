/**
 * Selectors: pure functions of the app state, at module scope, memoised on the identity of
 * what they read (so React re-renders only when the answer changes). Everything derived
 * comes from src/core.
 *
 * What they remember belongs to the store: `createSelectorMemo()` makes one memo per store
 * (its `selectorMemo`), so two stores (two tests, two canvases) never take each other's
 * answers or push each other's out.
 */
import type { Chain, Diagnostic, PlanExplanation, PlanResult, Project, Effect } from '../core/index.ts';
import { compileProject, validateProject, type CompiledChain } from '../core/index.ts';
import type { GraphNode, GraphView } from '../core/index.ts';
import { graphView } from '../core/index.ts';
import { ancestors, descendants } from '../core/index.ts';
import { referenceOptions, templateCompletions, type ReferenceOption } from '../core/index.ts';
import { forEachOptions, valueOptions, type ForEachOption, type ReferenceScope, type ValueOption } from '../core/index.ts';
import type { CallVariation } from '../core/index.ts';
import type { AppState, PersistenceStatus, Viewport } from './types.ts';
import { semanticKey } from './semanticKey.ts';
import { reuseEqualNodes } from './reuseNodes.ts';

/** Remembers the last answer for the last inputs (compared with ===). */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

export const selectProject = (s: AppState): Project => s.project;
export const selectChainId = (s: AppState): string | null => s.chainId;
export const selectFileName = (s: AppState): string => s.fileName;

/** The memoised steps of the selectors below; one per store (AppState.selectorMemo). */
export function createSelectorMemo() {
  const chainOf = memo((project: Project, chainId: string | null): Chain | null => project.chains.find((c) => c.id === chainId) ?? null);
  const tabsOf = memo((chains: Project['chains']) => chains.map((c) => ({ id: c.id, name: c.name ?? c.id })));
  const libraryOf = memo((tools: Project['tools']): ToolEntry[] =>
    tools.map((t) => ({ name: t.function.name, effect: t.effect ?? 'read', description: t.function.description ?? '' })),
  );

  // Compiling (validation, plans, variations) is the slow part; node drags change only positions,
  // which never change a finding, a plan or a variation. A project whose meaning (semanticKey) is
  // that of the last one compiled reuses that one's compiled form: its basis.
  let basisCache: { project: Project; key: string; basis: Project } | null = null;
  function basisOf(project: Project): Project {
    if (basisCache?.project === project) return basisCache.basis;
    const key = semanticKey(project);
    basisCache = { project, key, basis: basisCache?.key === key ? basisCache.basis : project };
    return basisCache.basis;
  }
  const compiledOf = (project: Project, chainId: string | null): CompiledChain | undefined =>
    chainId === null ? undefined : compileProject(basisOf(project)).chain(chainId);
  const diagnosticsOf = (project: Project): Diagnostic[] => validateProject(basisOf(project));

  let previousView: GraphView | null = null;
  const viewOf = memo((project: Project, chainId: string | null, diagnostics: Diagnostic[]): GraphView | null => {
    if (chainId === null) return null;
    const view = graphView(project, chainId, { diagnostics, compiled: compiledOf(project, chainId) });
    if (view && previousView && previousView.chainId === view.chainId) view.nodes = reuseEqualNodes(previousView.nodes, view.nodes);
    previousView = view;
    return view;
  });

  const lineageOf = memo((plan: PlanResult | null, focus: string | null): Lineage => {
    if (!plan || focus === null) return NO_LINEAGE;
    const deps = plan.ok ? plan.plan.dependencies : plan.dependencies;
    return { focus, ancestors: [...ancestors(deps, focus)], descendants: [...descendants(deps, focus)] };
  });
  const lineageSetsOf = memo((l: Lineage): LineageSets => ({ focus: l.focus, ancestors: new Set(l.ancestors), descendants: new Set(l.descendants) }));

  return { chainOf, tabsOf, libraryOf, compiledOf, diagnosticsOf, viewOf, lineageOf, lineageSetsOf };
}
export type SelectorMemo = ReturnType<typeof createSelectorMemo>;

/** The chain on the canvas. */
export const selectChain = (s: AppState): Chain | null => s.selectorMemo.chainOf(s.project, s.chainId);

/** The chain tabs: id and readable name. */
export const selectChainTabs = (s: AppState): { id: string; name: string }[] => s.selectorMemo.tabsOf(s.project.chains);

export interface ToolEntry {
  name: string;
  effect: Effect;
  description: string;
}
/** The tool library panel. */
export const selectToolLibrary = (s: AppState): ToolEntry[] => s.selectorMemo.libraryOf(s.project.tools);

/** Every finding of validateProject over the whole project. */
export const selectDiagnostics = (s: AppState): Diagnostic[] => s.selectorMemo.diagnosticsOf(s.project);

/** Everything the canvas draws for the current chain (nodes, edges, turn bands, plan or cycle). Unchanged nodes keep their identity. */
export const selectGraphView = (s: AppState): GraphView | null => s.selectorMemo.viewOf(s.project, s.chainId, selectDiagnostics(s));

/** One node by id, for a memoised node component: `useAppStore(useMemo(() => makeSelectNode(id), [id]))`. */
export function makeSelectNode(callId: string): (s: AppState) => GraphNode | undefined {
  return (s) => selectGraphView(s)?.nodes.find((n) => n.id === callId);
}

/** The current chain's plan, or its cycle (the same object while calls are only moved). */
export const selectPlan = (s: AppState): PlanResult | null => s.selectorMemo.compiledOf(s.project, s.chainId)?.planned ?? null;

/**
 * "Why this order": turns, waits, critical path, latency in words — the compiled chain's
 * explanation (compileProject), so the turns say when they vary (fan-outs, conditions) from the
 * same variations as the canvas and the plan.
 */
export const selectExplanation = (s: AppState): PlanExplanation | null => s.selectorMemo.compiledOf(s.project, s.chainId)?.explanation ?? null;

export const selectSelectedCallIds = (s: AppState): string[] => s.selectedCallIds;
export const selectSelectedEdgeIds = (s: AppState): string[] => s.selectedEdgeIds;
export const selectHighlightedDiagnostic = (s: AppState): Diagnostic | null => s.highlightedDiagnostic;

/** The call with this id in the chain on the canvas, or null. */
export const selectCall = (s: AppState, callId: string | null): Chain['calls'][number] | null =>
  callId === null ? null : (selectChain(s)?.calls.find((c) => c.id === callId) ?? null);

/** The one selected call (for the inspector), or null when none or several are selected. */
export const selectSelectedCall = (s: AppState): Chain['calls'][number] | null => selectCall(s, s.selectedCallIds.length === 1 ? s.selectedCallIds[0] : null);

export interface Lineage {
  focus: string | null;
  ancestors: string[];
  descendants: string[];
}
const NO_LINEAGE: Lineage = { focus: null, ancestors: [], descendants: [] };
/** Ancestors and descendants of the single selected call, for highlighting. */
export const selectLineage = (s: AppState): Lineage => s.selectorMemo.lineageOf(selectPlan(s), s.selectedCallIds.length === 1 ? s.selectedCallIds[0] : null);

export interface LineageSets {
  focus: string | null;
  ancestors: ReadonlySet<string>;
  descendants: ReadonlySet<string>;
}
/** The lineage as sets, one object per lineage: the canvas' nodes and each edge drawn ask it. */
export const selectLineageSets = (s: AppState): LineageSets => s.selectorMemo.lineageSetsOf(selectLineage(s));

/**
 * Whether the chain has this call. The inspector's pickers below answer nothing for a call that
 * is gone: a call deleted (or renamed) while its inspector is open is asked about once more,
 * with the new project, before the inspector closes, and working the answer out for a large
 * chain took longer than the delete itself.
 */
function hasCall(project: Project, chainId: string | null, callId: string): boolean {
  return chainId !== null && (project.chains.find((c) => c.id === chainId)?.calls.some((c) => c.id === callId) ?? false);
}

/** The inspector's reference picker for one argument: upstream calls' result paths and the reference each would write. */
export function makeSelectReferenceOptions(callId: string, arg: string): (s: AppState) => ReferenceOption[] {
  const compute = memo((project: Project, chainId: string | null) =>
    hasCall(project, chainId, callId) ? referenceOptions(project, chainId!, callId, arg) : [],
  );
  return (s) => compute(s.project, s.chainId);
}

/** What a condition's value may read in a scope (a call's filter or condition, a reply variant): references with their types and listed values. */
export function makeSelectValueOptions(scope: ReferenceScope): (s: AppState) => ValueOption[] {
  const compute = memo((project: Project, chainId: string | null) =>
    scope.kind === 'reply'
      ? chainId
        ? valueOptions(project, chainId, scope)
        : []
      : hasCall(project, chainId, scope.callId)
        ? valueOptions(project, chainId!, scope)
        : [],
  );
  return (s) => compute(s.project, s.chainId);
}

/** The lists a call may run once for each element of. */
export function makeSelectForEachOptions(callId: string): (s: AppState) => ForEachOption[] {
  const compute = memo((project: Project, chainId: string | null) => (hasCall(project, chainId, callId) ? forEachOptions(project, chainId!, callId) : []));
  return (s) => compute(s.project, s.chainId);
}

const NO_VARIATIONS: ReadonlyMap<string, CallVariation> = new Map();
/** How each call of the current chain varies per example, in numbers and words (the plan's). */
export const selectVariations = (s: AppState): ReadonlyMap<string, CallVariation> =>
  s.selectorMemo.compiledOf(s.project, s.chainId)?.variations ?? NO_VARIATIONS;

/** Completions for a template editor (`{slot}`, `{call.path}`); `callId` limits call results to what that call may use. */
export function makeSelectTemplateCompletions(callId?: string): (s: AppState) => string[] {
  const compute = memo((project: Project, chainId: string | null) =>
    callId === undefined
      ? chainId
        ? templateCompletions(project, chainId)
        : []
      : hasCall(project, chainId, callId)
        ? templateCompletions(project, chainId!, callId)
        : [],
  );
  return (s) => compute(s.project, s.chainId);
}

export const selectViewport = (s: AppState): Viewport | undefined => (s.chainId === null ? undefined : s.viewports[s.chainId]);
export const selectSeed = (s: AppState): number => s.seed;
export const selectExampleIndex = (s: AppState): number => s.exampleIndex;

export const selectPersistence = (s: AppState): PersistenceStatus => s.persistence;
/** `saved` | `saving` | `not saved: <reason>` | `conflict: another tab …` | `unreadable storage` | `loading` | `not saved: …`. */
export function persistenceLabel(status: PersistenceStatus): string {
  switch (status.kind) {
    case 'loading':
      return 'loading';
    case 'saved':
      return 'saved';
    case 'saving':
      return 'saving';
    case 'not-saved':
      return `not saved: ${status.reason}`;
    case 'conflict':
      return `conflict: ${status.message}`;
    case 'unreadable':
      return 'unreadable storage';
    case 'unavailable':
      return `not saved: ${status.reason}`;
  }
}
export const selectPersistenceLabel = (s: AppState): string => persistenceLabel(s.persistence);

export const selectNotice = (s: AppState) => s.notice;
export const selectOpenFailure = (s: AppState) => s.openFailure;
export const selectClipboard = (s: AppState): string | null => s.clipboard;
