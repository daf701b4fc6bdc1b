import { selectPersistence, useAppStore } from '../../state/store.ts';
import type { PersistenceStatus } from '../../state/store.ts';

/** "Saved", "Saving…", "Not saved: …": the autosave status, always visible, announced politely. */
export function SaveStatus() {
  const status = useAppStore(selectPersistence);
  const { text, tone } = describe(status);
  return (
    <p className={`save-status save-status-${tone}`} role="status" aria-label="Autosave">
      {text}
    </p>
  );
}

export function describe(status: PersistenceStatus): { text: string; tone: 'ok' | 'busy' | 'bad' } {
  switch (status.kind) {
    case 'loading':
      return { text: 'Loading…', tone: 'busy' };
    case 'saved':
      return { text: 'Saved', tone: 'ok' };
    case 'saving':
      return { text: 'Saving…', tone: 'busy' };
    case 'not-saved':
      return { text: `Not saved: ${status.reason}`, tone: 'bad' };
    case 'unavailable':
      return { text: `Not saved: ${status.reason}`, tone: 'bad' };
    case 'conflict':
      return { text: 'Not saved: another tab', tone: 'bad' };
    case 'unreadable':
      return { text: 'Not saved: storage unreadable', tone: 'bad' };
  }
}
