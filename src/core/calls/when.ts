import { DEFAULT_WHEN_RATE } from '../project/types.ts';
import { checkCondition } from '../conditions/check.ts';
import { conditionCallIds, conditionReferences } from '../conditions/references.ts';
import { error, jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import type { CallBehaviour } from './behaviour.ts';
import { elementName } from './forEach.ts';

/**
 * `when`: the call runs only in examples where the condition holds (design §4). Its
 * references are dependencies: the condition cannot be read before the results exist.
 */
export const whenBehaviour: CallBehaviour = {
  key: 'when',
  applies: (call) => call.when !== undefined,
  reads: (call) => (call.when === undefined ? [] : [{ value: call.when as never, at: ['when'] }]),
  binds: () => [],
  validate(call, ctx) {
    const out: Diagnostic[] = [];
    const extra = { chainId: ctx.chainId, callId: call.id };
    if (call.when === undefined) {
      if (call.whenRate !== undefined)
        out.push(
          warning('rate-without-when', jsonPath(ctx.callPath, 'whenRate'), `call "${call.id}" has a whenRate but no when: the rate steers nothing`, extra),
        );
      return out;
    }
    const at = jsonPath(ctx.callPath, 'when');
    for (const id of conditionCallIds(call.when)) {
      if (!ctx.callIds.has(id)) out.push(error('unknown-call', at, `the condition names "${id}", which is not a call of this chain`, extra));
      else if (id === call.id) out.push(error('self-reference', at, `the condition of "${call.id}" names the call itself`, extra));
    }
    // `when` decides once for the whole call, before a fan-out goes through its list: it cannot
    // read the element (that is `where`'s job). Every root it reads is there when it is read: the
    // call waits for each, and does not run when one did not.
    const element = call.forEach !== undefined ? elementName(call) : undefined;
    let readsElement = false;
    for (const { ref } of conditionReferences(call.when, [])) {
      if (ref.root === call.id) out.push(error('self-reference', at, `{${ref.source}}: a call's condition cannot read its own result`, extra));
      if (ref.root === element) {
        readsElement = true;
        out.push(
          error(
            'element-in-when',
            at,
            `{${ref.source}}: "when" decides once for the whole call, before the list is gone through, so it cannot read the element "${element}"; to choose elements, use "where"`,
            extra,
          ),
        );
      }
    }
    if (!readsElement) {
      out.push(
        ...checkCondition(call.when, at, {
          chainId: ctx.chainId,
          callId: call.id,
          schemaOf: (ref) => (ref.root === call.id ? 'unknown-root' : ctx.checkReference(ref, at)),
          rootPresent: () => true,
        }),
      );
    }
    const rate = call.whenRate ?? DEFAULT_WHEN_RATE;
    if (rate === 0) out.push(warning('when-rate-zero', jsonPath(ctx.callPath, 'whenRate'), `whenRate 0: "${call.id}" never runs in the data`, extra));
    return out;
  },
};
