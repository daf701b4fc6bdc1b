import { checkCallShape, checkSlotShape } from '../project/shape.ts';
import type { Diagnostic } from '../validate/diagnostics.ts';

/**
 * Why a fragment an edit adds would not read back as part of a project file (the reader's
 * first structural error, with its JSON path), or null: only the fragment is checked, not the
 * whole project serialised and read again.
 */
function firstProblem(diagnostics: Diagnostic[]): string | null {
  const first = diagnostics.find((d) => d.severity === 'error');
  return first ? `${first.path}: ${first.message}` : null;
}

/** A call as it would sit at `path` (`$.chains[c].calls[i]`). */
export function unreadableCall(call: unknown, path: string): string | null {
  return firstProblem(checkCallShape(call, path));
}

/** A slot as it would sit in the `slots` object at `path` (`$.chains[c].slots`). */
export function unreadableSlot(name: string, spec: unknown, path: string): string | null {
  return firstProblem(checkSlotShape(name, spec, path));
}
