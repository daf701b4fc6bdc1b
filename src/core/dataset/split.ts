import type { Chain, FakeSlot, JsonValue, Project } from '../project/types.ts';
import { DEFAULT_REFERENCE_DATE, isFakeSlot, isIntSlot, isOneOfSlot } from '../project/types.ts';
import { drawSlot } from '../generate/slots.ts';
import { createSeededFaker } from '../simulate/faker.ts';
import { chainPlan } from '../compile/compileProject.ts';
import { collectReferences } from '../refs/parse.ts';
import { createRng, hashSeed } from '../simulate/rng.ts';
import type { ChainCount } from './mix.ts';

/**
 * A train/test split that does not leak: the test set is made of requests the training set
 * never shows. Not by row — by **request template** (some of each chain's templates are
 * held out) or by **slot value** (some values of each chosen slot are held out). Training
 * examples are generated only from the training side and test examples only from the held-out
 * side, so no leak is possible by construction (the generator draws from the allowed
 * templates / re-draws slot values until they are on the right side).
 *
 * "The request" is the first user message: the chain's `requests`, or for a multi-turn chain
 * without them, the first call's `requests`.
 */

export type SplitBy = 'template' | 'slot';

export interface SplitOptions {
  /** Share of each chain's examples that go to the test set, 0 < fraction < 1. */
  fraction: number;
  by: SplitBy;
  /** By slot: the slots to split on (default: every drawn slot the first request uses). */
  slots?: readonly string[];
}

export interface SlotSplit {
  slot: string;
  /**
   * `values`: these values are held out (a oneOf slot, a small int range, or a Faker slot with
   * few values — then the values seen in 512 draws; any other value it may give stays in train);
   * `hash`: values whose hash falls in the test share are held out.
   */
  kind: 'values' | 'hash';
  testValues?: JsonValue[];
  trainValues?: JsonValue[];
  /** kind hash: the share of the value space that is held out. */
  testShare?: number;
  isTest(value: JsonValue): boolean;
}

export interface ChainSplit {
  chainId: string;
  /** False: every example of this chain goes to train (see `reason`). */
  split: boolean;
  reason?: string;
  train: number;
  test: number;
  /** By template: where the templates come from (`$.chains[0].requests`). */
  templateSource?: string;
  testTemplates?: number[];
  trainTemplates?: number[];
  /** The held-out templates' text, for the report. */
  testTemplateTexts?: string[];
  slots?: SlotSplit[];
}

export interface SplitReport {
  by: SplitBy;
  fraction: number;
  train: number;
  test: number;
  chains: ChainSplit[];
}

const ENUMERATE_LIMIT = 10_000;
/** A Faker slot is sampled SAMPLE times; with at most FEW distinct values it is split by value. */
const SAMPLE = 512;
const FEW = 64;

/** The templates of a chain's first user message and where they live. */
export function firstRequestTemplates(project: Project, chain: Chain): { templates: string[]; source: string } {
  const index = project.chains.indexOf(chain);
  if (chain.requests?.length) return { templates: chain.requests, source: `$.chains[${index}].requests` };
  const planned = chainPlan(project, chain);
  if (planned.ok && planned.plan.multiTurn) {
    const first = planned.plan.turns[0].callIds[0];
    const callIndex = chain.calls.findIndex((c) => c.id === first);
    return { templates: chain.calls[callIndex].requests ?? [], source: `$.chains[${index}].calls[${callIndex}].requests` };
  }
  return { templates: [], source: `$.chains[${index}].requests` };
}

/** Slots the first user message uses (those a split by slot may hold values of). */
export function requestSlots(project: Project, chain: Chain): string[] {
  const names = new Set(Object.keys(chain.slots ?? {}));
  const used = new Set<string>();
  for (const { ref } of collectReferences(firstRequestTemplates(project, chain).templates)) if (names.has(ref.root)) used.add(ref.root);
  return [...used];
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** How many of `size` things to hold out: about fraction × size, at least one each side. */
function heldOut(size: number, fraction: number): number {
  return Math.min(size - 1, Math.max(1, Math.round(fraction * size)));
}

/** The values a Faker slot gives in SAMPLE draws, when there are at most FEW of them; else undefined. */
function fewValues(spec: FakeSlot, salt: number, referenceDate: string | undefined): JsonValue[] | undefined {
  const sf = createSeededFaker(salt, referenceDate ?? DEFAULT_REFERENCE_DATE);
  const seen = new Map<string, JsonValue>();
  for (let k = 0; k < SAMPLE; k += 1) {
    const v = drawSlot(spec, sf);
    seen.set(JSON.stringify(v), v);
    if (seen.size > FEW) return undefined;
  }
  return [...seen.values()].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function splitSlot(chainId: string, slot: string, spec: unknown, fraction: number, seed: number, referenceDate: string | undefined): SlotSplit | string {
  const salt = hashSeed(seed, 'split', chainId, slot);
  let values: JsonValue[] | undefined;
  if (isOneOfSlot(spec as JsonValue)) {
    const seen = new Map<string, JsonValue>();
    for (const v of (spec as { oneOf: JsonValue[] }).oneOf) seen.set(JSON.stringify(v), v);
    values = [...seen.values()];
  } else if (isIntSlot(spec as JsonValue)) {
    const [lo, hi] = (spec as { int: [number, number] }).int;
    if (hi - lo + 1 <= ENUMERATE_LIMIT) values = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  } else if (isFakeSlot(spec as JsonValue)) {
    // A Faker slot with few values (`date.soon` over ten days…): hold out some of the values seen.
    values = fewValues(spec as FakeSlot, salt, referenceDate);
  } else if (!isIntSlot(spec as JsonValue)) {
    return `the slot "${slot}" is a constant`;
  }
  if (values) {
    if (values.length < 2) return `the slot "${slot}" has only one value`;
    const order = shuffled(values, salt);
    const k = heldOut(values.length, fraction);
    const test = new Set(order.slice(0, k).map((v) => JSON.stringify(v)));
    const testValues = values.filter((v) => test.has(JSON.stringify(v)));
    const trainValues = values.filter((v) => !test.has(JSON.stringify(v)));
    return { slot, kind: 'values', testValues, trainValues, isTest: (v) => test.has(JSON.stringify(v)) };
  }
  // Faker values and wide integer ranges: a value is held out when its hash falls in the test share.
  const threshold = fraction * 4294967296;
  return {
    slot,
    kind: 'hash',
    testShare: fraction,
    isTest: (v) => hashSeed(salt, typeof v === 'string' ? v : JSON.stringify(v)) < threshold,
  };
}

/**
 * Decides the split of each chain: which templates or slot values are held out and how many
 * examples go to each side (round(fraction × count) to test, for chains that can be split).
 */
export function planSplit(project: Project, counts: readonly ChainCount[], options: SplitOptions, seed: number): SplitReport {
  const chains: ChainSplit[] = counts.map(({ chainId, count }) => {
    const chain = project.chains.find((c) => c.id === chainId)!;
    const unsplit = (reason: string): ChainSplit => ({ chainId, split: false, reason, train: count, test: 0 });
    const test = Math.round(options.fraction * count);
    if (options.by === 'template') {
      const { templates, source } = firstRequestTemplates(project, chain);
      if (templates.length < 2)
        return unsplit(`${templates.length} request template${templates.length === 1 ? '' : 's'} at ${source}: a split by template needs at least 2`);
      const order = shuffled(
        templates.map((_, i) => i),
        hashSeed(seed, 'split', chainId, 'templates'),
      );
      const k = heldOut(templates.length, options.fraction);
      const testTemplates = order.slice(0, k).sort((a, b) => a - b);
      const trainTemplates = order.slice(k).sort((a, b) => a - b);
      return {
        chainId,
        split: true,
        train: count - test,
        test,
        templateSource: source,
        testTemplates,
        trainTemplates,
        testTemplateTexts: testTemplates.map((i) => templates[i]),
      };
    }
    const candidates = options.slots ? options.slots.filter((s) => Object.prototype.hasOwnProperty.call(chain.slots ?? {}, s)) : requestSlots(project, chain);
    const slots: SlotSplit[] = [];
    const problems: string[] = [];
    for (const name of candidates) {
      const made = splitSlot(chainId, name, chain.slots![name], options.fraction, seed, project.referenceDate);
      if (typeof made === 'string') problems.push(made);
      else slots.push(made);
    }
    if (slots.length === 0) {
      const why = problems.length
        ? problems.join('; ')
        : options.slots
          ? `the chain has none of the slots ${options.slots.join(', ')}`
          : 'its first request uses no slot';
      return unsplit(`no slot to split on: ${why}`);
    }
    return { chainId, split: true, train: count - test, test, slots };
  });
  return {
    by: options.by,
    fraction: options.fraction,
    train: chains.reduce((a, c) => a + c.train, 0),
    test: chains.reduce((a, c) => a + c.test, 0),
    chains,
  };
}
