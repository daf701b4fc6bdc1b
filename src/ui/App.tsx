import { useEffect, useId } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useAppStore } from '../state/store.ts';
import { useBoot } from './boot/useBoot.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { ChainTabs } from './chains/ChainTabs.tsx';
import { useFileDrop } from './files/useFileDrop.ts';
import { Toolbar } from './header/Toolbar.tsx';
import { useShortcuts } from './keyboard/useShortcuts.ts';
import { ToolLibrary } from './library/ToolLibrary.tsx';
import { OpenFailure } from './load/OpenFailure.tsx';
import { useMode } from './practice/modeStore.ts';
import { SidePanel } from './side/SidePanel.tsx';
import { NoticeToast } from './status/NoticeToast.tsx';
import { StorageBanners } from './status/StorageBanners.tsx';
import { LOADING_PANEL, lazyView } from './lazyView.tsx';

const PracticeView = lazyView(() => import('./practice/PracticeView.tsx'), 'PracticeView', LOADING_PANEL);

/** The designer: toolbar; tool library | canvas | inspector, why, preview and problems. */
export function App() {
  const ready = useBoot();
  const dropping = useFileDrop();
  const projectName = useAppStore((s) => s.project.name);
  const mode = useMode();
  useShortcuts();
  useEffect(() => {
    document.title = ready ? `${projectName} · Chainwright` : 'Chainwright';
  }, [ready, projectName]);

  return (
    <div className={`app${dropping ? ' is-dropping' : ''}`}>
      <Toolbar />
      <StorageBanners />
      <main className="app-main" aria-busy={!ready}>
        {ready && mode === 'practice' ? (
          <PracticeView />
        ) : ready ? (
          <ReactFlowProvider>
            <Designer />
          </ReactFlowProvider>
        ) : (
          <p className="status-line" role="status">
            Opening your work…
          </p>
        )}
        <OpenFailure />
      </main>
      <NoticeToast />
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a .chain.json file to open it
        </div>
      )}
    </div>
  );
}

function Designer() {
  const headingId = useId();
  return (
    <div className="designer">
      <ToolLibrary />
      <section className="pane pane-canvas" aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          Canvas
        </h2>
        <ChainTabs />
        <Canvas />
      </section>
      <SidePanel />
    </div>
  );
}
