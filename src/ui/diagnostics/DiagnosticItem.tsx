import type { Diagnostic } from '../../core/index.ts';

export function DiagnosticItem({ diagnostic: d }: { diagnostic: Diagnostic }) {
  return (
    <li className={`diagnostic diagnostic-${d.severity}`}>
      <span className={`severity severity-${d.severity}`}>{d.severity === 'error' ? 'Error' : 'Warning'}</span>
      <div className="diagnostic-body">
        <p className="diagnostic-message">{d.message}</p>
        <p className="diagnostic-place">
          <code>{d.path}</code>
          {d.line !== undefined && <span>line {d.line}</span>}
          <span className="diagnostic-code">{d.code}</span>
        </p>
      </div>
    </li>
  );
}
