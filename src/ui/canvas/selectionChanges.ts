/** A React Flow change as far as selection goes. */
export interface SelectChangeLike {
  type: string;
  id?: string;
  selected?: boolean;
}

/**
 * The selection after React Flow's `select` changes, or null when they change nothing.
 * Keeps the order of the current selection and appends newly selected ids.
 */
export function nextSelection(current: readonly string[], changes: readonly SelectChangeLike[]): string[] | null {
  const selects = changes.filter((c): c is Required<SelectChangeLike> => c.type === 'select' && typeof c.id === 'string');
  if (selects.length === 0) return null;
  const out = new Set(current);
  for (const change of selects) {
    if (change.selected) out.add(change.id);
    else out.delete(change.id);
  }
  const next = [...out];
  return next.length === current.length && next.every((id, i) => id === current[i]) ? null : next;
}
