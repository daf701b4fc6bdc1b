import type { Call, Chain, ConfirmSpec, FailureSpec, JsonValue, Project, ReplyVariant } from '../project/types.ts';
import { DEFAULT_FOR_EACH_AS, isPlainObject } from '../project/types.ts';
import type { Condition } from '../conditions/types.ts';
import { checkConditionShape } from '../conditions/shape.ts';
import { findForbiddenKeys } from '../project/shape.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { findCycle } from '../graph/cycles.ts';
import { formatReference, parseTemplate } from '../refs/parse.ts';
import { findChain, findTool, noCall, noChain, replaceCall, replaceChain } from './access.ts';
import { fieldPathSegments, resultFields } from './fields.ts';
import { rewriteValue, withRoot, type RefRewrite } from './rewrite.ts';
import { edited, refused, SLOT_NAME_PATTERN, type EditResult } from './types.ts';
import type { ConnectionSource } from './connect.ts';

/**
 * Editing a call's behaviours (project format §12–§14, design §6–§7): fan-out (`forEach`,
 * `as`, `where`), conditions (`when`, `whenRate`), failures and confirmations, and the
 * chain's reply variants. Pure, as every edit: a new project or a refusal that says why;
 * nothing that would not read back as a project file is ever written.
 */

/** The call keys a behaviour edit may set. */
export const BEHAVIOUR_KEYS = ['forEach', 'as', 'where', 'when', 'whenRate', 'failure', 'confirm'] as const;
export type BehaviourKey = (typeof BEHAVIOUR_KEYS)[number];

/** What to change: a key present with a value sets it, present with `undefined` removes it, absent leaves it. */
export type BehaviourPatch = { [K in BehaviourKey]?: Call[K] | undefined };

const hasOwn = Object.prototype.hasOwnProperty;

/** A share rounded to a thousandth (a slider's 0.30000000000000004 is written 0.3). */
const share = (r: number) => Math.round(r * 1000) / 1000;
const isShare = (r: unknown): r is number => typeof r === 'number' && Number.isFinite(r) && r >= 0 && r <= 1;
const isPhrasings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string');

/** Why a condition cannot be written (the shape check's first message), or null. */
export function conditionProblem(cond: unknown, what: string): string | null {
  const found = checkConditionShape(cond, '$');
  return found.length ? `${what}: ${found[0].message}` : null;
}

/** Why `forEach` text cannot be written, or null: one whole reference in braces. */
export function forEachProblem(forEach: string): string | null {
  if (!/^\{[^{}]+\}$/.test(forEach) || !parseTemplate(forEach).whole)
    return `"forEach" must be one whole reference to a list, e.g. "{tasks.tasks[*]}", not "${forEach}"`;
  return null;
}

function failureProblem(f: FailureSpec): string | null {
  if (!isPlainObject(f)) return 'a failure is {"rate", "error", "recover"}';
  if (!isShare(f.rate)) return 'the failure rate is a share between 0 and 1';
  const r = f.recover;
  if (r !== undefined && r !== 'retry' && r !== 'report' && !(isPlainObject(r) && isPlainObject(r.retryWith) && Object.keys(r).length === 1)) {
    return 'recover is "retry", "report" or {"retryWith": {…arguments}}';
  }
  const forbidden = findForbiddenKeys(f, '$.failure');
  return forbidden.length ? forbidden[0].message : null;
}

function confirmProblem(c: ConfirmSpec): string | null {
  if (!isPlainObject(c)) return 'a confirmation is {"ask", "yes", "no", "yesRate"}';
  for (const key of ['ask', 'yes', 'no'] as const) if (!isPhrasings(c[key])) return `the confirmation needs at least one phrasing in "${key}"`;
  if (c.yesRate !== undefined && !isShare(c.yesRate)) return 'yesRate is a share between 0 and 1';
  return null;
}

/** The first cycle among the chain's calls, or null. */
function cycleOf(chain: Chain): string[] | null {
  const succ = new Map<string, string[]>();
  for (const d of chainDependencies(chain)) succ.set(d.from, [...(succ.get(d.from) ?? []), d.to]);
  return findCycle(
    chain.calls.map((c) => c.id),
    (id) => succ.get(id) ?? [],
  );
}

/** Rewrites references rooted at the element name `from` to `to` in what the element is bound in: args, where, a failure's error and retry. */
function renameElement(call: Call, from: string, to: string): Call {
  const fn: RefRewrite = (ref) => (ref.root === from ? withRoot(ref, to) : undefined);
  const next: Call = { ...call };
  next.args = rewriteValue(call.args ?? {}, fn) as Call['args'];
  if (call.where !== undefined) next.where = rewriteValue(call.where as JsonValue, fn) as Condition;
  if (call.failure) next.failure = rewriteValue(call.failure as unknown as JsonValue, fn) as unknown as FailureSpec;
  return next;
}

/**
 * Sets or removes a call's behaviours in one step. Removing `forEach` removes `as` and
 * `where` (they mean nothing without it); removing `when` removes `whenRate`. A new element
 * name (`as`) renames the element in the call's arguments, filter and failure. Refused: a
 * malformed value, an element name that clashes with a slot or a call, and a change that
 * would close a cycle (a `forEach` or condition that reads a call waiting for this one).
 */
export function setCallBehaviour(project: Project, chainId: string, callId: string, patch: BehaviourPatch): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const call = chain.calls.find((c) => c.id === callId);
  if (!call) return refused(noCall(chainId, callId));
  const has = (k: BehaviourKey) => hasOwn.call(patch, k);
  let next: Call = { ...call };

  if (has('forEach')) {
    const f = patch.forEach;
    if (f === undefined) {
      delete next.forEach;
      if (!has('as')) delete next.as;
      if (!has('where')) delete next.where;
    } else {
      if (typeof f !== 'string') return refused('"forEach" is a reference text');
      const problem = forEachProblem(f);
      if (problem) return refused(problem);
      next.forEach = f;
    }
  }
  if (has('as')) {
    const a = patch.as;
    if (a === undefined || a === DEFAULT_FOR_EACH_AS) {
      const before = call.forEach !== undefined ? (call.as ?? DEFAULT_FOR_EACH_AS) : null;
      delete next.as;
      if (before !== null && before !== DEFAULT_FOR_EACH_AS && next.forEach !== undefined) next = renameElement(next, before, DEFAULT_FOR_EACH_AS);
      if (a === DEFAULT_FOR_EACH_AS && next.forEach === undefined) return refused('an element name needs "forEach"');
    } else {
      if (typeof a !== 'string' || !SLOT_NAME_PATTERN.test(a)) return refused(`"${String(a)}" is not an element name: use letters, digits, "_", "$" and "-"`);
      if (hasOwn.call(chain.slots ?? {}, a)) return refused(`"${a}" is a slot of this chain: the element needs a name of its own`);
      if (chain.calls.some((c) => c.id === a)) return refused(`"${a}" is a call of this chain: the element needs a name of its own`);
      if (next.forEach === undefined) return refused('an element name needs "forEach": choose the list first');
      const before = call.forEach !== undefined ? (call.as ?? DEFAULT_FOR_EACH_AS) : null;
      next.as = a;
      if (before !== null && before !== a) next = renameElement(next, before, a);
    }
  }
  if (has('where')) {
    if (patch.where === undefined) delete next.where;
    else {
      const problem = conditionProblem(patch.where, 'the filter');
      if (problem) return refused(problem);
      if (next.forEach === undefined) return refused('a filter ("where") needs "forEach": use a condition ("when") for the whole call');
      next.where = patch.where;
    }
  }
  if (has('when')) {
    if (patch.when === undefined) {
      delete next.when;
      if (!has('whenRate')) delete next.whenRate;
    } else {
      const problem = conditionProblem(patch.when, 'the condition');
      if (problem) return refused(problem);
      next.when = patch.when;
    }
  }
  if (has('whenRate')) {
    const r = patch.whenRate;
    if (r === undefined) delete next.whenRate;
    else if (!isShare(r)) return refused('whenRate is a share between 0 and 1');
    else next.whenRate = share(r);
  }
  if (has('failure')) {
    const f = patch.failure;
    if (f === undefined) delete next.failure;
    else {
      const problem = failureProblem(f);
      if (problem) return refused(problem);
      next.failure = { ...f, rate: share(f.rate) };
    }
  }
  if (has('confirm')) {
    const c = patch.confirm;
    if (c === undefined) delete next.confirm;
    else {
      const problem = confirmProblem(c);
      if (problem) return refused(problem);
      next.confirm = c.yesRate === undefined ? { ...c } : { ...c, yesRate: share(c.yesRate) };
    }
  }

  const nextChain = replaceCall(chain, callId, next);
  if (!cycleOf(chain)) {
    const cycle = cycleOf(nextChain);
    if (cycle) return refused(`this would close the cycle ${[...cycle, cycle[0]].join(' → ')}`, cycle);
  }
  return edited(replaceChain(project, chainId, nextChain));
}

/** A word's singular, for an element name: `tasks` → `task`, `entries` → `entry`, `addresses` → `address`. */
export function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word) && word.length > 2) return word.slice(0, -1);
  return word;
}

/** The element name a fan-out over `reference` would get: the list's name in the singular, unless that clashes. */
export function elementNameFor(chain: Chain, reference: string): string {
  const whole = parseTemplate(reference).whole;
  const keys = whole ? whole.path.filter((s) => s.kind === 'key').map((s) => (s.kind === 'key' ? s.key : '')) : [];
  const last = keys.length ? keys[keys.length - 1] : (whole?.root ?? '');
  let base = singular(last);
  if (base === last || !SLOT_NAME_PATTERN.test(base)) base = DEFAULT_FOR_EACH_AS;
  const taken = new Set([...chain.calls.map((c) => c.id), ...Object.keys(chain.slots ?? {})]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/**
 * A fan-out from a list field dropped on a call (the canvas): `target` runs once for each
 * element of `source`'s list (`{tasks.tasks[*]}`), its element named after the list
 * (`task`). Refused for a field that is not a list, the call itself, and a cycle.
 */
export function setForEachFrom(project: Project, chainId: string, source: ConnectionSource, targetId: string): EditResult<{ forEach: string }> {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const from = chain.calls.find((c) => c.id === source.callId);
  const to = chain.calls.find((c) => c.id === targetId);
  if (!from) return refused(noCall(chainId, source.callId));
  if (!to) return refused(noCall(chainId, targetId));
  if (from.id === to.id) return refused(`a call cannot run once for each of its own results (${from.id})`, [from.id]);
  const segments = fieldPathSegments(source.field);
  if (!segments) return refused(`"${source.field}" is not a result field path`);
  const tool = findTool(project, from.tool);
  const field = tool ? resultFields(tool).find((f) => f.path === source.field) : undefined;
  const isFanOut = from.forEach !== undefined && segments.length === 0;
  if (!isFanOut && !field?.isList) return refused(`${from.id}.${source.field} is not a list: a call runs once for each element of a list`);
  const forEach = formatReference(from.id, [...segments, { kind: 'all' }]);
  const patch: BehaviourPatch = { forEach };
  if (to.forEach === undefined || to.as === undefined) patch.as = elementNameFor(chain, forEach);
  const r = setCallBehaviour(project, chainId, targetId, patch);
  return r.ok ? edited(r.project, r.warnings, { forEach }) : r;
}

/** Why a list of reply variants cannot be written, or null. */
export function replyVariantsProblem(variants: readonly ReplyVariant[]): string | null {
  if (variants.length === 0) return 'a list of reply variants needs at least one variant';
  for (const [i, v] of variants.entries()) {
    const n = i + 1;
    if (!isPlainObject(v)) return `variant ${n} is not an object`;
    const hasText = v.text !== undefined;
    const hasTexts = v.texts !== undefined;
    if (hasText === hasTexts) return `variant ${n} needs "text" or "texts", not ${hasText ? 'both' : 'neither'}`;
    if (hasText && typeof v.text !== 'string') return `variant ${n}: "text" is a template`;
    if (hasTexts && !isPhrasings(v.texts)) return `variant ${n} needs at least one phrasing`;
    if (v.when !== undefined) {
      const problem = conditionProblem(v.when, `variant ${n}'s condition`);
      if (problem) return problem;
    }
  }
  return null;
}

/** The chain's reply as variants (undefined: no reply, the summary is used). */
export function setReplyVariants(project: Project, chainId: string, variants: readonly ReplyVariant[] | undefined): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const next: Chain = { ...chain };
  if (variants === undefined) delete next.reply;
  else {
    const problem = replyVariantsProblem(variants);
    if (problem) return refused(problem);
    next.reply = variants.map((v) => ({ ...v }));
  }
  return edited(replaceChain(project, chainId, next));
}

/** A variant's phrasings, one or several. */
export function variantTexts(v: ReplyVariant): string[] {
  return v.texts ?? (v.text !== undefined ? [v.text] : []);
}

/** A variant with these phrasings: one is `text`, several `texts` (other keys kept). */
export function withTexts(v: ReplyVariant, texts: readonly string[]): ReplyVariant {
  const next: ReplyVariant = { ...v };
  delete next.text;
  delete next.texts;
  if (texts.length === 1) next.text = texts[0];
  else next.texts = [...texts];
  return next;
}

/** A plain reply as one variant (the summary sentence when there is none). */
export function replyAsVariants(reply: Chain['reply'], fallback = 'Done.'): ReplyVariant[] {
  if (Array.isArray(reply)) return reply;
  return [{ text: reply === undefined || reply.trim() === '' ? fallback : reply }];
}

/** The list with item `from` moved to `to` (both clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const at = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || at === from) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(at, 0, item);
  return out;
}
