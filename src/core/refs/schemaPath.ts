import type { JsonSchema, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { PathSegment } from './types.ts';
import { formatPath } from './parse.ts';

/**
 * Static view of a reference: which schema a path reaches inside a tool's `returns`
 * schema. Validation uses it to say "no field X in the result of call Y" before any
 * example is generated, and to compare the type that flows into an argument.
 */
export type SchemaLookup = { ok: true; schema: JsonSchema } | { ok: false; message: string };

const hasOwn = Object.prototype.hasOwnProperty;

/** Follows `$ref` (`#/$defs/x`, `#/definitions/x`) within the root schema. */
export function derefSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let guard = 0; guard < 32 && typeof current.$ref === 'string'; guard += 1) {
    const target = resolvePointer(root, current.$ref);
    if (!target) break;
    current = target;
  }
  return current;
}

function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: JsonValue = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isPlainObject(node) || !hasOwn.call(node, key)) return undefined;
    node = node[key];
  }
  return isPlainObject(node) ? node : undefined;
}

/** The branches a value of this schema may take (anyOf/oneOf/allOf flattened), dereferenced. */
function branches(schema: JsonSchema, root: JsonSchema): JsonSchema[] {
  const s = derefSchema(schema, root);
  const out: JsonSchema[] = [s];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[key];
    if (Array.isArray(list)) for (const b of list) if (isPlainObject(b)) out.push(...branches(b, root));
  }
  return out;
}

/** The JSON types a schema admits (from `type`, `const`, `enum`); empty means any. */
export function schemaTypes(schema: JsonSchema, root: JsonSchema = schema): Set<string> {
  const types = new Set<string>();
  for (const b of branches(schema, root)) {
    if (typeof b.type === 'string') {
      types.add(b.type);
    } else if (Array.isArray(b.type)) {
      for (const t of b.type) if (typeof t === 'string') types.add(t);
    } else if (b.properties) {
      types.add('object');
    } else if (b.items) {
      types.add('array');
    }
    if ('const' in b) types.add(jsonType(b.const as JsonValue));
    if (Array.isArray(b.enum)) for (const v of b.enum) types.add(jsonType(v));
  }
  if (types.has('integer') && types.has('number')) types.delete('integer');
  return types;
}

export function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Names of the fields an object schema declares (in any branch). */
export function schemaFields(schema: JsonSchema, root: JsonSchema = schema): string[] {
  const names = new Set<string>();
  for (const b of branches(schema, root)) if (isPlainObject(b.properties)) for (const k of Object.keys(b.properties)) names.add(k);
  return [...names];
}

function propertySchema(schema: JsonSchema, key: string, root: JsonSchema): JsonSchema | undefined {
  for (const b of branches(schema, root)) {
    const props = b.properties;
    if (isPlainObject(props) && hasOwn.call(props, key) && isPlainObject(props[key])) return props[key] as JsonSchema;
  }
  return undefined;
}

function itemSchema(schema: JsonSchema, index: number | null, root: JsonSchema): JsonSchema | undefined {
  for (const b of branches(schema, root)) {
    if (Array.isArray(b.prefixItems) && index !== null && isPlainObject(b.prefixItems[index])) return b.prefixItems[index] as JsonSchema;
    if (isPlainObject(b.items)) return b.items;
    if (b.type === 'array' || b.items === true) return {};
  }
  return undefined;
}

/**
 * The schema at a path. `[*]` gives an array schema of what the rest of the path reaches;
 * `.length` an integer. `[-n]` reaches the item schema; so does `[min:key]` / `[max:key]`,
 * whose key must be a field path of the item schema with a number, integer or string type.
 * A schema that says nothing (`{}`) lets any path through.
 */
export function schemaAtPath(schema: JsonSchema, path: readonly PathSegment[], root: JsonSchema = schema, from = 0): SchemaLookup {
  let current = schema;
  for (let i = from; i < path.length; i += 1) {
    const segment = path[i];
    const where = formatPath(path.slice(0, i)) || 'the result';
    const types = schemaTypes(current, root);
    const open = types.size === 0 && schemaFields(current, root).length === 0 && !itemSchema(current, null, root);
    if (open) return { ok: true, schema: {} };
    switch (segment.kind) {
      case 'key': {
        const next = propertySchema(current, segment.key, root);
        if (!next) {
          const fields = schemaFields(current, root);
          return {
            ok: false,
            message: fields.length
              ? `${where} has no field "${segment.key}" (it has ${fields.map((f) => `"${f}"`).join(', ')})`
              : `${where} is ${describeTypes(types)}, not an object with field "${segment.key}"`,
          };
        }
        current = next;
        break;
      }
      case 'index': {
        // A negative index counts from the end, so it cannot tell which tuple item it is.
        const next = itemSchema(current, segment.index >= 0 ? segment.index : null, root);
        if (!next) return { ok: false, message: `${where} is ${describeTypes(types)}, not a list, so [${segment.index}] does not apply` };
        current = next;
        break;
      }
      case 'pick': {
        const step = `[${segment.pick}:${segment.key.join('.')}]`;
        const items = itemSchema(current, null, root);
        if (!items) return { ok: false, message: `${where} is ${describeTypes(types)}, not a list, so ${step} does not apply` };
        const problem = pickKeyProblem(items, segment.key, root);
        if (problem) return { ok: false, message: `${formatPath(path.slice(0, i + 1))}: ${problem}` };
        current = items;
        break;
      }
      case 'length': {
        if (schemaFields(current, root).includes('length')) {
          current = propertySchema(current, 'length', root) ?? {};
          break;
        }
        if (!types.has('array') && !types.has('string')) return { ok: false, message: `${where} is ${describeTypes(types)}, so .length does not apply` };
        current = { type: 'integer', minimum: 0 };
        break;
      }
      case 'all': {
        const items = itemSchema(current, null, root);
        if (!items) return { ok: false, message: `${where} is ${describeTypes(types)}, not a list, so [*] does not apply` };
        const rest = schemaAtPath(items, path, root, i + 1);
        if (!rest.ok) return rest;
        const flatten = path.slice(i + 1).some((s) => s.kind === 'all');
        if (flatten) return rest;
        return { ok: true, schema: { type: 'array', items: rest.schema } };
      }
    }
  }
  return { ok: true, schema: derefSchema(current, root) };
}

const COMPARABLE = ['number', 'integer', 'string'];

/**
 * What is wrong with a `[min:key]` / `[max:key]` key for lists whose items have this schema
 * (undefined when nothing): each field on the key path must exist, and the last must be
 * a number, an integer or a string. A schema that says nothing lets the rest through.
 */
function pickKeyProblem(items: JsonSchema, key: readonly string[], root: JsonSchema): string | undefined {
  let current = items;
  for (let k = 0; k < key.length; k += 1) {
    const types = schemaTypes(current, root);
    if (types.size === 0 && schemaFields(current, root).length === 0 && !itemSchema(current, null, root)) return undefined;
    const next = propertySchema(current, key[k], root);
    const field = key.slice(0, k + 1).join('.');
    if (!next) {
      const fields = schemaFields(current, root);
      const inside = k === 0 ? 'each element' : `${key.slice(0, k).join('.')} in each element`;
      return fields.length
        ? `${inside} has no field "${key[k]}" (it has ${fields.map((f) => `"${f}"`).join(', ')}), so there is no ${field} to compare`
        : `${inside} is ${describeTypes(types)}, not an object with field "${key[k]}"`;
    }
    current = next;
  }
  const types = schemaTypes(current, root);
  if (types.size === 0 || [...types].some((t) => COMPARABLE.includes(t))) return undefined;
  return `${key.join('.')} is ${describeTypes(types)} in each element; min/max need a number, an integer or a string (dates)`;
}

export function describeTypes(types: Set<string>): string {
  if (types.size === 0) return 'any value';
  const names = [...types].map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'an object' : t === 'integer' ? 'an integer' : `a ${t}`));
  return names.join(' or ');
}

/**
 * Whether a value of schema `from` can be used where schema `to` is expected, judged by
 * JSON type only (integer fits number; an unknown side fits anything). Formats and
 * bounds are checked on generated examples, not here.
 */
export function typesCompatible(from: JsonSchema, to: JsonSchema, fromRoot: JsonSchema = from, toRoot: JsonSchema = to): boolean {
  const a = schemaTypes(from, fromRoot);
  const b = schemaTypes(to, toRoot);
  if (a.size === 0 || b.size === 0) return true;
  for (const t of a) {
    if (b.has(t)) return true;
    if (t === 'integer' && b.has('number')) return true;
  }
  return false;
}
