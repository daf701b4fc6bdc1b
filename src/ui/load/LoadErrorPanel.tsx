import { useId } from 'react';
import type { Diagnostic, ProjectParseError } from '../../core/index.ts';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel.tsx';

const KIND_LABEL: Record<string, string> = {
  fetch: 'The file could not be fetched',
  'not-json': 'The file is not valid JSON',
  'not-a-project': 'The file is not a Chainwright project',
  'version-too-new': 'The project was written by a newer Chainwright',
  invalid: 'The project is invalid',
};

interface Props {
  fileName: string;
  error: ProjectParseError;
  diagnostics: Diagnostic[];
  onDismiss: () => void;
}

/** Why a file could not be opened: the parser's first error (with JSON path and line) and every finding. The project is unchanged. */
export function LoadErrorPanel({ fileName, error, diagnostics, onDismiss }: Props) {
  const headingId = useId();
  const others = diagnostics.filter((d) => d.message !== error.message || d.path !== error.path);
  return (
    <div className="overlay-panel">
      <section className="panel panel-error" aria-labelledby={headingId} role="alert">
        <div className="panel-head">
          <h2 id={headingId} className="panel-title">
            Could not open the project
          </h2>
          <button type="button" className="button button-small" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
        <p className="error-kind">{KIND_LABEL[error.kind] ?? error.kind}</p>
        <p className="error-message">{error.message}</p>
        <dl className="error-facts">
          <dt>File</dt>
          <dd>
            <code>{fileName}</code>
          </dd>
          {error.path !== '' && (
            <>
              <dt>JSON path</dt>
              <dd>
                <code>{error.path}</code>
              </dd>
            </>
          )}
          {error.line !== undefined && (
            <>
              <dt>Line</dt>
              <dd>{error.line}</dd>
            </>
          )}
        </dl>
        <p className="muted">Your current project is unchanged.</p>
        {others.length > 0 && <DiagnosticsPanel title="All problems found" diagnostics={others} />}
      </section>
    </div>
  );
}
