import { parseReference } from '../../core/index.ts';
import type { ReferenceOption } from '../../core/index.ts';

/** The group of the slots among the insertion options: no call id can be empty, so no call falls in it. */
export const SLOT_GROUP = '';

/**
 * A template's completions (`{slot}`, `{call.path}`, as templateCompletions gives them) as
 * options for searchReferences: a call's result field under its call (with the call's tool,
 * so that the tool's name finds it too), every slot in one group (`SLOT_GROUP`, tool `slot`).
 * A token that names no call of `toolOf` is taken for a slot. The order is kept.
 */
export function completionOptions(tokens: readonly string[], toolOf: ReadonlyMap<string, string>): ReferenceOption[] {
  return tokens.map((token) => {
    const inner = token.startsWith('{') && token.endsWith('}') ? token.slice(1, -1) : token;
    const parsed = parseReference(inner);
    const root = typeof parsed === 'string' ? inner : parsed.root;
    const tool = toolOf.get(root);
    if (tool === undefined) return { callId: SLOT_GROUP, tool: 'slot', field: inner, reference: token, types: [], typeMismatch: false };
    return { callId: root, tool, field: inner.slice(root.length).replace(/^\./, ''), reference: token, types: [], typeMismatch: false };
  });
}
