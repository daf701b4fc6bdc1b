import type { TokenCounter } from './stats.ts';

let loading: Promise<TokenCounter> | undefined;

/**
 * The token counter of the stats (`gpt-tokenizer`'s o200k_base), loaded on first use and kept:
 * a separate chunk on the page (fetched only when token figures are shown) and a lazy import
 * on the command line (`generate --tokens`). Every later call returns the same promise.
 */
export function loadTokenCounter(): Promise<TokenCounter> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => m.countTokens);
  return loading;
}
