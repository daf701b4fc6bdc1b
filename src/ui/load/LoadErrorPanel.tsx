import { useId } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel.tsx';
import type { LoadFailure } from './useProjectFile.ts';

const KIND_LABEL: Record<string, string> = {
  fetch: 'The file could not be fetched',
  'not-json': 'The file is not valid JSON',
  'not-a-project': 'The file is not a Chainwright project',
  'version-too-new': 'The project was written by a newer Chainwright',
  invalid: 'The project is invalid',
};

export function LoadErrorPanel({ url, error, diagnostics }: { url: string; error: LoadFailure; diagnostics: Diagnostic[] }) {
  const headingId = useId();
  return (
    <div className="columns columns-single">
      <section className="panel panel-error" aria-labelledby={headingId} role="alert">
        <h2 id={headingId} className="panel-title">
          Could not open the project
        </h2>
        <p className="error-kind">{KIND_LABEL[error.kind] ?? error.kind}</p>
        <p className="error-message">{error.message}</p>
        <dl className="error-facts">
          <dt>File</dt>
          <dd>
            <code>{url}</code>
          </dd>
          {error.path !== undefined && error.path !== '' && (
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
      </section>
      <DiagnosticsPanel
        title="All problems found"
        diagnostics={diagnostics.filter((d) => d.message !== error.message || d.path !== error.path)}
      />
    </div>
  );
}
