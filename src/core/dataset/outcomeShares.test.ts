import { describe, expect, it } from 'vitest';
import { outcomeShares } from './outcomeShares.ts';
import type { ChainSummary } from './stream.ts';

const chain = (over: Partial<ChainSummary>): ChainSummary => ({
  chainId: 'c',
  pattern: 'sequential-2',
  count: 10,
  calls: 2,
  turns: 2,
  parallelTurns: 0,
  ...over,
});

describe('outcomeShares', () => {
  it('is null when no chain fails or asks', () => {
    expect(outcomeShares([chain({})])).toBeNull();
    expect(outcomeShares([chain({ sampled: 10, outcomes: { failures: 0, retries: 0, confirmations: 0, refusals: 0 } })])).toBeNull();
  });

  it('weights each chain’s sampled shares by its examples in the run, over the chains that fail or ask only', () => {
    const shares = outcomeShares([
      chain({ chainId: 'a', count: 300, sampled: 200, outcomes: { failures: 40, retries: 40, confirmations: 0, refusals: 0 } }),
      chain({ chainId: 'b', count: 100, sampled: 100, outcomes: { failures: 0, retries: 0, confirmations: 60, refusals: 40 } }),
      chain({ chainId: 'plain', count: 1000 }),
    ]);
    expect(shares).not.toBeNull();
    expect(shares!.examples).toBe(400);
    // a: 20 % of 300 = 60 failures; b: none → 60 / 400.
    expect(shares!.failures).toBeCloseTo(60 / 400);
    expect(shares!.retries).toBeCloseTo(60 / 400);
    expect(shares!.confirmations).toBeCloseTo(60 / 400);
    expect(shares!.refusals).toBeCloseTo(40 / 400);
  });

  it('leaves out a chain with no examples in the run', () => {
    const shares = outcomeShares([
      chain({ chainId: 'a', count: 0, sampled: 0, outcomes: { failures: 5, retries: 0, confirmations: 0, refusals: 0 } }),
      chain({ chainId: 'b', count: 10, sampled: 10, outcomes: { failures: 5, retries: 0, confirmations: 0, refusals: 0 } }),
    ]);
    expect(shares!.examples).toBe(10);
    expect(shares!.failures).toBeCloseTo(0.5);
  });
});
