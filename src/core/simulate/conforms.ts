/**
 * A small JSON Schema checker for the keywords the simulator understands. It decides, without
 * ajv, whether an argument may be echoed into a result, whether a `default`/`examples`/`enum`
 * value fits the rest of its schema, and whether a `oneOf` value matches only one branch.
 *
 * `compileCheck` returns null when the schema uses a keyword it does not evaluate (e.g.
 * `unevaluatedProperties`) or a `$ref` it cannot resolve: callers must then not rely on it.
 * Checks are cached per root by schema object identity.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { codePointLength, isObject, jsonEqual } from './json.ts';
import { resolveRef } from './schemaRefs.ts';
import type { SchemaLike } from './schemaRefs.ts';

export type Check = (value: JsonValue) => boolean;

const UNSUPPORTED = [
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$recursiveRef',
  'formatMinimum',
  'formatMaximum',
  'formatExclusiveMinimum',
  'formatExclusiveMaximum',
];

type FormatFn = RegExp | ((s: string | number) => boolean);
type FormatDef = boolean | FormatFn | { type?: string; validate: FormatFn };

/** ajv-formats ("full" mode) validators, by format name and the data type they apply to. */
const formatChecks = new Map<string, { type: 'string' | 'number'; test: (v: string | number) => boolean }>();
for (const [name, def] of Object.entries(fullFormats as unknown as Record<string, FormatDef>)) {
  if (typeof def === 'boolean') continue; // `password`, `binary`: any string
  const fn = def instanceof RegExp || typeof def === 'function' ? def : def.validate;
  const type = !(def instanceof RegExp) && typeof def === 'object' && def.type === 'number' ? 'number' : 'string';
  formatChecks.set(name, { type, test: fn instanceof RegExp ? (v) => fn.test(String(v)) : (v) => fn(v) });
}

/** The ajv-formats ("full" mode) validator for a string format, or undefined (unknown or numeric format). */
export function formatCheck(format: string): ((s: string) => boolean) | undefined {
  const f = formatChecks.get(format);
  return f && f.type === 'string' ? f.test : undefined;
}

const TRUE: Check = () => true;
const FALSE: Check = () => false;

const caches = new WeakMap<object, WeakMap<object, Check | null>>();

export function jsonType(value: JsonValue): 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return t as 'boolean' | 'string' | 'object';
}

function hasType(value: JsonValue, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) && value % 1 === 0;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

/** A check for `schema` (resolving `$ref` against `root`), or null when it cannot be decided. */
export function compileCheck(schema: SchemaLike, root: SchemaLike = schema): Check | null {
  if (schema === true) return TRUE;
  if (schema === false) return FALSE;
  if (!isObject(schema)) return null;
  const rootKey = isObject(root) ? root : schema;
  let cache = caches.get(rootKey);
  if (!cache) {
    cache = new WeakMap();
    caches.set(rootKey, cache);
  }
  if (cache.has(schema)) return cache.get(schema) ?? null;
  // Placeholder for recursive schemas: the real check is looked up lazily at call time.
  const slot: { check?: Check | null } = {};
  const lazy: Check = (v) => (slot.check ?? FALSE)(v);
  cache.set(schema, lazy);
  const built = build(schema, root);
  slot.check = built;
  cache.set(schema, built);
  return built;
}

function build(schema: JsonSchema, root: SchemaLike): Check | null {
  for (const key of UNSUPPORTED) if (key in schema) return null;
  const checks: Check[] = [];
  const sub = (s: JsonValue): Check | null => (typeof s === 'boolean' || isObject(s) ? compileCheck(s as SchemaLike, root) : null);

  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    if (target === undefined) return null;
    const c = compileCheck(target, root);
    if (!c) return null;
    checks.push(c);
  }

  const nullable = schema.nullable === true;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.every((t) => typeof t === 'string')) return null;
    const list = types as string[];
    checks.push((v) => (nullable && v === null) || list.some((t) => hasType(v, t)));
  }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum;
    checks.push((v) => (nullable && v === null) || values.some((e) => jsonEqual(e, v)));
  }
  if ('const' in schema) {
    const c = schema.const;
    checks.push((v) => jsonEqual(c, v));
  }

  // Strings
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : undefined;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  if (minLength !== undefined || maxLength !== undefined) {
    checks.push((v) => {
      if (typeof v !== 'string') return true;
      const n = codePointLength(v);
      return (minLength === undefined || n >= minLength) && (maxLength === undefined || n <= maxLength);
    });
  }
  if (typeof schema.pattern === 'string') {
    let re: RegExp;
    try {
      re = new RegExp(schema.pattern, 'u');
    } catch {
      return null;
    }
    checks.push((v) => typeof v !== 'string' || re.test(v));
  }
  if (typeof schema.format === 'string') {
    const f = formatChecks.get(schema.format);
    if (f) checks.push((v) => typeof v !== f.type || f.test(v as string | number));
  }

  // Numbers
  const num = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  const minimum = num('minimum');
  const maximum = num('maximum');
  let exMin = num('exclusiveMinimum');
  let exMax = num('exclusiveMaximum');
  // Draft-04 style booleans.
  if (schema.exclusiveMinimum === true && minimum !== undefined) exMin = minimum;
  if (schema.exclusiveMaximum === true && maximum !== undefined) exMax = maximum;
  const multipleOf = num('multipleOf');
  if (minimum !== undefined || maximum !== undefined || exMin !== undefined || exMax !== undefined || multipleOf !== undefined) {
    checks.push((v) => {
      if (typeof v !== 'number') return true;
      if (minimum !== undefined && v < minimum) return false;
      if (maximum !== undefined && v > maximum) return false;
      if (exMin !== undefined && v <= exMin) return false;
      if (exMax !== undefined && v >= exMax) return false;
      if (multipleOf !== undefined) {
        const q = v / multipleOf;
        if (q !== parseInt(String(q), 10)) return false;
      }
      return true;
    });
  }

  // Arrays
  const minItems = num('minItems');
  const maxItems = num('maxItems');
  if (minItems !== undefined || maxItems !== undefined) {
    checks.push((v) => !Array.isArray(v) || ((minItems === undefined || v.length >= minItems) && (maxItems === undefined || v.length <= maxItems)));
  }
  if (schema.uniqueItems === true) {
    checks.push((v) => {
      if (!Array.isArray(v)) return true;
      for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) if (jsonEqual(v[i], v[j])) return false;
      return true;
    });
  }
  let prefix: Check[] = [];
  let rest: Check | undefined;
  if (Array.isArray(schema.prefixItems)) {
    const cs = schema.prefixItems.map(sub);
    if (cs.some((c) => c === null)) return null;
    prefix = cs as Check[];
    if (schema.items !== undefined) {
      const c = sub(schema.items);
      if (!c) return null;
      rest = c;
    }
  } else if (Array.isArray(schema.items)) {
    const cs = schema.items.map(sub);
    if (cs.some((c) => c === null)) return null;
    prefix = cs as Check[];
    if (schema.additionalItems !== undefined) {
      const c = sub(schema.additionalItems);
      if (!c) return null;
      rest = c;
    }
  } else if (schema.items !== undefined) {
    const c = sub(schema.items);
    if (!c) return null;
    rest = c;
  }
  if (prefix.length > 0 || rest) {
    const p = prefix;
    const r = rest;
    checks.push((v) => {
      if (!Array.isArray(v)) return true;
      for (let i = 0; i < v.length; i++) {
        const c = i < p.length ? p[i] : r;
        if (c && !c(v[i])) return false;
      }
      return true;
    });
  }
  if (schema.contains !== undefined) {
    const c = sub(schema.contains);
    if (!c) return null;
    const minC = num('minContains') ?? 1;
    const maxC = num('maxContains');
    checks.push((v) => {
      if (!Array.isArray(v)) return true;
      let n = 0;
      for (const item of v) if (c(item)) n++;
      return n >= minC && (maxC === undefined || n <= maxC);
    });
  }

  // Objects
  const props = isObject(schema.properties) ? schema.properties : undefined;
  const propChecks = new Map<string, Check>();
  if (props) {
    for (const key of Object.keys(props)) {
      const c = sub(props[key]);
      if (!c) return null;
      propChecks.set(key, c);
    }
  }
  const patternChecks: [RegExp, Check][] = [];
  if (isObject(schema.patternProperties)) {
    for (const [pattern, s] of Object.entries(schema.patternProperties)) {
      const c = sub(s);
      if (!c) return null;
      try {
        patternChecks.push([new RegExp(pattern, 'u'), c]);
      } catch {
        return null;
      }
    }
  }
  let additional: Check | undefined;
  if (schema.additionalProperties !== undefined) {
    const c = sub(schema.additionalProperties);
    if (!c) return null;
    additional = c;
  }
  let propertyNames: Check | undefined;
  if (schema.propertyNames !== undefined) {
    const c = sub(schema.propertyNames);
    if (!c) return null;
    propertyNames = c;
  }
  const required = Array.isArray(schema.required) ? (schema.required.filter((r) => typeof r === 'string') as string[]) : [];
  const minProps = num('minProperties');
  const maxProps = num('maxProperties');
  const dependentRequired: [string, string[]][] = [];
  const dependentSchemas: [string, Check][] = [];
  for (const depKey of ['dependentRequired', 'dependencies', 'dependentSchemas']) {
    const deps = schema[depKey];
    if (!isObject(deps)) continue;
    for (const [key, dep] of Object.entries(deps)) {
      if (Array.isArray(dep)) dependentRequired.push([key, dep.filter((d) => typeof d === 'string') as string[]]);
      else {
        const c = sub(dep);
        if (!c) return null;
        dependentSchemas.push([key, c]);
      }
    }
  }
  if (
    propChecks.size > 0 ||
    patternChecks.length > 0 ||
    additional ||
    propertyNames ||
    required.length > 0 ||
    minProps !== undefined ||
    maxProps !== undefined ||
    dependentRequired.length > 0 ||
    dependentSchemas.length > 0
  ) {
    checks.push((v) => {
      if (!isObject(v)) return true;
      const keys = Object.keys(v);
      if (minProps !== undefined && keys.length < minProps) return false;
      if (maxProps !== undefined && keys.length > maxProps) return false;
      for (const r of required) if (!Object.prototype.hasOwnProperty.call(v, r)) return false;
      for (const key of keys) {
        const val = v[key];
        if (propertyNames && !propertyNames(key)) return false;
        const pc = propChecks.get(key);
        let matched = false;
        if (pc) {
          matched = true;
          if (!pc(val)) return false;
        }
        for (const [re, c] of patternChecks) {
          if (re.test(key)) {
            matched = true;
            if (!c(val)) return false;
          }
        }
        if (!matched && additional && !additional(val)) return false;
      }
      for (const [key, deps] of dependentRequired) {
        if (Object.prototype.hasOwnProperty.call(v, key)) {
          for (const d of deps) if (!Object.prototype.hasOwnProperty.call(v, d)) return false;
        }
      }
      for (const [key, c] of dependentSchemas) {
        if (Object.prototype.hasOwnProperty.call(v, key) && !c(v)) return false;
      }
      return true;
    });
  }

  // Combinators
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) return null;
    const cs = list.map(sub);
    if (cs.some((c) => c === null)) return null;
    const branches = cs as Check[];
    if (key === 'allOf') checks.push((v) => branches.every((c) => c(v)));
    else if (key === 'anyOf') checks.push((v) => branches.some((c) => c(v)));
    else
      checks.push((v) => {
        let n = 0;
        for (const c of branches) if (c(v) && ++n > 1) return false;
        return n === 1;
      });
  }
  if (schema.not !== undefined) {
    const c = sub(schema.not);
    if (!c) return null;
    checks.push((v) => !c(v));
  }
  if (schema.if !== undefined) {
    const cIf = sub(schema.if);
    const cThen = schema.then === undefined ? TRUE : sub(schema.then);
    const cElse = schema.else === undefined ? TRUE : sub(schema.else);
    if (!cIf || !cThen || !cElse) return null;
    checks.push((v) => (cIf(v) ? cThen(v) : cElse(v)));
  }

  if (checks.length === 0) return TRUE;
  if (checks.length === 1) return checks[0];
  return (v) => {
    for (const c of checks) if (!c(v)) return false;
    return true;
  };
}
