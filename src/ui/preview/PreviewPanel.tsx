import { appStore, selectExampleIndex, selectSeed, useAppStore } from '../../state/store.ts';
import { ExamplePanel } from './ExamplePanel.tsx';
import { useExample } from './useExample.ts';

const onSeedChange = (seed: number) => appStore.getState().setSeed(seed);
const onNextExample = () => appStore.getState().nextExample();

/** The generated example of the current chain, as chat bubbles or as the openai line. */
export function PreviewPanel() {
  const seed = useAppStore(selectSeed);
  const index = useAppStore(selectExampleIndex);
  const { generated, failure } = useExample();
  return <ExamplePanel generated={generated} failure={failure} seed={seed} index={index} onSeedChange={onSeedChange} onNextExample={onNextExample} />;
}
