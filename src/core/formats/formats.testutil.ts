/** Test helpers for the format modules: generated examples of the bundled example projects. */
import type { Project } from '../project/types.ts';
import { createGenerator, type ExampleGenerator, type GeneratorOptions } from '../generate/example.ts';
import type { Example } from '../generate/types.ts';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';

export interface ChainRef {
  name: string;
  chainId: string;
}

/** Every chain of every example project. */
export const allChains: ChainRef[] = Object.keys(exampleTexts).flatMap((name) => loadExample(name).chains.map((c) => ({ name, chainId: c.id })));

const projects = new Map<string, Project>();
export function project(name: string): Project {
  let p = projects.get(name);
  if (!p) projects.set(name, (p = loadExample(name)));
  return p;
}

const generators = new Map<string, ExampleGenerator>();

/** A generator for a chain of an example project (throws when the chain is refused); made once per options. */
export function generatorFor(ref: ChainRef, options: GeneratorOptions = {}): ExampleGenerator {
  const key = `${ref.name}/${ref.chainId}/${options.serializeParallel === true}/${options.omitSystem === true}`;
  let g = generators.get(key);
  if (!g) {
    const made = createGenerator(project(ref.name), ref.chainId, options);
    if (!made.ok) throw new Error(`${ref.name}/${ref.chainId}: ${made.diagnostics.map((d) => d.message).join('; ')}`);
    generators.set(key, (g = made.generator));
  }
  return g;
}

export function exampleOf(ref: ChainRef, index = 0, options: GeneratorOptions = {}, seed = 1): Example {
  return generatorFor(ref, options).example(seed, index);
}

/** The first chain whose plan has a turn of several calls, and a multi-turn one. */
export const parallelChain: ChainRef = { name: 'room-booking', chainId: 'book-and-invite' };
export const multiTurnChain: ChainRef = allChains.find((r) => generatorFor(r).plan.multiTurn)!;
