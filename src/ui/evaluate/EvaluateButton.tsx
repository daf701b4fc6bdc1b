import { useState } from 'react';
import { lazyView } from '../lazyView.tsx';

/** The scoring view, with the core's evaluation: loaded when the dialog first opens. */
const EvaluateView = lazyView(() => import('./EvaluateView.tsx'), 'EvaluateView');

export function EvaluateButton({ compact = false }: { compact?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={compact ? 'button button-small' : 'button'}
        aria-haspopup="dialog"
        aria-label="Evaluate a model"
        onClick={() => setOpen(true)}
      >
        Evaluate
      </button>
      {open && <EvaluateView onClose={() => setOpen(false)} />}
    </>
  );
}
