import { ModalDialog } from '../dialog/ModalDialog.tsx';
import { EXAMPLES, exampleUrl } from '../examples/catalog.ts';
import { openExample } from '../files/openFile.ts';
import { replaceWork } from '../settings/replaceWork.ts';
import { useAppStoreApi } from '../../state/store.ts';

/** The gallery of bundled examples, in a modal dialog. Opening one replaces the project (undoable; asked first when it has calls or tools). */
export function ExamplesDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  return (
    <ModalDialog title="Examples" onClose={onClose}>
      <ul className="example-list">
        {EXAMPLES.map((entry) => (
          <li key={entry.file} className="example-entry">
            <button
              type="button"
              className="example-button"
              onClick={() => {
                replaceWork(store, `Open ${entry.title}`, () => void openExample(store, exampleUrl(entry), entry.file).then((ok) => ok && onClose()));
              }}
            >
              <span className="example-title">{entry.title}</span>
              <span className="example-summary">{entry.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
