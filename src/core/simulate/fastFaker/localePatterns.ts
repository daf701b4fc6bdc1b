/**
 * A fixed list of `helpers.fake` patterns (`company.name_pattern`, `location.street_pattern`,
 * `location.street_address.normal`, …) compiled once, for the fast methods that expand one.
 *
 * Faker's `fake(patterns)` draws one pattern (`arrayElement`; a string is used as it is), then
 * repeatedly finds the first `{{expression}}`, evaluates it with `fakeEval` and splices the
 * value in, rescanning the whole string. `fakeEval('module.name')` looks `module` up on the
 * Faker instance and on the raw definitions, then `name` on what it found: a definitions list is
 * drawn from (`arrayElement`), a module method is called without arguments. A pattern here is
 * compiled when it is brace-free text and `module.name` expressions that resolve to exactly one
 * of those two (a brace-free list of strings, or a method with no definitions entry of that
 * name); each is then evaluated left to right with the same draws, and a method's value holding
 * `{` (which Faker would expand in turn) continues in `helpers.fake` on the text Faker would
 * rescan. Other patterns go to `helpers.fake` itself (after the same pattern draw).
 */
import type { Faker, Randomizer } from '@faker-js/faker';

type Definitions = Record<string, unknown>;
export type Patterns = string | readonly string[];

const EXPRESSION = /{{([^{}]*)}}/g;
const MODULE_NAME = /^([a-z][\w$]*)\.([A-Za-z_$][\w$]*)$/;

/** An object that is not a list: a definitions group, or options. */
export function isRecord(value: unknown): value is Definitions {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `helpers.fake` takes without throwing: a string or a non-empty list of strings. */
export function isPatterns(value: unknown): value is Patterns {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
}

/** `helpers.fake(patterns)` as one function making the same draws; `patterns` must pass `isPatterns`. */
export function compilePatterns(faker: Faker, patterns: Patterns, randomizer: Randomizer): () => string {
  const compiled = (typeof patterns === 'string' ? [patterns] : patterns).map((p) => compilePattern(faker, p, randomizer));
  const n = compiled.length;
  return n === 1 ? compiled[0] : () => compiled[Math.floor(randomizer.next() * n)]();
}

function compilePattern(faker: Faker, pattern: string, randomizer: Randomizer): () => string {
  const fake = (text: string) => faker.helpers.fake(text);
  const asFaker = () => fake(pattern);
  const raw = faker.rawDefinitions as Definitions;
  const literals: string[] = [];
  const evaluators: (() => string)[] = [];
  /** For a method's value: the source text after it, which Faker rescans with the value. */
  const rests: (string | undefined)[] = [];
  let from = 0;
  for (const match of pattern.matchAll(EXPRESSION)) {
    const found = MODULE_NAME.exec(match[1]);
    if (!found) return asFaker;
    const [, moduleName, name] = found;
    const mod = (faker as unknown as Definitions)[moduleName];
    const defs = raw[moduleName];
    if (!isRecord(mod) || (defs != null && !isRecord(defs))) return asFaker;
    const method = mod[name];
    const list = defs?.[name];
    if (typeof method === 'function' && list == null) {
      evaluators.push(() => String((mod[name] as () => unknown)()));
      rests.push(pattern.slice(match.index + match[0].length));
    } else if (method == null && Array.isArray(list) && list.length > 0 && list.every((v) => typeof v === 'string' && !v.includes('{'))) {
      const values = list as string[];
      const n = values.length;
      evaluators.push(n === 1 ? () => values[0] : () => values[Math.floor(randomizer.next() * n)]);
      rests.push(undefined);
    } else {
      return asFaker;
    }
    literals.push(pattern.slice(from, match.index));
    from = match.index + match[0].length;
  }
  literals.push(pattern.slice(from));
  if (literals.some((l) => l.includes('{') || l.includes('}'))) return asFaker;
  return () => {
    let out = literals[0];
    for (let k = 0; k < evaluators.length; k++) {
      const value = evaluators[k]();
      const rest = rests[k];
      if (rest !== undefined && value.includes('{')) return fake(out + value + rest);
      out += value + literals[k + 1];
    }
    return out;
  };
}
