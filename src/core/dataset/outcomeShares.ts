import type { ChainSummary } from './stream.ts';

/** What the examples of chains that fail or ask hold: a failure, a retry, a confirmation (yes), a refusal (no). */
export interface OutcomeShares {
  /** Examples of the run from chains whose calls can fail or ask (the base of the shares). */
  examples: number;
  /** Shares (0–1) of those examples, each chain weighted by its examples in the run. */
  failures: number;
  retries: number;
  confirmations: number;
  refusals: number;
}

type OutcomeKey = 'failures' | 'retries' | 'confirmations' | 'refusals';
const KEYS: readonly OutcomeKey[] = ['failures', 'retries', 'confirmations', 'refusals'];

/**
 * The shares of failures, retries, confirmations and refusals over a run's chains (from each
 * chain's sampled examples, weighted by its count), as the CLI summary and the export dialog say
 * them; null when no chain of the run fails or asks (nothing to say).
 */
export function outcomeShares(chains: readonly ChainSummary[]): OutcomeShares | null {
  const withOutcomes = chains.filter((c) => c.outcomes && c.sampled && c.count > 0);
  if (!withOutcomes.some((c) => KEYS.some((k) => c.outcomes![k] > 0))) return null;
  const examples = withOutcomes.reduce((a, c) => a + c.count, 0);
  const share = (key: OutcomeKey) => withOutcomes.reduce((a, c) => a + (c.outcomes![key] / c.sampled!) * c.count, 0) / examples;
  return { examples, failures: share('failures'), retries: share('retries'), confirmations: share('confirmations'), refusals: share('refusals') };
}
