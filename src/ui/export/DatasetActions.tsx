import { DialogButton } from '../dialog/DialogButton.tsx';
import { EvaluateButton } from '../evaluate/EvaluateButton.tsx';
import './export.css';
import { lazyView } from '../lazyView.tsx';

const ExportDialog = lazyView(() => import('./ExportDialog.tsx'), 'ExportDialog');
const CheckDataset = lazyView(() => import('./CheckDataset.tsx'), 'CheckDataset');

/** "Export dataset" — opens the export dialog. `compact`: the visible text is "Export" (the toolbar's "Dataset" group says of what). */
export function ExportDatasetButton({ compact = false }: { compact?: boolean }) {
  return <DialogButton label="Export dataset" compactText="Export" compact={compact} dialog={ExportDialog} />;
}

/** "Check a dataset" — opens the checker for JSONL files made anywhere. */
export function CheckDatasetButton({ compact = false }: { compact?: boolean }) {
  return <DialogButton label="Check a dataset" compactText="Check" compact={compact} dialog={CheckDataset} />;
}

/** Both, as one compact toolbar group captioned "Dataset" (what the header mounts). */
export function DatasetActions() {
  return (
    <div className="toolbar-group dataset-actions" role="group" aria-label="Dataset">
      <span className="dataset-actions-caption" aria-hidden="true">
        Dataset
      </span>
      <ExportDatasetButton compact />
      <CheckDatasetButton compact />
      <EvaluateButton compact />
    </div>
  );
}
