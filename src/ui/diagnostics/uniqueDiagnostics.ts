import type { Diagnostic } from '../../core/index.ts';

/** Concatenates lists of diagnostics, dropping repeats (same code, place and message). */
export function uniqueDiagnostics(...lists: Diagnostic[][]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const list of lists) {
    for (const d of list) {
      const key = `${d.code}\u0000${d.path}\u0000${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
