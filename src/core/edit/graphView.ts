import type { Call, Effect, JsonSchema, Position, Project } from '../project/types.ts';
import { DEFAULT_WHEN_RATE, DEFAULT_YES_RATE } from '../project/types.ts';
import { firstBandOverlap } from './bandOverlap.ts';
import type { Diagnostic, Severity } from '../validate/diagnostics.ts';
import type { Plan } from '../graph/plan.ts';
import { chainPlan, compiledChain, type CompiledChain } from '../compile/compileProject.ts';
import type { CallVariation } from '../calls/variation.ts';
import { elementName } from '../calls/forEach.ts';
import { recoverOf } from '../calls/failure.ts';
import { describeCondition } from '../conditions/describe.ts';
import type { Condition } from '../conditions/types.ts';
import { stripCount } from '../layout/nodeSize.ts';
import { turnTitle } from '../graph/explain.ts';
import { parseReference } from '../refs/parse.ts';
import { describeTypes, schemaAtPath, schemaTypes, typesCompatible } from '../refs/schemaPath.ts';
import { toolResultSchema } from '../validate/project.ts';
import { validateProject } from '../compile/compileProject.ts';
import { argumentHandles, resultFields, WHOLE_RESULT, type ArgumentHandle, type ResultField } from './fields.ts';
import { chainEdges, ORDER_SOURCE_HANDLE, type ChainEdge } from './edges.ts';
import { layoutNodes } from '../layout/autoLayout.ts';
import { drawnPositions } from '../layout/columns.ts';

/** One node of the canvas, everything it draws. */
export interface GraphNode {
  /** The call id (also the React Flow node id). */
  id: string;
  tool: string;
  /** False when the call's tool is not defined (`unknown-tool`). */
  toolKnown: boolean;
  effect: Effect;
  description?: string;
  /** Level (0-based) and assistant turn (0-based); null when the chain has a cycle. */
  level: number | null;
  turn: number | null;
  /** Where it is drawn: the saved position, or a computed one (`positionSaved` false). */
  position: Position;
  positionSaved: boolean;
  /** Size the layout assumed (see layout/nodeSize.ts); the node should render at this size. */
  width: number;
  height: number;
  /** Input handles: the tool's parameters, then arguments the tool does not declare (`known: false`). */
  inputs: ArgumentHandle[];
  /** Which inputs hold a value, and which hold a reference to another call. */
  filledArgs: string[];
  /** Output handles. */
  outputs: ResultField[];
  diagnostics: { errors: number; warnings: number; severity: Severity | null };
  isOnCriticalPath: boolean;
  /** Strips under the header (see layout/nodeSize.ts): fan-out, condition, badges. */
  strips: number;
  /** What the call does besides running once, in words for its strips and badges; absent for a plain call. */
  behaviour?: NodeBehaviour;
}

/** A call's behaviours as the canvas writes them. Each `title` is the longer sentence of the plan. */
export interface NodeBehaviour {
  /** "for each task where priority = high" (the stacked card's strip). */
  forEach?: { text: string; title: string };
  /** "only if cal.events.length > 0". */
  when?: { text: string; title: string };
  /** "fails 20 %" (its recovery in the title). */
  failure?: { text: string; title: string };
  /** "asks first · yes 70 %". */
  confirm?: { text: string; title: string };
}

export interface GraphEdge extends ChainEdge {
  /** The type that flows does not fit the parameter (e.g. a list into a string). */
  typeMismatch: boolean;
  /** Why, when typeMismatch. */
  mismatch?: string;
  /** The reference names a field the result schema does not have: drawn from the whole-result handle. */
  brokenField: boolean;
  isOnCriticalPath: boolean;
}

/** A labelled column behind the calls of one turn. */
export interface TurnBand {
  index: number;
  /** "Turn 2 · 2 calls in parallel", "Turn 2 · 0–5 calls, varies per example" (the plan's title, a range with a dash). */
  title: string;
  /** The turn makes a different number of calls from example to example (a fan-out, a condition…). */
  varies: boolean;
  callIds: string[];
  /** Left edge and width covering the turn's nodes, top and height likewise (canvas units). */
  x: number;
  width: number;
  y: number;
  height: number;
}

export interface GraphView {
  chainId: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  bands: TurnBand[];
  /** The first two turns whose bands overlap on the canvas (saved positions put them in one column), or null. */
  overlappingTurns: [number, number] | null;
  /** The plan, or null when the chain has a cycle (then `cycle` lists its calls in order). */
  plan: Plan | null;
  cycle: string[] | null;
  criticalPath: string[];
  /** The findings of this chain (and of the tools its calls use). */
  diagnostics: Diagnostic[];
}

export interface GraphViewOptions {
  /** validateProject(project), when the caller already has it (it is the slow part). */
  diagnostics?: readonly Diagnostic[];
  /**
   * The chain's compiled form (plan, variations), when the caller has it — also from a project
   * that differs from this one only in call positions (a drag): compiling again is the slow part.
   */
  compiled?: CompiledChain;
}

/** Everything the canvas draws for one chain, as data. Null when there is no such chain. */
export function graphView(project: Project, chainId: string, options: GraphViewOptions = {}): GraphView | null {
  const chain = project.chains.find((c) => c.id === chainId);
  if (!chain) return null;
  const planned = options.compiled?.planned ?? chainPlan(project, chain);
  const plan = planned.ok ? planned.plan : null;
  const cycle = planned.ok ? null : planned.cycle;
  const turnOf = new Map<string, number>();
  for (const turn of plan?.turns ?? []) for (const id of turn.callIds) turnOf.set(id, turn.index);
  const critical = plan?.criticalPath ?? [];
  const onPath = new Set(critical);

  const all = options.diagnostics ?? validateProject(project);
  const diagnostics = all.filter((d) => d.chainId === chainId || (d.chainId === undefined && d.path.startsWith('$.tools')));
  const perCall = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    if (d.chainId !== chainId || !d.callId) continue;
    const count = perCall.get(d.callId) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') count.errors += 1;
    else count.warnings += 1;
    perCall.set(d.callId, count);
  }

  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  const compiled = plan ? (options.compiled ?? compiledChain(project, chain)) : undefined;
  const variations: ReadonlyMap<string, CallVariation> = compiled?.variations ?? new Map();
  const sized = layoutNodes(project, chain, plan);
  const edgesRaw = chainEdges(project, chain);
  // Saved positions are kept; the other calls follow the automatic layout, in a free spot of
  // their turn's column (layout/columns.ts, drawnPositions; plain columns above DAGRE_NODE_LIMIT).
  const positions = drawnPositions(
    sized,
    edgesRaw.map((e) => ({ source: e.source, target: e.target })),
  );

  const nodes: GraphNode[] = chain.calls.map((call, i) => {
    const tool = tools.get(call.tool);
    const declared = tool ? argumentHandles(tool) : [];
    const names = new Set(declared.map((h) => h.name));
    const extra: ArgumentHandle[] = Object.keys(call.args ?? {})
      .filter((name) => !names.has(name))
      .map((name) => ({ name, required: false, types: [], schema: {}, known: false }));
    const outputs: ResultField[] = tool ? resultFields(tool) : [{ path: WHOLE_RESULT, label: 'result', depth: 0, types: [], inList: false, isList: false }];
    const count = perCall.get(call.id) ?? { errors: 0, warnings: 0 };
    const node: GraphNode = {
      id: call.id,
      tool: call.tool,
      toolKnown: tool !== undefined,
      effect: tool?.effect ?? 'read',
      level: plan ? plan.levelOf[call.id] : null,
      turn: turnOf.get(call.id) ?? null,
      position: positions[call.id] ?? { x: 0, y: 0 },
      positionSaved: call.position !== undefined,
      width: sized[i].width,
      height: sized[i].height,
      inputs: [...declared, ...extra],
      filledArgs: Object.keys(call.args ?? {}),
      outputs,
      diagnostics: { ...count, severity: count.errors ? 'error' : count.warnings ? 'warning' : null },
      isOnCriticalPath: onPath.has(call.id),
      strips: stripCount(call),
    };
    if (tool?.function.description !== undefined) node.description = tool.function.description;
    const behaviour = nodeBehaviour(call, variations.get(call.id));
    if (behaviour) node.behaviour = behaviour;
    return node;
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const callById = new Map(chain.calls.map((c) => [c.id, c]));

  const edges: GraphEdge[] = edgesRaw.map((edge) => {
    const out: GraphEdge = { ...edge, typeMismatch: false, brokenField: false, isOnCriticalPath: false };
    const i = critical.indexOf(edge.source);
    out.isOnCriticalPath = i >= 0 && critical[i + 1] === edge.target;
    if (edge.kind === 'order') return out;
    const source = nodeById.get(edge.source)!;
    if (edge.sourceHandle !== ORDER_SOURCE_HANDLE && !source.outputs.some((f) => f.path === edge.sourceHandle)) {
      out.brokenField = true;
      out.sourceHandle = WHOLE_RESULT;
    }
    if (edge.kind !== 'data') return out;
    const target = callById.get(edge.target)!;
    const param = nodeById.get(edge.target)!.inputs.find((h) => h.name === edge.targetHandle);
    const sourceTool = tools.get(callById.get(edge.source)!.tool);
    if (!param?.known || edge.argPath !== edge.targetHandle || !tools.has(target.tool)) return out;
    let flows: JsonSchema | undefined = { type: 'string' };
    let what = 'a text';
    if (edge.whole) {
      const parsed = parseReference(edge.label);
      const reached = sourceTool && typeof parsed !== 'string' ? schemaAtPath(toolResultSchema(sourceTool), parsed.path) : undefined;
      flows = reached?.ok ? reached.schema : undefined;
      what = flows ? describeTypes(schemaTypes(flows)) : '';
    }
    if (flows && !typesCompatible(flows, param.schema)) {
      out.typeMismatch = true;
      out.mismatch = `{${edge.label}} gives ${what}, but ${edge.target}.${edge.targetHandle} expects ${describeTypes(schemaTypes(param.schema))}`;
    }
    return out;
  });

  const explained = new Map((compiled?.explanation?.turns ?? []).map((t) => [t.index, t]));
  const bands: TurnBand[] = (plan?.turns ?? []).map((turn) => {
    const members = turn.callIds.map((id) => nodeById.get(id)!);
    const left = Math.min(...members.map((n) => n.position.x));
    const right = Math.max(...members.map((n) => n.position.x + n.width));
    const top = Math.min(...members.map((n) => n.position.y));
    const bottom = Math.max(...members.map((n) => n.position.y + n.height));
    const told = explained.get(turn.index);
    return {
      index: turn.index,
      title: bandTitle(told?.title ?? turnTitle(turn.index, turn.callIds.length)),
      varies: told?.calls_min !== undefined && (told.calls_min !== told.calls_max || told.calls_min !== turn.callIds.length),
      callIds: turn.callIds,
      x: left - BAND_PADDING,
      width: right - left + 2 * BAND_PADDING,
      y: top - BAND_PADDING - BAND_TITLE_HEIGHT,
      height: bottom - top + 2 * BAND_PADDING + BAND_TITLE_HEIGHT,
    };
  });

  return { chainId, nodes, edges, bands, overlappingTurns: firstBandOverlap(bands), plan, cycle, criticalPath: critical, diagnostics };
}

/** A turn's title for its band: a range of calls written with a dash ("0–5 calls"), as a label is short. */
export function bandTitle(title: string): string {
  return title.replace(/(\d+) to (\d+) calls/, '$1–$2 calls');
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * A call's strips in words: "for each task where priority = high" (the element's own name
 * is left out of the filter's references: `task.priority` reads "priority"), "only if
 * cal.events.length > 0", "fails 20 %", "asks first · yes 70 %". Undefined for a plain call.
 */
export function nodeBehaviour(call: Call, variation?: CallVariation): NodeBehaviour | undefined {
  if (stripCount(call) === 0) return undefined;
  const out: NodeBehaviour = {};
  const words = variation?.words;
  if (call.forEach !== undefined) {
    const name = elementName(call);
    const own = new RegExp(`(?<![A-Za-z0-9_$.-])${name.replace(/[$-]/g, '\\$&')}\\.`, 'g');
    const filter = call.where !== undefined ? ` where ${describeCondition(call.where as Condition).replace(own, '')}` : '';
    out.forEach = { text: `for each ${name}${filter}`, title: words ?? `once for each element of ${call.forEach.replace(/^\{|\}$/g, '')}${filter}` };
  }
  if (call.when !== undefined) {
    const text = `only if ${describeCondition(call.when as Condition)}`;
    out.when = { text, title: `${text} (steered to hold in about ${percent(call.whenRate ?? DEFAULT_WHEN_RATE)} of the examples)` };
  }
  if (call.failure) {
    const recover = recoverOf(call);
    const then =
      recover === 'report' ? 'reported, not retried' : recover === 'retry' ? 'retried in the next turn' : 'retried in the next turn with other arguments';
    out.failure = { text: `fails ${percent(call.failure.rate)}`, title: `fails in about ${percent(call.failure.rate)} of the examples, then ${then}` };
  }
  if (call.confirm) {
    const yes = call.confirm.yesRate ?? DEFAULT_YES_RATE;
    out.confirm = {
      text: `asks first · yes ${percent(yes)}`,
      title: `asks the user first (“${call.confirm.ask[0] ?? ''}”); yes in about ${percent(yes)} of the examples, otherwise it does not run`,
    };
  }
  return out;
}

/** Above this many calls, a chain without saved positions is drawn in plain turn columns (no dagre) until "Auto layout". */
export { DAGRE_NODE_LIMIT } from '../layout/columns.ts';

/** Space around a turn's nodes inside its band, and above them for the band's title. */
export const BAND_PADDING = 16;
export const BAND_TITLE_HEIGHT = 28;
