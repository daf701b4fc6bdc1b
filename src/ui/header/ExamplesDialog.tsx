import { useEffect, useId, useRef } from 'react';
import { EXAMPLES, exampleUrl } from '../examples/catalog.ts';
import { openExample } from '../files/openFile.ts';

/** The gallery of bundled examples, in a modal dialog. Opening one replaces the project (undoable). */
export function ExamplesDialog({ onClose }: { onClose: () => void }) {
  const headingId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <div className="dialog-head">
        <h2 id={headingId} className="panel-title">
          Examples
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <ul className="example-list">
        {EXAMPLES.map((entry) => (
          <li key={entry.file} className="example-entry">
            <button
              type="button"
              className="example-button"
              onClick={() => {
                void openExample(exampleUrl(entry), entry.file).then((ok) => ok && onClose());
              }}
            >
              <span className="example-title">{entry.title}</span>
              <span className="example-summary">{entry.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
