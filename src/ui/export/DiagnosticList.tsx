import type { Diagnostic } from '../../core/index.ts';

/** Diagnostics of a refused export (or warnings of an accepted one): the message and the place. */
export function DiagnosticList({ diagnostics, label }: { diagnostics: Diagnostic[]; label: string }) {
  return (
    <ul className="export-diagnostics" aria-label={label}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${d.path}-${i}`} className={d.severity === 'error' ? 'is-error' : 'is-warning'}>
          <span>{d.message}</span> <code>{d.path}</code>
        </li>
      ))}
    </ul>
  );
}
