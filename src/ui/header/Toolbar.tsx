import { useRef, useState } from 'react';
import { useAppStoreApi, selectCanRedo, selectCanUndo, useAppStore, useHistory } from '../../state/store.ts';
import { downloadText } from '../files/download.ts';
import { openProjectFile } from '../files/openFile.ts';
import { DatasetActions } from '../export/DatasetActions.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { shortcutLabel } from '../keyboard/shortcuts.ts';
import { ConfirmReplaceDialog } from '../settings/ConfirmReplaceDialog.tsx';
import { replaceWork } from '../settings/replaceWork.ts';
import { lazyView } from '../lazyView.tsx';

// Dialogs: loaded when first opened.
const ExamplesDialog = lazyView(() => import('./ExamplesDialog.tsx'), 'ExamplesDialog');
const ProjectSettingsDialog = lazyView(() => import('../settings/ProjectSettings.tsx'), 'ProjectSettingsDialog');

/** The banner: the app, the project, file actions, history, layout and the autosave status. */
export function Toolbar() {
  const store = useAppStoreApi();
  const projectName = useAppStore((s) => s.project.name);
  const fileName = useAppStore((s) => s.fileName);
  const canUndo = useHistory(selectCanUndo);
  const canRedo = useHistory(selectCanRedo);
  const hasCalls = useAppStore((s) => (s.project.chains.find((c) => c.id === s.chainId)?.calls.length ?? 0) > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  const [examplesOpen, setExamplesOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const save = () => {
    const { text, fileName: name } = store.getState().saveProjectText();
    downloadText(name, text);
  };

  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-logo" aria-hidden="true">
          ◆
        </span>
        Chainwright
      </h1>
      <div className="project-identity" title={fileName}>
        <span className="project-name">{projectName}</span>
        <span className="project-file">{fileName}</span>
      </div>
      <nav className="toolbar" aria-label="Project">
        <div className="toolbar-group">
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setSettingsOpen(true)} title="Name, system prompt, reference date">
            Project
          </button>
          <button type="button" className="button" onClick={() => replaceWork(store, 'New project', () => store.getState().newProject())}>
            New project
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Open project
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-hidden="true"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) replaceWork(store, `Open ${file.name}`, () => void openProjectFile(store, file));
            }}
          />
          <button type="button" className="button" onClick={save}>
            Save project
          </button>
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setExamplesOpen(true)}>
            Examples
          </button>
        </div>
        <div className="toolbar-group">
          <button type="button" className="button" disabled={!canUndo} onClick={() => store.getState().undo()} title={shortcutLabel('undo')}>
            Undo
          </button>
          <button type="button" className="button" disabled={!canRedo} onClick={() => store.getState().redo()} title={shortcutLabel('redo')}>
            Redo
          </button>
          <button type="button" className="button" disabled={!hasCalls} onClick={() => store.getState().autoLayout()}>
            Auto layout
          </button>
        </div>
        <DatasetActions />
      </nav>
      <SaveStatus />
      {examplesOpen && <ExamplesDialog onClose={() => setExamplesOpen(false)} />}
      {settingsOpen && <ProjectSettingsDialog onClose={() => setSettingsOpen(false)} />}
      <ConfirmReplaceDialog />
    </header>
  );
}
