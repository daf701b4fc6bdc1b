import type { JsonValue } from '../../core/index.ts';

/** Pretty-printed JSON as plain text (never as HTML). */
export function JsonBlock({ value, label }: { value: JsonValue; label: string }) {
  return (
    <pre className="json" aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
