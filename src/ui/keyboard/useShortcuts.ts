import { useEffect } from 'react';
import { useAppStoreApi } from '../../state/store.ts';
import { isTextEntry, shortcutFor } from './shortcuts.ts';

/** Offset of pasted calls from the copied ones, so a paste does not hide the original. */
const PASTE_OFFSET = { x: 40, y: 40 };

/** Undo/redo, Delete, copy/paste of calls: on the whole page, except while typing in a field. */
export function useShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action || event.defaultPrevented) return;
      if (isTextEntry(event.target as HTMLElement | null)) return;
      if ((event.target as HTMLElement | null)?.closest?.('dialog')) return;
      const s = store.getState();
      switch (action) {
        case 'undo':
          s.undo();
          break;
        case 'redo':
          s.redo();
          break;
        case 'delete':
          if (!s.deleteSelection().ok) return;
          break;
        case 'copy':
          if (s.copySelection() === null) return;
          s.notify('info', `Copied ${s.selectedCallIds.length} ${s.selectedCallIds.length === 1 ? 'call' : 'calls'}`);
          break;
        case 'paste':
          if (!s.paste(undefined, PASTE_OFFSET).ok) return;
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
