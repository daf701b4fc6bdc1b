import type { Call } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { collectReferences } from '../refs/parse.ts';
import { jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import type { CallBehaviour } from './behaviour.ts';

/** The recovery of a failing call: "report" when none is given. */
export function recoverOf(call: Call): 'retry' | 'report' | 'retryWith' {
  const r = call.failure?.recover;
  if (r === undefined || r === 'report') return 'report';
  if (r === 'retry') return 'retry';
  return 'retryWith';
}

/**
 * `failure: { rate, error, recover }` (design §6): in `rate` of the examples the call's result
 * is an error. `retry` makes the same call again in the next turn, `retryWith` with other
 * arguments (it then succeeds); `report` makes no retry: the calls that need its result do not
 * run, and a reply variant `{ "failed": id }` tells the user. The retry's arguments read other
 * results (dependencies); inside `error`, the call's own id reads its arguments.
 */
export const failureBehaviour: CallBehaviour = {
  key: 'failure',
  applies: (call) => call.failure !== undefined,
  reads: (call) => {
    const r = call.failure?.recover;
    return isPlainObject(r) && isPlainObject(r.retryWith) ? [{ value: r.retryWith, at: ['failure', 'recover', 'retryWith'] }] : [];
  },
  binds: () => [],
  validate(call, ctx) {
    const out: Diagnostic[] = [];
    const failure = call.failure;
    if (!failure) return out;
    const extra = { chainId: ctx.chainId, callId: call.id };
    const at = jsonPath(ctx.callPath, 'failure');
    if (failure.error === undefined && !ctx.tool?.errors) {
      out.push(
        warning(
          'failure-without-error',
          at,
          `call "${call.id}" may fail but gives no "error" and its tool declares no "errors" schema: the error result will be a generic {"error": {"code", "message"}}`,
          extra,
        ),
      );
    }
    for (const { ref, at: where } of collectReferences(failure.error ?? null, ['failure', 'error'])) {
      if (ref.root === call.id) continue; // the call's own arguments
      ctx.checkReference(ref, jsonPath(ctx.callPath, ...where));
    }
    const recover = recoverOf(call);
    if (recover === 'retryWith') {
      const params = ctx.tool?.function.parameters;
      const known = params && isPlainObject(params.properties) ? Object.keys(params.properties) : undefined;
      const retryWith = (failure.recover as { retryWith: Record<string, unknown> }).retryWith;
      for (const name of Object.keys(retryWith)) {
        if (known && !known.includes(name))
          out.push(
            warning('unknown-arg', jsonPath(at, 'recover', 'retryWith', name), `${call.tool} has no parameter "${name}" (it has ${known.join(', ')})`, extra),
          );
      }
    }
    if (recover === 'report' && failure.rate > 0 && !ctx.replyNames('failed', call.id)) {
      out.push(
        warning(
          'unreported-failure',
          at,
          `call "${call.id}" may fail without a retry, but no reply variant has "when": { "failed": "${call.id}" }: the reply would not tell the user what failed`,
          extra,
        ),
      );
    }
    return out;
  },
};
