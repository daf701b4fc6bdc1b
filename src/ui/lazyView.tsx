import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A view loaded when it is first drawn (its module and what it imports — the generator, the
 * export formats, Faker; the inspector's forms, the tool editor, a dialog — become a chunk of
 * their own, off the page's start, so the canvas is drawn without waiting for them): `name` of
 * the module `load` imports, drawn inside its own Suspense boundary with `fallback` meanwhile.
 * `when`: `drawn` loads it as soon as it is drawn (a view the user opens); `soon` too, and also
 * fetches it once the page is idle (a view the user is likely to open: then it is there at once);
 * `idle` waits, showing `fallback`, until the page has painted and is idle (a panel beside the
 * canvas at the start, which should not take the network or the main thread from its first paint).
 */
export function lazyView<M, K extends keyof M>(load: () => Promise<M>, name: K, fallback: ReactNode = null, when: 'drawn' | 'soon' | 'idle' = 'drawn'): M[K] {
  type Props = M[K] extends ComponentType<infer P> ? P : never;
  /** The view once its module is here: drawn directly from then on, without suspending (a view fetched at idle shows at once). */
  let loaded: ComponentType<Props> | null = null;
  const fetchView = async () => {
    const view = (await load())[name] as ComponentType<Props>;
    loaded = view;
    return view;
  };
  const Lazy = lazy(async () => ({ default: await fetchView() }));
  // The module system fetches a module once: drawing it later takes the same one.
  // (A failed fetch is left to the view: drawing it asks again.)
  if (when === 'soon') {
    const fetchNow = () => void fetchView().catch(() => undefined);
    if (idle) fetchNow();
    else onIdle.push(fetchNow);
  }
  function LazyView(props: Props) {
    const ready = usePageIdle(when === 'idle');
    // Decided once, when the view is first drawn: switching later would remount it (and lose its focus and state).
    const direct = useRef<ComponentType<Props> | null | undefined>(undefined);
    if (ready && direct.current === undefined) direct.current = loaded;
    const View = direct.current;
    if (View) return <View {...(props as Props & object)} />;
    return <Suspense fallback={fallback}>{ready ? <Lazy {...(props as Props & object)} /> : fallback}</Suspense>;
  }
  LazyView.displayName = `Lazy(${String(name)})`;
  return LazyView as M[K];
}

let idle = false;
let idleSoon: Promise<void> | undefined;
/** What to fetch once the page is idle (the `soon` views). */
const onIdle: (() => void)[] = [];

/**
 * Settles once the page has painted a frame and then had an idle moment (at most ~2 s after it
 * is first asked, which an `idle` view does when it is first drawn: the page is open by then).
 */
function pageIdle(): Promise<void> {
  idleSoon ??= new Promise<void>((resolve) => {
    const done = () => {
      idle = true;
      resolve();
      for (const fetchNow of onIdle.splice(0)) fetchNow();
    };
    const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(done, { timeout: 2000 }) : setTimeout(done, 100));
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(whenIdle, 0));
    else setTimeout(whenIdle, 0);
  });
  return idleSoon;
}

/** True once the page has been idle (at once when `wait` is false). */
function usePageIdle(wait: boolean): boolean {
  const [ready, setReady] = useState(!wait || idle);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void pageIdle().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}

/** What a lazily loaded panel shows while its code arrives. */
export const LOADING_PANEL = (
  <p className="muted" role="status">
    Loading…
  </p>
);
