import { createGenerator } from './example.ts';
import { GenerationError } from './example.ts';
import type { Project } from '../project/types.ts';

/** How often each reply variant of a chain gives the reply over a run of examples. */
export interface ReplyCoverage {
  /** Examples looked at (fewer than asked when one could not be made). */
  examples: number;
  /** Per variant of the chain's `reply` list (by index): how many of those examples it replied in. */
  counts: number[];
  /** Examples whose reply came from no variant (none held: the default reply). */
  none: number;
}

/**
 * The share of each reply variant of a chain over `count` examples of `seed` from `from` on
 * (what "Another example" would walk through), read off `Example.replyVariant`; null when the
 * chain's reply is not a list of variants or the chain cannot be generated.
 */
export function replyCoverage(project: Project, chainId: string, seed: number, from: number, count: number): ReplyCoverage | null {
  const chain = project.chains.find((c) => c.id === chainId);
  if (!chain || !Array.isArray(chain.reply)) return null;
  const made = createGenerator(project, chainId);
  if (!made.ok) return null;
  const counts = chain.reply.map(() => 0);
  let none = 0;
  let examples = 0;
  for (let i = from; i < from + count; i += 1) {
    let v: number | undefined;
    try {
      v = made.generator.example(seed, i).replyVariant;
    } catch (error) {
      if (error instanceof GenerationError) break;
      throw error;
    }
    examples += 1;
    if (v === undefined || v < 0 || v >= counts.length) none += 1;
    else counts[v] += 1;
  }
  return { examples, counts, none };
}
