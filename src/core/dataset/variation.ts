import type { Chain, Project } from '../project/types.ts';
import { isFakeSlot, isIntSlot, isOneOfSlot } from '../project/types.ts';
import { collectReferences } from '../refs/parse.ts';
import { firstRequestTemplates, type ChainSplit } from './split.ts';

/**
 * Unique requests: optionally no two examples of a file share the same first user message.
 * The generator re-draws a request that was already used (deterministically: the k-th draw of
 * example i comes from its own random stream), and this module says up front whether the
 * space of possible requests is large enough.
 */

/** The set of requests used so far in one file; `accept` claims a request if it is new. */
export class RequestLedger {
  private readonly used = new Set<string>();
  readonly accept = (text: string): boolean => {
    if (this.used.has(text)) return false;
    this.used.add(text);
    return true;
  };
  get size(): number {
    return this.used.size;
  }
}

/** Which values a split leaves a slot on one side (undefined: all of them). */
function sideSize(split: ChainSplit | undefined, side: 'train' | 'test', slot: string, full: number): number {
  const s = split?.slots?.find((x) => x.slot === slot);
  if (!s) return full;
  if (s.kind === 'values') return (side === 'test' ? s.testValues : s.trainValues)!.length;
  return Math.max(1, Math.floor(full * (side === 'test' ? s.testShare! : 1 - s.testShare!)));
}

/**
 * How many different first user messages a chain can produce at most (on one side of a
 * split): the sum over its templates of the product of the number of values of the slots each
 * uses. `Infinity` when a template uses a Faker slot (names, dates… are taken as plentiful).
 */
export function requestSpace(project: Project, chain: Chain, split?: ChainSplit, side: 'train' | 'test' = 'train'): number {
  const { templates } = firstRequestTemplates(project, chain);
  const allowed = split?.split && split.testTemplates ? (side === 'test' ? split.testTemplates : split.trainTemplates!) : templates.map((_, i) => i);
  const slots = chain.slots ?? {};
  let total = 0;
  for (const t of allowed) {
    let n = 1;
    const roots = new Set(collectReferences(templates[t]).map(({ ref }) => ref.root));
    for (const root of roots) {
      if (!Object.prototype.hasOwnProperty.call(slots, root)) continue;
      const spec = slots[root];
      let size: number;
      const held = split?.slots?.find((x) => x.slot === root);
      if (isFakeSlot(spec)) size = side === 'test' && held?.kind === 'values' ? held.testValues!.length : Infinity;
      else if (isOneOfSlot(spec)) size = new Set(spec.oneOf.map((v) => JSON.stringify(v))).size;
      else if (isIntSlot(spec)) size = spec.int[1] - spec.int[0] + 1;
      else size = 1;
      n *= Number.isFinite(size) ? sideSize(split, side, root, size) : size;
    }
    total += n;
  }
  // A chain with per-step requests and chain-level ones: the first call's request adds variety.
  const index = project.chains.indexOf(chain);
  const first = firstRequestTemplates(project, { ...chain, requests: undefined });
  if (chain.requests?.length && first.source !== `$.chains[${index}].requests` && first.templates.length) total *= first.templates.length;
  return total;
}
