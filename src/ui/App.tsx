import { useEffect } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { ProjectWorkspace } from './ProjectWorkspace.tsx';
import { LoadErrorPanel } from './load/LoadErrorPanel.tsx';
import { useProjectFile } from './load/useProjectFile.ts';

/** The example the page opens with; relative, so the app works under any base path. */
export const DEFAULT_PROJECT_URL = './examples/room-booking.chain.json';

export function App({ projectUrl = DEFAULT_PROJECT_URL }: { projectUrl?: string }) {
  const load = useProjectFile(projectUrl);
  const projectName = load.status === 'loaded' ? load.project.name : null;

  useEffect(() => {
    document.title = projectName ? `${projectName} · Chainwright` : 'Chainwright';
  }, [projectName]);

  return (
    <div className="app">
      <AppHeader />
      <main className="app-main" aria-busy={load.status === 'loading'}>
        {load.status === 'loading' && (
          <p className="status-line" role="status">
            Loading {load.url}…
          </p>
        )}
        {load.status === 'failed' && <LoadErrorPanel url={load.url} error={load.error} diagnostics={load.diagnostics} />}
        {load.status === 'loaded' && (
          <ProjectWorkspace key={load.url} project={load.project} fileUrl={load.url} diagnostics={load.diagnostics} />
        )}
      </main>
    </div>
  );
}
