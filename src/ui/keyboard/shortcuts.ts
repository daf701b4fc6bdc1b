/** The designer's keyboard shortcuts, as a pure function of a key event. */
export type ShortcutAction = 'undo' | 'redo' | 'delete' | 'copy' | 'paste';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Ctrl/Cmd+Z undo; Shift+Ctrl/Cmd+Z (and Ctrl+Y) redo; Delete/Backspace delete the
 * selection; Ctrl/Cmd+C copy and Ctrl/Cmd+V paste calls. On a Mac Cmd is the modifier,
 * elsewhere Ctrl (either is accepted: a Mac keyboard on Linux sends Meta).
 */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !event.shiftKey) return 'redo';
  if (mod && key === 'c' && !event.shiftKey) return 'copy';
  if (mod && key === 'v' && !event.shiftKey) return 'paste';
  if (!mod && (key === 'Delete' || key === 'Backspace')) return 'delete';
  return null;
}

export function shortcutLabel(action: 'undo' | 'redo'): string {
  return action === 'undo' ? 'Undo (Ctrl/Cmd+Z)' : 'Redo (Shift+Ctrl/Cmd+Z)';
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password', '']);

/** Keys typed into a text field belong to the field (its own undo, delete, copy, paste). */
export function isTextEntry(target: TargetLike | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((target.type ?? '').toLowerCase());
}
