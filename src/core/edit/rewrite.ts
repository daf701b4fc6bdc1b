import type { Call, Chain, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { parseTemplate } from '../refs/parse.ts';
import type { Reference } from '../refs/types.ts';

/**
 * What to do with one reference: a string is the new text between the braces, null removes
 * the reference, undefined keeps it. `at` is where the template stands inside the value
 * (e.g. `['room_id']` for a top-level argument).
 */
export type RefRewrite = (ref: Reference, at: readonly (string | number)[]) => string | null | undefined;

/** Marks a value that is to be removed (an argument that was exactly a removed reference). */
export const REMOVED: unique symbol = Symbol('removed');

/** The template with its references rewritten (text, `{{`/`}}` escapes and bad braces kept as they are). */
export function rewriteTemplate(template: string, fn: RefRewrite, at: readonly (string | number)[] = []): string {
  if (!template.includes('{')) return template;
  let out = '';
  let from = 0;
  let changed = false;
  for (const part of parseTemplate(template).parts) {
    if (part.kind !== 'ref') continue;
    const next = fn(part.ref, at);
    if (next === undefined) continue;
    out += template.slice(from, part.ref.start) + (next === null ? '' : `{${next}}`);
    from = part.ref.end;
    changed = true;
  }
  return changed ? out + template.slice(from) : template;
}

/**
 * A JSON value with the references in its strings rewritten. A string that was exactly one
 * reference which is removed becomes REMOVED (dropped from its object or list); unchanged
 * parts keep their identity.
 */
export function rewriteValue(value: JsonValue, fn: RefRewrite, at: (string | number)[] = []): JsonValue | typeof REMOVED {
  if (typeof value === 'string') {
    const next = rewriteTemplate(value, fn, at);
    if (next === value) return value;
    if (next === '' && parseTemplate(value).whole) return REMOVED;
    return next;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out: JsonValue[] = [];
    value.forEach((item, i) => {
      const next = rewriteValue(item, fn, [...at, i]);
      if (next !== item) changed = true;
      if (next !== REMOVED) out.push(next);
    });
    return changed ? out : value;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const next = rewriteValue(item, fn, [...at, key]);
      if (next !== item) changed = true;
      if (next !== REMOVED) out[key] = next;
    }
    return changed ? out : value;
  }
  return value;
}

/**
 * A rewrite that renames but never removes: used inside conditions and `forEach`, whose
 * structure a removed reference would break (validation then names the reference instead).
 */
const renameOnly =
  (fn: RefRewrite): RefRewrite =>
  (ref, at) => {
    const next = fn(ref, at);
    return next === null ? undefined : next;
  };

/** The call keys whose values hold references besides `args` and `requests` (behaviours: calls/). */
const BEHAVIOUR_KEYS = ['forEach', 'where', 'when'] as const;

/** A call's arguments, requests, `forEach`, `where` and `when` with references rewritten; the same object when nothing changed. */
export function rewriteCall(call: Call, fn: RefRewrite): Call {
  const args = rewriteValue(call.args ?? {}, fn) as Call['args'] | typeof REMOVED;
  const requests = call.requests?.map((r, i) => rewriteTemplate(r, fn, ['requests', i]));
  const argsChanged = args !== (call.args ?? {}) && args !== REMOVED;
  const requestsChanged = requests !== undefined && requests.some((r, i) => r !== call.requests![i]);
  const behaviours: Partial<Record<(typeof BEHAVIOUR_KEYS)[number], JsonValue>> = {};
  for (const key of BEHAVIOUR_KEYS) {
    const value = call[key] as JsonValue | undefined;
    if (value === undefined) continue;
    const next = rewriteValue(value, renameOnly(fn), [key]);
    if (next !== value && next !== REMOVED) behaviours[key] = next;
  }
  const behavioursChanged = Object.keys(behaviours).length > 0;
  if (!argsChanged && !requestsChanged && !behavioursChanged) return call;
  const next: Call = { ...call, ...(behaviours as Partial<Call>) };
  if (argsChanged) next.args = args as Call['args'];
  if (requestsChanged) next.requests = requests;
  return next;
}

/** The reply with references rewritten (each variant's texts and condition); the same value when nothing changed. */
function rewriteReply(reply: Chain['reply'], fn: RefRewrite): Chain['reply'] {
  if (reply === undefined || typeof reply === 'string') return reply === undefined ? undefined : rewriteTemplate(reply, fn, ['reply']);
  let changed = false;
  const out = reply.map((variant, i) => {
    const next = { ...variant };
    if (variant.text !== undefined) next.text = rewriteTemplate(variant.text, fn, ['reply', i, 'text']);
    if (variant.texts !== undefined) next.texts = variant.texts.map((t, j) => rewriteTemplate(t, fn, ['reply', i, 'texts', j]));
    if (variant.when !== undefined) next.when = rewriteValue(variant.when as JsonValue, renameOnly(fn), ['reply', i, 'when']) as typeof variant.when;
    const same = next.text === variant.text && next.when === variant.when && (next.texts === undefined || next.texts.every((t, j) => t === variant.texts![j]));
    if (same) return variant;
    changed = true;
    return next;
  });
  return changed ? out : reply;
}

/**
 * Every template of a chain rewritten: call arguments and requests, the chain's requests and
 * reply. `after` entries are mapped by `after` (null drops the entry). Unchanged parts keep
 * their identity.
 */
export function rewriteChain(chain: Chain, fn: RefRewrite, after?: (id: string) => string | null): Chain {
  let callsChanged = false;
  const calls = chain.calls.map((call) => {
    let next = rewriteCall(call, fn);
    if (after && next.after) {
      const mapped = next.after.map(after).filter((a): a is string => a !== null);
      if (mapped.length !== next.after.length || mapped.some((a, i) => a !== next.after![i])) {
        next = { ...next };
        if (mapped.length) next.after = [...new Set(mapped)];
        else delete next.after;
      }
    }
    if (next !== call) callsChanged = true;
    return next;
  });
  const requests = chain.requests?.map((r, i) => rewriteTemplate(r, fn, ['requests', i]));
  const requestsChanged = requests !== undefined && requests.some((r, i) => r !== chain.requests![i]);
  const reply = rewriteReply(chain.reply, fn);
  const replyChanged = reply !== chain.reply;
  if (!callsChanged && !requestsChanged && !replyChanged) return chain;
  const next: Chain = { ...chain };
  if (callsChanged) next.calls = calls;
  if (requestsChanged) next.requests = requests;
  if (replyChanged) next.reply = reply;
  return next;
}

/** The reference text with another root: `rooms.rooms[0]` → `found.rooms[0]`. */
export function withRoot(ref: Reference, root: string): string {
  return root + ref.source.slice(ref.root.length);
}
