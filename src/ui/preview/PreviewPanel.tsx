import { useCallback, useRef } from 'react';
import { nextVariantIndex, variantSignature } from '../../core/generation.ts';
import { useAppStoreApi, selectExampleIndex, selectSeed, useAppStore } from '../../state/store.ts';
import { ExamplePanel } from './ExamplePanel.tsx';
import { useExample } from './useExample.ts';
import { BranchControl, VariationMarks } from './Variations.tsx';

/**
 * The generated example of the current chain, as chat bubbles or as the openai line; for a
 * chain that varies, what varies in it, "Another example" walking through the variants, and
 * an example of a chosen branch.
 */
export function PreviewPanel() {
  const store = useAppStoreApi();
  const onSeedChange = useCallback((seed: number) => store.getState().setSeed(seed), [store]);
  const onShowIndex = useCallback((index: number) => store.getState().setExampleIndex(index), [store]);
  const seed = useAppStore(selectSeed);
  const index = useAppStore(selectExampleIndex);
  const chainId = useAppStore((s) => s.chainId);
  const { generated, failure, generator, project } = useExample();
  // The variants shown since the chain or the seed changed: "Another example" goes to one not seen yet.
  const seen = useRef<{ key: string; signatures: Set<string> }>({ key: '', signatures: new Set() });
  const key = `${chainId}\u0000${seed}`;
  if (seen.current.key !== key) seen.current = { key, signatures: new Set() };

  const onNextExample = () => {
    if (!generator) return store.getState().nextExample();
    const signatures = seen.current.signatures;
    if (generated) signatures.add(variantSignature(project, generated.example));
    const next = nextVariantIndex(project, generator, seed, index, signatures);
    if (next.signature !== null) signatures.add(next.signature);
    store.getState().setExampleIndex(next.index);
  };

  return (
    <ExamplePanel
      generated={generated}
      failure={failure}
      seed={seed}
      index={index}
      onSeedChange={onSeedChange}
      onNextExample={onNextExample}
      controls={
        generator && chainId !== null ? (
          <BranchControl key={chainId} project={project} chainId={chainId} generator={generator} seed={seed} index={index} onShow={onShowIndex} />
        ) : null
      }
      marks={generated ? <VariationMarks project={project} example={generated.example} /> : null}
    />
  );
}
