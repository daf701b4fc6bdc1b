/**
 * Maps JSON paths (`$.chains[0].calls[1].tool`) to 1-based line numbers in the source
 * text, so that a diagnostic can name the line as well as the path. Only called when
 * there is something to report; assumes the text is valid JSON.
 */
import { jsonPath } from '../validate/diagnostics.ts';

export function locateJsonPaths(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line += 1;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i += 1;
    }
  };
  const readString = (): string => {
    const begin = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(begin, i)) as string;
  };
  const value = (path: string) => {
    skip();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i += 1;
      skip();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        skip();
        const keyLine = line;
        const key = readString();
        skip();
        i += 1; // ':'
        const child = jsonPath(path, key);
        value(child);
        lines.set(child, keyLine);
        skip();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        i += 1; // '}'
        return;
      }
    } else if (c === '[') {
      i += 1;
      skip();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        value(jsonPath(path, index));
        skip();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        i += 1; // ']'
        return;
      }
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i += 1;
    }
  };
  try {
    value('$');
  } catch {
    // Not valid JSON: callers only use this on text that parsed.
  }
  return lines;
}

/** The line of the deepest known ancestor of a path (the exact path may not exist, e.g. a missing key). */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  let p = path;
  for (;;) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return lines.get('$');
    p = p.slice(0, cut);
  }
}

/** 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i += 1)
    if (text[i] === '\n') {
      line += 1;
      lastBreak = i;
    }
  return { line, column: offset - lastBreak };
}
