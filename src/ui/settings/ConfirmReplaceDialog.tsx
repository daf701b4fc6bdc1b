import { useState } from 'react';
import { useAppStoreApi } from '../../state/store.ts';
import { ModalDialog } from '../dialog/ModalDialog.tsx';
import { downloadText } from '../files/download.ts';
import { answerReplace, useReplaceRequest } from './replaceWork.ts';
import './settings.css';

/** Asks before New project, an example or a file replaces a project with calls or tools; offers to download it first. */
export function ConfirmReplaceDialog() {
  const request = useReplaceRequest();
  if (!request) return null;
  return <Confirm key={request.question + request.action} action={request.action} question={request.question} />;
}

function Confirm({ action, question }: { action: string; question: string }) {
  const store = useAppStoreApi();
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const download = () => {
    const { text, fileName } = store.getState().saveProjectText();
    downloadText(fileName, text);
    setDownloaded(fileName);
  };
  return (
    <ModalDialog title="Replace this project?" className="confirm-dialog" onClose={() => answerReplace(store, false)}>
      <p>{question}</p>
      {downloaded && (
        <p className="muted" role="status">
          Downloaded {downloaded}.
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" className="button confirm-secondary" onClick={download}>
          Download it first
        </button>
        <button type="button" className="button" onClick={() => answerReplace(store, false)} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => answerReplace(store, true)}>
          {action}
        </button>
      </div>
    </ModalDialog>
  );
}
