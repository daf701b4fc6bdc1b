import { DialogButton } from '../dialog/DialogButton.tsx';
import { lazyView } from '../lazyView.tsx';

/** The scoring view, with the core's evaluation: loaded when the dialog first opens. */
const EvaluateView = lazyView(() => import('./EvaluateView.tsx'), 'EvaluateView');

/** "Evaluate" (named "Evaluate a model") — opens the scoring view. */
export function EvaluateButton({ compact = false }: { compact?: boolean }) {
  return <DialogButton label="Evaluate a model" compactText="Evaluate" compact={compact} dialog={EvaluateView} />;
}
