import type { Diagnostic } from '../validate/diagnostics.ts';
import { error, jsonPath } from '../validate/diagnostics.ts';
import type { JsonValue } from './types.ts';
import { isPlainObject } from './types.ts';

/**
 * A small builder for the file format (format.ts): each node is plain data that says what a
 * JSON value must be and, in words, what was expected. Three things are read off the same
 * nodes: the TypeScript type (`Infer`), the structural check the reader runs (`checkNode`,
 * here) and the published JSON Schema (formatSchema.ts, used by `npm run schema` and its
 * test only, so that the page's start carries no schema writer and no descriptions).
 *
 * Why not a library: TypeBox's value checker (26 kB gzipped for 0.34, 39 kB for 1.x) and
 * zod/mini (8 kB) each weigh more than the whole reader did (5 kB), and their messages
 * ("Expected string") name no place in words a user reads; see README, "Dependencies".
 */

/** A node: what a value must be. `T` is the value's TypeScript type (never set at run time). */
export interface Node<T = unknown> {
  readonly kind: string;
  readonly __type?: T;
}
export type Infer<N> = N extends Node<infer T> ? T : never;

/**
 * How a wrong value is described: `expected <expected>, found <what>`, or, with `says`,
 * `<says>, found <what>` (a sentence of its own, e.g. `a call id starts with a letter…`).
 */
export interface Words {
  expected?: string;
  says?: string;
}

export interface TextNode extends Node<string>, Words {
  kind: 'text';
  pattern?: RegExp;
  /** `date`: also a day the calendar has (not 2026-02-30); published as `"format": "date"`. */
  format?: 'date';
}
export interface NumberNode extends Node<number>, Words {
  kind: 'number';
  integer?: boolean;
  min?: number;
  max?: number;
}
export interface ValuesNode<V> extends Node<V>, Words {
  kind: 'values';
  values: readonly V[];
}
export interface ListNode<T> extends Node<T[]>, Words {
  kind: 'list';
  item: Node;
  minItems?: number;
  /** What is said of a list with fewer than `minItems` items (default: `expected`). */
  tooShort?: string;
}
export interface TupleNode<T> extends Node<T>, Words {
  kind: 'tuple';
  items: readonly Node[];
  /** Each item ≤ the next (the reader's rule; JSON Schema cannot say it). */
  ordered?: boolean;
}
/** A key of an object. `P`: whether the key is always there once the file is read (its type is not optional). */
export interface Field<N extends Node = Node, P extends boolean = boolean> {
  node: N;
  required: boolean;
  readonly __present?: P;
  /** Published as the schema's `default`. */
  default?: string | number;
  /** Checked by the reader before migration (format, version): published, not checked again. */
  readFirst?: boolean;
}
export type Props = { [key: string]: Field };
export interface ObjectNode<T> extends Node<T>, Words {
  kind: 'object';
  props: Props;
  /** No keys but `props` (the default allows unknown keys, which are kept on save). */
  closed?: boolean;
  /** Exactly one of two keys, with what to say when neither or both are there. */
  oneKeyOf?: { keys: readonly [string, string]; neither: string; both: string };
}
export interface RecordNode<T> extends Node<T>, Words {
  kind: 'record';
  value: Node;
  key?: { pattern?: RegExp; minLength?: number; message: (key: string) => string };
}
export interface JsonNode<T> extends Node<T> {
  kind: 'json';
}
/** Told apart by what the value is: its JSON type and, for an object, a key it has. */
export interface Test {
  type: 'string' | 'array' | 'object';
  has?: string;
}
export interface Variant {
  is: Test;
  node: Node;
}
export interface VariantsNode<T> extends Node<T>, Words {
  kind: 'variants';
  variants: readonly Variant[];
  /** What a value no variant takes is; absent: it is refused (`expected`). */
  otherwise?: Node;
}
export interface CustomNode<T> extends Node<T> {
  kind: 'custom';
  /** The schema writer (formatSchema.ts) publishes it under `$defs/<name>`. */
  name: string;
  check: (value: unknown, path: string) => Diagnostic[];
}

export type AnyNode =
  | TextNode
  | NumberNode
  | ValuesNode<unknown>
  | ListNode<unknown>
  | TupleNode<unknown>
  | ObjectNode<unknown>
  | RecordNode<unknown>
  | JsonNode<unknown>
  | VariantsNode<unknown>
  | CustomNode<unknown>;

// ---- builders ----

export const text = /* @__NO_SIDE_EFFECTS__ */ (o: Omit<TextNode, 'kind'> = {}): TextNode => ({ kind: 'text', ...o });
export const number = /* @__NO_SIDE_EFFECTS__ */ (o: Omit<NumberNode, 'kind'>): NumberNode => ({ kind: 'number', ...o });
export const values = /* @__NO_SIDE_EFFECTS__ */ <const V extends string | number>(vals: readonly V[], o: Words = {}): ValuesNode<V> => ({
  kind: 'values',
  values: vals,
  ...o,
});
export const list = /* @__NO_SIDE_EFFECTS__ */ <N extends Node>(item: N, o: Words & { minItems?: number; tooShort?: string }): ListNode<Infer<N>> => ({
  kind: 'list',
  item,
  ...o,
});
export const tuple = /* @__NO_SIDE_EFFECTS__ */ <const N extends readonly Node[]>(
  items: N,
  o: Words & { ordered?: boolean },
): TupleNode<{ -readonly [K in keyof N]: Infer<N[K]> }> => ({
  kind: 'tuple',
  items,
  ...o,
});
export const req = /* @__NO_SIDE_EFFECTS__ */ <N extends Node>(node: N, o: { readFirst?: boolean } = {}): Field<N, true> => ({ node, required: true, ...o });
export const opt = /* @__NO_SIDE_EFFECTS__ */ <N extends Node>(node: N, o: { default?: string | number } = {}): Field<N, false> => ({
  node,
  required: false,
  ...o,
});
/** Optional in the file; the reader fills it in, so the type has it always. */
export const filled = /* @__NO_SIDE_EFFECTS__ */ <N extends Node>(node: N): Field<N, true> => ({ node, required: false });

type Present<F> = F extends { __present?: true } ? true : false;
type Known<P extends Props> = { [K in keyof P as Present<P[K]> extends true ? K : never]: Infer<P[K]['node']> } & {
  [K in keyof P as Present<P[K]> extends true ? never : K]?: Infer<P[K]['node']>;
};
/** An object that allows (and keeps) unknown keys. */
export type Loose<P extends Props> = Known<P> & { [extra: string]: unknown };

export const object = /* @__NO_SIDE_EFFECTS__ */ <P extends Props>(
  props: P,
  o: Words & { oneKeyOf?: ObjectNode<unknown>['oneKeyOf'] },
): ObjectNode<Loose<P>> => ({
  kind: 'object',
  props,
  ...o,
});
export const closedObject = /* @__NO_SIDE_EFFECTS__ */ <P extends Props>(props: P, o: Words): ObjectNode<Known<P>> => ({
  kind: 'object',
  props,
  closed: true,
  ...o,
});
export const record = /* @__NO_SIDE_EFFECTS__ */ <N extends Node>(
  value: N,
  o: Words & { key?: RecordNode<unknown>['key'] },
): RecordNode<{ [key: string]: Infer<N> }> => ({
  kind: 'record',
  value,
  ...o,
});
/** Any JSON value (the whole file is searched for forbidden keys apart). */
export const json = /* @__NO_SIDE_EFFECTS__ */ <T = JsonValue>(): JsonNode<T> => ({ kind: 'json' });
export const variants = /* @__NO_SIDE_EFFECTS__ */ <const V extends readonly Variant[], O extends Node = Node<never>>(
  vs: V,
  o: Words & { otherwise?: O },
): VariantsNode<Infer<V[number]['node']> | Infer<O>> => ({ kind: 'variants', variants: vs, ...o });
export const custom = /* @__NO_SIDE_EFFECTS__ */ <T>(name: string, check: (value: unknown, path: string) => Diagnostic[]): CustomNode<T> => ({
  kind: 'custom',
  name,
  check,
});
/** The same node, typed as `T` where the inferred type is not the one the rest of the code reads (a JSON Schema object). */
export const typed = /* @__NO_SIDE_EFFECTS__ */ <T>(node: Node): Node<T> => node as Node<T>;

// ---- the check ----

/** A few words for what was found: `null`, `a list`, `an object`, `string "0"`. */
export const describeFound = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

function wrong(node: Words, path: string, found: unknown, out: Diagnostic[]): void {
  const what = node.says ?? `expected ${node.expected ?? 'something else'}`;
  out.push(error('invalid', path, `${what}, found ${describeFound(found)}`));
}

/** `YYYY-MM-DD` naming a day that exists (not 2026-02-30), as JSON Schema's `"format": "date"`. */
function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function passes(test: Test, v: unknown): boolean {
  if (test.type === 'string') return typeof v === 'string';
  if (test.type === 'array') return Array.isArray(v);
  return isPlainObject(v) && (test.has === undefined || test.has in v);
}

/** Every structural fault of `value` against `node`, at `path` (a JSON path), into `out`. */
export function checkNode(node: Node, value: unknown, path: string, out: Diagnostic[]): void {
  const n = node as AnyNode;
  switch (n.kind) {
    case 'text':
      if (typeof value !== 'string' || (n.pattern && !n.pattern.test(value)) || (n.format === 'date' && !isCalendarDay(value))) wrong(n, path, value, out);
      return;
    case 'number':
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (n.integer && !Number.isInteger(value)) ||
        (n.min !== undefined && value < n.min) ||
        (n.max !== undefined && value > n.max)
      )
        wrong(n, path, value, out);
      return;
    case 'values':
      if (!n.values.includes(value)) wrong(n, path, value, out);
      return;
    case 'list':
      if (!Array.isArray(value)) return wrong(n, path, value, out);
      if (n.minItems !== undefined && value.length < n.minItems) return wrong({ expected: n.tooShort ?? n.expected, says: n.says }, path, value, out);
      value.forEach((item, i) => checkNode(n.item, item, jsonPath(path, i), out));
      return;
    case 'tuple': {
      const fine =
        Array.isArray(value) &&
        value.length === n.items.length &&
        n.items.every((item, i) => {
          const inner: Diagnostic[] = [];
          checkNode(item, value[i], path, inner);
          return inner.length === 0;
        }) &&
        (!n.ordered || value.every((v, i) => i === 0 || (value[i - 1] as number) <= (v as number)));
      if (!fine) wrong(n, path, value, out);
      return;
    }
    case 'object': {
      if (!isPlainObject(value)) return wrong(n, path, value, out);
      for (const [key, field] of Object.entries(n.props)) {
        if (field.readFirst) continue;
        const at = jsonPath(path, key);
        if (!(key in value) || value[key] === undefined) {
          if (field.required) out.push(error('invalid', at, `"${key}" is required here`));
        } else checkNode(field.node, value[key], at, out);
      }
      if (n.closed && Object.keys(value).some((k) => !(k in n.props))) wrong(n, path, value, out);
      if (n.oneKeyOf) {
        const [a, b] = n.oneKeyOf.keys;
        const has = (k: string) => value[k] !== undefined;
        if (!has(a) && !has(b)) out.push(error('invalid', path, n.oneKeyOf.neither));
        if (has(a) && has(b)) out.push(error('invalid', path, n.oneKeyOf.both));
      }
      return;
    }
    case 'record':
      if (!isPlainObject(value)) return wrong(n, path, value, out);
      for (const [key, item] of Object.entries(value)) {
        const at = jsonPath(path, key);
        const k = n.key;
        if (k && ((k.pattern && !k.pattern.test(key)) || key.length < (k.minLength ?? 0))) out.push(error('invalid', at, k.message(key)));
        checkNode(n.value, item, at, out);
      }
      return;
    case 'json':
      return; // any JSON; forbidden keys are looked for over the whole file (shape.ts)
    case 'variants': {
      const variant = n.variants.find((v) => passes(v.is, value));
      if (variant) checkNode(variant.node, value, path, out);
      else if (n.otherwise) checkNode(n.otherwise, value, path, out);
      else wrong(n, path, value, out);
      return;
    }
    case 'custom':
      out.push(...n.check(value, path));
      return;
  }
}
