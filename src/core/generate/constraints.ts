import type { JsonSchema } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { derefSchema } from '../refs/schemaPath.ts';
import type { PathSegment } from '../refs/types.ts';

/**
 * A result schema tightened so that the references other calls make into it always
 * resolve: a field on a referenced path becomes required, and an array read at `[n]` gets
 * at least n+1 items (`[-n]` at least n, `[*]` at least one). An array read at `[min:key]`
 * / `[max:key]` gets at least one item, and the key's fields become required in the item
 * schema (a key whose `type` lists other types besides number, integer and string keeps
 * only those), so the pick always finds a comparable element. The tightened schema only
 * narrows the original, so every result still validates against the tool's declared
 * `returns`.
 */
export function tightenForPaths(schema: JsonSchema, paths: readonly (readonly PathSegment[])[], guarded: readonly (readonly PathSegment[])[] = []): JsonSchema {
  if (paths.length === 0 && guarded.length === 0) return schema;
  const root = structuredClone(schema);
  for (const path of paths) tighten(root, path, 0, root);
  // Reads guarded by a condition (a reply variant's `when`): their fields are made required, but
  // lists keep their minItems, so the examples the guard turns away (an empty list) still happen.
  for (const path of guarded) tighten(root, path, 0, root, false);
  return root;
}

function tighten(schema: JsonSchema, path: readonly PathSegment[], at: number, root: JsonSchema, lengths = true): void {
  if (at >= path.length) return;
  const node = derefSchema(schema, root);
  const segment = path[at];
  if (segment.kind === 'key') {
    const props = node.properties;
    if (!isPlainObject(props) || !isPlainObject(props[segment.key])) return;
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    if (!required.includes(segment.key)) node.required = [...required, segment.key];
    tighten(props[segment.key] as JsonSchema, path, at + 1, root, lengths);
  } else if (segment.kind === 'index' || segment.kind === 'all' || segment.kind === 'pick') {
    const need = segment.kind === 'index' ? (segment.index < 0 ? -segment.index : segment.index + 1) : 1;
    const min = typeof node.minItems === 'number' ? node.minItems : 0;
    const max = typeof node.maxItems === 'number' ? node.maxItems : Infinity;
    if (lengths && min < need && need <= max) node.minItems = need;
    if (!isPlainObject(node.items)) return;
    if (segment.kind === 'pick') requireKey(node.items as JsonSchema, segment.key, root);
    tighten(node.items as JsonSchema, path, at + 1, root, lengths);
  }
}

const COMPARABLE = ['number', 'integer', 'string'];

/** Makes a pick's key path required in the item schema, its last field of a comparable type. */
function requireKey(items: JsonSchema, key: readonly string[], root: JsonSchema): void {
  let schema = items;
  for (const field of key) {
    const node = derefSchema(schema, root);
    const props = node.properties;
    if (!isPlainObject(props) || !isPlainObject(props[field])) return;
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    if (!required.includes(field)) node.required = [...required, field];
    schema = props[field] as JsonSchema;
  }
  const leaf = derefSchema(schema, root);
  if (Array.isArray(leaf.type)) {
    const comparable = leaf.type.filter((t) => typeof t === 'string' && COMPARABLE.includes(t));
    if (comparable.length > 0 && comparable.length < leaf.type.length) leaf.type = comparable.length === 1 ? comparable[0] : comparable;
  }
}
