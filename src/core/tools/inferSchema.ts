/**
 * A `returns` schema from a sample result: types (integer vs number), nested objects, arrays
 * (the shapes of all elements merged: a field missing from some elements is optional),
 * `required` = the fields present, formats for date-times, dates, emails, URIs and UUIDs
 * (only when every sampled string of that field has the format), and `*_id` fields described
 * as identifiers. Enums are never guessed from a sample. The sample always validates against
 * the inferred schema. Never throws.
 */
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { FORBIDDEN_KEYS } from '../project/shape.ts';
import { setKey } from '../simulate/json.ts';
import { compileSchema } from '../validate/schemaValidator.ts';
import { parseJsonText } from './jsonText.ts';
import type { ToolIssue } from './types.ts';

type TypeName = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';
const TYPE_ORDER: readonly TypeName[] = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

interface Shape {
  types: Set<TypeName>;
  /** The format every string seen so far has; null once two differ or one has none. */
  format: string | null | undefined;
  props: Map<string, Shape>;
  presence: Map<string, number>;
  objects: number;
  items: Shape | null;
  /** Nested too deep to describe: accepts anything. */
  any: boolean;
}

const newShape = (): Shape => ({ types: new Set(), format: undefined, props: new Map(), presence: new Map(), objects: 0, items: null, any: false });

export const INFER_MAX_DEPTH = 32;

/** Candidate formats, each with a cheap look and then ajv's own check (so that the sample validates). */
const FORMATS: readonly [string, RegExp][] = [
  ['date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/],
];

function formatOf(text: string): string | null {
  for (const [format, look] of FORMATS) {
    if (!look.test(text)) continue;
    const compiled = compileSchema({ type: 'string', format });
    if (compiled.ok && compiled.check(text).length === 0) return format;
  }
  return null;
}

function observe(shape: Shape, value: JsonValue, depth: number): void {
  if (depth >= INFER_MAX_DEPTH) {
    shape.any = true;
    return;
  }
  if (value === null) shape.types.add('null');
  else if (typeof value === 'boolean') shape.types.add('boolean');
  else if (typeof value === 'number') shape.types.add(Number.isInteger(value) ? 'integer' : 'number');
  else if (typeof value === 'string') {
    shape.types.add('string');
    if (shape.format !== null) {
      const format = formatOf(value);
      shape.format = shape.format === undefined || shape.format === format ? format : null;
    }
  } else if (Array.isArray(value)) {
    shape.types.add('array');
    for (const item of value) observe((shape.items ??= newShape()), item, depth + 1);
  } else if (typeof value === 'object') {
    shape.types.add('object');
    shape.objects += 1;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      let prop = shape.props.get(key);
      if (!prop) shape.props.set(key, (prop = newShape()));
      shape.presence.set(key, (shape.presence.get(key) ?? 0) + 1);
      observe(prop, value[key], depth + 1);
    }
  }
}

const ID_NAME = /^(?:id|ID|Id|(.+?)(?:_id|_ID|Id|ID))$/;

function idDescription(key: string): string | undefined {
  const m = ID_NAME.exec(key);
  if (!m) return undefined;
  const thing = (m[1] ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return thing ? `Identifier of the ${thing}.` : 'Identifier.';
}

function toSchema(shape: Shape, key: string | undefined): JsonSchema {
  if (shape.any) return {};
  const types = TYPE_ORDER.filter((t) => shape.types.has(t) && !(t === 'integer' && shape.types.has('number')));
  if (types.length === 0) return {};
  const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };
  if (shape.types.has('string')) {
    if (shape.format) schema.format = shape.format;
    const id = key !== undefined ? idDescription(key) : undefined;
    if (id) schema.description = id;
  }
  if (shape.types.has('object')) {
    const properties: { [key: string]: JsonValue } = {};
    const required: string[] = [];
    for (const [name, prop] of shape.props) {
      setKey(properties, name, toSchema(prop, name));
      if (shape.presence.get(name) === shape.objects) required.push(name);
    }
    schema.properties = properties;
    if (required.length) schema.required = required;
  }
  if (shape.types.has('array') && shape.items) schema.items = toSchema(shape.items, undefined);
  return schema;
}

/** A schema the sample validates against. */
export function inferSchema(sample: JsonValue): JsonSchema {
  const shape = newShape();
  observe(shape, sample, 0);
  return toSchema(shape, undefined);
}

export type InferResult = { ok: true; schema: JsonSchema } | { ok: false; errors: ToolIssue[] };

/** From pasted text: the JSON problems (with lines) or the schema. */
export function inferSchemaFromText(text: string): InferResult {
  const parsed = parseJsonText(text, { what: 'the sample' });
  if (!parsed.ok) return parsed;
  return { ok: true, schema: inferSchema(parsed.value as JsonValue) };
}
