import { useMemo } from 'react';
import { createGenerator, explainPlan, planChain, toOpenAILine } from '../core/index.ts';
import { uniqueDiagnostics } from './diagnostics/uniqueDiagnostics.ts';
import type { Chain, Diagnostic, Example, Plan, PlanExplanation, Project } from '../core/index.ts';

export interface PlanView {
  plan: Plan;
  explanation: PlanExplanation;
}

export interface ExampleView {
  example: Example;
  /** The example as one openai JSONL line, exactly as the export writes it. */
  line: string;
}

export interface ChainView {
  planned: PlanView | null;
  generated: ExampleView | null;
  /** Findings from planning and generating (the project's own diagnostics are shown apart). */
  diagnostics: Diagnostic[];
  /** Why the chain cannot be planned (the calls of a dependency cycle), if it cannot. */
  cycle: string[] | null;
  /** An exception thrown by the core while generating, if any. */
  failure: string | null;
}

/**
 * Runs the core over one chain: plan, explanation, one example and its openai line.
 * Everything here is the core's output; the components only display it.
 */
export function useChainView(project: Project, chain: Chain, seed: number, index: number): ChainView {
  const chainId = chain.id;
  const planning = useMemo(() => {
    const result = planChain(project, chain);
    // A cycle is also reported by validateProject, with its place; here it only explains the empty plan.
    if (!result.ok) return { planned: null, cycle: result.cycle, diagnostics: [] as Diagnostic[] };
    return { planned: { plan: result.plan, explanation: explainPlan(chain, result.plan) }, cycle: null, diagnostics: [] as Diagnostic[] };
  }, [project, chain]);

  const generating = useMemo(() => createGenerator(project, chainId), [project, chainId]);

  const example = useMemo((): { generated: ExampleView | null; failure: string | null } => {
    if (!generating.ok) return { generated: null, failure: null };
    try {
      const ex = generating.generator.example(seed, index);
      return { generated: { example: ex, line: toOpenAILine(ex, project) }, failure: null };
    } catch (cause) {
      return { generated: null, failure: cause instanceof Error ? cause.message : String(cause) };
    }
  }, [generating, project, seed, index]);

  return useMemo(() => {
    const diagnostics = uniqueDiagnostics(planning.diagnostics, generating.ok ? [] : generating.diagnostics);
    return { planned: planning.planned, cycle: planning.cycle, generated: example.generated, diagnostics, failure: example.failure };
  }, [planning, generating, example]);
}
