/**
 * Values and tool results that validate against a JSON Schema (draft 2020-12 and draft-07
 * style; see the README of this folder for the supported subset).
 *
 * A schema is compiled once into a tree of generator closures, cached by schema object
 * identity (WeakMap), so generating needs no ajv and little allocation beyond the value itself.
 *
 * Choices (all deterministic for a seed, since every random pick comes from `sf.rng`):
 * - `default`: used 25% of the time, `examples`: one of them 30% of the time — only values
 *   that pass the schema's own check.
 * - optional object properties: each included with probability 0.8 (always when echoed).
 * - arrays without bounds: 1–3 items; never more than 5 unless `minItems` demands it.
 * - `null` in a type list / a `{ "type": "null" }` branch / `nullable`: 10% of the time.
 * - `x-fake` (`"person.fullName"`, with optional `x-fake-args`, or `{ "fake", "args", "as" }`):
 *   Faker's value, used when it passes the schema's check; otherwise the normal generator.
 * - beyond nesting depth 6 only required properties and `minItems` items are generated, so
 *   recursive schemas terminate.
 */
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { compileCheck } from './conforms.ts';
import type { Check } from './conforms.ts';
import type { SeededFaker } from './faker.ts';
import { formatDate, resolveFakerMethod, toJsonValue } from './fakerPath.ts';
import { singularName } from './fieldHints.ts';
import { cloneJson, isObject, jsonEqual, setKey } from './json.ts';
import { mergeSchemas } from './merge.ts';
import { compileNumber } from './numbers.ts';
import { resolveRef } from './refs.ts';
import type { SchemaLike } from './refs.ts';
import { compileString } from './strings.ts';

export interface SimulateOptions {
  /** Values to echo into same-named properties (see simulateResult). */
  echo?: { [name: string]: JsonValue };
}

type Echo = { [name: string]: JsonValue } | null;
type Gen = (sf: SeededFaker, echo: Echo, depth: number) => JsonValue;

interface Ctx {
  root: SchemaLike;
  /** Lazily compiled `$ref` targets, by target and field name (recursion-safe). */
  refs: Map<object, Map<string, Gen>>;
}

const OPTIONAL_P = 0.8;
const NULL_P = 0.1;
const DEFAULT_P = 0.25;
const EXAMPLE_P = 0.3;
const DEFAULT_MAX_ITEMS = 3;
const CAP_ITEMS = 5;
const SOFT_DEPTH = 6;
const HARD_DEPTH = 40;
const IMPOSSIBLE = 'x-chainwright-impossible';
/** Keywords that do not constrain a value: a `$ref` with only these beside it is a plain reference. */
const ANNOTATIONS = new Set([
  'title', 'description', '$comment', 'deprecated', 'readOnly', 'writeOnly', '$id', '$schema', '$anchor', '$defs', 'definitions',
]);
const OBJECT_KEYS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames'];
const ARRAY_KEYS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const STRING_KEYS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

// ---------------------------------------------------------------------------------------------
// Normalising: `$ref` with siblings and `allOf` are merged into one flat schema.

function normalize(schema: SchemaLike | JsonValue, ctx: Ctx, stack: readonly string[]): JsonSchema {
  if (schema === false) return { [IMPOSSIBLE]: true };
  if (!isObject(schema)) return {};
  let s: JsonSchema = schema;
  if (typeof s.$ref === 'string') {
    const ref = s.$ref;
    const rest: JsonSchema = { ...s };
    delete rest.$ref;
    const target = stack.includes(ref) ? undefined : resolveRef(ctx.root, ref);
    s = target === undefined ? rest : mergeSchemas(normalize(target, ctx, [...stack, ref]), normalize(rest, ctx, stack));
  }
  if (Array.isArray(s.allOf)) {
    const rest: JsonSchema = { ...s };
    delete rest.allOf;
    let merged = normalize(rest, ctx, stack);
    for (const part of s.allOf) merged = mergeSchemas(merged, normalize(part, ctx, stack));
    s = merged;
  }
  if (typeof s.exclusiveMinimum === 'boolean' || typeof s.exclusiveMaximum === 'boolean') {
    // Draft-04: boolean exclusives qualify minimum/maximum.
    s = { ...s };
    if (s.exclusiveMinimum === true && typeof s.minimum === 'number') s.exclusiveMinimum = s.minimum;
    else delete s.exclusiveMinimum;
    if (s.exclusiveMaximum === true && typeof s.maximum === 'number') s.exclusiveMaximum = s.maximum;
    else delete s.exclusiveMaximum;
  }
  return s;
}

function isPlainRef(s: JsonSchema): boolean {
  for (const key of Object.keys(s)) if (key !== '$ref' && !ANNOTATIONS.has(key)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Compiling

function compile(schema: SchemaLike | JsonValue, ctx: Ctx, name: string | undefined): Gen {
  if (isObject(schema) && typeof schema.$ref === 'string' && isPlainRef(schema)) {
    const target = resolveRef(ctx.root, schema.$ref);
    if (isObject(target)) return lazyRef(target, ctx, name);
  }
  return compileFlat(normalize(schema as SchemaLike, ctx, []), ctx, name);
}

function lazyRef(target: JsonSchema, ctx: Ctx, name: string | undefined): Gen {
  let byName = ctx.refs.get(target);
  if (!byName) {
    byName = new Map();
    ctx.refs.set(target, byName);
  }
  const key = name ?? '';
  let gen = byName.get(key);
  if (!gen) {
    let real: Gen | undefined;
    gen = (sf, echo, depth) => (real ??= compile(target, ctx, name))(sf, echo, depth);
    byName.set(key, gen);
  }
  return gen;
}

function compileFlat(s: JsonSchema, ctx: Ctx, name: string | undefined): Gen {
  if (s[IMPOSSIBLE] === true) return () => null;
  if ('const' in s) {
    const c = s.const;
    return () => cloneJson(c);
  }
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0) return compileBranches(s, 'oneOf', ctx, name);
  if (Array.isArray(s.anyOf) && s.anyOf.length > 0) return compileBranches(s, 'anyOf', ctx, name);
  let gen = Array.isArray(s.enum) && s.enum.length > 0 ? compileEnum(s, ctx) : compileTyped(s, ctx, name);
  gen = withXFake(s, ctx, gen);
  gen = withDefaults(s, ctx, gen);
  return gen;
}

function isNullOnly(s: JsonValue): boolean {
  return isObject(s) && (s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null'));
}

/** Picks an index, giving `null`-only options a small weight when there are others. */
function weightedPicker(isNull: boolean[]): (sf: SeededFaker) => number {
  const nulls = isNull.map((n, i) => (n ? i : -1)).filter((i) => i >= 0);
  const others = isNull.map((n, i) => (n ? -1 : i)).filter((i) => i >= 0);
  if (nulls.length === 0 || others.length === 0) {
    const n = isNull.length;
    return (sf) => (n === 1 ? 0 : Math.floor(sf.rng.next() * n));
  }
  return (sf) => (sf.rng.next() < NULL_P ? sf.rng.pick(nulls) : sf.rng.pick(others));
}

function compileBranches(s: JsonSchema, key: 'oneOf' | 'anyOf', ctx: Ctx, name: string | undefined): Gen {
  const branches = s[key] as JsonValue[];
  const base: JsonSchema = { ...s };
  delete base[key];
  const gens = branches.map((b) => compileFlat(mergeSchemas(base, normalize(b, ctx, [])), ctx, name));
  const pick = weightedPicker(branches.map(isNullOnly));
  if (key === 'anyOf') return (sf, echo, depth) => gens[pick(sf)](sf, echo, depth);
  // oneOf: the value must match exactly one branch; retry when it also matches another.
  let checks: (Check | null)[] | undefined;
  const n = gens.length;
  return (sf, echo, depth) => {
    checks ??= branches.map((b) => compileCheck(b as SchemaLike, ctx.root));
    let value: JsonValue = null;
    let clashed: boolean[] | undefined;
    let left = n;
    let i = pick(sf);
    for (let attempt = 0; attempt < 4 * n; attempt++) {
      // After every branch has clashed once, generate minimal values (required properties, fewest items).
      value = gens[i](sf, echo, attempt < n ? depth : Math.max(depth, SOFT_DEPTH));
      let clash = false;
      for (let j = 0; j < n && !clash; j++) {
        const c = checks[j];
        if (j !== i && c !== null && c(value)) clash = true;
      }
      if (!clash) return value;
      // Next: a random branch that has not clashed yet in this round.
      clashed ??= new Array<boolean>(n).fill(false);
      if (!clashed[i]) {
        clashed[i] = true;
        left--;
      }
      if (left === 0) {
        clashed.fill(false);
        left = n;
      }
      let k = Math.floor(sf.rng.next() * left);
      for (i = 0; i < n; i++) if (!clashed[i] && k-- === 0) break;
    }
    return value;
  };
}

function compileEnum(s: JsonSchema, ctx: Ctx): Gen {
  const all = s.enum as JsonValue[];
  const check = compileCheck(s, ctx.root);
  const fitting = check ? all.filter((v) => check(v)) : all;
  const values = fitting.length > 0 ? fitting : all;
  if (values.length === 1) return () => cloneJson(values[0]);
  return (sf) => cloneJson(values[Math.floor(sf.rng.next() * values.length)]);
}

function inferTypes(s: JsonSchema): string[] {
  if (OBJECT_KEYS.some((k) => k in s)) return ['object'];
  if (ARRAY_KEYS.some((k) => k in s)) return ['array'];
  if (STRING_KEYS.some((k) => k in s)) return ['string'];
  if (NUMBER_KEYS.some((k) => k in s)) return [typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) ? 'integer' : 'number'];
  return ['string'];
}

const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'null', 'object', 'array']);

function compileTyped(s: JsonSchema, ctx: Ctx, name: string | undefined): Gen {
  let types: string[];
  if (typeof s.type === 'string') types = [s.type];
  else if (Array.isArray(s.type)) types = s.type.filter((t): t is string => typeof t === 'string');
  else types = inferTypes(s);
  types = [...new Set(types.filter((t) => TYPES.has(t)))];
  if (types.length === 0) types = ['string'];
  if (s.nullable === true && !types.includes('null')) types.push('null');
  const gens = types.map((t) => compileType(t, s, ctx, name));
  if (gens.length === 1) return gens[0];
  const pick = weightedPicker(types.map((t) => t === 'null'));
  return (sf, echo, depth) => gens[pick(sf)](sf, echo, depth);
}

function compileType(type: string, s: JsonSchema, ctx: Ctx, name: string | undefined): Gen {
  switch (type) {
    case 'string':
      return compileString(s, name);
    case 'integer':
    case 'number':
      return compileNumber(s, type === 'integer', name);
    case 'boolean':
      return (sf) => sf.rng.next() < 0.5;
    case 'null':
      return () => null;
    case 'object':
      return compileObject(s, ctx, name);
    default:
      return compileArray(s, ctx, name);
  }
}

interface PropEntry {
  key: string;
  /** The key is `__proto__`, which a plain assignment would not make an own property. */
  proto: boolean;
  required: boolean;
  schema: JsonValue;
  gen: Gen;
  /** Echo check: undefined until first needed, null when the schema cannot be checked. */
  check?: Check | null;
}

function compileObject(s: JsonSchema, ctx: Ctx, name: string | undefined): Gen {
  const props = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  const patterns: [RegExp, JsonValue][] = [];
  if (isObject(s.patternProperties)) {
    for (const [p, ps] of Object.entries(s.patternProperties)) {
      try {
        patterns.push([new RegExp(p, 'u'), ps]);
      } catch {
        // An invalid pattern: ajv would reject the schema anyway.
      }
    }
  }
  const additional = s.additionalProperties;
  const schemaFor = (key: string): JsonValue => {
    const parts: JsonValue[] = [];
    if (hasOwn(props, key)) parts.push(props[key]);
    for (const [re, ps] of patterns) if (re.test(key)) parts.push(ps);
    if (parts.length === 0 && additional !== undefined && additional !== false) parts.push(additional);
    return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { allOf: parts };
  };
  const keys = [...Object.keys(props), ...[...required].filter((k) => !hasOwn(props, k))];
  const entries: PropEntry[] = keys.map((key) => {
    const schema = schemaFor(key);
    return { key, proto: key === '__proto__', required: required.has(key), schema, gen: compile(schema, ctx, key) };
  });
  const requiredCount = entries.filter((e) => e.required).length;
  const minProps = num(s.minProperties) ?? 0;
  const maxProps = num(s.maxProperties) ?? Infinity;
  let extraGen: Gen | undefined;
  const extraName = name ? `${name}_extra` : 'extra';

  const echoOk = (e: PropEntry, value: JsonValue): boolean => {
    if (e.check === undefined) e.check = compileCheck(e.schema as SchemaLike, ctx.root);
    return e.check !== null && e.check(value);
  };

  return (sf, echo, depth) => {
    const out: { [key: string]: JsonValue } = {};
    if (depth > HARD_DEPTH) return out;
    const soft = depth >= SOFT_DEPTH;
    let optionalBudget = maxProps - requiredCount;
    let count = 0;
    let skipped: PropEntry[] | undefined;
    for (const e of entries) {
      const echoed = echo !== null && hasOwn(echo, e.key) && echoOk(e, echo[e.key]);
      if (!e.required) {
        const take = optionalBudget > 0 && (echoed || (!soft && sf.rng.next() < OPTIONAL_P));
        if (!take) {
          if (minProps > 0) (skipped ??= []).push(e);
          continue;
        }
        optionalBudget--;
      }
      const value = echoed ? cloneJson(echo[e.key]) : e.gen(sf, echo, depth + 1);
      if (e.proto) setKey(out, e.key, value);
      else out[e.key] = value;
      count++;
    }
    if (count < minProps) {
      for (const e of skipped ?? []) {
        if (count >= minProps) break;
        setKey(out, e.key, e.gen(sf, echo, depth + 1));
        count++;
      }
      for (let i = 1; count < minProps && additional !== false && i < 1000; i++) {
        const key = `${extraName}_${i}`;
        if (hasOwn(out, key)) continue;
        extraGen ??= compile(schemaFor(key), ctx, undefined);
        setKey(out, key, extraGen(sf, null, depth + 1));
        count++;
      }
    }
    return out;
  };
}

function compileArray(s: JsonSchema, ctx: Ctx, name: string | undefined): Gen {
  const itemName = singularName(name);
  let prefix: Gen[] = [];
  let rest: JsonValue | undefined;
  if (Array.isArray(s.prefixItems)) {
    prefix = s.prefixItems.map((p) => compile(p, ctx, itemName));
    rest = s.items;
  } else if (Array.isArray(s.items)) {
    prefix = s.items.map((p) => compile(p, ctx, itemName));
    rest = s.additionalItems;
  } else {
    rest = s.items;
  }
  const closed = rest === false;
  const restGen = closed ? undefined : compile(rest ?? {}, ctx, itemName);
  const minContains = s.contains !== undefined ? (num(s.minContains) ?? 1) : 0;
  const containsGen = minContains > 0 ? compile({ allOf: [rest ?? {}, s.contains as JsonValue] }, ctx, itemName) : undefined;

  const minItems = num(s.minItems);
  const maxItems = num(s.maxItems);
  let lo = Math.max(minItems ?? Math.min(prefix.length || 1, maxItems ?? Infinity), prefix.length > 0 ? 0 : minContains);
  let hi = maxItems ?? Math.max(lo, prefix.length || DEFAULT_MAX_ITEMS);
  hi = Math.min(hi, Math.max(lo, CAP_ITEMS, prefix.length + minContains));
  if (closed) hi = Math.min(hi, prefix.length);
  lo = Math.ceil(lo);
  hi = Math.max(lo, Math.floor(hi));
  const unique = s.uniqueItems === true;

  return (sf, _echo, depth) => {
    const out: JsonValue[] = [];
    if (depth > HARD_DEPTH) return out;
    const n = depth >= SOFT_DEPTH ? lo : sf.rng.int(lo, hi);
    for (let i = 0; i < n; i++) {
      const gen =
        i < prefix.length ? prefix[i] : containsGen && i - prefix.length < minContains ? containsGen : (restGen ?? prefix[0]);
      if (!gen) break;
      let v = gen(sf, null, depth + 1);
      if (unique) {
        let tries = 0;
        while (tries++ < 12 && out.some((x) => jsonEqual(x, v))) v = gen(sf, null, depth + 1);
        if (out.some((x) => jsonEqual(x, v))) {
          if (out.length >= lo) break;
        }
      }
      out.push(v);
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// x-fake, default and examples

interface FakeSpec {
  path: string;
  args: JsonValue[] | undefined;
  as: 'date' | 'datetime' | undefined;
}

function fakeSpec(s: JsonSchema): FakeSpec | undefined {
  const x = s['x-fake'];
  const args = Array.isArray(s['x-fake-args']) ? s['x-fake-args'] : undefined;
  if (typeof x === 'string') return { path: x, args, as: undefined };
  if (isObject(x) && typeof x.fake === 'string') {
    const as = x.as === 'date' || x.as === 'datetime' ? x.as : undefined;
    return { path: x.fake, args: Array.isArray(x.args) ? x.args : args, as };
  }
  return undefined;
}

function withXFake(s: JsonSchema, ctx: Ctx, gen: Gen): Gen {
  const spec = fakeSpec(s);
  if (!spec) return gen;
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type : [];
  const wantsString = types.includes('string') || types.length === 0;
  const wantsNumber = types.includes('number') || types.includes('integer');
  const dateAs = spec.as ?? (s.format === 'date' ? 'date' : 'datetime');
  let check: Check | null | undefined;
  // The method of the Faker last seen (generators are shared by every Faker that uses the schema).
  let lastFaker: SeededFaker['faker'] | undefined;
  let lastMethod: ReturnType<typeof resolveFakerMethod>;
  return (sf, echo, depth) => {
    if (sf.faker !== lastFaker) {
      lastFaker = sf.faker;
      lastMethod = resolveFakerMethod(sf.faker, spec.path);
    }
    const method = lastMethod;
    if (method) {
      let value: JsonValue | undefined;
      try {
        const raw = spec.args && spec.args.length > 0 ? method(...spec.args) : method();
        value = raw instanceof Date ? formatDate(raw, dateAs) : toJsonValue(raw);
        if (spec.as && typeof value === 'string') value = formatDate(value, spec.as);
      } catch {
        value = undefined;
      }
      if (value !== undefined) {
        if (wantsString && (typeof value === 'number' || typeof value === 'boolean') && !types.includes(typeof value)) {
          value = String(value);
        } else if (wantsNumber && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
          value = Number(value);
        }
        check ??= compileCheck(s, ctx.root);
        if (check ? check(value) : typeof value === 'string' && wantsString) return value;
      }
    }
    return gen(sf, echo, depth);
  };
}

function withDefaults(s: JsonSchema, ctx: Ctx, gen: Gen): Gen {
  if (!('default' in s) && !Array.isArray(s.examples)) return gen;
  const check = compileCheck(s, ctx.root);
  if (!check) return gen;
  const hasDefault = 'default' in s && check(s.default);
  const dflt = s.default as JsonValue;
  const examples = Array.isArray(s.examples) ? s.examples.filter((e) => check(e)) : [];
  if (!hasDefault && examples.length === 0) return gen;
  return (sf, echo, depth) => {
    const r = sf.rng.next();
    if (hasDefault && r < DEFAULT_P) return cloneJson(dflt);
    if (examples.length > 0 && r >= 1 - EXAMPLE_P) return cloneJson(examples[Math.floor(sf.rng.next() * examples.length)]);
    return gen(sf, echo, depth);
  };
}

// ---------------------------------------------------------------------------------------------
// Public API

const cache = new WeakMap<object, Map<string, Gen>>();
const NO_NAME = '\u0000';

function rootGen(schema: JsonSchema, fieldName: string | undefined): Gen {
  if (!isObject(schema)) {
    // `true` / `false` (or junk): nothing to cache by.
    return compile(schema as SchemaLike, { root: schema as SchemaLike, refs: new Map() }, fieldName);
  }
  let byName = cache.get(schema);
  if (!byName) {
    byName = new Map();
    cache.set(schema, byName);
  }
  const key = fieldName ?? NO_NAME;
  let gen = byName.get(key);
  if (!gen) {
    gen = compile(schema, { root: schema, refs: new Map() }, fieldName);
    byName.set(key, gen);
  }
  return gen;
}

/**
 * A value that validates against `schema`. `fieldName` drives name-based realism (`email`,
 * `room_id`, …); `options.echo` echoes values into same-named properties like simulateResult.
 */
export function simulateValue(schema: JsonSchema, sf: SeededFaker, fieldName?: string, options?: SimulateOptions): JsonValue {
  return rootGen(schema, fieldName)(sf, options?.echo ?? null, 0);
}

/**
 * A simulated tool result. A property of the result (or of a nested object that is not inside
 * an array) named like an argument of the call echoes the argument's value when it is valid
 * for that property (`get_alert(alert_id=X)` → `{ "alert_id": X, … }`). Without a `returns`
 * schema the result is `{ "ok": true }`.
 */
export function simulateResult(returns: JsonSchema | undefined, args: { [name: string]: JsonValue }, sf: SeededFaker): JsonValue {
  return resultSimulator(returns)(args, sf);
}

/** `simulateResult` for one `returns` schema, compiled once (for a generator that simulates it many times). */
export function resultSimulator(returns: JsonSchema | undefined): (args: { [name: string]: JsonValue }, sf: SeededFaker) => JsonValue {
  if (returns === undefined) return () => ({ ok: true });
  const gen = rootGen(returns, undefined);
  return (args, sf) => gen(sf, args, 0);
}
