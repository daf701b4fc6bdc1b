import type { GraphNode } from '../core/index.ts';

/**
 * Keeps the previous object of every node that did not change, so a memoised node component
 * (and a selector that returns it) does not re-render when another node moves.
 */
export function reuseEqualNodes(previous: readonly GraphNode[], next: GraphNode[]): GraphNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    const old = before.get(node.id);
    return old && JSON.stringify(old) === JSON.stringify(node) ? old : node;
  });
}
