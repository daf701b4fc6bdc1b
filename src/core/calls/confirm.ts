import { jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import type { CallBehaviour } from './behaviour.ts';
import { elementBindings } from './forEach.ts';

/**
 * `confirm: { ask, yes, no, yesRate }` (design §7): before the turn holding the call, the
 * assistant asks (a text message, no calls) and the user answers. Yes: the call runs. No: it
 * and the calls that need it do not run; a reply variant `{ "declined": id }` applies. A
 * fan-out asks once for the whole group. The question reads results (dependencies).
 */
export const confirmBehaviour: CallBehaviour = {
  key: 'confirm',
  applies: (call) => call.confirm !== undefined,
  reads: (call) => (call.confirm ? [{ value: call.confirm.ask, at: ['confirm', 'ask'] }] : []),
  binds: () => [],
  validate(call, ctx) {
    const out: Diagnostic[] = [];
    const extra = { chainId: ctx.chainId, callId: call.id };
    if (!call.confirm) {
      if (ctx.tool?.effect === 'destructive') {
        out.push(
          warning(
            'unconfirmed-destructive',
            ctx.callPath,
            `call "${call.id}" runs ${call.tool}, a destructive tool, without asking the user first: add "confirm" ({"ask", "yes", "no"}) so the data teaches the model to ask before it deletes`,
            extra,
          ),
        );
      }
      return out;
    }
    const bound = elementBindings(call, ctx);
    call.confirm.ask.forEach((t, i) => {
      // The question comes before the group's calls: it may name the list, not one element.
      ctx.checkTemplate(t, jsonPath(ctx.callPath, 'confirm', 'ask', i), call.forEach !== undefined ? new Map() : bound);
    });
    if (!ctx.replyNames('declined', call.id)) {
      out.push(
        warning(
          'unanswered-decline',
          jsonPath(ctx.callPath, 'confirm'),
          `the user may say no to "${call.id}", but no reply variant has "when": { "declined": "${call.id}" }: the reply would not say that nothing was done`,
          extra,
        ),
      );
    }
    return out;
  },
};
