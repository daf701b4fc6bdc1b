import type { Project } from '../project/types.ts';
import { compileProject } from '../compile/compileProject.ts';
import { describeCondition } from '../conditions/describe.ts';
import type { ExampleGenerator } from '../generate/example.ts';
import type { Example } from '../generate/types.ts';
import { exampleFacts, type CallFacts } from './facts.ts';

/**
 * The branches of a chain an example can show (a fan-out with no call, one or several; a
 * condition that holds or not; a failure or not; a yes or a no), and the search for an
 * example that shows one: generation is a pure function of (project, chain, seed, index),
 * so the preview can look at the next indices until one matches.
 */
export type BranchKind = 'none' | 'one' | 'several' | 'holds' | 'fails-to-hold' | 'fails' | 'succeeds' | 'yes' | 'no';

export interface BranchOption {
  /** `callId:kind`, unique in the chain. */
  id: string;
  callId: string;
  kind: BranchKind;
  tool: string;
  /** E.g. "remind makes no call" (the call id; `tool` names its tool). */
  label: string;
}

/** Every branch of the chain's calls that vary, in plan order (empty for a chain without any). */
export function branchOptions(project: Project, chainId: string): BranchOption[] {
  const compiled = compileProject(project).chain(chainId);
  if (!compiled?.planned.ok) return [];
  const byId = new Map(compiled.chain.calls.map((c) => [c.id, c]));
  const out: BranchOption[] = [];
  const add = (callId: string, kind: BranchKind, label: string) => out.push({ id: `${callId}:${kind}`, callId, kind, tool: byId.get(callId)!.tool, label });
  for (const id of compiled.planned.plan.levels.flat()) {
    const call = byId.get(id);
    if (!call) continue;
    const who = id;
    if (call.when !== undefined) {
      const cond = describeCondition(call.when);
      add(id, 'holds', `${who}: ${cond} holds`);
      add(id, 'fails-to-hold', `${who}: ${cond} does not hold`);
    }
    if (call.forEach !== undefined) {
      add(id, 'none', `${who} makes no call`);
      add(id, 'one', `${who} makes exactly one call`);
      add(id, 'several', `${who} makes several calls`);
    }
    if (call.failure) {
      add(id, 'fails', `${who} fails`);
      add(id, 'succeeds', `${who} succeeds the first time`);
    }
    if (call.confirm) {
      add(id, 'yes', `the user says yes to ${who}`);
      add(id, 'no', `the user says no to ${who}`);
    }
  }
  return out;
}

/** Whether one call's facts show the branch. */
export function factsShow(facts: CallFacts | undefined, kind: BranchKind): boolean {
  if (!facts) return false;
  switch (kind) {
    case 'none':
      return facts.made === 0;
    case 'one':
      return facts.made === 1;
    case 'several':
      return facts.made >= 2;
    case 'holds':
      return facts.condition === true;
    case 'fails-to-hold':
      return facts.condition === false;
    case 'fails':
      return facts.failure?.failed === true;
    case 'succeeds':
      return facts.failure !== undefined && !facts.failure.failed && facts.made > 0;
    case 'yes':
      return facts.confirm === 'yes';
    case 'no':
      return facts.confirm === 'no';
  }
}

/** Whether the example shows the branch. */
export function exampleShows(project: Project, example: Example, option: Pick<BranchOption, 'callId' | 'kind'>): boolean {
  return factsShow(
    exampleFacts(project, example).find((f) => f.callId === option.callId),
    option.kind,
  );
}

/** One word per call that varies: which branch the example took (for "Another example" to walk through them). */
export function variantSignature(project: Project, example: Example): string {
  return exampleFacts(project, example)
    .map((f) => {
      const parts: string[] = [];
      if (f.missing.length) parts.push('skipped');
      if (f.condition !== undefined) parts.push(f.condition === null ? 'undecided' : f.condition ? 'holds' : 'not');
      if (f.fanOut) parts.push(f.made === 0 ? 'none' : f.made === 1 ? 'one' : 'several');
      if (f.failure) parts.push(f.failure.failed ? (f.failure.retried ? 'retried' : 'failed') : 'ok');
      if (f.confirm !== undefined) parts.push(f.confirm ?? 'unasked');
      return `${f.callId}:${parts.join(',')}`;
    })
    .join('|');
}

export interface SearchOptions {
  seed: number;
  /** The first index looked at. */
  from: number;
  /** How many indices are looked at (default 200). */
  limit?: number;
}

export type SearchResult = { found: true; index: number; example: Example } | { found: false; from: number; to: number };

/**
 * The first example at index `from` or later (at most `limit` of them) that satisfies `test`.
 * Examples that cannot be generated are passed over.
 */
export function findExample(generator: ExampleGenerator, test: (example: Example) => boolean, options: SearchOptions): SearchResult {
  const limit = options.limit ?? 200;
  for (let index = options.from; index < options.from + limit; index += 1) {
    let example: Example;
    try {
      example = generator.example(options.seed, index);
    } catch {
      continue;
    }
    if (test(example)) return { found: true, index, example };
  }
  return { found: false, from: options.from, to: options.from + limit - 1 };
}

/** The first example at `from` or later that shows the branch. */
export function findBranchExample(
  project: Project,
  generator: ExampleGenerator,
  option: Pick<BranchOption, 'callId' | 'kind'>,
  options: SearchOptions,
): SearchResult {
  return findExample(generator, (example) => exampleShows(project, example, option), options);
}

/**
 * "Another example" through the variants: the first index after `current` whose variant was
 * not seen yet (`seen`: signatures already shown); when every variant within reach was seen,
 * the next one that differs from the current one; else simply the next index.
 */
export function nextVariantIndex(
  project: Project,
  generator: ExampleGenerator,
  seed: number,
  current: number,
  seen: ReadonlySet<string>,
  limit = 40,
): { index: number; signature: string | null } {
  let currentSig: string | null;
  try {
    currentSig = variantSignature(project, generator.example(seed, current));
  } catch {
    currentSig = null;
  }
  let differs: { index: number; signature: string } | null = null;
  for (let index = current + 1; index <= current + limit; index += 1) {
    let signature: string;
    try {
      signature = variantSignature(project, generator.example(seed, index));
    } catch {
      continue;
    }
    if (signature === '') return { index: current + 1, signature: null };
    if (!seen.has(signature) && signature !== currentSig) return { index, signature };
    if (!differs && signature !== currentSig) differs = { index, signature };
  }
  return differs ?? { index: current + 1, signature: null };
}
