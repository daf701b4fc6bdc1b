import type { JsonValue } from '../project/types.ts';
import { parseTemplate } from '../refs/parse.ts';
import { pickIndex, renderTemplate, renderValue, toText, type RootLookup } from '../refs/resolve.ts';
import type { PathSegment } from '../refs/types.ts';

/**
 * Templates and argument values compiled once per generator, for the hot loop: the same
 * values as `renderTemplate` / `renderValue` (refs/resolve.ts), without re-parsing the
 * template or formatting error messages on success. On failure the caller asks the plain
 * renderer again for the message (`explain`), so messages stay exactly the same.
 */

/** What a reference's root can be: the slots and the results so far, by name. */
export type Scope = { [root: string]: JsonValue };

/** Returned instead of a value when a reference does not resolve. */
export const UNRESOLVED: unique symbol = Symbol('unresolved');
export type Rendered = JsonValue | typeof UNRESOLVED;

export interface Compiled {
  render(scope: Scope): Rendered;
  /** The message `renderValue` / `renderTemplate` gives for this scope (call after UNRESOLVED). */
  explain(scope: Scope): string;
}

const hasOwn = Object.prototype.hasOwnProperty;

function lookupOf(scope: Scope): RootLookup {
  return (root) => (hasOwn.call(scope, root) ? scope[root] : undefined);
}

/** resolvePath without messages: the value, or UNRESOLVED. It must give the same values as resolvePath (refs/resolve.ts). */
function follow(value: JsonValue, path: readonly PathSegment[], from: number): Rendered {
  let current: JsonValue = value;
  for (let i = from; i < path.length; i += 1) {
    const segment = path[i];
    switch (segment.kind) {
      case 'key':
        if (current === null || typeof current !== 'object' || Array.isArray(current) || !hasOwn.call(current, segment.key)) return UNRESOLVED;
        current = (current as { [k: string]: JsonValue })[segment.key];
        break;
      case 'index': {
        if (!Array.isArray(current)) return UNRESOLVED;
        const at = segment.index < 0 ? current.length + segment.index : segment.index;
        if (at < 0 || at >= current.length) return UNRESOLVED;
        current = current[at];
        break;
      }
      case 'pick': {
        if (!Array.isArray(current)) return UNRESOLVED;
        const at = pickIndex(current, segment.pick, segment.key);
        if (at < 0) return UNRESOLVED;
        current = current[at];
        break;
      }
      case 'length':
        if (current !== null && typeof current === 'object' && !Array.isArray(current) && hasOwn.call(current, 'length')) {
          current = (current as { [k: string]: JsonValue }).length;
        } else if (Array.isArray(current) || typeof current === 'string') {
          current = current.length;
        } else return UNRESOLVED;
        break;
      case 'all': {
        if (!Array.isArray(current)) return UNRESOLVED;
        const out: JsonValue[] = [];
        let flatten = false;
        for (let k = i + 1; k < path.length; k += 1) if (path[k].kind === 'all') flatten = true;
        for (const item of current) {
          const r = follow(item, path, i + 1);
          if (r === UNRESOLVED) return r;
          if (flatten && Array.isArray(r)) for (const x of r) out.push(x);
          else out.push(r);
        }
        return out;
      }
    }
  }
  return current;
}

type Part = string | { root: string; path: readonly PathSegment[] };

function resolveRef(scope: Scope, root: string, path: readonly PathSegment[]): Rendered {
  if (!hasOwn.call(scope, root)) return UNRESOLVED;
  const value = scope[root];
  return path.length === 0 ? value : follow(value, path, 0);
}

/**
 * A template (request, reply, or a string argument). `asText` (requests, replies) always
 * gives text, with lists of strings or of numbers written in words (`A, B and C`), as
 * `renderTemplate(template, lookup, true)` does.
 */
export function compileTemplate(template: string, asText = false): Compiled {
  const explain = (scope: Scope) => {
    const r = renderTemplate(template, lookupOf(scope), asText);
    return r.ok ? 'the value changed between two renderings' : r.message;
  };
  if (!template.includes('{') && !template.includes('}')) return { render: () => template, explain };
  const parsed = parseTemplate(template);
  if (parsed.errors.length) return { render: () => UNRESOLVED, explain };
  if (parsed.whole) {
    const { root, path } = parsed.whole;
    const render = asText
      ? (scope: Scope): Rendered => {
          const v = resolveRef(scope, root, path);
          return v === UNRESOLVED ? v : toText(v, true);
        }
      : (scope: Scope): Rendered => resolveRef(scope, root, path);
    return { render, explain };
  }
  const parts: Part[] = parsed.parts.map((p) => (p.kind === 'text' ? p.text : { root: p.ref.root, path: p.ref.path }));
  return {
    render(scope) {
      let out = '';
      for (let k = 0; k < parts.length; k += 1) {
        const part = parts[k];
        if (typeof part === 'string') out += part;
        else {
          const v = resolveRef(scope, part.root, part.path);
          if (v === UNRESOLVED) return v;
          // Written into a longer text (a request, a reply, or an argument such as a title): a list of words reads as words.
          out += typeof v === 'string' ? v : toText(v, true);
        }
      }
      return out;
    },
    explain,
  };
}

/** An argument value: templates in every string, nested freely in objects and lists. */
export function compileValue(value: JsonValue): Compiled {
  const explain = (scope: Scope) => {
    const r = renderValue(value, lookupOf(scope));
    return r.ok ? 'the value changed between two renderings' : r.message;
  };
  return { render: compileNode(value), explain };
}

function compileNode(value: JsonValue): (scope: Scope) => Rendered {
  if (typeof value === 'string') return compileTemplate(value).render;
  if (Array.isArray(value)) {
    const items = value.map(compileNode);
    return (scope) => {
      const out: JsonValue[] = [];
      for (let k = 0; k < items.length; k += 1) {
        const r = items[k](scope);
        if (r === UNRESOLVED) return r;
        out.push(r);
      }
      return out;
    };
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const items = keys.map((k) => compileNode(value[k]));
    return (scope) => {
      const out: { [k: string]: JsonValue } = {};
      for (let k = 0; k < keys.length; k += 1) {
        const r = items[k](scope);
        if (r === UNRESOLVED) return r;
        out[keys[k]] = r;
      }
      return out;
    };
  }
  return () => value;
}
