import type { Chain, Project } from '../project/types.ts';
import type { Plan } from '../graph/plan.ts';
import { chainPlan } from '../compile/compileProject.ts';

/**
 * The orchestration pattern of a chain, one of the five rows of the dataset mix table
 * (seed 000: single 40 %, two-tool sequential 25 %, two-tool parallel 15 %, three+ tool
 * chains 10 %, mixed 10 %). It is computed from the chain's dependency levels — the design,
 * not the export options: serialising parallel turns does not change a chain's pattern.
 *
 * With n calls and L levels (L = 1 + the longest wait chain):
 * - `single`: n ≤ 1 (a chain without calls counts here too: a request and a reply);
 * - `sequential-2`: n = 2, L = 2 (the second waits for the first);
 * - `parallel-2`: every call in one level (L = 1, n ≥ 2): independent calls in one turn.
 *   Three or more independent calls also land here: the skill is "independence
 *   recognition", and the table has no row of its own for them;
 * - `sequential-3plus`: n ≥ 3 and one call per level (L = n): a strict chain;
 * - `mixed`: n ≥ 3 with both a level of several calls and a wait (1 < L < n).
 *
 * Chains that read their results (project format 2) have two patterns of their own, whatever
 * their levels: `loop` (a call has `forEach`) and, otherwise, `conditional` (a call has
 * `when`, `failure` or `confirm`: the example branches on what happened). In a mix they count as `mixed` unless the mix gives them a weight of their own
 * (design §9: the seed's own mixed example is a loop).
 */
export type Pattern = 'single' | 'sequential-2' | 'parallel-2' | 'sequential-3plus' | 'mixed' | 'loop' | 'conditional';

export const PATTERNS: readonly Pattern[] = ['single', 'sequential-2', 'parallel-2', 'sequential-3plus', 'mixed', 'loop', 'conditional'];

/** The patterns a chain has because it reads its results; they fall back to `mixed` in a mix without weights for them. */
export const RESULT_AWARE_PATTERNS: readonly Pattern[] = ['loop', 'conditional'];

export const PATTERN_LABELS: { readonly [p in Pattern]: string } = {
  single: 'Single tool call',
  'sequential-2': 'Two-tool sequential',
  'parallel-2': 'Parallel (independent calls)',
  'sequential-3plus': 'Three+ tool chain',
  mixed: 'Mixed (parallel and sequential)',
  loop: 'Loop (a call per element)',
  conditional: 'Conditional (a call only when)',
};

/** The pattern of a plan (see the table above). Uses the levels, so serialised turns do not matter. */
export function patternOfPlan(plan: Pick<Plan, 'levels'>): Pattern {
  const levels = plan.levels.length;
  const calls = plan.levels.reduce((n, level) => n + level.length, 0);
  if (calls <= 1) return 'single';
  if (levels === 1) return 'parallel-2';
  if (calls === 2) return 'sequential-2';
  if (levels === calls) return 'sequential-3plus';
  return 'mixed';
}

/** The pattern of a chain, or undefined when its dependencies form a cycle. */
export function chainPattern(project: Project, chain: Chain): Pattern | undefined {
  const planned = chainPlan(project, chain);
  if (!planned.ok) return undefined;
  if (chain.calls.some((c) => c.forEach !== undefined)) return 'loop';
  if (chain.calls.some((c) => c.when !== undefined || c.failure !== undefined || c.confirm !== undefined)) return 'conditional';
  return patternOfPlan(planned.plan);
}
