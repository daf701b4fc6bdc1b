import { useState } from 'react';
import type { ComponentType } from 'react';

export interface DialogButtonProps {
  /** The button's accessible name, which is also its text unless `compact`: "Export dataset". */
  label: string;
  /** The visible text when `compact` (a toolbar group says of what): "Export". Default: `label`. */
  compactText?: string;
  compact?: boolean;
  /** The dialog it opens (often a lazyView): drawn while open, given `onClose`. */
  dialog: ComponentType<{ onClose: () => void }>;
}

/** A button that opens a dialog, and the dialog while it is open. */
export function DialogButton({ label, compactText = label, compact = false, dialog: Dialog }: DialogButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={compact ? 'button button-small' : 'button'} aria-haspopup="dialog" aria-label={label} onClick={() => setOpen(true)}>
        {compact ? compactText : label}
      </button>
      {open && <Dialog onClose={() => setOpen(false)} />}
    </>
  );
}
