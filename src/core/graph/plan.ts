import type { Chain, Project } from '../project/types.ts';
import { DEFAULT_LATENCY_MS } from '../project/types.ts';
import { chainDependencies, type Dependency } from './dependencies.ts';
import { findCycle } from './cycles.ts';

export interface PlanTurn {
  index: number;
  /** Calls made together in this assistant turn (parallel tool_calls when more than one). */
  callIds: string[];
}

export interface Plan {
  chainId: string;
  /** Call ids by level: a call's level is the length of the longest dependency path reaching it. */
  levels: string[][];
  /** The assistant turns: one per level, or one per call when the chain is multi-turn. */
  turns: PlanTurn[];
  levelOf: Record<string, number>;
  dependencies: Dependency[];
  /** Every call carries its own user request: each call is its own turn after its request. */
  multiTurn: boolean;
  /** The chain of waits that takes longest (by latency), from a first call to a last. */
  criticalPath: string[];
  latency: {
    /** One call after another. */
    sequentialMs: number;
    /** As planned: the sum over turns of the slowest call of the turn. */
    plannedMs: number;
    /** The critical path's own latency: no order can beat it. */
    criticalPathMs: number;
    /** Latency of each call (the tool's `latencyMs`, or the default). */
    byCall: Record<string, number>;
    /** Calls whose tool gives no latencyMs (the default was assumed). */
    assumed: string[];
  };
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; cycle: string[]; dependencies: Dependency[] };

export interface PlanOptions {
  /** One call per assistant turn, in a valid topological order (for one-call-per-turn models). */
  serializeParallel?: boolean;
}

/** Levels, turns, critical path and latencies of a chain; a cycle is returned with its calls in order. */
export function planChain(project: Project, chain: Chain, options: PlanOptions = {}): PlanResult {
  const ids = chain.calls.map((c) => c.id);
  const order = new Map(ids.map((id, i) => [id, i]));
  const dependencies = chainDependencies(chain);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const d of dependencies) {
    preds.get(d.to)?.push(d.from);
    succs.get(d.from)?.push(d.to);
  }

  // Kahn's algorithm in call order; level = 1 + the highest level among predecessors.
  const remaining = new Map(ids.map((id) => [id, preds.get(id)!.length]));
  const levelOf: Record<string, number> = {};
  const topo: string[] = [];
  let ready = ids.filter((id) => remaining.get(id) === 0);
  while (ready.length) {
    const next: string[] = [];
    for (const id of ready) {
      topo.push(id);
      levelOf[id] = Math.max(0, ...preds.get(id)!.map((p) => levelOf[p] + 1));
      for (const s of succs.get(id)!) {
        const left = remaining.get(s)! - 1;
        remaining.set(s, left);
        if (left === 0) next.push(s);
      }
    }
    ready = next.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  if (topo.length < ids.length) {
    const stuck = ids.filter((id) => !(id in levelOf));
    const cycle = findCycle(stuck, (n) => succs.get(n)!.filter((s) => !(s in levelOf))) ?? stuck;
    return { ok: false, cycle, dependencies };
  }

  const levelCount = ids.length ? Math.max(...Object.values(levelOf)) + 1 : 0;
  const levels: string[][] = Array.from({ length: levelCount }, () => []);
  for (const id of ids) levels[levelOf[id]].push(id);

  const multiTurn = chain.calls.length > 0 && chain.calls.every((c) => (c.requests?.length ?? 0) > 0);
  const oneByOne = multiTurn || options.serializeParallel === true;
  const turnGroups = oneByOne ? levels.flat().map((id) => [id]) : levels;
  const turns = turnGroups.map((callIds, index) => ({ index, callIds }));

  // Latency: tool's latencyMs or the default.
  const toolLatency = new Map(project.tools.map((t) => [t.function.name, t.latencyMs]));
  const byCall: Record<string, number> = {};
  const assumed: string[] = [];
  for (const call of chain.calls) {
    const ms = toolLatency.get(call.tool);
    if (typeof ms === 'number') byCall[call.id] = ms;
    else {
      byCall[call.id] = DEFAULT_LATENCY_MS;
      assumed.push(call.id);
    }
  }
  const sequentialMs = ids.reduce((sum, id) => sum + byCall[id], 0);
  const plannedMs = turnGroups.reduce((sum, group) => sum + Math.max(...group.map((id) => byCall[id])), 0);

  // Critical path: longest path weighted by latency; ties go to the earlier call.
  const best = new Map<string, number>();
  const via = new Map<string, string | null>();
  for (const id of topo) {
    let from: string | null = null;
    let top = 0;
    for (const p of [...preds.get(id)!].sort((a, b) => order.get(a)! - order.get(b)!)) {
      if (from === null || best.get(p)! > top) {
        top = best.get(p)!;
        from = p;
      }
    }
    best.set(id, top + byCall[id]);
    via.set(id, from);
  }
  let end: string | null = null;
  for (const id of ids) if (end === null || best.get(id)! > best.get(end)!) end = id;
  const criticalPath: string[] = [];
  for (let at = end; at !== null; at = via.get(at) ?? null) criticalPath.unshift(at);

  return {
    ok: true,
    plan: {
      chainId: chain.id,
      levels,
      turns,
      levelOf,
      dependencies,
      multiTurn,
      criticalPath,
      latency: { sequentialMs, plannedMs, criticalPathMs: end === null ? 0 : best.get(end)!, byCall, assumed },
    },
  };
}
