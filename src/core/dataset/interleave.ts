/**
 * The order of a file's examples when several chains share it: chains are interleaved evenly
 * (not one block per chain), and position p of the file is found directly — no need to walk
 * from the start — so a shard or a worker can begin anywhere.
 *
 * The chains form a balanced binary tree; a node with n examples whose left half holds a of
 * them sends position p left when ⌊(p+1)·a/n⌋ > ⌊p·a/n⌋ (Bresenham's rule): the left side's
 * examples are spread evenly over the node's positions. A leaf's position is the chain's own
 * example index.
 */

export interface Placement {
  /** Index into the counts the schedule was made from. */
  chain: number;
  /** The chain's own example index (0 … count − 1). */
  local: number;
}

interface Node {
  total: number;
  left?: Node;
  right?: Node;
  leftTotal: number;
  chain: number;
}

/** ⌊x·a/n⌋ exactly, also when x·a exceeds 2^53. */
function mulDiv(x: number, a: number, n: number): number {
  const product = x * a;
  if (product <= Number.MAX_SAFE_INTEGER) return Math.floor(product / n);
  return Number((BigInt(x) * BigInt(a)) / BigInt(n));
}

function build(counts: readonly number[], lo: number, hi: number): Node {
  if (hi - lo === 1) return { total: counts[lo], leftTotal: 0, chain: lo };
  const mid = (lo + hi) >> 1;
  const left = build(counts, lo, mid);
  const right = build(counts, mid, hi);
  return { total: left.total + right.total, left, right, leftTotal: left.total, chain: -1 };
}

export interface Schedule {
  total: number;
  /** Which chain's which example sits at position `p` (0 ≤ p < total). */
  at(p: number): Placement;
}

export function createSchedule(counts: readonly number[]): Schedule {
  if (counts.length === 0)
    return {
      total: 0,
      at: () => {
        throw new RangeError('an empty schedule has no positions');
      },
    };
  const root = build(counts, 0, counts.length);
  return {
    total: root.total,
    at(p: number): Placement {
      if (!(p >= 0 && p < root.total)) throw new RangeError(`position ${p} is outside 0…${root.total - 1}`);
      let node = root;
      let q = p;
      while (node.left) {
        const a = node.leftTotal;
        const before = mulDiv(q, a, node.total);
        if (mulDiv(q + 1, a, node.total) > before) {
          q = before;
          node = node.left;
        } else {
          q -= before;
          node = node.right!;
        }
      }
      return { chain: node.chain, local: q };
    },
  };
}
