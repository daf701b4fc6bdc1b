import type { Chain } from '../project/types.ts';
import type { CallVariation } from '../calls/variation.ts';
import type { Plan } from './plan.ts';

/** The plan in words: why each call waits, why calls run together. For the page and the CLI. */
export interface CallExplanation {
  callId: string;
  tool: string;
  /** One sentence per call it waits for, naming the field it needs. Empty: it starts at once. */
  waits: string[];
  /** Why it runs in the same turn as the others, when it does. */
  parallelNote?: string;
  /** How it varies per example (a fan-out's count, a condition), in words. */
  variation?: string;
}

export interface TurnExplanation {
  index: number;
  /** e.g. "Turn 2 · 2 calls in parallel", "Turn 2 · 0 to 5 calls, varies per example". */
  title: string;
  /** Fewest and most calls the turn makes in one example (`max` null: no bound known). */
  calls_min?: number;
  calls_max?: number | null;
  /** The turn may make no call in some examples: then it is not written, and the later turns move up. */
  mayVanish?: boolean;
  calls: CallExplanation[];
}

export interface PlanExplanation {
  turns: TurnExplanation[];
  criticalPath: string;
  latency: string;
}

const list = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export function turnTitle(index: number, count: number, range?: { min: number; max: number | null }): string {
  if (range && (range.min !== count || range.max !== count)) {
    const span = range.max === null ? `${range.min} or more calls` : range.min === range.max ? `${range.min} calls` : `${range.min} to ${range.max} calls`;
    return `Turn ${index + 1} · ${span}, varies per example`;
  }
  return `Turn ${index + 1} · ${count === 1 ? '1 call' : `${count} calls in parallel`}`;
}

/** The fewest and most calls of a turn, from its calls' variations (a call without one makes exactly one). */
export function turnRange(callIds: readonly string[], variations: ReadonlyMap<string, CallVariation>): { min: number; max: number | null } {
  let min = 0;
  let max: number | null = 0;
  for (const id of callIds) {
    const v = variations.get(id);
    min += v ? v.min : 1;
    max = max === null || (v && v.max === null) ? null : max + (v ? (v.max as number) : 1);
  }
  return { min, max };
}

export function explainPlan(chain: Chain, plan: Plan, variations: ReadonlyMap<string, CallVariation> = new Map()): PlanExplanation {
  const toolOf = new Map(chain.calls.map((c) => [c.id, c.tool]));
  const incoming = new Map<string, Plan['dependencies']>();
  for (const d of plan.dependencies) incoming.set(d.to, [...(incoming.get(d.to) ?? []), d]);

  const turns = plan.turns.map((turn): TurnExplanation => ({
    index: turn.index,
    title: turnTitle(turn.index, turn.callIds.length, turnRange(turn.callIds, variations)),
    ...(turn.callIds.some((id) => variations.has(id))
      ? {
          calls_min: turnRange(turn.callIds, variations).min,
          calls_max: turnRange(turn.callIds, variations).max,
          mayVanish: turnRange(turn.callIds, variations).min === 0,
        }
      : {}),
    calls: turn.callIds.map((callId): CallExplanation => {
      const waits = (incoming.get(callId) ?? []).map((d) => {
        if (d.status) return `waits for ${d.from}: its condition asks what happened to it (it runs either way)`;
        if (d.kind === 'order') return `waits for ${d.from}: it is set to run after it (no data flows)`;
        const needs = [
          ...new Set(d.fields.map((f) => (f.arg === f.field ? f.arg : `${f.arg} (${f.ref.slice(d.from.length).replace(/^\./, '') || 'the whole result'})`))),
        ];
        return `waits for ${d.from}: ${list(needs)} ${needs.length === 1 ? 'comes' : 'come'} from its result`;
      });
      const others = turn.callIds.filter((id) => id !== callId);
      const explanation: CallExplanation = { callId, tool: toolOf.get(callId) ?? '?', waits };
      const variation = variations.get(callId);
      if (variation) explanation.variation = variation.words;
      if (others.length) explanation.parallelNote = `runs together with ${list(others)}: neither needs the other's result`;
      else if (chain.calls.find((c) => c.id === callId)?.forEach !== undefined)
        explanation.parallelNote = "its calls run together: each needs only its own element, not another call's result";
      else if (plan.multiTurn) explanation.parallelNote = 'has its own user request, so it is its own turn';
      else if (plan.levels[plan.levelOf[callId]].length > 1) explanation.parallelNote = 'made alone: the calls are serialised, one per turn';
      return explanation;
    }),
  }));

  const { sequentialMs, plannedMs, criticalPathMs, assumed } = plan.latency;
  const saved = sequentialMs - plannedMs;
  const latency =
    `one by one ${sequentialMs} ms; as planned ${plannedMs} ms` +
    (saved > 0 ? ` (${saved} ms saved by running calls together)` : '') +
    (assumed.length ? `; ${list(assumed)} assumed at the default latency` : '');
  const criticalPath = plan.criticalPath.length ? `${plan.criticalPath.join(' → ')} (${criticalPathMs} ms): no order of calls can finish faster` : 'no calls';

  return { turns, criticalPath, latency };
}
