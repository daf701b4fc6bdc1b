import { useEffect, useId, useRef, type DragEvent, type ReactNode, type SyntheticEvent } from 'react';

/**
 * Every dialog of the page: a modal `<dialog>` shown while the component is mounted, with a
 * heading that labels it and a Close button.
 *
 * - Escape and Close both go through `onClose` (the owner unmounts the dialog). The native
 *   `close` event is not used: closing on unmount fires it too, which under React's StrictMode
 *   (mount, unmount, mount again in development) would close a dialog as it opens.
 * - `onEscape` may keep the dialog open (return true), e.g. to protect unapplied edits.
 * - Focus goes back to where it was when the dialog closes.
 * - File drags over it stay inside it (the page opens a project file dropped anywhere else).
 */
export function ModalDialog({
  title,
  className,
  onClose,
  onEscape,
  children,
}: {
  title: ReactNode;
  className?: string;
  onClose: () => void;
  onEscape?: (event: SyntheticEvent<HTMLDialogElement>) => boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  const keep = (e: DragEvent) => e.stopPropagation();
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        if (onEscape?.(e)) return;
        onClose();
      }}
      onDragEnter={keep}
      onDragLeave={keep}
      onDragOver={keep}
      onDrop={keep}
    >
      <div className="dialog-head">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
