import type { Dependency } from '../graph/dependencies.ts';
import type { Plan } from '../graph/plan.ts';

type Deps = Plan | readonly Pick<Dependency, 'from' | 'to'>[];

const edgesOf = (deps: Deps): readonly Pick<Dependency, 'from' | 'to'>[] => ('dependencies' in deps ? deps.dependencies : deps);

/** Reachability over the dependencies, with the adjacency built once for many questions. */
function reacher(deps: Deps, forward: boolean): (start: string) => Set<string> {
  const next = new Map<string, string[]>();
  for (const d of edgesOf(deps)) {
    const [a, b] = forward ? [d.from, d.to] : [d.to, d.from];
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  return (start) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      for (const n of next.get(stack.pop()!) ?? []) {
        if (n === start || seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    }
    return seen;
  };
}

/** Every call `callId` waits for, directly or not (not including itself). */
export function ancestors(deps: Deps, callId: string): Set<string> {
  return reacher(deps, false)(callId);
}

/**
 * `ancestors` for many calls of one chain: the dependencies are read once. Each answer is found
 * when asked, so a check that needs a few calls' ancestors does not build every call's set (in
 * a deep chain of n calls, all of them together hold about n²/2 ids).
 */
export function ancestorsFinder(deps: Deps): (callId: string) => Set<string> {
  return reacher(deps, false);
}

/** Every call that waits for `callId`, directly or not (not including itself). */
export function descendants(deps: Deps, callId: string): Set<string> {
  return reacher(deps, true)(callId);
}

/** A path of dependencies from `from` to `to` (both included), or null when `to` does not wait for `from`. */
export function dependencyPath(deps: Deps, from: string, to: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const d of edgesOf(deps)) next.set(d.from, [...(next.get(d.from) ?? []), d.to]);
  const via = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(via.get(path[0])!);
      return path;
    }
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      via.set(n, at);
      queue.push(n);
    }
  }
  return null;
}
