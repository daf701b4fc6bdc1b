/** `$ref` resolution inside one root schema (`#`, `#/$defs/...`, `#/definitions/...`, any JSON pointer). */
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { isObject } from './json.ts';

export type SchemaLike = JsonSchema | boolean;

/** The schema at `ref` inside `root`, or undefined when it is not a local JSON pointer that resolves. */
export function resolveRef(root: SchemaLike, ref: string): SchemaLike | undefined {
  if (ref === '#' || ref === '') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: JsonValue = root;
  for (const raw of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      node = node[Number(key)];
    } else if (isObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
      node = node[key];
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return isObject(node) || typeof node === 'boolean' ? (node as SchemaLike) : undefined;
}
