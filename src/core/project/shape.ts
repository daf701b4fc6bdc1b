import type { Diagnostic } from '../validate/diagnostics.ts';
import { error, jsonPath } from '../validate/diagnostics.ts';
import { call, project, slots } from './format.ts';
import { checkNode } from './formatKit.ts';

export { CALL_ID, SLOT_NAME, TOOL_NAME } from './format.ts';

/**
 * The structure of a version-2 project, checked against its definition (format.ts): every key
 * the format defines has the right JSON type. Unknown keys are allowed (they are kept on
 * save). Semantic checks (unknown tools, references, cycles…) live in validate/project.ts.
 */

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every `__proto__` / `constructor` / `prototype` key anywhere in the file. */
export function findForbiddenKeys(value: unknown, path = '$', out: Diagnostic[] = []): Diagnostic[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findForbiddenKeys(item, jsonPath(path, index), out));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = jsonPath(path, key);
      if (FORBIDDEN_KEYS.has(key))
        out.push(
          error('forbidden-key', child, `the key "${key}" is not allowed anywhere in a project (it could alter object prototypes); rename or remove it`),
        );
      else findForbiddenKeys((value as Record<string, unknown>)[key], child, out);
    }
  }
  return out;
}

/** Structural diagnostics for a document that claims to be a version-2 project (a version-1 file is migrated first; format and version are the reader's). */
export function checkProjectShape(doc: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkNode(project, doc, '$', out);
  return out;
}

/** Structural diagnostics of one call (as `checkProjectShape` checks it inside a chain), at `path`. */
export function checkCallShape(value: unknown, path: string): Diagnostic[] {
  const out = findForbiddenKeys(value, path);
  checkNode(call, value, path, out);
  return out;
}

/** Structural diagnostics of one slot `name: spec` (as inside a chain's `slots`), at `path` (the slots object's). */
export function checkSlotShape(name: string, spec: unknown, path: string): Diagnostic[] {
  const out = findForbiddenKeys(spec, jsonPath(path, name));
  checkNode(slots, { [name]: spec }, path, out);
  return out;
}
