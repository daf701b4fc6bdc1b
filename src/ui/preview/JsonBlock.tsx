import type { JsonValue } from '../../core/index.ts';

/** Pretty-printed JSON as plain text (never as HTML). */
export function JsonBlock({ value, label }: { value: JsonValue; label: string }) {
  return (
    // A named group that takes focus: a long result scrolls, and the keyboard must reach it (axe: scrollable-region-focusable).
    <pre className="json" role="group" aria-label={label} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
