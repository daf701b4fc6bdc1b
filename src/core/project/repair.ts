import type { Diagnostic } from '../validate/diagnostics.ts';
import { jsonPath, warning } from '../validate/diagnostics.ts';
import { position } from './format.ts';
import { checkNode } from './formatKit.ts';
import { isPlainObject } from './types.ts';

/**
 * Repairs what only changes how a design looks, with a warning each, so that a file is never
 * refused for it (as excalidraw's `restore` does): a call's `position` that is not two finite
 * numbers is dropped (the call is laid out automatically). What changes meaning is left for the
 * reader to refuse. Works on the document after migration, before the shape check; what a
 * position is comes from the format's definition (format.ts).
 */
export function repairCosmetic(doc: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!Array.isArray(doc.chains)) return out;
  doc.chains.forEach((chain, c) => {
    if (!isPlainObject(chain) || !Array.isArray(chain.calls)) return;
    chain.calls.forEach((call, i) => {
      if (!isPlainObject(call) || !('position' in call)) return;
      const p = call.position;
      const faults: Diagnostic[] = [];
      checkNode(position, p, '$', faults);
      if (faults.length === 0) return;
      delete call.position;
      const id = typeof call.id === 'string' ? ` of call "${call.id}"` : '';
      out.push(
        warning(
          'position-repaired',
          jsonPath('$', 'chains', c, 'calls', i, 'position'),
          `the position${id} was not {"x": number, "y": number} (${JSON.stringify(p) ?? 'undefined'}): dropped, the call is laid out automatically`,
        ),
      );
    });
  });
  return out;
}
