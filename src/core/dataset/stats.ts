import type { Example } from '../generate/types.ts';
import type { DatasetRun } from './stream.ts';

/**
 * Figures for the export dialog and the command line's summary. Counts of examples, calls
 * and turns are exact (from each chain's plan and count); tokens are counted on a sample of
 * examples with a real tokenizer: `gpt-tokenizer`'s **o200k_base** encoding (GPT-4o, GPT-4.1,
 * o-series). An example's tokens are those of what the model reads and writes: the system
 * prompt, user messages, each call's tool name and JSON arguments, each result's JSON text and
 * the final reply (without any chat template's own markup). The tool definitions are counted
 * once, apart (`toolDefinitionTokens`): whether they repeat per example depends on the trainer.
 *
 * The tokenizer is not imported here: its ranks are 2 MB and building its encoder takes longer
 * than a small run. The caller loads it with `loadTokenCounter()` (tokenizer.ts) when token
 * figures are shown, and passes the counter in.
 */

export const TOKEN_ENCODING = 'o200k_base';

export interface Summary {
  mean: number;
  min: number;
  max: number;
}

export interface DatasetStats {
  /** Examples this run writes (its shard), and in each file (all shards). */
  examples: number;
  train: number;
  test: number;
  /** Averages over every example of the dataset (all shards). */
  callsPerExample: number;
  turnsPerExample: number;
  parallelTurnsPerExample: number;
  /** Share of examples with at least one turn of parallel calls, 0–1. */
  parallelShare: number;
  tokens: {
    encoding: typeof TOKEN_ENCODING;
    /** Examples the token figures come from. */
    sampled: number;
    perExample: Summary;
    toolDefinitionTokens: number;
  };
}

/** The text of an example the model sees, message by message. */
export function exampleTexts(example: Example): string[] {
  const out: string[] = [];
  if (example.system !== undefined) out.push(example.system);
  for (const m of example.messages) {
    if (m.role === 'user') out.push(m.text);
    else if (m.role === 'tool') out.push(JSON.stringify(m.result));
    else if ('calls' in m) for (const c of m.calls) out.push(c.tool, JSON.stringify(c.args));
    else out.push(m.text);
  }
  return out;
}

/** Counts the tokens of a text (o200k_base's `countTokens`, from `loadTokenCounter()`). */
export type TokenCounter = (text: string) => number;

export function exampleTokens(example: Example, countTokens: TokenCounter): number {
  let n = 0;
  for (const text of exampleTexts(example)) n += countTokens(text);
  return n;
}

/** Stats of a prepared run; tokens counted with `countTokens` on `sample` (default: its first 100 train examples). */
export function datasetStats(run: DatasetRun, countTokens: TokenCounter, sample: readonly Example[] = run.sample(100)): DatasetStats {
  const total = run.chains.reduce((a, c) => a + c.count, 0);
  const avg = (f: (c: DatasetRun['chains'][number]) => number) => (total ? run.chains.reduce((a, c) => a + f(c) * c.count, 0) / total : 0);
  const tokens = sample.map((example) => exampleTokens(example, countTokens));
  return {
    examples: run.examples,
    train: run.files.find((f) => f.name === 'train')?.examples ?? 0,
    test: run.files.find((f) => f.name === 'test')?.examples ?? 0,
    callsPerExample: avg((c) => c.calls),
    turnsPerExample: avg((c) => c.turns),
    parallelTurnsPerExample: avg((c) => c.parallelTurns),
    parallelShare: avg((c) => (c.parallelTurns > 0 ? 1 : 0)),
    tokens: {
      encoding: TOKEN_ENCODING,
      sampled: tokens.length,
      perExample: tokens.length
        ? { mean: tokens.reduce((a, b) => a + b, 0) / tokens.length, min: Math.min(...tokens), max: Math.max(...tokens) }
        : { mean: 0, min: 0, max: 0 },
      toolDefinitionTokens: countTokens(JSON.stringify(run.tools)),
    },
  };
}
