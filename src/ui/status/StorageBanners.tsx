import { useAppStoreApi, selectPersistence, useAppStore } from '../../state/store.ts';
import { downloadText } from '../files/download.ts';

/**
 * The two autosave problems that need the user: another tab saved the same workspace
 * (this tab stopped autosaving), and stored work that cannot be read (kept untouched,
 * offered as a download).
 */
export function StorageBanners() {
  const store = useAppStoreApi();
  const status = useAppStore(selectPersistence);
  if (status.kind === 'conflict') {
    return (
      <div className="banner banner-warning" role="alert">
        <p>
          <strong>Another tab is editing this workspace.</strong> {status.message} This tab stopped autosaving so that neither overwrites the other.
        </p>
        <div className="banner-actions">
          <button type="button" className="button button-small" onClick={() => void store.getState().takeOverStorage()}>
            Keep this tab's version
          </button>
          <button type="button" className="button button-small" onClick={() => window.location.reload()}>
            Reload the other version
          </button>
        </div>
      </div>
    );
  }
  if (status.kind === 'unreadable') {
    return (
      <div className="banner banner-error" role="alert">
        <p>
          <strong>The saved work could not be read</strong> ({status.reason}). It is kept untouched and autosave is off.
        </p>
        <div className="banner-actions">
          <button type="button" className="button button-small" onClick={() => downloadText('chainwright-saved-workspace.txt', status.raw, 'text/plain')}>
            Download raw content
          </button>
          <button type="button" className="button button-small" onClick={() => void store.getState().discardUnreadableStorage()}>
            Discard it and autosave again
          </button>
        </div>
      </div>
    );
  }
  return null;
}
