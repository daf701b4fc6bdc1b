import type { Effect, JsonSchema, Position, Project } from '../project/types.ts';
import { firstBandOverlap } from './bandOverlap.ts';
import type { Diagnostic, Severity } from '../validate/diagnostics.ts';
import type { Plan } from '../graph/plan.ts';
import { chainPlan } from '../compile/compileProject.ts';
import { turnTitle } from '../graph/explain.ts';
import { parseReference } from '../refs/parse.ts';
import { describeTypes, schemaAtPath, schemaTypes, typesCompatible } from '../refs/schemaPath.ts';
import { toolResultSchema } from '../validate/project.ts';
import { validateProject } from '../compile/compileProject.ts';
import { argumentHandles, resultFields, WHOLE_RESULT, type ArgumentHandle, type ResultField } from './fields.ts';
import { chainEdges, type ChainEdge } from './edges.ts';
import { layoutNodes } from '../layout/autoLayout.ts';
import { layoutColumns, placeMissing } from '../layout/columns.ts';

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
  /** "Turn 2 · 2 calls in parallel" (turnTitle). */
  title: string;
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
}

/** Everything the canvas draws for one chain, as data. Null when there is no such chain. */
export function graphView(project: Project, chainId: string, options: GraphViewOptions = {}): GraphView | null {
  const chain = project.chains.find((c) => c.id === chainId);
  if (!chain) return null;
  const planned = chainPlan(project, chain);
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
  const sized = layoutNodes(project, chain, plan);
  const edgesRaw = chainEdges(project, chain);
  // Unsaved positions: dagre for a chain that has none (up to DAGRE_NODE_LIMIT calls: dagre is
  // slow on big graphs, which get plain columns until "Auto layout" is asked for), else each
  // new call below its column.
  const positions =
    chain.calls.every((c) => !c.position) && chain.calls.length <= DAGRE_NODE_LIMIT
      ? layoutColumns(sized, edgesRaw.map((e) => ({ source: e.source, target: e.target })))
      : placeMissing(sized);

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
    };
    if (tool?.function.description !== undefined) node.description = tool.function.description;
    return node;
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const callById = new Map(chain.calls.map((c) => [c.id, c]));

  const edges: GraphEdge[] = edgesRaw.map((edge) => {
    const out: GraphEdge = { ...edge, typeMismatch: false, brokenField: false, isOnCriticalPath: false };
    const i = critical.indexOf(edge.source);
    out.isOnCriticalPath = i >= 0 && critical[i + 1] === edge.target;
    if (edge.kind !== 'data') return out;
    const source = nodeById.get(edge.source)!;
    if (!source.outputs.some((f) => f.path === edge.sourceHandle)) {
      out.brokenField = true;
      out.sourceHandle = WHOLE_RESULT;
    }
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

  const bands: TurnBand[] = (plan?.turns ?? []).map((turn) => {
    const members = turn.callIds.map((id) => nodeById.get(id)!);
    const left = Math.min(...members.map((n) => n.position.x));
    const right = Math.max(...members.map((n) => n.position.x + n.width));
    const top = Math.min(...members.map((n) => n.position.y));
    const bottom = Math.max(...members.map((n) => n.position.y + n.height));
    return {
      index: turn.index,
      title: turnTitle(turn.index, turn.callIds.length),
      callIds: turn.callIds,
      x: left - BAND_PADDING,
      width: right - left + 2 * BAND_PADDING,
      y: top - BAND_PADDING - BAND_TITLE_HEIGHT,
      height: bottom - top + 2 * BAND_PADDING + BAND_TITLE_HEIGHT,
    };
  });

  return { chainId, nodes, edges, bands, overlappingTurns: firstBandOverlap(bands), plan, cycle, criticalPath: critical, diagnostics };
}

/** Above this many calls, a chain without saved positions is drawn in plain turn columns (no dagre) until "Auto layout". */
export const DAGRE_NODE_LIMIT = 200;

/** Space around a turn's nodes inside its band, and above them for the band's title. */
export const BAND_PADDING = 16;
export const BAND_TITLE_HEIGHT = 28;
