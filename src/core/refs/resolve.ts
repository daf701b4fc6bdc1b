import type { JsonValue } from '../project/types.ts';
import type { PathSegment, Reference, TemplatePart } from './types.ts';
import { parseTemplate } from './parse.ts';
import { formatPath } from './parse.ts';
import { listInWords } from './listInWords.ts';

export type Resolved = { ok: true; value: JsonValue } | { ok: false; message: string };

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Which element `[min:key]` / `[max:key]` picks from a list: the index of the element
 * whose key (field names followed from the element) is smallest / largest, the first one
 * on ties; -1 when no element has a comparable key. Numbers compare numerically, strings
 * as text (so ISO dates compare as dates). The first element whose key is a number or a
 * string decides which of the two is compared; elements where the key is absent or of
 * another type are skipped. Shared by `resolvePath` and the compiled renderer, so both
 * pick the same element.
 */
export function pickIndex(list: readonly JsonValue[], pick: 'min' | 'max', key: readonly string[]): number {
  let best = -1;
  let bestValue: number | string = 0;
  let kind: 'number' | 'string' | undefined;
  for (let i = 0; i < list.length; i += 1) {
    let v: JsonValue | undefined = list[i];
    for (let k = 0; k < key.length && v !== undefined; k += 1) {
      v = v !== null && typeof v === 'object' && !Array.isArray(v) && hasOwn.call(v, key[k]) ? (v as { [k: string]: JsonValue })[key[k]] : undefined;
    }
    if (typeof v === 'number') {
      if (kind === undefined) kind = 'number';
      else if (kind !== 'number') continue;
    } else if (typeof v === 'string') {
      if (kind === undefined) kind = 'string';
      else if (kind !== 'string') continue;
    } else continue;
    if (best < 0 || (pick === 'min' ? v < bestValue : v > bestValue)) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/**
 * Follows a path into a value. `[*]` maps the rest of the path over every element;
 * several `[*]` give one flat list. `.length` is the length of an array or a string,
 * unless the value is an object with its own `length` key. `[-n]` counts from the end;
 * `[min:key]` / `[max:key]` pick one element (see `pickIndex`).
 */
export function resolvePath(value: JsonValue, path: readonly PathSegment[], from = 0): Resolved {
  let current: JsonValue = value;
  for (let i = from; i < path.length; i += 1) {
    const segment = path[i];
    const where = formatPath(path.slice(0, i)) || '(the value)';
    switch (segment.kind) {
      case 'key': {
        if (current === null || typeof current !== 'object' || Array.isArray(current) || !hasOwn.call(current, segment.key)) {
          return { ok: false, message: `${where} has no field "${segment.key}"` };
        }
        current = (current as { [k: string]: JsonValue })[segment.key];
        break;
      }
      case 'index': {
        if (!Array.isArray(current)) return { ok: false, message: `${where} is not a list, so [${segment.index}] does not apply` };
        const at = segment.index < 0 ? current.length + segment.index : segment.index;
        if (at < 0 || at >= current.length) return { ok: false, message: `${where} has ${current.length} items, so [${segment.index}] is out of range` };
        current = current[at];
        break;
      }
      case 'pick': {
        const step = `[${segment.pick}:${segment.key.join('.')}]`;
        if (!Array.isArray(current)) return { ok: false, message: `${where} is not a list, so ${step} does not apply` };
        if (current.length === 0) return { ok: false, message: `${where} is an empty list, so ${step} has no element` };
        const at = pickIndex(current, segment.pick, segment.key);
        if (at < 0) return { ok: false, message: `no element of ${where} has a number or a string at "${segment.key.join('.')}", so ${step} has no element` };
        current = current[at];
        break;
      }
      case 'length': {
        if (current !== null && typeof current === 'object' && !Array.isArray(current) && hasOwn.call(current, 'length')) {
          current = (current as { [k: string]: JsonValue }).length;
        } else if (Array.isArray(current) || typeof current === 'string') {
          current = current.length;
        } else {
          return { ok: false, message: `${where} is not a list or text, so .length does not apply` };
        }
        break;
      }
      case 'all': {
        if (!Array.isArray(current)) return { ok: false, message: `${where} is not a list, so [*] does not apply` };
        const out: JsonValue[] = [];
        const flatten = path.slice(i + 1).some((s) => s.kind === 'all');
        for (const item of current) {
          const r = resolvePath(item, path, i + 1);
          if (!r.ok) return r;
          if (flatten && Array.isArray(r.value)) out.push(...r.value);
          else out.push(r.value);
        }
        return { ok: true, value: out };
      }
    }
  }
  return { ok: true, value: current };
}

/** Looks up the value of a reference's root (a slot value or a call's result). */
export type RootLookup = (root: string) => JsonValue | undefined;

export function resolveReference(ref: Reference, lookup: RootLookup): Resolved {
  const root = lookup(ref.root);
  if (root === undefined) return { ok: false, message: `"${ref.root}" is neither a slot nor an earlier call` };
  return resolvePath(root, ref.path);
}

/** Whether every item of a list is a string, or every item a number (an empty list is both). */
function wordsList(value: JsonValue[]): value is string[] | number[] {
  if (value.length === 0) return true;
  const first = typeof value[0];
  if (first !== 'string' && first !== 'number') return false;
  for (let i = 1; i < value.length; i += 1) if (typeof value[i] !== first) return false;
  return true;
}

/**
 * Text of a value written into a longer string: strings as they are, anything else as
 * JSON. With `asText` (requests and replies), a list of strings or of numbers is written
 * in words (`A, B and C`, see `listInWords`); other lists and objects stay JSON.
 */
export function toText(value: JsonValue, asText = false): string {
  if (typeof value === 'string') return value;
  if (asText && Array.isArray(value) && wordsList(value)) return listInWords(value);
  return JSON.stringify(value);
}

/**
 * Fills a template. A template that is exactly one reference keeps the value's type;
 * otherwise references are written into the text. Unresolvable references are reported.
 * With `asText` (requests and replies) the result is always text, and lists of strings or
 * numbers are written in words (`toText`), the whole-reference template included.
 */
export function renderTemplate(template: string, lookup: RootLookup, asText = false): Resolved {
  if (!template.includes('{') && !template.includes('}')) return { ok: true, value: template };
  const parsed = parseTemplate(template);
  if (parsed.errors.length) return { ok: false, message: parsed.errors[0].message };
  if (parsed.whole) {
    const r = resolveReference(parsed.whole, lookup);
    return asText && r.ok ? { ok: true, value: toText(r.value, true) } : r;
  }
  return renderParts(parsed.parts, lookup);
}

/** References written into a longer text: lists of strings or numbers in words, whatever the template is for. */
function renderParts(parts: readonly TemplatePart[], lookup: RootLookup): Resolved {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else {
      const r = resolveReference(part.ref, lookup);
      if (!r.ok) return { ok: false, message: `{${part.ref.source}}: ${r.message}` };
      out += toText(r.value, true);
    }
  }
  return { ok: true, value: out };
}

/** Fills every template inside a JSON value (arguments may nest objects and lists). */
export function renderValue(value: JsonValue, lookup: RootLookup): Resolved {
  if (typeof value === 'string') return renderTemplate(value, lookup);
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const r = renderValue(item, lookup);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (value !== null && typeof value === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
      const r = renderValue(value[key], lookup);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value };
}
