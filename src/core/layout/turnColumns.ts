import type { Plan } from '../graph/plan.ts';

/**
 * The canvas column of each call: the index of its assistant turn in the plan. In a
 * single-turn chain that is the call's level (the calls of a level run together); in a
 * multi-turn chain (every call has its own requests, project format §9.2) each call is a turn
 * of its own, so each gets a column of its own, in turn order. Null without a plan (a cycle).
 */
export function turnColumns(plan: Plan | null): Record<string, number> | null {
  if (!plan) return null;
  const out: Record<string, number> = {};
  for (const turn of plan.turns) for (const id of turn.callIds) out[id] = turn.index;
  return out;
}
