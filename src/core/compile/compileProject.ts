import type { Chain, Project } from '../project/types.ts';
import { planChain, type PlanResult } from '../graph/plan.ts';
import type { Dependency } from '../graph/dependencies.ts';
import { explainPlan, type PlanExplanation } from '../graph/explain.ts';
import { callVariations, type CallVariation } from '../calls/variation.ts';
import { diagnoseProject } from '../validate/project.ts';
import type { Diagnostic } from '../validate/diagnostics.ts';

/**
 * One compiled form of a project, made once and read by everyone: the diagnostics that
 * `validate` prints, and per chain the dependency graph and the plan (the canvas, the plan in
 * words, the dataset's patterns and split, the generators). A project is immutable once
 * handed over (the store replaces it on every edit), so the compiled form is kept per
 * project object and made again only for a new one.
 */
export interface CompiledProject {
  project: Project;
  /** Every finding about the project (what `validate` prints). */
  diagnostics: Diagnostic[];
  chains: CompiledChain[];
  /** The compiled chain with this id (the first, when ids clash). */
  chain(chainId: string): CompiledChain | undefined;
}

export interface CompiledChain {
  chain: Chain;
  /** Its index in `project.chains`. */
  index: number;
  /** The plan, or the cycle that prevents one. */
  planned: PlanResult;
  dependencies: Dependency[];
  /** The project-wide findings and this chain's own. */
  diagnostics: Diagnostic[];
  /** How each fan-out or conditional call (and each call waiting for one) varies per example. */
  variations: ReadonlyMap<string, CallVariation>;
  /** The plan in words (null when the chain has a cycle). */
  explanation: PlanExplanation | null;
}

const compiled = new WeakMap<Project, CompiledProject>();

export function compileProject(project: Project): CompiledProject {
  const known = compiled.get(project);
  if (known) return known;
  const plans = new Map<Chain, PlanResult>();
  const planOf = (chain: Chain): PlanResult => {
    let planned = plans.get(chain);
    if (!planned) {
      planned = planChain(project, chain);
      plans.set(chain, planned);
    }
    return planned;
  };
  const diagnostics = diagnoseProject(project, planOf);
  const byId = new Map<string, CompiledChain>();
  const chains = project.chains.map((chain, index): CompiledChain => {
    const planned = planOf(chain);
    const dependencies = planned.ok ? planned.plan.dependencies : planned.dependencies;
    const variations = planned.ok
      ? callVariations(project, chain, dependencies, planned.plan.levels.flat(), planned.plan.criticalPath)
      : new Map<string, CallVariation>();
    const c: CompiledChain = {
      chain,
      index,
      planned,
      dependencies,
      diagnostics: diagnostics.filter((d) => d.chainId === undefined || d.chainId === chain.id),
      variations,
      explanation: planned.ok ? explainPlan(chain, planned.plan, variations) : null,
    };
    if (!byId.has(chain.id)) byId.set(chain.id, c);
    return c;
  });
  const result: CompiledProject = { project, diagnostics, chains, chain: (id) => byId.get(id) };
  compiled.set(project, result);
  return result;
}

/** Every finding about a structurally valid project (see `parseProject`), from its compiled form. */
export function validateProject(project: Project): Diagnostic[] {
  return compileProject(project).diagnostics;
}

/** The compiled form of one chain of the project (by identity), or undefined for a chain not in it. */
export function compiledChain(project: Project, chain: Chain): CompiledChain | undefined {
  return compileProject(project).chains.find((x) => x.chain === chain);
}

/** The plan of one chain of the project (from the compiled form when the chain belongs to it). */
export function chainPlan(project: Project, chain: Chain): PlanResult {
  const c = compileProject(project).chains.find((x) => x.chain === chain);
  return c ? c.planned : planChain(project, chain);
}
