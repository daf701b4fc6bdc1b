/**
 * Faster `person.firstName`, `person.lastName` and `person.fullName` for our own Faker instance:
 * the same draws in the same order and the same text.
 *
 * Faker picks every name list through `q(faker, sex, { generic, female, male })`: no sex given
 * is one `sexType` draw (female/male); `generic` is the generic list (or a draw between the
 * female and male lists when there is none); female/male is that list when there is no generic
 * one, the generic one when there is no such list, and otherwise a `weightedArrayElement` draw
 * between the two with weights 3·√(length) and √(generic length), i.e. one `number.float` draw
 * `next · total` compared with the running sums. Every call re-reads the definitions through
 * Faker's locale proxies and rebuilds those weights; here they are read and summed once (in the
 * same order of additions, so the floats are the same) and the draws are made directly:
 * - `firstName(sex)`: the list, then `arrayElement` (no draw for a list of one).
 * - `lastName(sex)`: with `last_name_pattern` (en), the pattern list as above, a weighted pick of
 *   the pattern, then `helpers.fake(pattern)`; the patterns made of literal text and
 *   `{{person.last_name.<list>}}` are expanded here with one pick per expression, left to right,
 *   as `fake` does. Without patterns, `arrayElement` of the `last_name` list.
 * - `fullName({ sex, firstName, lastName })`: a female/male draw when no sex is given, the first
 *   and last names when not given (in that order), a weighted pick of a `person.name` pattern,
 *   then `helpers.mustache` with one function per key, replaced key by key in the order prefix,
 *   firstName, middleName, lastName, suffix — so the prefix, middle name and suffix draws are
 *   made in that key order, not in the order they appear in the pattern. A pattern made of
 *   brace-free literal text and those five keys, with brace-free values, is assembled here in
 *   that draw order; anything else (another key, a `{` in a given name) goes to
 *   `helpers.mustache` exactly as Faker calls it.
 * A definition shape not handled here (missing or empty lists, odd weights, non-string names)
 * keeps Faker's own method, which draws and throws as it always did.
 */
import type { Faker, Randomizer } from '@faker-js/faker';
import { isRecord } from './localePatterns.ts';

type Sexed<T> = (sex: unknown) => T;
interface PersonModule {
  firstName: (sex?: unknown) => string;
  lastName: (sex?: unknown) => string;
  fullName: (options?: { sex?: unknown; firstName?: unknown; lastName?: unknown }) => string;
  prefix: (sex?: unknown) => string;
  middleName: (sex?: unknown) => string;
  suffix: () => string;
}
type Definitions = Record<string, unknown>;

const SEXES = ['female', 'male'] as const;
const BRACE = '{';

/** A non-empty list of strings. */
function isNames(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
}

function braceFree(list: readonly string[]): boolean {
  return list.every((v) => !v.includes(BRACE));
}

/** One uniform pick, as `helpers.arrayElement` draws it (no draw for a list of one). */
function picker(randomizer: Randomizer): <T>(list: readonly T[]) => T {
  return (list) => (list.length === 1 ? list[0] : list[Math.floor(randomizer.next() * list.length)]);
}

/**
 * `helpers.weightedArrayElement` over a fixed list: running sums and total added up as Faker
 * adds them (from 0, in list order), one draw `next · total`, the first entry whose running sum
 * exceeds it (the last one otherwise). Undefined for a list Faker would reject or that is odd.
 */
function weighted<T>(list: unknown, value: (v: unknown) => T | undefined, randomizer: Randomizer): (() => T) | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const sums: number[] = [];
  const values: T[] = [];
  let sum = 0;
  for (const entry of list as unknown[]) {
    if (!isRecord(entry)) return undefined;
    const w = entry.weight;
    const v = value(entry.value);
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || v === undefined) return undefined;
    sum += w;
    sums.push(sum);
    values.push(v);
  }
  if (!Number.isFinite(sum)) return undefined;
  const total = sum;
  const last = values.length - 1;
  return () => {
    const r = randomizer.next() * total;
    for (let k = 0; k < last; k++) if (r < sums[k]) return values[k];
    return values[last];
  };
}

/**
 * Faker's `q(faker, sex, definitions)` for one definitions group, the lists prepared once:
 * `prepare` turns each raw list into what the caller draws from (undefined: not handled).
 * Undefined when the group has a shape not handled here.
 */
function sexed<T>(group: unknown, prepare: (list: unknown) => T | undefined, randomizer: Randomizer): Sexed<T> | undefined {
  if (!isRecord(group)) return undefined;
  const lists = [group.generic, group.female, group.male];
  if (lists.some((l) => l != null && (!Array.isArray(l) || l.length === 0))) return undefined;
  const [generic, female, male] = lists as (readonly unknown[] | null | undefined)[];
  if (generic == null && (female == null || male == null)) return undefined;
  const ready = (list: readonly unknown[] | null | undefined) => (list == null ? undefined : prepare(list));
  const [g, f, m] = [ready(generic), ready(female), ready(male)];
  if ((generic != null && g === undefined) || (female != null && f === undefined) || (male != null && m === undefined)) return undefined;

  const gendered = (own: readonly unknown[] | null | undefined, mine: T | undefined): (() => T) => {
    if (own == null) return () => g as T;
    if (generic == null) return () => mine as T;
    // weightedArrayElement([{ weight: 3·√own, value: own }, { weight: √generic, value: generic }])
    const w = 0 + 3 * Math.sqrt(own.length);
    const total = w + Math.sqrt(generic.length);
    return () => (randomizer.next() * total < w ? (mine as T) : (g as T));
  };
  const forFemale = gendered(female, f);
  const forMale = gendered(male, m);
  // 'generic' without a generic list: arrayElement([female, male]), both present here.
  const forGeneric = generic != null ? () => g as T : () => (Math.floor(randomizer.next() * 2) === 0 ? (f as T) : (m as T));
  return (sex) => {
    const s = sex === undefined ? SEXES[Math.floor(randomizer.next() * 2)] : sex; // person.sexType()
    return s === 'generic' ? forGeneric() : s === 'female' ? forFemale() : forMale();
  };
}

const EXPRESSION = /{{([^{}]*)}}/g;
const LAST_NAME_LIST = /^person\.last_name\.([A-Za-z_$][\w$]*)$/;

/**
 * A `last_name_pattern` value expanded as `helpers.fake` expands it, when it is brace-free text
 * and `{{person.last_name.<list>}}` expressions (each one `arrayElement` of that brace-free list:
 * `fakeEval` finds nothing under `last_name` on the person module and the list in the raw
 * definitions); otherwise `helpers.fake` itself.
 */
function lastNamePattern(faker: Faker, raw: Definitions, pattern: unknown, pick: <T>(l: readonly T[]) => T): (() => string) | undefined {
  if (typeof pattern !== 'string') return undefined;
  const fake = () => faker.helpers.fake(pattern);
  const literals: string[] = [];
  const lists: (readonly string[])[] = [];
  const groups = raw.last_name;
  const moduleHasIt = (faker.person as unknown as Definitions).last_name != null;
  let from = 0;
  for (const match of pattern.matchAll(EXPRESSION)) {
    const name = LAST_NAME_LIST.exec(match[1])?.[1];
    const list = name !== undefined && isRecord(groups) && Object.hasOwn(groups, name) ? groups[name] : undefined;
    if (moduleHasIt || !isNames(list) || !braceFree(list)) return fake;
    literals.push(pattern.slice(from, match.index));
    lists.push(list);
    from = match.index + match[0].length;
  }
  literals.push(pattern.slice(from));
  if (literals.some((l) => l.includes('{') || l.includes('}'))) return fake;
  if (lists.length === 1 && literals[0] === '' && literals[1] === '') return () => pick(lists[0]);
  return () => {
    let out = literals[0];
    for (let k = 0; k < lists.length; k++) out += pick(lists[k]) + literals[k + 1];
    return out;
  };
}

const PREFIX = 0;
const FIRST = 1;
const MIDDLE = 2;
const LAST = 3;
const SUFFIX = 4;
/** `fullName`'s mustache keys, in the order it replaces them. */
const KEYS = ['person.prefix', 'person.firstName', 'person.middleName', 'person.lastName', 'person.suffix'];

interface NamePattern {
  text: string;
  /** undefined: go through `helpers.mustache`. */
  build?: (sex: unknown, first: string, last: string) => string;
}

export function installFastPerson(faker: Faker, randomizer: Randomizer): void {
  const person = faker.person as unknown as PersonModule;
  const raw = (faker.rawDefinitions as Definitions).person;
  if (!isRecord(raw)) return;
  const pick = picker(randomizer);
  const names = (list: unknown) => (isNames(list) ? list : undefined);

  // firstName
  const firstLists = sexed(raw.first_name, names, randomizer);
  if (firstLists) person.firstName = (sex) => pick(firstLists(sex));

  // lastName
  if (raw.last_name_pattern != null) {
    const patterns = sexed(raw.last_name_pattern, (list) => weighted(list, (v) => lastNamePattern(faker, raw, v, pick), randomizer), randomizer);
    // The pattern list for the sex, a weighted pick of one pattern, then its expansion.
    if (patterns) person.lastName = (sex) => patterns(sex)()();
  } else {
    const lastLists = sexed(raw.last_name, names, randomizer);
    if (lastLists) person.lastName = (sex) => pick(lastLists(sex));
  }

  // fullName
  const firstName = person.firstName;
  const lastName = person.lastName;
  const clean = (list: unknown) => (isNames(list) && braceFree(list) ? list : undefined);
  const prefixLists = sexed(raw.prefix, clean, randomizer);
  const middleLists = sexed(raw.middle_name, clean, randomizer);
  const suffixes = clean(raw.suffix);
  // The draws each key makes (firstName and lastName are given); a key without one is left to mustache.
  const draw: ((sex: unknown) => string)[] = [];
  const available = [false, true, false, true, false];
  if (prefixLists) [draw[PREFIX], available[PREFIX]] = [(sex) => pick(prefixLists(sex)), true];
  if (middleLists) [draw[MIDDLE], available[MIDDLE]] = [(sex) => pick(middleLists(sex)), true];
  if (suffixes) [draw[SUFFIX], available[SUFFIX]] = [() => pick(suffixes), true];
  const compileName = (text: string): NamePattern => {
    const literals: string[] = [];
    const kinds: number[] = [];
    let from = 0;
    for (const match of text.matchAll(EXPRESSION)) {
      const kind = KEYS.indexOf(match[1]);
      if (kind < 0 || !available[kind]) return { text };
      literals.push(text.slice(from, match.index));
      kinds.push(kind);
      from = match.index + match[0].length;
    }
    literals.push(text.slice(from));
    if (literals.some((l) => l.includes('{') || l.includes('}'))) return { text };
    // Draw order: key by key (prefix, middleName, suffix), left to right within a key.
    const order = kinds.map((_, k) => k).filter((k) => kinds[k] !== FIRST && kinds[k] !== LAST);
    order.sort((a, b) => kinds[a] - kinds[b] || a - b);
    const n = kinds.length;
    return {
      text,
      build: (sex, first, last) => {
        const values: string[] = new Array<string>(n);
        for (const k of order) values[k] = draw[kinds[k]](sex);
        let out = literals[0];
        for (let k = 0; k < n; k++) {
          const kind = kinds[k];
          out += (kind === FIRST ? first : kind === LAST ? last : values[k]) + literals[k + 1];
        }
        return out;
      },
    };
  };
  const namePattern = weighted(raw.name, (v) => (typeof v === 'string' ? compileName(v) : undefined), randomizer);
  if (!namePattern) return;
  const fullNameOriginal = person.fullName;
  person.fullName = (options = {}) => {
    if (!isRecord(options)) return fullNameOriginal(options);
    const { sex: given, firstName: firstGiven, lastName: lastGiven } = options;
    const sex = given === undefined ? SEXES[Math.floor(randomizer.next() * 2)] : given; // arrayElement(['female', 'male'])
    const first = firstGiven === undefined ? firstName(sex) : firstGiven;
    const last = lastGiven === undefined ? lastName(sex) : lastGiven;
    const pattern = namePattern();
    if (pattern.build && typeof first === 'string' && typeof last === 'string' && !first.includes(BRACE) && !last.includes(BRACE)) {
      return pattern.build(sex, first, last);
    }
    // Faker's own last step.
    return faker.helpers.mustache(pattern.text, {
      'person.prefix': () => person.prefix(sex),
      'person.firstName': () => first as string,
      'person.middleName': () => person.middleName(sex),
      'person.lastName': () => last as string,
      'person.suffix': () => person.suffix(),
    });
  };
}
