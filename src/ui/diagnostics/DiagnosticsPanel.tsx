import { useId } from 'react';
import { compareFindings, type Diagnostic } from '../../core/index.ts';
import { DiagnosticItem } from './DiagnosticItem.tsx';

interface Props {
  diagnostics: Diagnostic[];
  title?: string;
  /** Makes each finding a button (select the node or field it is about). */
  onSelect?: (d: Diagnostic) => void;
  /** Shown when there are no findings; without it the panel renders nothing then. */
  emptyText?: string;
}

/** The project's findings, errors first. */
export function DiagnosticsPanel({ diagnostics, title = 'Diagnostics', onSelect, emptyText }: Props) {
  const headingId = useId();
  if (diagnostics.length === 0 && emptyText === undefined) return null;
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
      {diagnostics.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="diagnostic-list">
          {[...diagnostics].sort(compareFindings).map((d, i) => (
            <DiagnosticItem key={`${d.code}-${d.path}-${i}`} diagnostic={d} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function count(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}
