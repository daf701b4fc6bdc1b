import { useId } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { DiagnosticItem } from './DiagnosticItem.tsx';

/** The project's findings, errors first. Renders nothing when there are none. */
export function DiagnosticsPanel({ diagnostics, title = 'Diagnostics' }: { diagnostics: Diagnostic[]; title?: string }) {
  const headingId = useId();
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  const summary = [count(errors.length, 'error'), count(warnings.length, 'warning')].filter(Boolean).join(', ');
  return (
    <section className="panel panel-diagnostics" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        <span className="panel-meta">{summary}</span>
      </div>
      <ul className="diagnostic-list">
        {[...errors, ...warnings].map((d, i) => (
          <DiagnosticItem key={`${d.code}-${d.path}-${i}`} diagnostic={d} />
        ))}
      </ul>
    </section>
  );
}

function count(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}
