import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, GraphView, TurnBand } from '../../core/index.ts';
import type { Position } from '../../core/index.ts';
import { callHandles } from './nodeHandles.ts';

/**
 * Turns the core's GraphView into React Flow nodes and edges. Nothing is computed here but
 * presentation: class names for selection and lineage highlighting. Node and edge objects are
 * cached, so an unchanged call keeps the same object and React Flow (and the memoised node
 * component) skip it: during a drag only the moved node is new.
 */

export type CallNodeData = { node: GraphNode };
export type BandNodeData = { band: TurnBand };
export type DependencyEdgeData = { edge: GraphEdge };

export type CallFlowNode = Node<CallNodeData, 'call'>;
export type BandFlowNode = Node<BandNodeData, 'band'>;
export type FlowNode = CallFlowNode | BandFlowNode;
export type DependencyFlowEdge = Edge<DependencyEdgeData, 'dependency'>;

/** What the canvas highlights: the selection and, for one selected call, its ancestors and descendants. */
export interface Highlight {
  selectedCallIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  /** The single selected call, when its lineage is highlighted. */
  focus: string | null;
  ancestors: ReadonlySet<string>;
  descendants: ReadonlySet<string>;
}

export const BAND_ID_PREFIX = 'band:';

/**
 * Class name of a call node for the lineage highlight: only the focused call, its ancestors
 * and its descendants get one (the canvas dims the others with one class of its own), so
 * selecting a call touches the lineage's nodes, not every node of a large chain.
 */
export function lineageClass(callId: string, h: Highlight): string {
  if (h.focus === null) return '';
  if (callId === h.focus) return 'lineage-focus';
  if (h.ancestors.has(callId)) return 'lineage-ancestor';
  if (h.descendants.has(callId)) return 'lineage-descendant';
  return '';
}

/**
 * Class names of an edge: its kind (order-only, data, a fan-out's list, a condition's read),
 * type mismatch, critical path. Not the lineage: the edge draws that itself (edgeInLineage),
 * so that selecting a call changes no edge object — React Flow rebuilds its lookups of every
 * edge whenever the edges change, which took most of a select in a large chain.
 */
export function edgeClass(edge: GraphEdge): string {
  const classes: string[] = [`edge-${edge.kind}`];
  if (edge.typeMismatch) classes.push('edge-mismatch');
  if (edge.brokenField) classes.push('edge-broken');
  if (edge.isOnCriticalPath) classes.push('edge-critical');
  return classes.join(' ');
}

/** Whether an edge joins two calls of the highlighted lineage (the focused call, its ancestors, its descendants). */
export function edgeInLineage(source: string, target: string, h: Pick<Highlight, 'focus' | 'ancestors' | 'descendants'>): boolean {
  if (h.focus === null) return false;
  const inLineage = (id: string) => id === h.focus || h.ancestors.has(id) || h.descendants.has(id);
  return inLineage(source) && inLineage(target);
}

interface NodeCacheEntry {
  source: GraphNode;
  selected: boolean;
  className: string;
  x: number;
  y: number;
  flow: CallFlowNode;
}
interface BandCacheEntry {
  key: string;
  flow: BandFlowNode;
}
interface EdgeCacheEntry {
  source: GraphEdge;
  selected: boolean;
  className: string;
  flow: DependencyFlowEdge;
}

/** Caches between renders; one per canvas. */
export interface FlowCache {
  nodes: Map<string, NodeCacheEntry>;
  bands: Map<string, BandCacheEntry>;
  edges: Map<string, EdgeCacheEntry>;
  /** The last lists returned: returned again when every element is the same object (React Flow then does nothing). */
  nodeList: FlowNode[];
  edgeList: DependencyFlowEdge[];
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), bands: new Map(), edges: new Map(), nodeList: [], edgeList: [] };
}

/** `next`, or `last` when it holds the same objects in the same order. */
function sameOr<T>(last: T[], next: T[]): T[] {
  if (last.length !== next.length) return next;
  for (let i = 0; i < next.length; i += 1) if (last[i] !== next[i]) return next;
  return last;
}

/**
 * The React Flow nodes: one band per turn (behind, not selectable), then one node per call.
 * `overrides` are positions of nodes being dragged (not yet written to the project).
 */
export function toFlowNodes(view: GraphView, h: Highlight, cache: FlowCache, overrides: ReadonlyMap<string, Position> = new Map()): FlowNode[] {
  const out: FlowNode[] = [];
  const seenBands = new Set<string>();
  for (const band of view.bands) {
    const id = `${BAND_ID_PREFIX}${band.index}`;
    seenBands.add(id);
    const key = `${band.title}|${band.x}|${band.y}|${band.width}|${band.height}|${band.callIds.join(',')}`;
    const cached = cache.bands.get(id);
    if (cached && cached.key === key) {
      out.push(cached.flow);
      continue;
    }
    const flow: BandFlowNode = {
      id,
      type: 'band',
      position: { x: band.x, y: band.y },
      data: { band },
      width: band.width,
      height: band.height,
      // Known up front (no handles, its size): React Flow need not render and measure it before it knows whether it is in view.
      measured: { width: band.width, height: band.height },
      handles: [],
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      deletable: false,
      zIndex: -1,
      className: 'band-node',
      // Named by its title ("Turn 2 · 1 call"), so that the turns can be found on the canvas.
      ariaRole: 'group',
      ariaLabel: band.title,
    };
    cache.bands.set(id, { key, flow });
    out.push(flow);
  }
  for (const id of [...cache.bands.keys()]) if (!seenBands.has(id)) cache.bands.delete(id);

  const seen = new Set<string>();
  for (const node of view.nodes) {
    seen.add(node.id);
    const selected = h.selectedCallIds.has(node.id);
    const className = ['call-node', lineageClass(node.id, h)].filter(Boolean).join(' ');
    const position = overrides.get(node.id) ?? node.position;
    const cached = cache.nodes.get(node.id);
    if (
      cached &&
      cached.source === node &&
      cached.selected === selected &&
      cached.className === className &&
      cached.x === position.x &&
      cached.y === position.y
    ) {
      out.push(cached.flow);
      continue;
    }
    const flow: CallFlowNode = {
      id: node.id,
      type: 'call',
      position: { x: position.x, y: position.y },
      // The data object is kept while the core's node is the same object: the node component is memoised on it.
      data: cached && cached.source === node ? cached.flow.data : { node },
      width: node.width,
      height: node.height,
      // Size and handles known up front (nodeHandles.ts): React Flow renders only the calls in view and measures none of them.
      measured: { width: node.width, height: node.height },
      handles: cached && cached.source === node ? cached.flow.handles : callHandles(node),
      selected,
      className,
      ariaLabel: `Call ${node.id} · ${node.tool}`,
      dragHandle: '.call-node-drag',
    };
    cache.nodes.set(node.id, { source: node, selected, className, x: position.x, y: position.y, flow });
    out.push(flow);
  }
  for (const id of [...cache.nodes.keys()]) if (!seen.has(id)) cache.nodes.delete(id);
  cache.nodeList = sameOr(cache.nodeList, out);
  return cache.nodeList;
}

/** A readable name for an edge (its accessible name on the canvas). */
export function edgeLabel(edge: GraphEdge): string {
  if (edge.kind === 'order') return `${edge.target} runs after ${edge.source} (order only)`;
  if (edge.kind === 'each') return `${edge.target} runs once for each element of {${edge.reference ?? edge.label}}`;
  if (edge.kind === 'condition')
    return `${edge.target} ${edge.argPath.startsWith('where') ? 'filter' : 'only if'}: ${edge.label.replace(/^where /, '')} (reads ${edge.source})`;
  return `${edge.target}.${edge.argPath} ← {${edge.label}}${edge.typeMismatch ? ' (type mismatch)' : ''}`;
}

/** The React Flow edges. The same list (the same array) while no edge changes: selecting a call changes none. */
export function toFlowEdges(view: GraphView, h: Pick<Highlight, 'selectedEdgeIds'>, cache: FlowCache): DependencyFlowEdge[] {
  const out: DependencyFlowEdge[] = [];
  const seen = new Set<string>();
  for (const edge of view.edges) {
    seen.add(edge.id);
    const selected = h.selectedEdgeIds.has(edge.id);
    const className = edgeClass(edge);
    const cached = cache.edges.get(edge.id);
    if (cached && cached.source === edge && cached.selected === selected && cached.className === className) {
      out.push(cached.flow);
      continue;
    }
    const flow: DependencyFlowEdge = {
      id: edge.id,
      type: 'dependency',
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle,
      targetHandle: edge.targetHandle,
      data: { edge },
      selected,
      className,
      ariaLabel: edgeLabel(edge),
      zIndex: edge.isOnCriticalPath ? 1 : 0,
    };
    cache.edges.set(edge.id, { source: edge, selected, className, flow });
    out.push(flow);
  }
  for (const id of [...cache.edges.keys()]) if (!seen.has(id)) cache.edges.delete(id);
  cache.edgeList = sameOr(cache.edgeList, out);
  return cache.edgeList;
}
