import { useCallback, useEffect, useRef, useState } from 'react';

/** How many items to draw at first, and how many more each time. */
export interface ShownSteps {
  /** Drawn at first: more than a panel shows, few enough to draw at once. */
  first: number;
  /** Added each time the end of the list comes into view (or its button is pressed). */
  more: number;
}

/** The preview's messages: a 2000-call example has 2 202 of them. */
export const MESSAGE_STEPS: ShownSteps = { first: 60, more: 200 };

/**
 * How many items of a long list to draw: the first `steps.first`, then `steps.more` more each
 * time the list's end comes into view (the element given to `endRef`) or `more()` is called.
 * Back to the start when `resetKey` changes (another example, another file). Drawing thousands
 * of items at once took seconds, and a person reads the first screen first.
 */
export function useShownCount(
  total: number,
  resetKey: unknown,
  steps: ShownSteps = MESSAGE_STEPS,
): { shown: number; more: () => void; endRef: (element: Element | null) => void } {
  const [state, setState] = useState({ key: resetKey, shown: steps.first });
  if (state.key !== resetKey) setState({ key: resetKey, shown: steps.first });
  const shown = Math.min(total, state.key === resetKey ? state.shown : steps.first);
  const step = steps.more;
  const more = useCallback(() => setState((s) => ({ ...s, shown: s.shown + step })), [step]);

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
