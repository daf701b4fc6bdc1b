import { useAppStoreApi, selectOpenFailure, useAppStore } from '../../state/store.ts';
import { LoadErrorPanel } from './LoadErrorPanel.tsx';

/** The errors of the last file that could not be opened, until dismissed. */
export function OpenFailure() {
  const store = useAppStoreApi();
  const failure = useAppStore(selectOpenFailure);
  if (!failure) return null;
  return (
    <LoadErrorPanel
      fileName={failure.fileName}
      error={failure.error}
      diagnostics={failure.diagnostics}
      onDismiss={() => store.getState().dismissOpenFailure()}
    />
  );
}
