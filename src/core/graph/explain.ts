import type { Chain } from '../project/types.ts';
import type { Plan } from './plan.ts';

/** The plan in words: why each call waits, why calls run together. For the page and the CLI. */
export interface CallExplanation {
  callId: string;
  tool: string;
  /** One sentence per call it waits for, naming the field it needs. Empty: it starts at once. */
  waits: string[];
  /** Why it runs in the same turn as the others, when it does. */
  parallelNote?: string;
}

export interface TurnExplanation {
  index: number;
  /** e.g. "Turn 2 · 2 calls in parallel". */
  title: string;
  calls: CallExplanation[];
}

export interface PlanExplanation {
  turns: TurnExplanation[];
  criticalPath: string;
  latency: string;
}

const list = (items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export function turnTitle(index: number, count: number): string {
  return `Turn ${index + 1} · ${count === 1 ? '1 call' : `${count} calls in parallel`}`;
}

export function explainPlan(chain: Chain, plan: Plan): PlanExplanation {
  const toolOf = new Map(chain.calls.map((c) => [c.id, c.tool]));
  const incoming = new Map<string, Plan['dependencies']>();
  for (const d of plan.dependencies) incoming.set(d.to, [...(incoming.get(d.to) ?? []), d]);

  const turns = plan.turns.map((turn) => ({
    index: turn.index,
    title: turnTitle(turn.index, turn.callIds.length),
    calls: turn.callIds.map((callId): CallExplanation => {
      const waits = (incoming.get(callId) ?? []).map((d) => {
        if (d.kind === 'order') return `waits for ${d.from}: it is set to run after it (no data flows)`;
        const needs = [...new Set(d.fields.map((f) => (f.arg === f.field ? f.arg : `${f.arg} (${f.ref.slice(d.from.length + 1) || 'the whole result'})`)))];
        return `waits for ${d.from}: ${list(needs)} ${needs.length === 1 ? 'comes' : 'come'} from its result`;
      });
      const others = turn.callIds.filter((id) => id !== callId);
      const explanation: CallExplanation = { callId, tool: toolOf.get(callId) ?? '?', waits };
      if (others.length) explanation.parallelNote = `runs together with ${list(others)}: neither needs the other's result`;
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
  const criticalPath = plan.criticalPath.length
    ? `${plan.criticalPath.join(' → ')} (${criticalPathMs} ms): no order of calls can finish faster`
    : 'no calls';

  return { turns, criticalPath, latency };
}
