import { isPlainObject } from '../project/types.ts';
import { collectReferences } from '../refs/parse.ts';
import type { Reference } from '../refs/types.ts';
import { COMBINATOR_KEYS, STATUS_KEYS, testOperators, type Condition } from './types.ts';

/** A reference found in a condition, with the JSON path of the string that holds it. */
export interface ConditionReference {
  ref: Reference;
  at: (string | number)[];
  template: string;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Every reference in a condition's values and operands, in order (a test's `value` before
 * its operand, nested conditions depth first), like `collectReferences` for arguments.
 * These are the condition's dependencies: it cannot be evaluated before they exist.
 * `ran` / `failed` / `declined` ids are not references (see `conditionCallIds`).
 * Tolerates malformed input (it looks only at what is there).
 */
export function conditionReferences(cond: Condition, basePath: (string | number)[] = []): ConditionReference[] {
  const found: ConditionReference[] = [];
  walk(cond, basePath, (c, at) => {
    if (hasOwn.call(c, 'value')) found.push(...collectReferences(c.value, [...at, 'value']));
    for (const op of testOperators(c)) found.push(...collectReferences(c[op], [...at, op]));
  });
  return found;
}

/** The call ids that `ran`, `failed` and `declined` name anywhere in a condition, each once, in order. */
export function conditionCallIds(cond: Condition): string[] {
  const ids = new Set<string>();
  walk(cond, [], (c) => {
    for (const key of STATUS_KEYS) if (typeof c[key] === 'string') ids.add(c[key]);
  });
  return [...ids];
}

/** Visits a condition and every condition nested in `all`, `any` and `not`. */
function walk(cond: unknown, at: (string | number)[], visit: (c: { [key: string]: unknown }, at: (string | number)[]) => void): void {
  if (!isPlainObject(cond)) return;
  visit(cond, at);
  for (const key of COMBINATOR_KEYS) {
    if (!hasOwn.call(cond, key)) continue;
    const inner = cond[key];
    if (key === 'not') walk(inner, [...at, key], visit);
    else if (Array.isArray(inner)) inner.forEach((item, i) => walk(item, [...at, key, i], visit));
  }
}
