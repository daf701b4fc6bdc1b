import type { Chain, Position, Project } from '../project/types.ts';
import type { Plan } from '../graph/plan.ts';
import { chainPlan } from '../compile/compileProject.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { argumentHandles, resultFields } from '../edit/fields.ts';
import { DAGRE_NODE_LIMIT, drawnPositions, layoutColumns, type LayoutNode } from './columns.ts';
import { nodeSize, stripCount } from './nodeSize.ts';
import { turnColumns } from './turnColumns.ts';

export { COLUMN_GAP, DAGRE_NODE_LIMIT, ROW_GAP } from './columns.ts';

/** Layout input of a chain: each call's size (from its handle counts and strips), column (its turn, turnColumns) and level; from the chain's plan, null for a cycle. */
export function layoutNodes(project: Project, chain: Chain, plan: Plan | null): (LayoutNode & { position?: Position })[] {
  const columnOf = turnColumns(plan);
  const tools = new Map(project.tools.map((t) => [t.function.name, t]));
  return chain.calls.map((call) => {
    const tool = tools.get(call.tool);
    const params = tool ? argumentHandles(tool).map((h) => h.name) : [];
    const inputs = new Set([...params, ...Object.keys(call.args ?? {})]).size;
    const outputs = tool ? resultFields(tool).length : 1;
    const size = nodeSize(inputs, outputs, stripCount(call));
    const known = columnOf !== null && plan !== null && call.id in columnOf;
    const node: LayoutNode & { position?: Position } = {
      id: call.id,
      ...size,
      column: known ? columnOf[call.id] : null,
      level: known ? plan.levelOf[call.id] : null,
    };
    if (call.position) node.position = call.position;
    return node;
  });
}

function chainOf(project: Project, chainId: string): Chain | undefined {
  return project.chains.find((c) => c.id === chainId);
}

/**
 * Positions for every call of a chain: dagre, left to right, with one column per turn of the
 * plan (per level in a single-turn chain, per call in a multi-turn one); sizes from nodeSize.
 * A chain with a cycle is laid out by dagre's own ranks. Pure.
 */
export function autoLayout(project: Project, chainId: string): Record<string, Position> {
  const chain = chainOf(project, chainId);
  if (!chain) return {};
  const planned = chainPlan(project, chain);
  const nodes = layoutNodes(project, chain, planned.ok ? planned.plan : null);
  const edges = chainDependencies(chain).map((d) => ({ source: d.from, target: d.to }));
  return layoutColumns(nodes, edges);
}

/**
 * Where each call is drawn (as the canvas draws it, drawnPositions): saved positions are kept;
 * calls without one follow the automatic layout, in a free spot of their turn's column.
 * `mode: 'all'` ignores saved positions (the "Auto layout" button).
 */
export function resolvePositions(project: Project, chainId: string, mode: 'keep' | 'all' = 'keep'): Record<string, Position> {
  const chain = chainOf(project, chainId);
  if (!chain) return {};
  if (mode === 'all' || chain.calls.every((c) => !c.position)) return autoLayout(project, chainId);
  const planned = chainPlan(project, chain);
  const edges = chainDependencies(chain).map((d) => ({ source: d.from, target: d.to }));
  return drawnPositions(layoutNodes(project, chain, planned.ok ? planned.plan : null), edges);
}

/**
 * The "Auto layout" button. Up to DAGRE_NODE_LIMIT calls it forgets every saved position: each
 * call is drawn by the automatic layout again, and keeps following it (a new connection moves
 * its call to its turn's column) until the user drags it. A larger chain gets the positions
 * written (drawing it without them uses plain columns).
 */
export function applyAutoLayout(project: Project, chainId: string): Project {
  const chain = chainOf(project, chainId);
  if (!chain || chain.calls.length === 0) return project;
  if (chain.calls.length <= DAGRE_NODE_LIMIT) {
    if (chain.calls.every((c) => !c.position)) return project;
    const calls = chain.calls.map((call) => {
      if (!call.position) return call;
      const rest = { ...call };
      delete rest.position;
      return rest;
    });
    return { ...project, chains: project.chains.map((c) => (c.id === chainId ? { ...chain, calls } : c)) };
  }
  const positions = autoLayout(project, chainId);
  const calls = chain.calls.map((call) => {
    const p = positions[call.id];
    if (!p || (call.position && call.position.x === p.x && call.position.y === p.y)) return call;
    return { ...call, position: call.position ? { ...call.position, x: p.x, y: p.y } : { x: p.x, y: p.y } };
  });
  if (calls.every((c, i) => c === chain.calls[i])) return project;
  return { ...project, chains: project.chains.map((c) => (c.id === chainId ? { ...chain, calls } : c)) };
}
