/**
 * Which tool dialog is open: the editor of one tool, the import, the audit, or the result schemas. A small store of
 * its own so that anything (the audit's findings, the library) can open a tool:
 * `openToolEditor('book_room')`.
 */
import { create } from 'zustand';

export type EditorTab = 'definition' | 'returns';

export type ToolDialog =
  | { kind: 'tool'; name: string; tab: EditorTab }
  | { kind: 'import' }
  | { kind: 'audit' }
  /** "Result schemas": every tool without `returns`; `lead` says why it opened (after an import). */
  | { kind: 'returns'; lead?: string }
  | null;

interface DialogState {
  dialog: ToolDialog;
}

export const useToolDialog = create<DialogState>(() => ({ dialog: null }));

export function openToolEditor(name: string, tab: EditorTab = 'definition'): void {
  useToolDialog.setState({ dialog: { kind: 'tool', name, tab } });
}

export function openToolImport(): void {
  useToolDialog.setState({ dialog: { kind: 'import' } });
}

export function openToolAudit(): void {
  useToolDialog.setState({ dialog: { kind: 'audit' } });
}

export function openReturnsDialog(lead?: string): void {
  useToolDialog.setState({ dialog: lead === undefined ? { kind: 'returns' } : { kind: 'returns', lead } });
}

export function closeToolDialog(): void {
  useToolDialog.setState({ dialog: null });
}

/** The open editor follows a renamed tool. */
export function followRename(from: string, to: string): void {
  const { dialog } = useToolDialog.getState();
  if (dialog?.kind === 'tool' && dialog.name === from && from !== to) useToolDialog.setState({ dialog: { ...dialog, name: to } });
}
