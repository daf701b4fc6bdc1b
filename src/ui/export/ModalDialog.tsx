import { useEffect, useRef, type DragEvent, type ReactNode } from 'react';

/**
 * A modal `<dialog>` opened on mount: a labelled heading, Escape and the Close button close it
 * (through `onClose`: the owner unmounts it; the native close event is not used, since closing on
 * unmount fires it too),
 * focus goes back to where it was when it closes. File drags over it stay inside it (the page
 * opens a project file dropped anywhere else).
 */
export function ModalDialog({ labelledBy, className, onClose, children }: { labelledBy: string; className?: string; onClose: () => void; children: ReactNode }) {
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
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onDragEnter={keep}
      onDragLeave={keep}
      onDragOver={keep}
      onDrop={keep}
    >
      {children}
    </dialog>
  );
}
