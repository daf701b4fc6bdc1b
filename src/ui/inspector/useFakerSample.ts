import { useEffect, useState } from 'react';

/** The core's `fakerSample`: it needs Faker, which is not part of the page's start. */
export type FakerSample = (typeof import('../../core/generation.ts'))['fakerSample'];

let loaded: FakerSample | undefined;
let loading: Promise<FakerSample> | undefined;

/** Loads the generation side of the core once (with Faker) and gives its `fakerSample`. */
export function loadFakerSample(): Promise<FakerSample> {
  loading ??= import('../../core/generation.ts').then((m) => (loaded = m.fakerSample));
  return loading;
}

/** `fakerSample` once Faker has arrived; undefined until then (the caller shows no sample yet). */
export function useFakerSample(): FakerSample | undefined {
  const [sample, setSample] = useState<FakerSample | undefined>(() => loaded);
  useEffect(() => {
    if (sample) return;
    let live = true;
    void loadFakerSample().then((f) => live && setSample(() => f));
    return () => {
      live = false;
    };
  }, [sample]);
  return sample;
}
