import type { JsonSchema, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { parseReference } from '../refs/parse.ts';
import { derefSchema, schemaAtPath, schemaFields, schemaTypes } from '../refs/schemaPath.ts';
import type { PathSegment } from '../refs/types.ts';
import { toolResultSchema } from '../validate/project.ts';

/** The handle id of the whole result (a reference with no path, `{rooms}`). */
export const WHOLE_RESULT = '$';

/** One output handle of a call node: a field of the tool's result, nested paths flattened. */
export interface ResultField {
  /** The handle id, stable: `rooms`, `rooms[]`, `rooms[].room_id`; `$` is the whole result. */
  path: string;
  /** What the node shows: the last step, e.g. `room_id`, `rooms[]`, `result`. */
  label: string;
  /** 0 for the whole result, 1 for top-level fields, +1 per nesting step. */
  depth: number;
  /** JSON types the field may hold (`string`, `array`, …); empty means any. */
  types: string[];
  /** Some step above it is a list: one value per element. */
  inList: boolean;
  /** The field itself is a list. */
  isList: boolean;
  description?: string;
}

/** One input handle of a call node: a parameter of the tool. */
export interface ArgumentHandle {
  /** The handle id: the parameter's name. */
  name: string;
  required: boolean;
  /** JSON types the parameter accepts; empty means any. */
  types: string[];
  description?: string;
  /** The parameter's schema (dereferenced); `{}` for an argument the tool does not declare. */
  schema: JsonSchema;
  /** False for an argument the call gives but the tool does not declare (`unknown-arg`). */
  known: boolean;
}

const MAX_DEPTH = 6;
const MAX_FIELDS = 200;
const NAME = /^[A-Za-z0-9_$-]+$/;

function keyText(key: string, first: boolean): string {
  if (NAME.test(key) && key !== 'length') return first ? key : `.${key}`;
  return `["${key}"]`;
}

/** A result path as handle text: keys joined by `.`, every list step (`[n]`, `[-n]`, `[*]`, `[min:k]`, `[max:k]`) as `[]`; `$` when empty. `.length` steps are dropped. */
export function fieldPathOf(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (segment.kind === 'key') out += keyText(segment.key, out === '');
    else if (segment.kind === 'index' || segment.kind === 'all' || segment.kind === 'pick') out += '[]';
    else break;
  }
  return out || WHOLE_RESULT;
}

/** Handle text back to path segments (`[]` → every element). Null when it is not a path. */
export function fieldPathSegments(fieldPath: string): PathSegment[] | null {
  if (fieldPath === WHOLE_RESULT || fieldPath === '') return [];
  const source = `x${fieldPath.startsWith('[') ? '' : '.'}${fieldPath.replace(/\[\]/g, '[*]')}`;
  const parsed = parseReference(source);
  if (typeof parsed === 'string') return null;
  return parsed.path;
}

/** Steps used to walk a schema: `[]` walks into the items (index 0). */
function walkSteps(path: readonly PathSegment[]): PathSegment[] {
  return path.map((s) => (s.kind === 'all' ? { kind: 'index', index: 0 } : s));
}

/** The schema a field path reaches in a result schema, or undefined when it reaches nothing. */
export function fieldSchema(resultSchema: JsonSchema, fieldPath: string): JsonSchema | undefined {
  const path = fieldPathSegments(fieldPath);
  if (!path) return undefined;
  const found = schemaAtPath(resultSchema, walkSteps(path));
  return found.ok ? found.schema : undefined;
}

/**
 * The result fields of a tool for output handles, depth first: the whole result (`$`), then
 * each field, lists both as themselves (`rooms`) and as their elements (`rooms[]`), then the
 * elements' fields (`rooms[].room_id`). `$ref`, anyOf/oneOf/allOf branches are followed.
 */
export function resultFields(tool: ToolDef): ResultField[] {
  // Tools keep their identity across edits (structural sharing), so this is computed once per tool.
  const cached = fieldsCache.get(tool);
  if (cached && cached.returns === tool.returns) return cached.fields;
  const fields = computeResultFields(tool);
  fieldsCache.set(tool, { returns: tool.returns, fields });
  return fields;
}

const fieldsCache = new WeakMap<ToolDef, { returns: ToolDef['returns']; fields: ResultField[] }>();
const handlesCache = new WeakMap<ToolDef, { parameters: ToolDef['function']['parameters']; handles: ArgumentHandle[] }>();

function computeResultFields(tool: ToolDef): ResultField[] {
  const root = toolResultSchema(tool);
  const out: ResultField[] = [];
  const describe = (schema: JsonSchema): string | undefined => {
    const d = derefSchema(schema, root).description;
    return typeof d === 'string' ? d : undefined;
  };
  const push = (path: PathSegment[], schema: JsonSchema, label: string, inList: boolean) => {
    const types = [...schemaTypes(schema, root)];
    const field: ResultField = { path: fieldPathOf(path), label, depth: path.length, types, inList, isList: types.includes('array') };
    const description = describe(schema);
    if (description !== undefined) field.description = description;
    out.push(field);
    return field;
  };
  const visit = (path: PathSegment[], schema: JsonSchema, inList: boolean, depth: number) => {
    if (depth >= MAX_DEPTH || out.length >= MAX_FIELDS) return;
    for (const key of schemaFields(schema, root)) {
      if (out.length >= MAX_FIELDS) return;
      const childPath: PathSegment[] = [...path, { kind: 'key', key }];
      const found = schemaAtPath(root, walkSteps(childPath));
      if (!found.ok) continue;
      const field = push(childPath, found.schema, keyText(key, true), inList);
      if (field.isList) visitList(childPath, found.schema, depth + 1);
      else visit(childPath, found.schema, inList, depth + 1);
    }
  };
  const visitList = (path: PathSegment[], _schema: JsonSchema, depth: number) => {
    if (depth >= MAX_DEPTH || out.length >= MAX_FIELDS) return;
    const itemPath: PathSegment[] = [...path, { kind: 'all' }];
    const items = schemaAtPath(root, walkSteps(itemPath));
    if (!items.ok) return;
    const last = path[path.length - 1];
    const field = push(itemPath, items.schema, `${last && last.kind === 'key' ? keyText(last.key, true) : ''}[]`, true);
    if (field.isList) visitList(itemPath, items.schema, depth + 1);
    else visit(itemPath, items.schema, true, depth + 1);
  };
  const whole = push([], root, 'result', false);
  if (whole.isList) visitList([], root, 1);
  else visit([], root, false, 0);
  return out;
}

/** The tool's parameters for input handles, in the order the schema lists them. */
export function argumentHandles(tool: ToolDef): ArgumentHandle[] {
  const cached = handlesCache.get(tool);
  if (cached && cached.parameters === tool.function.parameters) return cached.handles;
  const handles = computeArgumentHandles(tool);
  handlesCache.set(tool, { parameters: tool.function.parameters, handles });
  return handles;
}

function computeArgumentHandles(tool: ToolDef): ArgumentHandle[] {
  const params = tool.function.parameters;
  const properties = isPlainObject(params.properties) ? params.properties : {};
  const required = new Set(Array.isArray(params.required) ? params.required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(properties).map(([name, raw]) => {
    const schema = isPlainObject(raw) ? derefSchema(raw, params) : {};
    const handle: ArgumentHandle = { name, required: required.has(name), types: [...schemaTypes(schema, params)], schema, known: true };
    if (typeof schema.description === 'string') handle.description = schema.description;
    return handle;
  });
}
