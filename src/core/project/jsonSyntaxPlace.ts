/**
 * Where a text stops being JSON, and what a JSON reader expected there: the 1-based line and
 * column of the first character it cannot take (or the end of the text when the text ends
 * too early). `JSON.parse` names no position for most mistakes in Chromium and Node
 * ("Unexpected token '}', … is not valid JSON"), so the place is found by reading the text
 * again here. Iterative (any nesting depth is safe); never throws.
 */

export interface JsonSyntaxPlace {
  /** 0-based offset in the text. */
  offset: number;
  line: number;
  column: number;
  /** What was expected there: "a value", "\",\" or \"}\"", … */
  expected: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after';

/** The place of the first syntax error, or null when the text is JSON. */
export function jsonSyntaxPlace(text: string): JsonSyntaxPlace | null {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let want: Want = 'value';
  const fail = (at: number, expected: string): JsonSyntaxPlace => placeAt(text, at, expected);
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i])) i += 1;
  };
  /** Reads a string starting at i (a quote); returns the failing place or null. */
  const readString = (): JsonSyntaxPlace | null => {
    i += 1;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i += 1;
        return null;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return fail(i, 'a \\u escape with four hexadecimal digits');
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return fail(i, 'a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u0000)');
        continue;
      }
      if (c.charCodeAt(0) < 0x20) return fail(i, 'the closing quote of the string (a line break inside a string is written \\n)');
      i += 1;
    }
    return fail(i, 'the closing quote of the string');
  };
  const closer = (top: '{' | '[') => (top === '{' ? '}' : ']');

  for (;;) {
    skip();
    const c = text[i];
    if (want === 'after') {
      const top = stack.at(-1);
      if (top === undefined) return i >= text.length ? null : fail(i, 'the end of the text (one JSON value only)');
      if (c === ',') {
        i += 1;
        want = top === '{' ? 'key' : 'value';
      } else if (c === closer(top)) {
        i += 1;
        stack.pop();
      } else return fail(i, `"," or "${closer(top)}"`);
      continue;
    }
    if (want === 'key' || want === 'key-or-close') {
      if (want === 'key-or-close' && c === '}') {
        i += 1;
        stack.pop();
        want = 'after';
        continue;
      }
      if (c !== '"') return fail(i, want === 'key' ? 'a property name in double quotes' : 'a property name in double quotes, or "}"');
      const bad = readString();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return fail(i, '":" after the property name');
      i += 1;
      want = 'value';
      continue;
    }
    // A value (or, just after "[", the end of the list).
    if (want === 'value-or-close' && c === ']') {
      i += 1;
      stack.pop();
      want = 'after';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i += 1;
      want = c === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (c === '"') {
      const bad = readString();
      if (bad) return bad;
      want = 'after';
      continue;
    }
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word) {
      i += word.length;
      want = 'after';
      continue;
    }
    NUMBER.lastIndex = i;
    const number = c !== undefined && /[-\d]/.test(c) ? NUMBER.exec(text) : null;
    if (number) {
      i += number[0].length;
      want = 'after';
      continue;
    }
    return fail(i, want === 'value-or-close' ? 'a value or "]"' : 'a value (an object, a list, a string in double quotes, a number, true, false or null)');
  }
}

function placeAt(text: string, offset: number, expected: string): JsonSyntaxPlace {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k += 1) {
    if (text[k] === '\n') {
      line += 1;
      start = k + 1;
    }
  }
  return { offset, line, column: offset - start + 1, expected };
}

/** "expected "," or "}", found "]"" — the message for a place, naming what is there. */
export function syntaxMessage(text: string, place: JsonSyntaxPlace): string {
  const found = place.offset >= text.length ? 'the end of the text' : JSON.stringify([...text.slice(place.offset)][0]);
  return `not valid JSON: expected ${place.expected}, found ${found}`;
}
