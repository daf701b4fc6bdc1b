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

/**
 * `fakerSample` once Faker has arrived; undefined until then (the caller shows no sample yet).
 * `when`: load it at once (`now`), once the page is idle after its first paint (`idle`), or not
 * yet (`never`: a closed list; it is used as soon as something else has loaded it).
 */
export function useFakerSample(when: 'now' | 'idle' | 'never' = 'now'): FakerSample | undefined {
  const [sample, setSample] = useState<FakerSample | undefined>(() => loaded);
  useEffect(() => {
    if (sample) return;
    let live = true;
    const take = () => void loadFakerSample().then((f) => live && setSample(() => f));
    // Already on its way (or here): share it. Else load it as asked.
    if (loading || when === 'now') take();
    else if (when === 'idle') {
      const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(take, { timeout: 3000 }) : undefined;
      const timer = idle === undefined ? setTimeout(take, 1000) : undefined;
      return () => {
        live = false;
        if (idle !== undefined) cancelIdleCallback(idle);
        if (timer !== undefined) clearTimeout(timer);
      };
    }
    return () => {
      live = false;
    };
  }, [sample, when]);
  return sample;
}
