import { useCallback, useEffect, useRef, useState } from 'react';

/** Messages drawn at first: more than a panel shows, few enough to draw at once for any design. */
export const FIRST_SHOWN = 60;
/** Messages added each time the end of the list comes into view (or its button is pressed). */
export const MORE_SHOWN = 200;

/**
 * How many items of a long list to draw: the first `FIRST_SHOWN`, then `MORE_SHOWN` more each
 * time the list's end comes into view (the element given to `endRef`) or `more()` is called.
 * Back to the start when `resetKey` changes (another example). A 2000-call example has 2 200
 * messages; drawing them all took seconds, and a person reads the first screen first.
 */
export function useShownCount(total: number, resetKey: unknown): { shown: number; more: () => void; endRef: (element: Element | null) => void } {
  const [state, setState] = useState({ key: resetKey, shown: FIRST_SHOWN });
  if (state.key !== resetKey) setState({ key: resetKey, shown: FIRST_SHOWN });
  const shown = Math.min(total, state.key === resetKey ? state.shown : FIRST_SHOWN);
  const more = useCallback(() => setState((s) => ({ ...s, shown: s.shown + MORE_SHOWN })), []);

  const observer = useRef<IntersectionObserver | null>(null);
  const endRef = useCallback(
    (element: Element | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!element || typeof IntersectionObserver === 'undefined') return;
      observer.current = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) more();
      });
      observer.current.observe(element);
    },
    [more],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return { shown, more, endRef };
}
