import type { Diagnostic } from '../../core/index.ts';

/** One finding. With `onSelect`, it is a button that takes the user to the node or field. */
export function DiagnosticItem({ diagnostic: d, onSelect }: { diagnostic: Diagnostic; onSelect?: (d: Diagnostic) => void }) {
  const body = (
    <>
      <span className={`severity severity-${d.severity}`}>{d.severity === 'error' ? 'Error' : 'Warning'}</span>
      <span className="diagnostic-body">
        <span className="diagnostic-message">{d.message}</span>
        <span className="diagnostic-place">
          <code>{d.path}</code>
          {d.line !== undefined && <span>line {d.line}</span>}
          {d.callId !== undefined && <span>call {d.callId}</span>}
          <span className="diagnostic-code">{d.code}</span>
        </span>
      </span>
    </>
  );
  return (
    <li className={`diagnostic diagnostic-${d.severity}`}>
      {onSelect ? (
        <button type="button" className="diagnostic-button" onClick={() => onSelect(d)}>
          {body}
        </button>
      ) : (
        body
      )}
    </li>
  );
}
