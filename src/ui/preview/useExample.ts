import { useMemo } from 'react';
import { createGenerator, toOpenAILine } from '../../core/generation.ts';
import type { Project } from '../../core/index.ts';
import type { Example, ExampleGenerator } from '../../core/generation.ts';
import { selectDiagnostics, useAppStore } from '../../state/store.ts';

export interface ExampleView {
  example: Example;
  /** The example as one openai JSONL line, exactly as the export writes it. */
  line: string;
}

export interface ExampleState {
  generated: ExampleView | null;
  /** An exception thrown by the core while generating, if any. */
  failure: string | null;
  /** The chain's generator (null when the chain cannot be generated), for the branch search. */
  generator: ExampleGenerator | null;
  /** The project the generator was made from. */
  project: Project;
}

/**
 * Example `index` of the current chain for the current seed, from the core's generator.
 * The generator is rebuilt when the project's meaning changes (the diagnostics are recomputed
 * exactly then), not when a node is dragged: positions never change what is generated.
 */
export function useExample(): ExampleState {
  const project = useAppStore((s) => s.project);
  const chainId = useAppStore((s) => s.chainId);
  const diagnostics = useAppStore(selectDiagnostics);
  const seed = useAppStore((s) => s.seed);
  const index = useAppStore((s) => s.exampleIndex);

  const made = useMemo(
    () => ({ project, generating: chainId === null ? null : createGenerator(project, chainId) }),
    // `project` is left out on purpose: a new one that only moved a node has the same diagnostics
    // object (selectDiagnostics keeps it while the meaning is the same), and must not rebuild the generator.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [diagnostics, chainId],
  );

  return useMemo((): ExampleState => {
    const { project, generating } = made;
    if (!generating?.ok) return { generated: null, failure: null, generator: null, project };
    const generator = generating.generator;
    try {
      const example = generator.example(seed, index);
      return { generated: { example, line: toOpenAILine(example, project) }, failure: null, generator, project };
    } catch (cause) {
      return { generated: null, failure: cause instanceof Error ? cause.message : String(cause), generator, project };
    }
  }, [made, seed, index]);
}
