import dagre from '@dagrejs/dagre';
import type { Position } from '../project/types.ts';
import { NODE_WIDTH } from './nodeSize.ts';

/** Space between turn columns and between nodes of one column (canvas units). */
export const COLUMN_GAP = 140;
export const ROW_GAP = 40;
/** Above this many calls, calls without a saved position are drawn in plain turn columns (placeMissing): dagre is slow on big graphs. */
export const DAGRE_NODE_LIMIT = 200;

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** The column: the call's turn in the plan (turnColumns); null when unknown (a cycle): dagre's rank is used. */
  column: number | null;
  /**
   * The call's level in the plan, which decides its height (dagre ranks the calls by level);
   * the column when left out. It differs from the column in a multi-turn chain only.
   */
  level?: number | null;
}

/**
 * Top-left positions: one column per turn (x from the node's column); the height of each node
 * from dagre run on the levels (rankdir LR, edge lengths = level differences), pushed apart so
 * that no two nodes of a column overlap. In a single-turn chain the columns are the levels. In
 * a multi-turn chain the calls of one level are turns of their own: they keep the heights they
 * would have side by side, spread over consecutive columns (a staircase), so that an edge from
 * one of them passes beside the next rather than through it. Pure.
 */
export function layoutColumns(nodes: readonly LayoutNode[], edges: readonly { source: string; target: string }[]): Record<string, Position> {
  const out: Record<string, Position> = {};
  if (nodes.length === 0) return out;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rankOf = (n: LayoutNode) => (n.level === undefined ? n.column : n.level);
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: ROW_GAP, ranksep: COLUMN_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b || a.id === b.id) continue;
    const [ra, rb] = [rankOf(a), rankOf(b)];
    const minlen = ra !== null && rb !== null ? Math.max(1, rb - ra) : 1;
    g.setEdge(a.id, b.id, { minlen, weight: 1 });
  }
  dagre.layout(g);

  // Columns: the node's own, else dagre's x order.
  const column = new Map<string, number>();
  const unknown = nodes.filter((n) => n.column === null);
  if (unknown.length) {
    const xs = [...new Set(unknown.map((n) => Math.round(g.node(n.id).x)))].sort((p, q) => p - q);
    for (const n of unknown) column.set(n.id, xs.indexOf(Math.round(g.node(n.id).x)));
  }
  for (const n of nodes) if (n.column !== null) column.set(n.id, n.column);

  const columns = new Map<number, LayoutNode[]>();
  for (const n of nodes) {
    const c = column.get(n.id)!;
    const list = columns.get(c);
    if (list) list.push(n);
    else columns.set(c, [n]);
  }
  for (const [c, list] of columns) {
    list.sort((p, q) => g.node(p.id).y - g.node(q.id).y);
    let bottom = -Infinity;
    for (const n of list) {
      const wanted = Math.round(g.node(n.id).y - n.height / 2);
      const y = Math.max(wanted, bottom === -Infinity ? wanted : bottom + ROW_GAP);
      out[n.id] = { x: c * (NODE_WIDTH + COLUMN_GAP), y };
      bottom = y + n.height;
    }
  }
  // Start at y = 0.
  const top = Math.min(...Object.values(out).map((p) => p.y));
  for (const p of Object.values(out)) p.y -= top;
  return out;
}

/**
 * Keeps saved positions; a node without one goes in its turn's column, below the lowest
 * node already there (or at the top of the column).
 */
export function placeMissing(nodes: readonly (LayoutNode & { position?: Position })[]): Record<string, Position> {
  const out: Record<string, Position> = {};
  const bottoms = new Map<number, number>();
  for (const n of nodes) {
    if (!n.position) continue;
    out[n.id] = { x: n.position.x, y: n.position.y };
    const c = Math.max(0, Math.round(n.position.x / (NODE_WIDTH + COLUMN_GAP)));
    bottoms.set(c, Math.max(bottoms.get(c) ?? -Infinity, n.position.y + n.height));
  }
  for (const n of nodes) {
    if (n.position) continue;
    const c = n.column ?? 0;
    const bottom = bottoms.get(c);
    const y = bottom === undefined ? 0 : Math.round(bottom + ROW_GAP);
    out[n.id] = { x: c * (NODE_WIDTH + COLUMN_GAP), y };
    bottoms.set(c, y + n.height);
  }
  return out;
}

/**
 * Where each call is drawn. A call with a saved position (the user placed it, or a file gave
 * it one) stays there. Every other call goes where the automatic layout puts it — layoutColumns
 * over the whole chain, so it follows the connections: a new edge that moves a call to a later
 * turn moves it to that turn's column — and, when a placed call is in the way, down its column
 * to the first free spot. Above DAGRE_NODE_LIMIT calls, placeMissing. Pure.
 */
export function drawnPositions(
  nodes: readonly (LayoutNode & { position?: Position })[],
  edges: readonly { source: string; target: string }[],
): Record<string, Position> {
  if (nodes.length > DAGRE_NODE_LIMIT) return placeMissing(nodes);
  if (nodes.every((n) => !n.position)) return layoutColumns(nodes, edges);
  const auto = layoutColumns(nodes, edges);
  const out: Record<string, Position> = {};
  const taken: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const n of nodes) {
    if (!n.position) continue;
    out[n.id] = { x: n.position.x, y: n.position.y };
    taken.push({ left: n.position.x, right: n.position.x + n.width, top: n.position.y, bottom: n.position.y + n.height });
  }
  const free = nodes.filter((n) => !n.position).sort((a, b) => auto[a.id].x - auto[b.id].x || auto[a.id].y - auto[b.id].y);
  for (const n of free) {
    const x = auto[n.id].x;
    let y = auto[n.id].y;
    const inColumn = taken.filter((r) => r.left < x + n.width && x < r.right);
    // Down past every box it would touch (with ROW_GAP around), until none is in the way; y only grows.
    for (let moved = true; moved;) {
      moved = false;
      for (const r of inColumn) {
        if (y < r.bottom + ROW_GAP && r.top < y + n.height + ROW_GAP) {
          y = r.bottom + ROW_GAP;
          moved = true;
        }
      }
    }
    out[n.id] = { x, y };
    taken.push({ left: x, right: x + n.width, top: y, bottom: y + n.height });
  }
  return out;
}
