import { isPlainObject } from '../project/types.ts';
import { PATTERN_LABELS, PATTERNS, RESULT_AWARE_PATTERNS, type Pattern } from './chainPattern.ts';

/**
 * The mix by pattern: how a total number of examples is spread over the chains, by each
 * chain's pattern (pattern.ts). Weights are relative (percentages or fractions alike).
 */
export type Mix = { [p in Pattern]: number };

/**
 * Seed 000's table: single 40 %, two-tool sequential 25 %, two-tool parallel 15 %, three+ 10 %,
 * mixed 10 %. Loop and conditional chains have no weight of their own here, so they count
 * as mixed (see `mixBucket`).
 */
export const DEFAULT_MIX: Mix = { single: 40, 'sequential-2': 25, 'parallel-2': 15, 'sequential-3plus': 10, mixed: 10, loop: 0, conditional: 0 };

/** The row of the mix a chain of this pattern counts in: its own, or `mixed` for a loop or conditional chain the mix gives no weight. */
export function mixBucket(pattern: Pattern, mix: Mix): Pattern {
  return RESULT_AWARE_PATTERNS.includes(pattern) && !(mix[pattern] > 0) ? 'mixed' : pattern;
}

const inBuckets = (chains: readonly ChainPattern[], mix: Mix): ChainPattern[] =>
  chains.map((c) => ({ chainId: c.chainId, pattern: mixBucket(c.pattern, mix) }));

export interface ChainPattern {
  chainId: string;
  pattern: Pattern;
}

export interface ChainCount {
  chainId: string;
  count: number;
}

export interface MixRow {
  pattern: Pattern;
  label: string;
  /** The mix's share of this pattern, 0–1. */
  targetShare: number;
  /** targetShare × total (not rounded). */
  targetCount: number;
  achievedCount: number;
  /** 0–1; 0 when the total is 0. */
  achievedShare: number;
  /** The chains of this pattern (that can be drawn from). */
  chains: string[];
}

/** Target vs achieved per pattern, as data a bar chart can draw. */
export interface MixReport {
  total: number;
  rows: MixRow[];
  /** Patterns the mix asks for that no chain has: their share went to the other patterns. */
  missing: Pattern[];
}

export type MixParse = { ok: true; mix: Mix } | { ok: false; path: string; message: string };

/**
 * Reads a mix from JSON text: `{"single": 40, "sequential-2": 25, ...}` (missing patterns
 * weigh 0). Every key must be a pattern, every weight a number ≥ 0, and one weight > 0.
 */
export function parseMix(text: string): MixParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, path: '$', message: `the mix is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return mixFromValue(value);
}

export function mixFromValue(value: unknown): MixParse {
  if (!isPlainObject(value)) return { ok: false, path: '$', message: `a mix is an object of pattern → weight, e.g. ${JSON.stringify(DEFAULT_MIX)}` };
  const mix: Mix = { single: 0, 'sequential-2': 0, 'parallel-2': 0, 'sequential-3plus': 0, mixed: 0, loop: 0, conditional: 0 };
  for (const [key, weight] of Object.entries(value)) {
    if (!(PATTERNS as readonly string[]).includes(key))
      return { ok: false, path: `$.${key}`, message: `"${key}" is not a pattern (patterns: ${PATTERNS.join(', ')})` };
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      return { ok: false, path: `$["${key}"]`, message: `the weight of "${key}" must be a number ≥ 0, found ${JSON.stringify(weight)}` };
    mix[key as Pattern] = weight;
  }
  if (PATTERNS.every((p) => mix[p] === 0)) return { ok: false, path: '$', message: 'every weight is 0: give at least one pattern a weight above 0' };
  return { ok: true, mix };
}

/** Splits `total` into integers proportional to `weights` (largest remainder; ties to the earlier one). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k += 1, left -= 1) counts[order[k].i] += 1;
  return counts;
}

/**
 * Spreads `total` examples over the chains by the mix: each pattern gets its share (patterns
 * without a chain give theirs to the others, in proportion), and the chains of a pattern
 * share its count evenly. Counts come back in the chains' order.
 */
export function allocateMix(patterns: readonly ChainPattern[], total: number, mix: Mix = DEFAULT_MIX): { counts: ChainCount[]; report: MixReport } {
  const chains = inBuckets(patterns, mix);
  const present = PATTERNS.filter((p) => mix[p] > 0 && chains.some((c) => c.pattern === p));
  const perPattern = apportion(
    total,
    PATTERNS.map((p) => (present.includes(p) ? mix[p] : 0)),
  );
  const counts = chains.map((c) => ({ chainId: c.chainId, count: 0 }));
  PATTERNS.forEach((p, k) => {
    const members = chains.map((c, i) => ({ c, i })).filter(({ c }) => c.pattern === p);
    if (!members.length || !present.includes(p)) return;
    apportion(
      perPattern[k],
      members.map(() => 1),
    ).forEach((n, j) => (counts[members[j].i].count = n));
  });
  return { counts, report: mixReport(chains, counts, mix) };
}

/** Target (the mix) against what the counts achieve, per pattern. */
export function mixReport(patterns: readonly ChainPattern[], counts: readonly ChainCount[], mix: Mix = DEFAULT_MIX): MixReport {
  const chains = inBuckets(patterns, mix);
  const total = counts.reduce((a, c) => a + c.count, 0);
  const weightSum = PATTERNS.reduce((a, p) => a + mix[p], 0);
  const patternOf = new Map(chains.map((c) => [c.chainId, c.pattern]));
  const rows = PATTERNS.map((pattern): MixRow => {
    const targetShare = weightSum > 0 ? mix[pattern] / weightSum : 0;
    const achievedCount = counts.filter((c) => patternOf.get(c.chainId) === pattern).reduce((a, c) => a + c.count, 0);
    return {
      pattern,
      label: PATTERN_LABELS[pattern],
      targetShare,
      targetCount: targetShare * total,
      achievedCount,
      achievedShare: total > 0 ? achievedCount / total : 0,
      chains: chains.filter((c) => c.pattern === pattern).map((c) => c.chainId),
    };
  });
  const missing = rows.filter((r) => r.targetShare > 0 && r.chains.length === 0).map((r) => r.pattern);
  return { total, rows, missing };
}
