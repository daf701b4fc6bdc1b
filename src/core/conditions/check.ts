import type { JsonSchema, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { compileValue, UNRESOLVED } from '../generate/compiled.ts';
import { collectReferences, formatPath, parseTemplate } from '../refs/parse.ts';
import { describeTypes, jsonType, schemaFields, schemaTypes } from '../refs/schemaPath.ts';
import type { Reference } from '../refs/types.ts';
import { error, jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import { describeCondition, formatValue } from './describe.ts';
import { testHolds, type TestValue } from './evaluate.ts';
import { COMBINATOR_KEYS, testOperators, type Condition, type Operator, type TestCondition } from './types.ts';

/**
 * The semantic checks of a condition for `validate` (docs/project-format.md, "Conditions"),
 * run on a condition whose structure `checkConditionShape` accepted:
 *
 * - `condition-type` (error): an operator on a value of the wrong type: `gt` on a boolean,
 *   an object or a list, or comparing a number with a string; `contains` on a number;
 *   `in` / `notIn` with an operand reference that is not a list.
 * - `condition-never` / `condition-always` (warnings): a test that the schemas prove can
 *   never hold, or always holds: an operand outside the value's `enum` / `const`, a bound
 *   beyond `minimum` / `maximum`, a `.length` beyond `minItems` / `maxItems`, `exists` on a
 *   required field, a literal compared with a literal. Only what the schemas prove.
 * - `bad-reference` (error): braces in a value or operand that do not parse
 *   (`conditionReferences` lists only the references that do).
 *
 * Unknown roots, unknown fields and call ids (`ran`, `failed`, `declined`) are the
 * caller's to check, with `conditionReferences` and `conditionCallIds`. Never throws.
 */
export interface ConditionContext {
  /**
   * What a reference reaches: its JSON Schema (a result schema at the reference's path, the
   * element schema of a fan-out's `as` name, a slot's schema when known); `undefined` when
   * nothing is known (then no finding is made about it); `'unknown-root'` when the root
   * names nothing here (the caller reports that, so the test is skipped). It is also asked
   * about prefixes of a reference's path (`{a.b}` for `{a.b.c}`), to prove that a value is
   * there and to read `minItems` / `maxItems` for `.length`.
   */
  schemaOf(ref: Reference): JsonSchema | undefined | 'unknown-root';
  // Calls: exactly once for each reference `conditionReferences` lists (text and lists
  // included), so a context may report on references here (validate does); and then, for a
  // whole reference that resolved to a schema, for prefixes of its path (which resolve too).
  /**
   * Whether the root certainly has a value wherever the condition is evaluated: true for a
   * slot, and for a call a `when` or `where` waits for; false for a call a reply variant
   * reads that may not have run. When absent, no root is assumed present, so no finding
   * that needs the value to be there (`exists` always holds, `gte 0` always holds) is made.
   */
  rootPresent?(root: string): boolean;
  /** Copied onto every diagnostic. */
  chainId?: string;
  callId?: string;
}

export function checkCondition(cond: Condition, path: string, ctx: ConditionContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const extra = { ...(ctx.chainId !== undefined ? { chainId: ctx.chainId } : {}), ...(ctx.callId !== undefined ? { callId: ctx.callId } : {}) };
  const walk = (c: unknown, at: string) => {
    if (!isPlainObject(c)) return;
    if (hasOwn.call(c, 'value')) {
      checkTest(c as TestCondition, at, ctx, extra, out);
      return;
    }
    for (const key of COMBINATOR_KEYS) {
      if (!hasOwn.call(c, key)) continue;
      const inner = c[key];
      if (key === 'not') walk(inner, jsonPath(at, 'not'));
      else if (Array.isArray(inner)) inner.forEach((item, i) => walk(item, jsonPath(at, key, i)));
    }
  };
  walk(cond, path);
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;
type Extra = { chainId?: string; callId?: string };
type Verdict = 'never' | 'always';

/** What is known statically about a test's value or operand. */
interface Side {
  /** How messages name it: `{cal.events.length}`, `high`, `3`. */
  text: string;
  /** The JSON types it may take (`integer` counted as `number`); null when not known. */
  types: Set<string> | null;
  /** Proven to be there (not absent) wherever the condition is evaluated. */
  present: boolean;
  /** Set when it holds no reference: its value. */
  literal?: { value: JsonValue };
  ref?: Reference;
  schema?: JsonSchema;
  unknownRoot?: boolean;
}

function normalTypes(types: Iterable<string>): Set<string> | null {
  const out = new Set<string>();
  for (const t of types) out.add(t === 'integer' ? 'number' : t);
  return out.size ? out : null;
}

function only(types: Set<string> | null, ...allowed: string[]): boolean {
  return !!types && [...types].every((t) => allowed.includes(t));
}

function meets(types: Set<string> | null, ...wanted: string[]): boolean {
  return !types || wanted.some((t) => types.has(t));
}

function valueType(value: JsonValue): string {
  const t = jsonType(value);
  return t === 'integer' ? 'number' : t;
}

function prefixRef(ref: Reference, length: number): Reference {
  const path = ref.path.slice(0, length);
  return { ...ref, path, source: `${ref.root}${formatPath(path)}` };
}

function num(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function requires(schema: JsonSchema, key: string): boolean {
  if (Array.isArray(schema.required) && schema.required.includes(key)) return true;
  return Array.isArray(schema.allOf) && schema.allOf.some((b) => isPlainObject(b) && Array.isArray(b.required) && b.required.includes(key));
}

/** Whether the schemas prove the reference resolves (its root is there and every step applies). */
function provePresent(ref: Reference, ctx: ConditionContext): boolean {
  if (!ctx.rootPresent?.(ref.root)) return false;
  for (let i = 0; i < ref.path.length; i += 1) {
    const parent = ctx.schemaOf(prefixRef(ref, i));
    if (!parent || parent === 'unknown-root') return false;
    const types = normalTypes(schemaTypes(parent));
    const segment = ref.path[i];
    switch (segment.kind) {
      case 'key':
        if (!only(types, 'object') || !requires(parent, segment.key)) return false;
        break;
      case 'index': {
        const need = segment.index >= 0 ? segment.index + 1 : -segment.index;
        if (!only(types, 'array') || (num(parent.minItems) ?? 0) < need) return false;
        break;
      }
      case 'length':
        if (schemaFields(parent).includes('length')) {
          if (!only(types, 'object') || !requires(parent, 'length')) return false;
        } else if (!only(types, 'array', 'string')) return false;
        break;
      case 'all':
        // Proven only as the last step: after it, every element would need the proof.
        return only(types, 'array') && i === ref.path.length - 1;
      default:
        return false;
    }
  }
  return true;
}

function sideOf(x: JsonValue, ctx: ConditionContext): Side {
  const refs = collectReferences(x);
  // Every reference is looked up once, also those written into text (a context may report on them there).
  const schemas = refs.map(({ ref }) => ctx.schemaOf(ref));
  if (refs.length === 0) {
    const value = compileValue(x).render({});
    if (value === UNRESOLVED) return { text: formatValue(x, true), types: null, present: false };
    return { text: formatValue(value, true), types: new Set([valueType(value)]), present: true, literal: { value } };
  }
  if (typeof x === 'string') {
    const whole = parseTemplate(x).whole;
    if (whole) {
      const text = `{${whole.source}}`;
      const schema = schemas[0];
      if (schema === 'unknown-root') return { text, types: null, present: false, ref: whole, unknownRoot: true };
      // Prefixes are looked up only for a reference that resolved: theirs resolve too.
      if (!schema) return { text, types: null, present: whole.path.length === 0 && !!ctx.rootPresent?.(whole.root), ref: whole };
      return { text, types: normalTypes(schemaTypes(schema)), present: provePresent(whole, ctx), ref: whole, schema };
    }
    return { text: formatValue(x, true), types: new Set(['string']), present: false };
  }
  return { text: formatValue(x, true), types: new Set([Array.isArray(x) ? 'array' : 'object']), present: false };
}

function checkTest(cond: TestCondition, path: string, ctx: ConditionContext, extra: Extra, out: Diagnostic[]): void {
  for (const key of ['value', ...testOperators(cond)] as const) {
    collectStrings(cond[key], (s) => {
      for (const e of parseTemplate(s).errors) out.push(error('bad-reference', jsonPath(path, key), e.message, extra));
    });
  }
  const operators = testOperators(cond);
  if (operators.length !== 1) return;
  const op = operators[0];
  const v = sideOf(cond.value, ctx);
  const o = sideOf(cond[op] as JsonValue, ctx);
  if (v.unknownRoot || o.unknownRoot) return;
  const said = describeCondition(cond, { braces: true });

  if (op === 'empty' || op === 'exists') {
    const flag = cond[op];
    if (typeof flag !== 'boolean') return;
    const verdict = finiteVerdict(op, v, flag) ?? (op === 'exists' ? existsVerdict(v, flag) : emptyVerdict(v, flag));
    if (verdict) out.push(finding(verdict, path, said, extra));
    return;
  }

  const typeErrors = typeFindings(op, v, o, path, said, extra);
  if (typeErrors.length) {
    out.push(...typeErrors);
    return;
  }
  if (!o.literal) return;
  const operand = o.literal.value;
  const verdict =
    finiteVerdict(op, v, operand) ??
    typeVerdict(op, v, operand) ??
    rangeVerdict(op, v, operand, ctx) ??
    (op === 'contains' ? containsVerdict(v, operand) : undefined);
  if (verdict) out.push(finding(verdict, path, said, extra));
}

function collectStrings(value: JsonValue | undefined, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, visit);
  else if (isPlainObject(value)) for (const v of Object.values(value)) collectStrings(v, visit);
}

interface Reasoned {
  verdict: Verdict;
  why: string;
}

function finding(r: Reasoned, path: string, said: string, extra: Extra): Diagnostic {
  return warning(`condition-${r.verdict}`, path, `"${said}" ${r.verdict === 'never' ? 'can never hold' : 'always holds'}: ${r.why}`, extra);
}

// ---------------------------------------------------------------------------------------
// condition-type

function typeFindings(op: Operator, v: Side, o: Side, path: string, said: string, extra: Extra): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (at: string, message: string) => out.push(error('condition-type', at, `"${said}": ${message}`, extra));
  switch (op) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const vOk = meets(v.types, 'number', 'string');
      const oOk = meets(o.types, 'number', 'string');
      if (!vOk) bad(jsonPath(path, 'value'), `"${op}" compares numbers, or strings as text (dates), but ${v.text} is ${describeTypes(v.types!)}`);
      if (!oOk) bad(jsonPath(path, op), `"${op}" compares numbers, or strings as text (dates), but ${o.text} is ${describeTypes(o.types!)}`);
      if (vOk && oOk && v.types && o.types) {
        const common = ['number', 'string'].filter((t) => v.types!.has(t) && o.types!.has(t));
        if (!common.length)
          bad(
            path,
            `${v.text} is ${describeTypes(v.types)} and ${o.text} is ${describeTypes(o.types)}; "${op}" compares two numbers or two strings, never one with the other`,
          );
      }
      break;
    }
    case 'contains':
      if (!meets(v.types, 'array', 'string'))
        bad(jsonPath(path, 'value'), `"contains" looks inside a list or a string, but ${v.text} is ${describeTypes(v.types!)}`);
      else if (only(v.types, 'string') && !meets(o.types, 'string'))
        bad(jsonPath(path, op), `${v.text} is a string, which contains only strings, but ${o.text} is ${describeTypes(o.types!)}`);
      break;
    case 'in':
    case 'notIn':
      // A literal that is not a list is the reader's finding (invalid-condition).
      if (o.ref && !meets(o.types, 'array')) bad(jsonPath(path, op), `"${op}" takes a list, but ${o.text} is ${describeTypes(o.types!)}`);
      break;
    default:
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// condition-never / condition-always

/** A value that can take only a few values (a literal, an enum, a const, a boolean): try each. */
function finiteVerdict(op: Operator, v: Side, operand: JsonValue): Reasoned | undefined {
  const domain = finiteDomain(v);
  if (!domain) return undefined;
  const candidates: TestValue[] = v.present ? domain.values : [...domain.values, UNRESOLVED];
  let holds = 0;
  for (const c of candidates) if (testHolds(op, c, operand)) holds += 1;
  const why = `${domain.why}${v.present ? '' : ', or absent'}`;
  if (holds === 0) return { verdict: 'never', why };
  if (holds === candidates.length) return { verdict: 'always', why };
  return undefined;
}

function finiteDomain(v: Side): { values: JsonValue[]; why: string } | undefined {
  if (v.literal) return { values: [v.literal.value], why: `${v.text} is a fixed value, not a reference` };
  const s = v.schema;
  if (!s) return undefined;
  if (hasOwn.call(s, 'const')) return { values: [s.const], why: `${v.text} is always ${formatValue(s.const)} (its "const")` };
  if (Array.isArray(s.enum)) return { values: s.enum, why: `${v.text} is one of ${s.enum.map((e) => formatValue(e)).join(', ')} (its "enum")` };
  if (v.types && only(v.types, 'boolean', 'null')) {
    const values: JsonValue[] = [];
    if (v.types.has('boolean')) values.push(true, false);
    if (v.types.has('null')) values.push(null);
    return { values, why: `${v.text} is ${describeTypes(v.types)}` };
  }
  return undefined;
}

/** eq / ne / in / notIn with an operand of a type the value never has. */
function typeVerdict(op: Operator, v: Side, operand: JsonValue): Reasoned | undefined {
  if ((op === 'in' || op === 'notIn') && Array.isArray(operand) && operand.length === 0) {
    return op === 'in' ? { verdict: 'never', why: 'the list is empty' } : v.present ? { verdict: 'always', why: 'the list is empty' } : undefined;
  }
  if (!v.types) return undefined;
  const types = v.types;
  const foreign = (x: JsonValue) => !types.has(valueType(x));
  const is = `${v.text} is ${describeTypes(types)}`;
  switch (op) {
    case 'eq':
    case 'ne':
      if (!foreign(operand)) return undefined;
      return op === 'eq'
        ? { verdict: 'never', why: `${is}, never ${describeOperand(operand)}` }
        : v.present
          ? { verdict: 'always', why: `${is}, never ${describeOperand(operand)}` }
          : undefined;
    case 'in':
    case 'notIn': {
      if (!Array.isArray(operand) || !operand.every(foreign)) return undefined;
      const why = `${is}, and nothing in the list is`;
      return op === 'in' ? { verdict: 'never', why } : v.present ? { verdict: 'always', why } : undefined;
    }
    default:
      return undefined;
  }
}

function describeOperand(x: JsonValue): string {
  const t = valueType(x);
  if (t === 'null') return 'null';
  return `${t === 'array' ? 'the list' : t === 'object' ? 'the object' : `the ${t}`} ${JSON.stringify(x)}`;
}

interface Range {
  lo?: number;
  loOpen: boolean;
  hi?: number;
  hiOpen: boolean;
  why: string;
}

/** The bounds the schemas put on a number (or on a `.length`). */
function rangeOf(v: Side, ctx: ConditionContext): Range | undefined {
  if (!only(v.types, 'number')) return undefined;
  const ref = v.ref;
  const last = ref?.path[ref.path.length - 1];
  if (ref && v.schema && last?.kind === 'length') {
    const parentRef = prefixRef(ref, ref.path.length - 1);
    const parent = ctx.schemaOf(parentRef);
    if (parent && parent !== 'unknown-root' && !schemaFields(parent).includes('length')) {
      const types = normalTypes(schemaTypes(parent));
      const of = `{${parentRef.source}}`;
      if (only(types, 'array')) {
        const lo = num(parent.minItems) ?? 0;
        const hi = num(parent.maxItems);
        const parts = [`at least ${lo} item${lo === 1 ? '' : 's'}${parent.minItems !== undefined ? ` (minItems: ${lo})` : ''}`];
        if (hi !== undefined) parts.push(`at most ${hi} (maxItems: ${hi})`);
        return { lo, loOpen: false, hi, hiOpen: false, why: `${of} has ${parts.join(' and ')}` };
      }
      if (only(types, 'string')) {
        // minLength counts code points; .length counts UTF-16 units, never fewer. No upper bound is proven.
        const lo = num(parent.minLength) ?? 0;
        return {
          lo,
          loOpen: false,
          hiOpen: false,
          why: `${of} has at least ${lo} character${lo === 1 ? '' : 's'}${parent.minLength !== undefined ? ` (minLength: ${lo})` : ''}`,
        };
      }
    }
    return undefined;
  }
  const s = v.schema;
  if (!s) return undefined;
  let lo = num(s.minimum);
  let loOpen = false;
  let hi = num(s.maximum);
  let hiOpen = false;
  const parts: string[] = [];
  if (typeof s.exclusiveMinimum === 'number' && (lo === undefined || s.exclusiveMinimum >= lo)) {
    lo = s.exclusiveMinimum;
    loOpen = true;
  } else if (s.exclusiveMinimum === true && lo !== undefined) loOpen = true;
  if (typeof s.exclusiveMaximum === 'number' && (hi === undefined || s.exclusiveMaximum <= hi)) {
    hi = s.exclusiveMaximum;
    hiOpen = true;
  } else if (s.exclusiveMaximum === true && hi !== undefined) hiOpen = true;
  if (lo === undefined && hi === undefined) return undefined;
  if (lo !== undefined) parts.push(`${loOpen ? 'more than' : 'at least'} ${lo} (${loOpen ? 'exclusiveMinimum' : 'minimum'}: ${lo})`);
  if (hi !== undefined) parts.push(`${hiOpen ? 'less than' : 'at most'} ${hi} (${hiOpen ? 'exclusiveMaximum' : 'maximum'}: ${hi})`);
  return { lo, loOpen, hi, hiOpen, why: `${v.text} is ${parts.join(' and ')}` };
}

function rangeVerdict(op: Operator, v: Side, operand: JsonValue, ctx: ConditionContext): Reasoned | undefined {
  if (!['gt', 'gte', 'lt', 'lte', 'eq', 'ne', 'in', 'notIn'].includes(op)) return undefined;
  const r = rangeOf(v, ctx);
  if (!r) return undefined;
  /** every value < c, ≤ c, > c, ≥ c */
  const below = (c: number) => r.hi !== undefined && (r.hi < c || (r.hi === c && r.hiOpen));
  const atMost = (c: number) => r.hi !== undefined && r.hi <= c;
  const above = (c: number) => r.lo !== undefined && (r.lo > c || (r.lo === c && r.loOpen));
  const atLeast = (c: number) => r.lo !== undefined && r.lo >= c;
  const outside = (c: number) => below(c) || above(c);
  const exactly = (c: number) => r.lo === c && r.hi === c && !r.loOpen && !r.hiOpen;
  const never = (cond: boolean): Reasoned | undefined => (cond ? { verdict: 'never', why: r.why } : undefined);
  const always = (cond: boolean): Reasoned | undefined => (cond && v.present ? { verdict: 'always', why: r.why } : undefined);
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(operand)) return undefined;
    const none = operand.every((x) => typeof x !== 'number' || outside(x));
    return op === 'in' ? never(none) : always(none);
  }
  if (typeof operand !== 'number') return undefined;
  const c = operand;
  switch (op) {
    case 'gt':
      return never(atMost(c)) ?? always(above(c));
    case 'gte':
      return never(below(c)) ?? always(atLeast(c));
    case 'lt':
      return never(atLeast(c)) ?? always(below(c));
    case 'lte':
      return never(above(c)) ?? always(atMost(c));
    case 'eq':
      return never(outside(c)) ?? always(exactly(c));
    default:
      return always(outside(c)) ?? never(exactly(c));
  }
}

function existsVerdict(v: Side, operand: boolean): Reasoned | undefined {
  if (!v.present || !v.types || v.types.has('null')) return undefined;
  const why = `${v.text} is required by the schema all along its path and is never null`;
  return { verdict: operand ? 'always' : 'never', why };
}

function emptyVerdict(v: Side, operand: boolean): Reasoned | undefined {
  if (!v.present || !v.types || v.types.has('null')) return undefined;
  const s = v.schema ?? {};
  const reasons: string[] = [];
  for (const t of v.types) {
    if (t === 'string') {
      if ((num(s.minLength) ?? 0) < 1) return undefined;
      reasons.push(`a string of at least ${s.minLength} character${s.minLength === 1 ? '' : 's'} (minLength)`);
    } else if (t === 'array') {
      if ((num(s.minItems) ?? 0) < 1) return undefined;
      reasons.push(`a list of at least ${s.minItems} item${s.minItems === 1 ? '' : 's'} (minItems)`);
    } else if (t === 'object') {
      if (!(Array.isArray(s.required) && s.required.length) && (num(s.minProperties) ?? 0) < 1) return undefined;
      reasons.push('an object with required fields');
    } else reasons.push(describeTypes(new Set([t])));
  }
  const why = `${v.text} is always there and is ${reasons.join(' or ')}, never empty`;
  return { verdict: operand ? 'never' : 'always', why };
}

function containsVerdict(v: Side, operand: JsonValue): Reasoned | undefined {
  const s = v.schema;
  if (!s || !only(v.types, 'array')) return undefined;
  if (s.maxItems === 0) return { verdict: 'never', why: `${v.text} is always an empty list (maxItems: 0)` };
  const items = isPlainObject(s.items) ? s.items : undefined;
  if (!items) return undefined;
  const allowed = hasOwn.call(items, 'const') ? [items.const] : Array.isArray(items.enum) ? items.enum : undefined;
  if (!allowed || allowed.some((a) => testHolds('eq', a, operand))) return undefined;
  return {
    verdict: 'never',
    why: `the items of ${v.text} are ${allowed.map((a) => formatValue(a)).join(', ')} (their ${hasOwn.call(items, 'const') ? '"const"' : '"enum"'})`,
  };
}
