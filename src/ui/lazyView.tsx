import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A view loaded when it is first drawn (its module and what it imports — the generator, the
 * export formats, Faker — become a chunk of their own, off the page's start): `name` of the
 * module `load` imports, drawn inside its own Suspense boundary with `fallback` meanwhile.
 */
export function lazyView<M, K extends keyof M>(load: () => Promise<M>, name: K, fallback: ReactNode = null): M[K] {
  type Props = M[K] extends ComponentType<infer P> ? P : never;
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<Props> }));
  function LazyView(props: Props) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...(props as Props & object)} />
      </Suspense>
    );
  }
  LazyView.displayName = `Lazy(${String(name)})`;
  return LazyView as M[K];
}

/** What a lazily loaded panel shows while its code arrives. */
export const LOADING_PANEL = (
  <p className="muted" role="status">
    Loading…
  </p>
);
