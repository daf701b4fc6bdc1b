import { useEffect, useState } from 'react';
import { useAppStoreApi } from '../../state/store.ts';
import { startPersistence } from '../../state/persistence.ts';
import { FIRST_VISIT_EXAMPLE, exampleUrl } from '../examples/catalog.ts';
import { openExample } from '../files/openFile.ts';

/**
 * Starts autosave and opens the work: the saved project and view when there is one, else
 * (a first visit) the room-booking example. The designer is shown once this is done.
 */
export function useBoot(): boolean {
  const store = useAppStoreApi();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    void (async () => {
      let restored = false;
      try {
        const controller = startPersistence(store);
        stop = () => controller.stop();
        restored = (await controller.ready).restored;
      } catch (cause) {
        store.getState().setPersistence({ kind: 'unavailable', reason: cause instanceof Error ? cause.message : String(cause) });
      }
      if (cancelled) return;
      if (!restored && store.getState().persistence.kind !== 'unreadable') {
        await openExample(store, exampleUrl(FIRST_VISIT_EXAMPLE), FIRST_VISIT_EXAMPLE.file, { recordHistory: false });
      }
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
      stop();
    };
  }, [store]);
  return ready;
}
