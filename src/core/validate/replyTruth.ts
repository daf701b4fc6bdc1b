/**
 * `reply-contradicts-result` (an error): a reply text that can be drawn when a call did not do
 * its job (it failed and is not retried, or its result has a success flag pinned to false)
 * and that still says the call succeeded ("I sent the itinerary"). The reply's variants are
 * gone through in order as the generator does: a variant whose `when` cannot hold in that
 * situation (`{ "failed": "x" }` elsewhere, `{ "value": "{x.sent}", "eq": true }`) is skipped;
 * one that surely holds is the last that can be drawn.
 */
import type { Call, Chain, JsonValue, ToolDef } from '../project/types.ts';
import { isOneOfSlot, isPlainObject } from '../project/types.ts';
import { recoverOf } from '../calls/failure.ts';
import { isTestCondition, testOperators, type Condition } from '../conditions/types.ts';
import { parseTemplate } from '../refs/parse.ts';
import type { PathSegment } from '../refs/types.ts';
import { isSuccessFlag } from '../simulate/semantics.ts';
import { replyTemplates } from './reply.ts';
import { successClaim } from './claims.ts';
import { error, jsonPath, type Diagnostic } from './diagnostics.ts';

/** How a call may end without doing its job. */
type Situation = { kind: 'failed'; call: Call; rate: number } | { kind: 'flag'; call: Call; flag: string[]; source: string };

type Truth = 'yes' | 'no' | 'maybe';

const not = (t: Truth): Truth => (t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'maybe');

/** Whether a pinned value can be false: the literal, or a whole reference to a slot that can be false. */
function canBeFalse(value: unknown, slots: Chain['slots']): boolean {
  if (value === false) return true;
  if (typeof value !== 'string') return false;
  const whole = parseTemplate(value).whole;
  if (!whole || whole.path.length > 0 || !slots || !(whole.root in slots)) return false;
  const spec = slots[whole.root];
  return spec === false || (isOneOfSlot(spec) && spec.oneOf.includes(false));
}

/** The success flags a call's `result` pins to false (keys are result paths: `"booking.confirmed": false`). */
function pinnedFalse(result: unknown, slots: Chain['slots'], prefix: string[] = []): string[][] {
  if (!isPlainObject(result as JsonValue)) return [];
  const out: string[][] = [];
  for (const [key, value] of Object.entries(result as Record<string, unknown>)) {
    const path = [...prefix, ...key.split('.')];
    if (canBeFalse(value, slots) && isSuccessFlag(path[path.length - 1])) out.push(path);
    else if (isPlainObject(value as JsonValue) && !('calc' in (value as object))) out.push(...pinnedFalse(value, slots, path));
  }
  return out;
}

/** The success flags a tool's `returns` fixes to false (`const: false`, `enum: [false]`), outside lists. */
function schemaFalse(schema: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(schema as JsonValue)) return [];
  const props = (schema as { properties?: unknown }).properties;
  if (!isPlainObject(props as JsonValue)) return [];
  const out: string[][] = [];
  for (const [key, s] of Object.entries(props as Record<string, JsonValue>)) {
    if (!isPlainObject(s)) continue;
    const enumValues = Array.isArray(s.enum) ? s.enum : undefined;
    const alwaysFalse = s.const === false || (enumValues !== undefined && enumValues.length > 0 && enumValues.every((v) => v === false));
    if (alwaysFalse && isSuccessFlag(key)) out.push([...prefix, key]);
    else out.push(...schemaFalse(s, [...prefix, key]));
  }
  return out;
}

function situationsOf(call: Call, tool: ToolDef | undefined, slots: Chain['slots']): Situation[] {
  const out: Situation[] = [];
  const failure = call.failure;
  if (failure && typeof failure.rate === 'number' && failure.rate > 0 && recoverOf(call) === 'report') out.push({ kind: 'failed', call, rate: failure.rate });
  for (const flag of pinnedFalse(call.result, slots)) out.push({ kind: 'flag', call, flag, source: 'its result pins it' });
  for (const flag of schemaFalse(tool?.returns)) out.push({ kind: 'flag', call, flag, source: "its tool's returns schema fixes it" });
  return out;
}

function keysOf(path: readonly PathSegment[]): string[] | undefined {
  const keys: string[] = [];
  for (const s of path) {
    if (s.kind !== 'key') return undefined;
    keys.push(s.key);
  }
  return keys;
}

/** Whether a test on the value `false` holds (maybe when the operand is not a literal). */
function testOnFalse(cond: Record<string, unknown>): Truth {
  const [op] = testOperators(cond);
  const operand = cond[op];
  if (typeof operand === 'string' && operand.includes('{')) return 'maybe';
  switch (op) {
    case 'eq':
      return operand === false ? 'yes' : 'no';
    case 'ne':
      return operand === false ? 'no' : 'yes';
    case 'in':
      return Array.isArray(operand) ? (operand.includes(false) ? 'yes' : 'no') : 'maybe';
    case 'notIn':
      return Array.isArray(operand) ? (operand.includes(false) ? 'no' : 'yes') : 'maybe';
    case 'exists':
      return operand === true ? 'yes' : operand === false ? 'no' : 'maybe';
    default:
      return 'maybe';
  }
}

/** Whether `cond` holds in the situation: yes, no, or maybe (it depends on something else). */
export function holdsIn(cond: Condition, s: Situation): Truth {
  const c = cond as Record<string, unknown>;
  const id = s.call.id;
  if (Array.isArray(c.all)) {
    const parts = (c.all as Condition[]).map((x) => holdsIn(x, s));
    return parts.includes('no') ? 'no' : parts.every((p) => p === 'yes') ? 'yes' : 'maybe';
  }
  if (Array.isArray(c.any)) {
    const parts = (c.any as Condition[]).map((x) => holdsIn(x, s));
    return parts.includes('yes') ? 'yes' : parts.length > 0 && parts.every((p) => p === 'no') ? 'no' : 'maybe';
  }
  if (c.not !== undefined && isPlainObject(c.not as JsonValue)) return not(holdsIn(c.not as Condition, s));
  if (c.ran === id) return 'yes';
  if (c.failed === id) return s.kind === 'failed' ? 'yes' : 'no';
  if (c.declined === id) return 'no';
  if (isTestCondition(cond) && typeof c.value === 'string') {
    const whole = parseTemplate(c.value).whole;
    if (whole && whole.root === id) {
      const keys = keysOf(whole.path);
      if (s.kind === 'failed') {
        // A failed call's result is its error: a path into the tool's result is not there.
        if (whole.path.length > 0) {
          const [op] = testOperators(c);
          return op === 'exists' && c.exists === false ? 'yes' : 'no';
        }
        return 'maybe';
      }
      if (keys && keys.join('.') === s.flag.join('.')) return testOnFalse(c);
    }
  }
  return 'maybe';
}

/** The reply text without its references (a field named `sent` in `{x.sent}` is no claim). */
function wordsOf(template: string): string {
  return parseTemplate(template)
    .parts.map((p) => (p.kind === 'text' ? p.text : ' … '))
    .join('');
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** The `reply-contradicts-result` errors of one chain (`path`: the chain's JSON path). */
export function replyTruthDiagnostics(chain: Chain, path: string, tools: ReadonlyMap<string, ToolDef>): Diagnostic[] {
  if (chain.reply === undefined) return [];
  const out: Diagnostic[] = [];
  const templates = replyTemplates(chain);
  const reported = new Set<string>();
  for (const call of chain.calls) {
    for (const s of situationsOf(call, tools.get(call.tool), chain.slots)) {
      // The variants in order: the first that surely holds ends the list.
      let variant = -1;
      let stop = false;
      for (const t of templates) {
        const index = typeof t.at[1] === 'number' ? t.at[1] : 0;
        if (stop && index !== variant) break;
        const truth: Truth = t.when === undefined ? 'yes' : holdsIn(t.when, s);
        variant = index;
        if (truth === 'no') continue;
        if (truth === 'yes') stop = true;
        const claim = successClaim(wordsOf(t.template), call.tool);
        if (!claim) continue;
        const at = jsonPath(path, ...t.at);
        const key = `${at} ${call.id}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const which = typeof chain.reply === 'string' ? 'the reply' : `reply variant ${index}`;
        const why =
          s.kind === 'failed'
            ? `"${call.id}" (${call.tool}) fails in ${Math.round(s.rate * 100)} % of the examples and is not retried, and this text can be drawn then`
            : `"${call.id}" (${call.tool}) can return ${s.flag.join('.')}: false (${s.source}), and this text can be drawn then`;
        const fix =
          s.kind === 'failed'
            ? `add a variant before it with "when": { "failed": "${call.id}" } that says what failed, or retry the call (recover "retry")`
            : `guard it with "when": { "value": "{${call.id}.${s.flag.join('.')}}", "eq": true } and add a variant that says it did not happen`;
        out.push(
          error('reply-contradicts-result', at, `${which} says "${claim}" ("${quote(t.template)}") but ${why}: ${fix}`, { chainId: chain.id, callId: call.id }),
        );
      }
    }
  }
  return out;
}
