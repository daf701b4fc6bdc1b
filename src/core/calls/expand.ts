import type { Call, JsonValue } from '../project/types.ts';
import { compileCondition, type CompiledCondition, type RunStatus } from '../conditions/evaluate.ts';
import { compileTemplate, UNRESOLVED, type Compiled, type Scope } from '../generate/compiled.ts';
import { elementName } from './forEach.ts';

/**
 * How one call of the design becomes the concrete calls of one example: not at all (its
 * `when` does not hold, or a call it waits for did not run), once, or once per element of
 * its `forEach` list that passes `where`, in the list's order. Each concrete call gets the
 * scope its arguments are filled from (for a fan-out, the scope plus the element's name).
 */
export type Expansion =
  | { run: false; why: 'skipped' | 'condition' }
  /** `elements`: for a fan-out, the index in the list of the element each scope is for. */
  | { run: true; scopes: Scope[]; elements?: number[] }
  | { run: true; problem: string };

export interface CompiledExpansion {
  (scope: Scope, status: RunStatus): Expansion;
  /** The element list of a fan-out (for messages), or undefined. */
  readonly forEach?: Compiled;
}

export function compileExpansion(call: Call, waitsFor: readonly string[], skipped: (callId: string) => boolean): CompiledExpansion {
  const when: CompiledCondition | undefined = call.when !== undefined ? compileCondition(call.when) : undefined;
  const list = call.forEach !== undefined ? compileTemplate(call.forEach) : undefined;
  const where: CompiledCondition | undefined = call.where !== undefined ? compileCondition(call.where) : undefined;
  const as = elementName(call);
  const expand = (scope: Scope, status: RunStatus): Expansion => {
    for (let i = 0; i < waitsFor.length; i += 1) if (skipped(waitsFor[i])) return { run: false, why: 'skipped' };
    if (when && !when(scope, status)) return { run: false, why: 'condition' };
    if (!list) return { run: true, scopes: [scope] };
    const items = list.render(scope);
    if (items === UNRESOLVED || !Array.isArray(items)) {
      return {
        run: true,
        problem: items === UNRESOLVED ? `forEach of ${call.id}: ${list.explain(scope)}` : `forEach of ${call.id}: ${call.forEach} is not a list`,
      };
    }
    const scopes: Scope[] = [];
    const elements: number[] = [];
    (items as JsonValue[]).forEach((item, index) => {
      const element: Scope = { ...scope, [as]: item };
      if (!where || where(element, status)) {
        scopes.push(element);
        elements.push(index);
      }
    });
    return { run: true, scopes, elements };
  };
  return Object.assign(expand, list ? { forEach: list } : {});
}
