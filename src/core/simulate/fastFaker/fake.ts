/**
 * A drop-in, faster `faker.helpers.fake` for our own Faker instance: the same values from the
 * same random stream, without re-parsing the mustache pattern on every call.
 *
 * Faker's `fake(pattern)` finds the first `{{expression}}`, evaluates it (`fakeEval`: the
 * expression is looked up both on the faker instance and on its raw definitions; array values
 * are replaced by a random element, in order; a function result is called), splices the value
 * in and recurses on the whole string. Many Faker methods (`location.streetAddress`,
 * `company.name`, `person.lastName`, `internet.email`, …) go through it, and the parsing costs
 * more than the random picks.
 *
 * Here each distinct pattern is compiled once into literal parts and evaluators. Dotted
 * expressions (`person.last_name.generic`, `location.street`) are resolved once into the
 * same sequence of array draws and the same final call as `fakeEval` makes; any other
 * expression, a value that contains `{` (which Faker would expand again) and patterns whose
 * literal text ends in `{` use Faker's own implementation, so the result is always identical.
 */
import type { Faker } from '@faker-js/faker';

type Evaluate = () => unknown;
interface Compiled {
  /** literals[k] comes before expression k; literals has one more entry than evaluators. */
  literals: string[];
  evaluators: Evaluate[];
  /** The source text after expression k, as Faker would continue with it. */
  rests: string[];
}

const START = /{{[a-z]/;
const SIMPLE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;
const CACHE_LIMIT = 4096;

/** Replaces `faker.helpers.fake` (an own, bound property) with the compiled version. */
export function installFastFake(faker: Faker): void {
  const helpers = faker.helpers as unknown as { fake: (pattern: string | readonly string[]) => string; arrayElement: <T>(a: readonly T[]) => T };
  const original = helpers.fake;
  const cache = new Map<string, Compiled | null>();

  const compile = (pattern: string): Compiled | null => {
    const literals: string[] = [];
    const evaluators: Evaluate[] = [];
    const rests: string[] = [];
    let rest = pattern;
    for (;;) {
      const t = rest.search(START);
      const n = t === -1 ? -1 : rest.indexOf('}}', t);
      if (t === -1 || n === -1) {
        literals.push(rest);
        return { literals, evaluators, rests };
      }
      const literal = rest.substring(0, t);
      if (literal.endsWith('{')) return null;
      const expression = rest
        .substring(t + 2, n + 2)
        .replace('}}', '')
        .replace('{{', '');
      const evaluate = compileExpression(faker, helpers.arrayElement, expression);
      if (!evaluate) return null;
      literals.push(literal);
      evaluators.push(evaluate);
      rest = rest.substring(n + 2);
      rests.push(rest);
    }
  };

  const fake = (input: string | readonly string[]): string => {
    const pattern = typeof input === 'string' ? input : helpers.arrayElement(input);
    let compiled = cache.get(pattern);
    if (compiled === undefined) {
      compiled = compile(pattern);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(pattern, compiled);
    }
    if (compiled === null) return original(pattern);
    const { literals, evaluators, rests } = compiled;
    let out = literals[0];
    for (let k = 0; k < evaluators.length; k++) {
      const value = String(evaluators[k]());
      // Faker rescans the spliced string: a value holding "{" might start a new expression.
      if (value.includes('{')) return original(out + value + rests[k]);
      out += value + literals[k + 1];
    }
    return out;
  };
  helpers.fake = fake;
  installFastMustache(faker);
}

type MustacheValue = string | ((substring: string, ...args: unknown[]) => string);
const REGEX_SPECIAL = /[\\^$*+?()[\]{}|]/;

/**
 * `faker.helpers.mustache` (used by `person.fullName` and others) builds a RegExp per key per
 * call. This one replaces `{{key}}` literally, key by key in the same order, calling a function
 * value once per occurrence left to right as `String.replace` does. Where a RegExp would match
 * more than the literal token (a key's `.` matches any character) or a key holds other RegExp
 * characters, that key is replaced exactly as Faker does.
 */
function installFastMustache(faker: Faker): void {
  const helpers = faker.helpers as unknown as { mustache: (text: string | undefined, data: Record<string, MustacheValue>) => string };
  helpers.mustache = (text, data) => {
    if (text == null) return '';
    let s = text;
    for (const key in data) {
      const value = data[key];
      const token = `{{${key}}}`;
      if (REGEX_SPECIAL.test(key) || (key.includes('.') && wildcardOnly(s, key))) {
        const replacement = typeof value === 'string' ? value.replaceAll('$', '$$$$') : value;
        s = s.replace(new RegExp(token, 'g'), replacement as string);
        continue;
      }
      let at = s.indexOf(token);
      if (at < 0) continue;
      let out = '';
      let from = 0;
      while (at >= 0) {
        out += s.slice(from, at) + (typeof value === 'function' ? String(value(token)) : String(value));
        from = at + token.length;
        at = s.indexOf(token, from);
      }
      s = out + s.slice(from);
    }
    return s;
  };
}

/** Whether `{{…}}` somewhere in `s` matches the key with `.` as a wildcard without being the key itself. */
function wildcardOnly(s: string, key: string): boolean {
  for (let at = s.indexOf('{{'); at >= 0; at = s.indexOf('{{', at + 1)) {
    if (s.substr(at + 2 + key.length, 2) !== '}}') continue;
    const inner = s.substr(at + 2, key.length);
    if (inner === key) continue;
    let same = true;
    for (let k = 0; k < key.length && same; k += 1) if (key[k] !== '.' && key[k] !== inner[k]) same = false;
    if (same) return true;
  }
  return false;
}

/**
 * A dotted path (`person.last_name`, `person.last_name.generic`) resolved as `fakeEval`
 * resolves it on [faker, rawDefinitions], when every step before the last gives plain objects
 * (the usual case); otherwise undefined (Faker's own code is used).
 */
function compileExpression(faker: Faker, arrayElement: <T>(a: readonly T[]) => T, expression: string): Evaluate | undefined {
  if (!SIMPLE.test(expression)) return undefined;
  const parts = expression.split('.');
  const raw = (faker as unknown as { rawDefinitions: unknown }).rawDefinitions;
  let entries: unknown[] = [faker, raw];
  for (let k = 0; k < parts.length - 1; k++) {
    entries = entries.map((v) => (v as Record<string, unknown>)[parts[k]]).filter((v) => v != null);
    // A function or an array on the way would be called / drawn from: not static.
    if (entries.some((v) => typeof v !== 'object' || Array.isArray(v))) return undefined;
  }
  const last = parts[parts.length - 1];
  const values = entries.map((v) => (v as Record<string, unknown>)[last]).filter((v) => v != null);
  if (values.length === 0) return undefined; // Faker throws "Cannot resolve expression": let it.
  const first = values[0];
  const laterArrays = values.slice(1).filter((v): v is unknown[] => Array.isArray(v));
  const drawLater =
    laterArrays.length === 0
      ? undefined
      : () => {
          for (const a of laterArrays) arrayElement(a);
        };
  if (Array.isArray(first)) {
    const list = first as unknown[];
    return () => {
      const v = arrayElement(list);
      drawLater?.();
      return typeof v === 'function' ? (v as () => unknown)() : v;
    };
  }
  if (typeof first === 'function') {
    const fn = first as () => unknown;
    return drawLater ? () => (drawLater(), fn()) : () => fn();
  }
  return drawLater ? () => (drawLater(), first) : () => first;
}
