import { useEffect } from 'react';
import { useAppStoreApi, selectNotice, useAppStore } from '../../state/store.ts';

const SHOW_MS = { info: 4000, warning: 8000, refused: 10000, error: 12000 } as const;

/** The last notice ("Refused: this connection would close the cycle …"), as a live region. */
export function NoticeToast() {
  const store = useAppStoreApi();
  const notice = useAppStore(selectNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (store.getState().notice?.id === notice.id) store.getState().dismissNotice();
    }, SHOW_MS[notice.kind]);
    return () => clearTimeout(timer);
  }, [store, notice]);
  const urgent = notice !== null && (notice.kind === 'refused' || notice.kind === 'error');
  return (
    <div className="toast-region" aria-live={urgent ? 'assertive' : 'polite'}>
      {notice && (
        <div className={`toast toast-${notice.kind}`} role={urgent ? 'alert' : 'status'}>
          <p>{notice.message}</p>
          <button type="button" className="link-button" onClick={() => store.getState().dismissNotice()} aria-label="Dismiss notice">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
