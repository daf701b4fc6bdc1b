import type { Call, JsonSchema, JsonValue, SlotSpec, ToolDef } from '../project/types.ts';
import { isFakeSlot, isIntSlot, isOneOfSlot, isPlainObject } from '../project/types.ts';
import { parseReference, parseTemplate } from '../refs/parse.ts';
import { schemaAtPath, schemaTypes, typesCompatible } from '../refs/schemaPath.ts';
import type { PathSegment, Reference } from '../refs/types.ts';
import { compileCheck } from '../simulate/conforms.ts';
import { compileValue, UNRESOLVED, type Compiled, type Scope } from '../generate/compiled.ts';
import { error, jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import type { BehaviourCheckContext, CallBehaviour } from './behaviour.ts';

/**
 * `result` (design §8): a call pins parts of its simulated result, so that the data agrees
 * with the request, the arguments and the other results. Keys are result paths (`total`,
 * `booking.status`, `rooms[0].price`); values are literals, templates (a whole-string
 * reference keeps its type: `"{find.rooms[0].room_id}"`), or `{ "calc": "…" }`: `+ - * /`,
 * parentheses, numbers and whole references, rounded to the field's `multipleOf` (an integer
 * field to whole numbers; otherwise 2 decimals). A calc value outside the field's bounds, or
 * not a multiple by the validators' rule, makes the generator draw the example again. What a pin reads is a dependency: the call
 * waits for the results it names. Pinned values are what later references and the reply see.
 */

/** A `{ "calc": "…" }` pin value. */
export function isCalc(value: unknown): value is { calc: string } {
  return isPlainObject(value) && Object.keys(value).length === 1 && typeof value.calc === 'string';
}

/** A pin's key as a path into the result: `booking.status` → [booking, status]; only keys and `[n]`. */
export function parsePinPath(key: string): { ok: true; path: PathSegment[] } | { ok: false; message: string } {
  const parsed = parseReference(key);
  if (typeof parsed === 'string') return { ok: false, message: `"${key}" is not a result path: ${parsed}` };
  const path: PathSegment[] = [{ kind: 'key', key: parsed.root }, ...parsed.path];
  for (const s of path) {
    if (s.kind !== 'key' && s.kind !== 'index') {
      return {
        ok: false,
        message: `"${key}" is not a result path: a pin names one field, with field names and [n] only (no [*], [min:…], [max:…] or .length)`,
      };
    }
  }
  return { ok: true, path };
}

// ---------------------------------------------------------------------------------------------
// calc: + - * / ( ) numbers and {references}

export type CalcNode =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; ref: Omit<Reference, 'start' | 'end'> }
  | { kind: 'neg'; a: CalcNode }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; a: CalcNode; b: CalcNode };

/** Parses a calc expression; the message says where it went wrong. */
export function parseCalc(text: string): { ok: true; node: CalcNode; refs: Omit<Reference, 'start' | 'end'>[] } | { ok: false; message: string } {
  let i = 0;
  const refs: Omit<Reference, 'start' | 'end'>[] = [];
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) i += 1;
  };
  const fail = (what: string): never => {
    throw new CalcSyntax(i >= text.length ? `${what} at the end` : `${what} at "${text.slice(i, i + 12)}" (position ${i + 1})`);
  };
  const factor = (): CalcNode => {
    skip();
    const ch = text[i];
    if (ch === '(') {
      i += 1;
      const inner = sum();
      skip();
      if (text[i] !== ')') fail('expected ")"');
      i += 1;
      return inner;
    }
    if (ch === '-') {
      i += 1;
      return { kind: 'neg', a: factor() };
    }
    if (ch === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) fail('a "{" that is never closed');
      const parsed = parseReference(text.slice(i + 1, close));
      if (typeof parsed === 'string') fail(`{${text.slice(i + 1, close)}}: ${parsed}`);
      i = close + 1;
      refs.push(parsed as Omit<Reference, 'start' | 'end'>);
      return { kind: 'ref', ref: parsed as Omit<Reference, 'start' | 'end'> };
    }
    const m = /^(\d+(\.\d+)?|\.\d+)/.exec(text.slice(i));
    if (!m) return fail('expected a number, a {reference} or "("');
    i += m[0].length;
    return { kind: 'num', value: Number(m[0]) };
  };
  const product = (): CalcNode => {
    let a = factor();
    for (;;) {
      skip();
      const op = text[i];
      if (op !== '*' && op !== '/') return a;
      i += 1;
      a = { kind: 'op', op, a, b: factor() };
    }
  };
  const sum = (): CalcNode => {
    let a = product();
    for (;;) {
      skip();
      const op = text[i];
      if (op !== '+' && op !== '-') return a;
      i += 1;
      a = { kind: 'op', op, a, b: product() };
    }
  };
  try {
    const node = sum();
    skip();
    if (i < text.length) fail('expected an operator (+ - * /)');
    return { ok: true, node, refs };
  } catch (e) {
    if (e instanceof CalcSyntax) return { ok: false, message: e.message };
    throw e;
  }
}

class CalcSyntax {
  constructor(readonly message: string) {}
}

/** A calc's value, or what went wrong (a reference that is absent or not a number, a division by zero). */
export function evalCalc(node: CalcNode, value: (ref: Omit<Reference, 'start' | 'end'>) => JsonValue | typeof UNRESOLVED): number | { problem: string } {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'ref': {
      const v = value(node.ref);
      if (v === UNRESOLVED) return { problem: `{${node.ref.source}} has no value` };
      if (typeof v !== 'number' || !Number.isFinite(v)) return { problem: `{${node.ref.source}} is ${JSON.stringify(v)}, not a number` };
      return v;
    }
    case 'neg': {
      const a = evalCalc(node.a, value);
      return typeof a === 'number' ? -a : a;
    }
    case 'op': {
      const a = evalCalc(node.a, value);
      if (typeof a !== 'number') return a;
      const b = evalCalc(node.b, value);
      if (typeof b !== 'number') return b;
      if (node.op === '+') return a + b;
      if (node.op === '-') return a - b;
      if (node.op === '*') return a * b;
      if (b === 0) return { problem: `division by zero: ${formatCalc(node.b)} is 0` };
      return a / b;
    }
  }
}

function formatCalc(node: CalcNode): string {
  if (node.kind === 'num') return String(node.value);
  if (node.kind === 'ref') return `{${node.ref.source}}`;
  if (node.kind === 'neg') return `-${formatCalc(node.a)}`;
  return `(${formatCalc(node.a)} ${node.op} ${formatCalc(node.b)})`;
}

/** The step a calc's value is rounded to: the field's `multipleOf`, 1 for an integer field, else 0.01. */
export function calcStep(field: JsonSchema | undefined): number {
  if (field && typeof field.multipleOf === 'number' && field.multipleOf > 0) return field.multipleOf;
  if (field && schemaTypes(field).has('integer') && !schemaTypes(field).has('number')) return 1;
  return 0.01;
}

function decimalsOf(step: number): number {
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Math.min(20, Number(exp[1]) + (text.split('e')[0].split('.')[1]?.length ?? 0));
  return Math.min(20, text.split('.')[1]?.length ?? 0);
}

/** `value` rounded to a multiple of `step`, without float noise (`98.46`, not `98.46000000000001`). */
export function roundToStep(value: number, step: number): number {
  const n = Math.round(value / step) * step;
  const rounded = Number(n.toFixed(decimalsOf(step)));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Why a number does not fit the field's bounds, or undefined when it does. */
export function outOfBounds(value: number, field: JsonSchema | undefined): string | undefined {
  if (!field) return undefined;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = field;
  if (typeof minimum === 'number' && value < minimum) return `${value} is below the field's minimum ${minimum}`;
  if (typeof maximum === 'number' && value > maximum) return `${value} is above the field's maximum ${maximum}`;
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return `${value} is not above the field's exclusiveMinimum ${exclusiveMinimum}`;
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return `${value} is not below the field's exclusiveMaximum ${exclusiveMaximum}`;
  return undefined;
}

/**
 * Why a rounded value is not a multiple of the field's `multipleOf` as JSON Schema validators
 * compute it (`value / multipleOf` an integer in floating point: 903.21 / 0.01 is not), or
 * undefined. Such a value is not nudged (the pin would stop telling the truth): the example
 * is drawn again.
 */
function notMultiple(value: number, field: JsonSchema | undefined): string | undefined {
  const m = field?.multipleOf;
  if (typeof m !== 'number' || m <= 0) return undefined;
  return Number.isInteger(value / m)
    ? undefined
    : `${value} / ${m} is not a whole number in floating point, so validators would reject it as a multiple of ${m}`;
}

// ---------------------------------------------------------------------------------------------
// Ranges, for the check: which values a calc can take when every number it reads is bounded.

type Range = { lo: number; hi: number } | undefined;

function rangeOfSchema(schema: JsonSchema | undefined): Range {
  if (!schema) return undefined;
  if (typeof schema.const === 'number') return { lo: schema.const, hi: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length && schema.enum.every((v) => typeof v === 'number')) {
    const vs = schema.enum as number[];
    return { lo: Math.min(...vs), hi: Math.max(...vs) };
  }
  const lo = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const hi = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  return lo !== undefined && hi !== undefined ? { lo, hi } : undefined;
}

function rangeOf(node: CalcNode, refRange: (ref: Omit<Reference, 'start' | 'end'>) => Range): Range {
  switch (node.kind) {
    case 'num':
      return { lo: node.value, hi: node.value };
    case 'ref':
      return refRange(node.ref);
    case 'neg': {
      const a = rangeOf(node.a, refRange);
      return a && { lo: -a.hi, hi: -a.lo };
    }
    case 'op': {
      const a = rangeOf(node.a, refRange);
      const b = rangeOf(node.b, refRange);
      if (!a || !b) return undefined;
      if (node.op === '+') return { lo: a.lo + b.lo, hi: a.hi + b.hi };
      if (node.op === '-') return { lo: a.lo - b.hi, hi: a.hi - b.lo };
      if (node.op === '/' && b.lo <= 0 && b.hi >= 0) return undefined;
      const f = node.op === '*' ? (x: number, y: number) => x * y : (x: number, y: number) => x / y;
      const xs = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
      return { lo: Math.min(...xs), hi: Math.max(...xs) };
    }
  }
}

/** The numbers a slot gives: `{ "int": [2, 7] }`, a `oneOf` of numbers, a number; unknown for a fake. */
function slotRange(spec: SlotSpec | undefined): Range | 'not-a-number' {
  if (spec === undefined) return undefined;
  if (isIntSlot(spec)) return { lo: Math.min(...spec.int), hi: Math.max(...spec.int) };
  if (isOneOfSlot(spec)) {
    if (!spec.oneOf.every((v) => typeof v === 'number')) return 'not-a-number';
    const vs = spec.oneOf as number[];
    return vs.length ? { lo: Math.min(...vs), hi: Math.max(...vs) } : undefined;
  }
  if (isFakeSlot(spec)) return undefined;
  return typeof spec === 'number' ? { lo: spec, hi: spec } : 'not-a-number';
}

/** Divisors in a calc whose range holds 0 (or that are 0). */
function divisors(node: CalcNode, out: CalcNode[] = []): CalcNode[] {
  if (node.kind === 'neg') divisors(node.a, out);
  if (node.kind === 'op') {
    if (node.op === '/') out.push(node.b);
    divisors(node.a, out);
    divisors(node.b, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The behaviour: reads, checks.

/** The pins of a call, as written (an empty object when it has none). */
function pinsOf(call: Call): { [path: string]: JsonValue } {
  return isPlainObject(call.result) ? (call.result as { [path: string]: JsonValue }) : {};
}

export const resultBehaviour: CallBehaviour = {
  key: 'result',
  applies: (call) => isPlainObject(call.result),
  reads: (call) => Object.entries(pinsOf(call)).map(([key, value]) => ({ value: isCalc(value) ? value.calc : value, at: ['result', key] })),
  binds: () => [],
  validate: (call, ctx) => checkPins(call, ctx),
};

function checkPins(call: Call, ctx: BehaviourCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pins = pinsOf(call);
  const keys = Object.keys(pins);
  if (keys.length === 0) return out;
  const extra = { chainId: ctx.chainId, callId: call.id };
  const returns = ctx.tool?.returns;
  if (ctx.tool && !returns) {
    out.push(
      error(
        'pin-without-returns',
        jsonPath(ctx.callPath, 'result'),
        `call "${call.id}" pins parts of its result, but ${ctx.tool.function.name} has no "returns" schema: add one that describes the pinned fields`,
        extra,
      ),
    );
    return out;
  }
  const bound = new Map<string, JsonSchema | undefined>();
  if (call.forEach !== undefined) bound.set(call.as ?? 'item', ctx.elementSchema(call.forEach, jsonPath(ctx.callPath, 'forEach')));
  const element = call.forEach !== undefined ? (call.as ?? 'item') : undefined;
  const paths: PathSegment[][] = [];
  for (const key of keys) {
    const at = jsonPath(ctx.callPath, 'result', key);
    const where = `call "${call.id}", result pin "${key}"`;
    const parsed = parsePinPath(key);
    if (!parsed.ok) {
      out.push(error('pin-bad-path', at, `${where}: ${parsed.message}`, extra));
      continue;
    }
    paths.push(parsed.path);
    let field: JsonSchema | undefined;
    if (returns) {
      const reached = schemaAtPath(returns, parsed.path);
      if (!reached.ok) {
        out.push(error('pin-unknown-field', at, `${where}: the result of ${call.tool} has no such field: ${reached.message}`, extra));
        continue;
      }
      field = reached.schema;
    }
    const value = pins[key];
    const selfRef = (ref: { root: string; source: string }) => {
      if (ref.root !== call.id) return false;
      out.push(
        error(
          'self-reference',
          at,
          `${where}: {${ref.source}} reads the call's own result, which is what the pin makes; read the value it comes from instead`,
          extra,
        ),
      );
      return true;
    };
    if (isCalc(value)) {
      const calc = parseCalc(value.calc);
      if (!calc.ok) {
        out.push(error('pin-calc', at, `${where}: the calc "${value.calc}" cannot be read: ${calc.message}`, extra));
        continue;
      }
      const types = field ? schemaTypes(field, returns) : new Set<string>();
      if (types.size > 0 && !types.has('number') && !types.has('integer')) {
        out.push(error('pin-type', at, `${where}: a calc gives a number, but the field is ${[...types].join(' or ')}`, extra));
        continue;
      }
      const ranges = new Map<string, Range>();
      let known = true;
      for (const ref of calc.refs) {
        if (selfRef(ref)) {
          known = false;
          continue;
        }
        const schema = ctx.checkReference({ ...ref, start: 0, end: 0 }, at, bound);
        if (!ctx.slotNames.has(ref.root) && ref.root !== element && !ctx.callIds.has(ref.root)) {
          known = false;
          continue;
        }
        if (ctx.slotNames.has(ref.root) && ref.root !== element) {
          const slot = ref.path.length === 0 && ctx.slotSpec ? slotRange(ctx.slotSpec(ref.root)) : undefined;
          if (slot === 'not-a-number') {
            out.push(error('pin-calc', at, `${where}: the slot {${ref.source}} does not always give a number, so "${value.calc}" cannot be computed`, extra));
            known = false;
          } else ranges.set(ref.source, slot);
          continue;
        }
        if (schema) {
          const refTypes = schemaTypes(schema);
          if (refTypes.size > 0 && !refTypes.has('number') && !refTypes.has('integer')) {
            out.push(
              error('pin-calc', at, `${where}: {${ref.source}} is ${[...refTypes].join(' or ')}, not a number, so "${value.calc}" cannot be computed`, extra),
            );
            known = false;
          }
        }
        ranges.set(ref.source, rangeOfSchema(schema));
      }
      if (!known) continue;
      for (const d of divisors(calc.node)) {
        const r = rangeOf(d, (ref) => ranges.get(ref.source));
        if (r && r.lo === 0 && r.hi === 0)
          out.push(error('pin-division-by-zero', at, `${where}: "${value.calc}" divides by ${formatCalc(d)}, which is always 0`, extra));
        else if (r && r.lo <= 0 && r.hi >= 0)
          out.push(
            warning(
              'pin-division-by-zero',
              at,
              `${where}: "${value.calc}" divides by ${formatCalc(d)}, which may be 0 (from ${r.lo} to ${r.hi}); such examples are drawn again`,
              extra,
            ),
          );
      }
      const range = rangeOf(calc.node, (ref) => ranges.get(ref.source));
      if (range && field) {
        const step = calcStep(field);
        const lo = roundToStep(range.lo, step);
        const hi = roundToStep(range.hi, step);
        const low = outOfBounds(lo, field);
        const high = outOfBounds(hi, field);
        if (low && high && (hi < lowerBound(field) || lo > upperBound(field))) {
          out.push(
            error('pin-out-of-bounds', at, `${where}: "${value.calc}" gives ${lo} to ${hi}, never inside the field's bounds (${boundsText(field)})`, extra),
          );
        } else if (low || high) {
          out.push(
            warning(
              'pin-out-of-bounds',
              at,
              `${where}: "${value.calc}" gives ${lo} to ${hi}, which may fall outside the field's bounds (${boundsText(field)}); such examples are drawn again`,
              extra,
            ),
          );
        }
      }
      continue;
    }
    const refs = typeof value === 'string' ? parseTemplate(value) : undefined;
    if (refs) {
      for (const e of refs.errors) out.push(error('bad-reference', at, `${where}: ${e.message}`, extra));
      if (refs.errors.length) continue;
      let self = false;
      for (const part of refs.parts) if (part.kind === 'ref') self = selfRef(part.ref) || self;
      if (self) continue;
      if (refs.whole) {
        const schema = ctx.checkReference(refs.whole, at, bound);
        if (schema && field && !typesCompatible(schema, field, schema, returns)) {
          out.push(
            error(
              'pin-type',
              at,
              `${where}: {${refs.whole.source}} is ${[...schemaTypes(schema)].join(' or ')}, but the field is ${[...schemaTypes(field, returns)].join(' or ')}`,
              extra,
            ),
          );
        }
        continue;
      }
      if (refs.parts.some((p) => p.kind === 'ref')) {
        for (const part of refs.parts) if (part.kind === 'ref') ctx.checkReference(part.ref, at, bound);
        if (field && !typesCompatible({ type: 'string' }, field, {}, returns))
          out.push(
            error('pin-type', at, `${where}: a text with references gives a string, but the field is ${[...schemaTypes(field, returns)].join(' or ')}`, extra),
          );
        continue;
      }
    }
    if (field && returns) {
      const check = compileCheck(field, returns);
      if (check && !check(value))
        out.push(error('pin-invalid', at, `${where}: ${JSON.stringify(value)} does not fit the field (${describeField(field)})`, extra));
    }
  }
  return out;
}

function lowerBound(field: JsonSchema): number {
  return typeof field.minimum === 'number' ? field.minimum : typeof field.exclusiveMinimum === 'number' ? field.exclusiveMinimum : -Infinity;
}
function upperBound(field: JsonSchema): number {
  return typeof field.maximum === 'number' ? field.maximum : typeof field.exclusiveMaximum === 'number' ? field.exclusiveMaximum : Infinity;
}
function boundsText(field: JsonSchema): string {
  const parts: string[] = [];
  for (const k of ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf'] as const)
    if (typeof field[k] === 'number') parts.push(`${k} ${field[k] as number}`);
  return parts.join(', ') || 'none';
}
function describeField(field: JsonSchema): string {
  const parts: string[] = [];
  const types = schemaTypes(field);
  if (types.size) parts.push(`type ${[...types].join(' or ')}`);
  if (Array.isArray(field.enum)) parts.push(`one of ${JSON.stringify(field.enum)}`);
  if (typeof field.pattern === 'string') parts.push(`pattern ${field.pattern}`);
  if (typeof field.format === 'string') parts.push(`format ${field.format}`);
  const bounds = boundsText(field);
  if (bounds !== 'none') parts.push(bounds);
  return parts.join(', ') || 'its schema';
}

// ---------------------------------------------------------------------------------------------
// Generation: the pins of one call, compiled once.

interface PreparedPin {
  key: string;
  path: PathSegment[];
  field: JsonSchema | undefined;
  value: Compiled | undefined;
  calc: CalcNode | undefined;
  calcText: string;
  /** The calc's references, compiled once (by their text). */
  refs: Map<string, Compiled>;
}

/** Applies a call's pins to a fresh result (in place); gives the result, or what went wrong. */
export type ApplyPins = (result: JsonValue, scope: Scope) => { ok: true; result: JsonValue } | { ok: false; problem: string };

/** The result paths a call pins (so that the simulator makes them exist). */
export function pinnedPaths(call: Call): PathSegment[][] {
  const out: PathSegment[][] = [];
  for (const key of Object.keys(pinsOf(call))) {
    const p = parsePinPath(key);
    if (p.ok) out.push(p.path);
  }
  return out;
}

/** The call's pins compiled for the generator, or undefined when it has none (validation has passed). */
export function preparePins(call: Call, tool: ToolDef | undefined): ApplyPins | undefined {
  const pins = pinsOf(call);
  const returns = tool?.returns;
  const prepared: PreparedPin[] = [];
  for (const [key, value] of Object.entries(pins)) {
    const p = parsePinPath(key);
    if (!p.ok) continue;
    const reached = returns ? schemaAtPath(returns, p.path) : undefined;
    const field = reached?.ok ? reached.schema : undefined;
    if (isCalc(value)) {
      const calc = parseCalc(value.calc);
      if (!calc.ok) continue;
      const refs = new Map(calc.refs.map((ref) => [ref.source, compileValue(`{${ref.source}}`)]));
      prepared.push({ key, path: p.path, field, value: undefined, calc: calc.node, calcText: value.calc, refs });
    } else prepared.push({ key, path: p.path, field, value: compileValue(value), calc: undefined, calcText: '', refs: new Map() });
  }
  if (prepared.length === 0) return undefined;
  return (result, scope) => {
    for (const pin of prepared) {
      let value: JsonValue;
      const where = `the result pin "${pin.key}" of ${call.id}`;
      if (pin.calc) {
        const n = evalCalc(pin.calc, (ref) => pin.refs.get(ref.source)!.render(scope));
        if (typeof n !== 'number') return { ok: false, problem: `${where}: "${pin.calcText}": ${n.problem}` };
        const step = calcStep(pin.field);
        value = roundToStep(n, step);
        const bad = outOfBounds(value, pin.field) ?? notMultiple(value, pin.field);
        if (bad) return { ok: false, problem: `${where}: "${pin.calcText}" gives ${value}: ${bad}` };
      } else {
        const r = pin.value!.render(scope);
        if (r === UNRESOLVED) return { ok: false, problem: `${where}: ${pin.value!.explain(scope)}` };
        value = r;
      }
      const set = setAt(result, pin.path, value);
      if (set !== undefined) return { ok: false, problem: `${where}: ${set}` };
    }
    return { ok: true, result };
  };
}

/** Sets the value at a path of keys and indices, creating missing objects; says why it could not. */
function setAt(root: JsonValue, path: readonly PathSegment[], value: JsonValue): string | undefined {
  let current: JsonValue = root;
  for (let i = 0; i < path.length; i += 1) {
    const s = path[i];
    const last = i === path.length - 1;
    if (s.kind === 'key') {
      if (!isPlainObject(current)) return `the result has no object to hold "${s.key}"`;
      if (last) {
        current[s.key] = value;
        return undefined;
      }
      if (current[s.key] === undefined || current[s.key] === null) current[s.key] = path[i + 1].kind === 'index' ? [] : {};
      current = current[s.key];
    } else if (s.kind === 'index') {
      if (!Array.isArray(current)) return `the result has no list at step [${s.index}]`;
      const at = s.index < 0 ? current.length + s.index : s.index;
      if (at < 0 || at >= current.length) return `the list has ${current.length} elements, so [${s.index}] is not there`;
      if (last) {
        current[at] = value;
        return undefined;
      }
      current = current[at];
    } else return 'only field names and [n] can be pinned';
  }
  return undefined;
}
