import type { ParsedTemplate, PathSegment, Reference, ReferenceSyntaxError, TemplatePart } from './types.ts';

/*
 * Templates and references (docs/project-format.md, "References"):
 *
 *   template  = { text | "{{" | "}}" | "{" reference "}" }
 *   reference = root { "." key | "[" ["-"] digits "]" | "[*]" | "[" ("min"|"max") ":" name { "." name } "]" | '["' chars '"]' }
 *   root      = name ;  key = name ;  name = [A-Za-z0-9_$-]+
 *
 * `.length` is parsed as a length segment; the resolver lets an object key named
 * `length` win over it. `[-1]` is the last element; `[min:price]` the element whose
 * `price` is smallest (the key is split into field names: `[max:fare.total]`).
 */

const NAME = /[A-Za-z0-9_$-]/;
const PICK = /^(min|max):([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*)$/;
/** The list steps, as told when a `[…]` is none of them. */
const LIST_STEPS = 'use [0], [1], [-1], [*], [min:field] or [max:field]';
const cache = new Map<string, ParsedTemplate>();
const CACHE_LIMIT = 5000;

/** Parses a template string. Memoised: templates are parsed once and used for every example. */
export function parseTemplate(template: string): ParsedTemplate {
  const cached = cache.get(template);
  if (cached) return cached;
  const parsed = parseUncached(template);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(template, parsed);
  return parsed;
}

function parseUncached(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const errors: ReferenceSyntaxError[] = [];
  let text = '';
  let i = 0;
  const flushText = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  while (i < template.length) {
    const ch = template[i];
    if (ch === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '}') {
      errors.push({ offset: i, message: 'a lone "}" (write "}}" for a literal brace)' });
      text += '}';
      i += 1;
    } else if (ch === '{') {
      const close = template.indexOf('}', i + 1);
      if (close < 0) {
        errors.push({ offset: i, message: 'a "{" that is never closed (write "{{" for a literal brace)' });
        text += template.slice(i);
        break;
      }
      const source = template.slice(i + 1, close);
      const result = parseReference(source);
      if (typeof result === 'string') {
        errors.push({ offset: i, message: `bad reference "{${source}}": ${result}` });
        text += template.slice(i, close + 1);
      } else {
        flushText();
        parts.push({ kind: 'ref', ref: { ...result, start: i, end: close + 1 } });
      }
      i = close + 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  flushText();
  const whole = errors.length === 0 && parts.length === 1 && parts[0].kind === 'ref' ? parts[0].ref : null;
  return { parts, errors, whole };
}

/** Parses the text between braces. Returns the reference, or a string saying what is wrong. */
export function parseReference(source: string): Omit<Reference, 'start' | 'end'> | string {
  let i = 0;
  const readName = (): string => {
    const begin = i;
    while (i < source.length && NAME.test(source[i])) i += 1;
    return source.slice(begin, i);
  };
  const root = readName();
  if (!root) return source.length === 0 ? 'it is empty' : `expected a slot name or call id at "${source.slice(i)}"`;
  const path: PathSegment[] = [];
  while (i < source.length) {
    const ch = source[i];
    if (ch === '.') {
      i += 1;
      const key = readName();
      if (!key) return `expected a field name after "." at position ${i + 1}`;
      path.push(key === 'length' ? { kind: 'length' } : { kind: 'key', key });
    } else if (ch === '[') {
      const close = source.indexOf(']', i);
      if (close < 0) return 'a "[" that is never closed';
      const inner = source.slice(i + 1, close);
      let pick: RegExpExecArray | null;
      if (inner === '*') path.push({ kind: 'all' });
      else if (/^\d+$/.test(inner)) path.push({ kind: 'index', index: Number(inner) });
      else if (/^-[1-9]\d*$/.test(inner)) path.push({ kind: 'index', index: Number(inner) });
      else if ((pick = PICK.exec(inner))) path.push({ kind: 'pick', pick: pick[1] as 'min' | 'max', key: pick[2].split('.') });
      else if (/^"[^"\\]*"$/.test(inner)) path.push({ kind: 'key', key: inner.slice(1, -1) });
      else if (/^(min|max):/.test(inner)) return `"[${inner}]" needs a field name (or a dotted path) after "${inner.slice(0, 4)}": ${LIST_STEPS}`;
      else return `"[${inner}]" is not a list step: ${LIST_STEPS}`;
      i = close + 1;
    } else {
      return `unexpected "${ch}" at position ${i + 1} (paths use .key, [n], [-n], [*], [min:field], [max:field] and .length)`;
    }
  }
  return { root, path, source };
}

/** Writes a path back as text: `[{key:'rooms'},{index:0}]` → `.rooms[0]`; `[-1]`, `[min:price]` as they are written. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (segment.kind === 'key') out += /^[A-Za-z0-9_$-]+$/.test(segment.key) && segment.key !== 'length' ? `.${segment.key}` : `["${segment.key}"]`;
    else if (segment.kind === 'index') out += `[${segment.index}]`;
    else if (segment.kind === 'all') out += '[*]';
    else if (segment.kind === 'pick') out += `[${segment.pick}:${segment.key.join('.')}]`;
    else out += '.length';
  }
  return out;
}

/** `{root}` + path as reference text, e.g. `{rooms.rooms[0].room_id}`. */
export function formatReference(root: string, path: readonly PathSegment[]): string {
  return `{${root}${formatPath(path)}}`;
}

/** Escapes literal text for a template (`{` → `{{`). */
export function escapeTemplateText(text: string): string {
  return text.replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/** Every reference in a JSON value (strings anywhere inside), with the JSON path of the string holding it. */
export function collectReferences(value: unknown, basePath: (string | number)[] = []): { ref: Reference; at: (string | number)[]; template: string }[] {
  const found: { ref: Reference; at: (string | number)[]; template: string }[] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (typeof v === 'string') {
      if (!v.includes('{')) return;
      for (const part of parseTemplate(v).parts) if (part.kind === 'ref') found.push({ ref: part.ref, at, template: v });
    } else if (Array.isArray(v)) {
      v.forEach((item, index) => walk(item, [...at, index]));
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) walk(item, [...at, key]);
    }
  };
  walk(value, basePath);
  return found;
}
