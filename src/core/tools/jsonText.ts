/**
 * Reading pasted or loaded JSON text for the tool library: a size limit checked before
 * parsing, syntax errors with their line, a nesting limit, and the forbidden keys
 * (`__proto__`, `constructor`, `prototype`). Never throws.
 */
import { error, jsonPath } from '../findings/finding.ts';
import { lineOf, locateJsonPaths } from '../project/jsonLocate.ts';
import { jsonSyntaxPlace, syntaxMessage } from '../project/jsonSyntaxPlace.ts';
import { findForbiddenKeys } from '../project/shape.ts';
import type { ToolIssue } from './types.ts';

/** Imports and pasted definitions larger than this are refused before they are parsed. */
export const MAX_TOOL_TEXT_CHARS = 5 * 1024 * 1024;
/** Deeper JSON is refused (tool definitions nest a few levels; this keeps every walk safe). */
export const MAX_JSON_DEPTH = 100;

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; errors: ToolIssue[] };

export interface JsonTextOptions {
  maxChars?: number;
  /** What the text is, for messages: "the import", "the definition"… */
  what?: string;
}

const megabytes = (chars: number) => `${(chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

export function parseJsonText(text: string, options: JsonTextOptions = {}): JsonTextResult {
  const max = options.maxChars ?? MAX_TOOL_TEXT_CHARS;
  const what = options.what ?? 'the text';
  if (typeof text !== 'string') return { ok: false, errors: [error('not-text', '$', `expected JSON text, found ${typeof text}`)] };
  if (text.length > max) {
    return {
      ok: false,
      errors: [
        error(
          'too-large',
          '$',
          `${what} is ${megabytes(text.length)}, more than the ${megabytes(max)} limit; nothing was read — split it, or keep only the tool definitions`,
        ),
      ],
    };
  }
  if (text.trim() === '') return { ok: false, errors: [error('empty', '$', `${what} is empty: paste JSON`, { line: 1 })] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [syntaxError(text, e)] };
  }
  const tooDeep = depthExceeded(value, MAX_JSON_DEPTH);
  if (tooDeep)
    return {
      ok: false,
      errors: withLines(text, [error('too-deep', tooDeep, `nested more than ${MAX_JSON_DEPTH} levels deep; tool definitions never need that`)]),
    };
  const forbidden = findForbiddenKeys(value).map((d): ToolIssue => error(d.code, d.path, d.message.replace('in a project', 'in a tool definition')));
  if (forbidden.length) return { ok: false, errors: withLines(text, forbidden) };
  return { ok: true, value };
}

/** Where the text stops being JSON and what was expected there (JSON.parse names no place for most mistakes). */
function syntaxError(text: string, e: unknown): ToolIssue {
  const place = jsonSyntaxPlace(text);
  if (place) return error('not-json', '$', syntaxMessage(text, place), { line: place.line, column: place.column });
  return error('not-json', '$', `not valid JSON: ${(e instanceof Error ? e.message : String(e)).replace(/^JSON\.parse: /, '')}`);
}

/** The path of the first value nested deeper than `max` levels, or null. Iterative: safe on any input. */
export function depthExceeded(value: unknown, max: number): string | null {
  interface Entry {
    value: unknown;
    depth: number;
    parent: Entry | null;
    key: string | number;
  }
  const stack: Entry[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length) {
    const entry = stack.pop() as Entry;
    const v = entry.value;
    if (v === null || typeof v !== 'object') continue;
    if (entry.depth >= max) return pathOf(entry);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], depth: entry.depth + 1, parent: entry, key: i });
    else for (const key of Object.keys(v)) stack.push({ value: (v as Record<string, unknown>)[key], depth: entry.depth + 1, parent: entry, key });
  }
  return null;

  function pathOf(entry: Entry): string {
    const keys: (string | number)[] = [];
    for (let e: Entry | null = entry; e && e.parent; e = e.parent) keys.push(e.key);
    return jsonPath('$', ...keys.reverse());
  }
}

/** Adds the line of each issue's path (or its nearest ancestor) in `text`, which must be valid JSON. */
export function withLines(text: string, issues: ToolIssue[]): ToolIssue[] {
  if (!issues.some((i) => i.line === undefined)) return issues;
  const lines = locateJsonPaths(text);
  return issues.map((i) => (i.line === undefined ? { ...i, line: lineOf(lines, i.path) } : i));
}
