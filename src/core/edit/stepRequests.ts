import type { Chain, Project } from '../project/types.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { findChain, findTool } from './access.ts';
import { resultFields } from './fields.ts';
import { ancestors } from './lineage.ts';
import { referenceForConnection } from './reference.ts';

/** How many calls of a chain carry their own requests, and whether that makes it multi-turn (project format §9.2). */
export interface StepRequestCoverage {
  /** Calls with at least one request of their own. */
  withRequests: number;
  /** Calls in the chain. */
  total: number;
  /** Every call (and at least one) carries requests: each call gets its own user turn. */
  multiTurn: boolean;
  /** Ids of the calls without requests, in call order. */
  missing: string[];
}

/** Which calls of a chain carry per-step requests: all of them make a multi-turn chain; some of them are ignored. */
export function stepRequestCoverage(chain: Chain): StepRequestCoverage {
  const missing = chain.calls.filter((c) => !(c.requests?.length ?? 0)).map((c) => c.id);
  const total = chain.calls.length;
  return { withRequests: total - missing.length, total, multiTurn: total > 0 && missing.length === 0, missing };
}

/**
 * Completions for a call's own requests (project format §7.2): `{slot}` for every slot, and
 * `{call.path}` for the results of the calls it waits for, directly or through others
 * (data or order-only); list steps as `[0]`. Other calls have not run when that user speaks.
 */
export function stepRequestCompletions(project: Project, chainId: string, callId: string): string[] {
  const chain = findChain(project, chainId);
  if (!chain || !chain.calls.some((c) => c.id === callId)) return [];
  const slots = chain.slots ?? {};
  const out = Object.keys(slots).map((s) => `{${s}}`);
  const upstream = ancestors(chainDependencies(chain), callId);
  for (const call of chain.calls) {
    if (!upstream.has(call.id) || Object.prototype.hasOwnProperty.call(slots, call.id)) continue;
    const tool = findTool(project, call.tool);
    if (!tool) continue;
    for (const field of resultFields(tool)) out.push(referenceForConnection(call.id, field.path, undefined));
  }
  return [...new Set(out)];
}
