import type { JsonValue } from '../project/types.ts';
import type { PathSegment, Reference, TemplatePart } from './types.ts';
import { parseTemplate } from './parse.ts';
import { formatPath } from './parse.ts';

export type Resolved = { ok: true; value: JsonValue } | { ok: false; message: string };

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Follows a path into a value. `[*]` maps the rest of the path over every element;
 * several `[*]` give one flat list. `.length` is the length of an array or a string,
 * unless the value is an object with its own `length` key.
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
        if (segment.index >= current.length) return { ok: false, message: `${where} has ${current.length} items, so [${segment.index}] is out of range` };
        current = current[segment.index];
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

/** Text of a value written into a longer string: strings as they are, anything else as JSON. */
export function toText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Fills a template. A template that is exactly one reference keeps the value's type;
 * otherwise references are written into the text. Unresolvable references are reported.
 */
export function renderTemplate(template: string, lookup: RootLookup): Resolved {
  if (!template.includes('{') && !template.includes('}')) return { ok: true, value: template };
  const parsed = parseTemplate(template);
  if (parsed.errors.length) return { ok: false, message: parsed.errors[0].message };
  if (parsed.whole) return resolveReference(parsed.whole, lookup);
  return renderParts(parsed.parts, lookup);
}

function renderParts(parts: readonly TemplatePart[], lookup: RootLookup): Resolved {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else {
      const r = resolveReference(part.ref, lookup);
      if (!r.ok) return { ok: false, message: `{${part.ref.source}}: ${r.message}` };
      out += toText(r.value);
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
