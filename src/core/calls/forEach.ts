import type { Call, JsonSchema } from '../project/types.ts';
import { DEFAULT_FOR_EACH_AS } from '../project/types.ts';
import { checkCondition } from '../conditions/check.ts';
import { conditionCallIds, conditionReferences } from '../conditions/references.ts';
import { parseTemplate } from '../refs/parse.ts';
import { error, jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import type { BehaviourCheckContext, CallBehaviour } from './behaviour.ts';

/** The element's name inside a fan-out call. */
export function elementName(call: Call): string {
  return call.as ?? DEFAULT_FOR_EACH_AS;
}

/** The names a call binds, with the element's schema (empty for a call without forEach). */
export function elementBindings(call: Call, ctx: BehaviourCheckContext): Map<string, JsonSchema | undefined> {
  if (call.forEach === undefined) return new Map();
  return new Map([[elementName(call), ctx.elementSchema(call.forEach, jsonPath(ctx.callPath, 'forEach'))]]);
}

/**
 * `forEach` / `as` / `where`: one call per element of a list that passes the filter, all in
 * the same assistant turn, in the list's order (design §3). The list and the filter are read
 * before the call runs (dependencies); `{as}` names the element inside the call.
 */
export const forEachBehaviour: CallBehaviour = {
  key: 'forEach',
  applies: (call) => call.forEach !== undefined,
  reads: (call) => {
    const out: { value: never; at: (string | number)[] }[] = [];
    if (call.forEach !== undefined) out.push({ value: call.forEach as never, at: ['forEach'] });
    if (call.where !== undefined) out.push({ value: call.where as never, at: ['where'] });
    return out;
  },
  binds: (call) => (call.forEach === undefined ? [] : [elementName(call)]),
  validate(call, ctx) {
    const out: Diagnostic[] = [];
    const extra = { chainId: ctx.chainId, callId: call.id };
    if (call.forEach === undefined) {
      if (call.where !== undefined)
        out.push(
          error(
            'where-without-forEach',
            jsonPath(ctx.callPath, 'where'),
            `call "${call.id}" has a "where" filter but no "forEach": a filter chooses elements of a list; add forEach or move the condition to "when"`,
            extra,
          ),
        );
      if (call.as !== undefined)
        out.push(
          warning('as-without-forEach', jsonPath(ctx.callPath, 'as'), `call "${call.id}" names an element ("as": "${call.as}") but has no "forEach"`, extra),
        );
      return out;
    }
    const at = jsonPath(ctx.callPath, 'forEach');
    const parsed = parseTemplate(call.forEach);
    const whole = parsed.whole;
    if (!whole) {
      out.push(error('bad-forEach', at, `"forEach" must be one whole reference to a list, e.g. "{tasks.tasks[*]}", found "${call.forEach}"`, extra));
      return out;
    }
    if (whole.root === call.id) out.push(error('self-reference', at, `{${whole.source}}: a call cannot loop over its own results`, extra));
    const name = elementName(call);
    if (ctx.slotNames.has(name))
      out.push(
        error(
          'as-clash',
          jsonPath(ctx.callPath, call.as === undefined ? 'forEach' : 'as'),
          `the element name "${name}" is also a slot: inside "${call.id}", {${name}} could mean either; rename it with "as"`,
          extra,
        ),
      );
    else if (ctx.callIds.has(name))
      out.push(
        error(
          'as-clash',
          jsonPath(ctx.callPath, call.as === undefined ? 'forEach' : 'as'),
          `the element name "${name}" is also a call id: inside "${call.id}", {${name}} could mean either; rename it with "as"`,
          extra,
        ),
      );
    if (whole.root !== call.id) {
      const schema = ctx.checkReference(whole, at);
      if (schema && !ctx.isFanOut(whole.root) && !isListSchema(schema, whole.path.length > 0 && whole.path[whole.path.length - 1].kind === 'all')) {
        out.push(
          error(
            'forEach-not-a-list',
            at,
            `{${whole.source}} is not a list, so there is nothing to go through one by one; point forEach at an array, e.g. "{${whole.root}.items[*]}"`,
            extra,
          ),
        );
      }
    }
    if (call.where !== undefined) {
      const whereAt = jsonPath(ctx.callPath, 'where');
      for (const id of conditionCallIds(call.where))
        if (!ctx.callIds.has(id)) out.push(error('unknown-call', whereAt, `the filter names "${id}", which is not a call of this chain`, extra));
      for (const { ref } of conditionReferences(call.where))
        if (ref.root === call.id) out.push(error('self-reference', whereAt, `{${ref.source}}: a filter cannot read the results of its own call`, extra));
      const bound = elementBindings(call, ctx);
      out.push(
        ...checkCondition(call.where, whereAt, {
          chainId: ctx.chainId,
          callId: call.id,
          schemaOf: (ref) => (ref.root === call.id ? 'unknown-root' : ctx.checkReference(ref, whereAt, bound)),
          rootPresent: () => true,
        }),
      );
    }
    return out;
  },
};

function isListSchema(schema: JsonSchema, endsWithAll: boolean): boolean {
  if (endsWithAll) return true; // `[*]` already proved the list
  const type = schema.type;
  if (type === undefined) return schema.items !== undefined || Object.keys(schema).length === 0;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}
