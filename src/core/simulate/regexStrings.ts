/**
 * Strings for simple regular expressions (the `pattern` keyword): literals, `.`, `\d \w \s`,
 * character classes with ranges (also negated), groups, alternation and the quantifiers
 * `? * + {n} {n,} {n,m}`. Anything else (back-references, look-arounds, `\b`, …) is not
 * supported: `compilePattern` returns null and the caller falls back.
 * The output is meant to match; callers still test it against the real RegExp.
 */
import type { Rng } from './rng.ts';

type Node =
  { kind: 'chars'; set: string } | { kind: 'seq'; items: Node[] } | { kind: 'alt'; options: Node[] } | { kind: 'repeat'; node: Node; min: number; max: number };

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WORD = `${LOWER}${UPPER}${DIGITS}_`;
const PRINTABLE = (() => {
  let s = '';
  for (let c = 32; c < 127; c++) s += String.fromCharCode(c);
  return s;
})();
const DOT = `${LOWER}${UPPER}${DIGITS}`;
/** Extra repetitions allowed for unbounded quantifiers (`*`, `+`, `{n,}`). */
const OPEN_EXTRA = 3;

class Unsupported extends Error {}

function complement(set: string): string {
  let out = '';
  for (const ch of PRINTABLE) if (!set.includes(ch)) out += ch;
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    if (this.src[this.i] === '^') this.i++;
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unsupported();
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (ch === '|' || ch === ')') break;
      if (ch === '$') {
        // Only allowed at the very end (of the pattern or of a group/alternative).
        this.i++;
        const next = this.src[this.i];
        if (next !== undefined && next !== '|' && next !== ')') throw new Unsupported();
        continue;
      }
      if (ch === '^') throw new Unsupported();
      let atom = this.atom();
      atom = this.quantified(atom);
      items.push(atom);
    }
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const ch = this.src[this.i];
    let min: number;
    let max: number;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, OPEN_EXTRA];
    else if (ch === '+') [min, max] = [1, 1 + OPEN_EXTRA];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? min + OPEN_EXTRA : Number(m[3]);
      if (max < min || max > 1000) throw new Unsupported();
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i++; // lazy / possessive
    if ('?*+{'.includes(this.src[this.i] ?? '')) throw new Unsupported();
    return { kind: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const ch = this.src[this.i];
    if (ch === '(') {
      this.i++;
      if (this.src[this.i] === '?') {
        if (this.src[this.i + 1] === ':') this.i += 2;
        else if (this.src[this.i + 1] === '<' && /[A-Za-z]/.test(this.src[this.i + 2] ?? '')) {
          const end = this.src.indexOf('>', this.i);
          if (end < 0) throw new Unsupported();
          this.i = end + 1;
        } else throw new Unsupported();
      }
      const inner = this.alternation();
      if (this.src[this.i] !== ')') throw new Unsupported();
      this.i++;
      return inner;
    }
    if (ch === '[') return this.charClass();
    if (ch === '.') {
      this.i++;
      return { kind: 'chars', set: DOT };
    }
    if (ch === '\\') {
      this.i++;
      return { kind: 'chars', set: this.escape(false) };
    }
    if (ch === ')' || ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}' || ch === ']') {
      throw new Unsupported();
    }
    this.i += ch.length;
    return { kind: 'chars', set: ch };
  }

  /** After a backslash: the characters it stands for. */
  private escape(inClass: boolean): string {
    const ch = this.src[this.i++];
    switch (ch) {
      case 'd':
        return DIGITS;
      case 'w':
        return WORD;
      case 's':
        return ' ';
      case 'D':
        return complement(DIGITS);
      case 'W':
        return complement(WORD);
      case 'S':
        return DOT;
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported();
        this.i += 4;
        return String.fromCharCode(parseInt(m[0], 16));
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported();
        this.i += 2;
        return String.fromCharCode(parseInt(m[0], 16));
      }
      case undefined:
        throw new Unsupported();
      default:
        if (inClass && ch === 'b') return '\b';
        // Escaped punctuation stands for itself; letters/digits (\b, \1, \p, …) are not supported.
        if (/[A-Za-z0-9]/.test(ch)) throw new Unsupported();
        return ch;
    }
  }

  private charClass(): Node {
    this.i++; // [
    let negate = false;
    if (this.src[this.i] === '^') {
      negate = true;
      this.i++;
    }
    let set = '';
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let lo: string;
      if (this.src[this.i] === '\\') {
        this.i++;
        const esc = this.escape(true);
        if (esc.length !== 1) {
          set += esc;
          continue;
        }
        lo = esc;
      } else if (this.src[this.i] === '[') {
        throw new Unsupported();
      } else {
        lo = this.src[this.i++];
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        let hi: string;
        if (this.src[this.i] === '\\') {
          this.i++;
          hi = this.escape(true);
          if (hi.length !== 1) throw new Unsupported();
        } else hi = this.src[this.i++];
        const a = lo.charCodeAt(0);
        const b = hi.charCodeAt(0);
        if (b < a || b - a > 0xffff) throw new Unsupported();
        // Prefer printable ASCII when the range is wide.
        for (let c = a; c <= b && c <= Math.max(a + 200, 126); c++) set += String.fromCharCode(c);
      } else set += lo;
    }
    if (this.src[this.i] !== ']') throw new Unsupported();
    this.i++;
    if (negate) set = complement(set);
    if (set.length === 0) throw new Unsupported();
    return { kind: 'chars', set };
  }
}

function emit(node: Node, rng: Rng, out: string[]): void {
  switch (node.kind) {
    case 'chars':
      out.push(node.set.length === 1 ? node.set : node.set[Math.floor(rng.next() * node.set.length)]);
      return;
    case 'seq':
      for (const item of node.items) emit(item, rng, out);
      return;
    case 'alt':
      emit(node.options[Math.floor(rng.next() * node.options.length)], rng, out);
      return;
    case 'repeat': {
      const n = rng.int(node.min, node.max);
      for (let k = 0; k < n; k++) emit(node.node, rng, out);
      return;
    }
  }
}

export type PatternGen = (rng: Rng) => string;

/** A generator of strings for `pattern`, or null when the pattern is outside the supported subset. */
export function compilePattern(pattern: string): PatternGen | null {
  let node: Node;
  try {
    node = new Parser(pattern).parse();
  } catch {
    return null;
  }
  return (rng) => {
    const out: string[] = [];
    emit(node, rng, out);
    return out.join('');
  };
}
