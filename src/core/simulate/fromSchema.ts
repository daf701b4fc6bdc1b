/**
 * Values and tool results that validate against a JSON Schema (draft 2020-12 and draft-07
 * style; see the README of this folder for the supported subset).
 *
 * A schema is compiled once into a tree of generator closures, cached by schema object
 * identity (WeakMap) and tool, so generating needs no ajv and little allocation beyond the
 * value itself.
 *
 * Choices (all deterministic for a seed, since every random pick comes from `sf.rng`):
 * - `default`: used 25% of the time, `examples`: one of them 30% of the time — only values
 *   that pass the schema's own check.
 * - optional object properties: each included with probability 0.8 (always when echoed).
 * - arrays: `minItems`–`maxItems` spread over the range (at most 10 unless `minItems` asks
 *   for more); without `maxItems`, up to 4 items.
 * - `null` in a type list / a `{ "type": "null" }` branch / `nullable`: 10% of the time.
 * - `x-fake` (`"person.fullName"`, with optional `x-fake-args`, or `{ "fake", "args", "as" }`):
 *   Faker's value, used when it passes the schema's check; otherwise the normal generator.
 * - beyond nesting depth 6 only required properties and `minItems` items are generated, so
 *   recursive schemas terminate.
 *
 * Realism without hints (each change keeps the value valid for its schema, or is not made):
 * - strings: from the field's name read with what its object is about (the singular of the
 *   field holding it, the first `*_id` key, or the tool's name) and the tool's domain, else its
 *   description, else generic words of the domain (fieldHints.ts); numbers: see numbers.ts.
 * - results agree with the request (request.ts): same-named fields echo arguments (also in the
 *   items of lists, for arguments that filter: `level`, `status`, `city`), city-like fields
 *   take the requested place, event times (`departs_at`, `date`, `start`) fall on the
 *   requested day, times respect `since`/`until`/`due_before`-like bounds, numbers
 *   `max_price`-like ones.
 * - objects agree with themselves: ordered pairs (`low_c` ≤ `high_c`, `departs_at` before
 *   `arrives_at` by the `duration_minutes` when there is one), an e-mail made of the person's
 *   name, a URL ending in the object's id, a path ending in the file's name, a flight number
 *   with the airline's code, a MIME type that fits the file name.
 * - success flags (`ok`, `sent`, `confirmed`, … outside lists) are true.
 * - lists keep the order their `x-sort` or description promises ("cheapest first").
 * - a simulated clock (`sf.clock`): what a result says happened (`created_at`, `sent_at`) is
 *   never earlier than what earlier results of the example said happened; an action's own
 *   timestamps are "now" (the reference date's 09:00) or just after.
 */
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { compileCheck } from './conforms.ts';
import type { Check } from './conforms.ts';
import type { SeededFaker } from './faker.ts';
import { formatDate, resolveFakerMethod, toJsonValue, withDefaultFakerArgs } from './fakerPath.ts';
import { domainOf, errorLine, infoLine, isPersonNameField, singularName, subjectOfField, subjectOfTool } from './fieldHints.ts';
import type { FieldInfo } from './fieldHints.ts';
import type { StringGen } from './stringFormats.ts';
import { snakeName } from './ids.ts';
import { cloneJson, isObject, jsonEqual, setKey } from './json.ts';
import { mergeSchemas } from './schemaMerge.ts';
import { compileNumber } from './numbers.ts';
import { activeProbe } from './probe.ts';
import { resolveRef } from './schemaRefs.ts';
import type { SchemaLike } from './schemaRefs.ts';
import { callState, numberBoundsFor, requestFacts, timeBoundsFor } from './request.ts';
import type { RequestFacts } from './request.ts';
import {
  comparable,
  compareSortValues,
  defaultSortKey,
  isActionTool,
  isEventTime,
  isHappenedTimestamp,
  isOrderedPair,
  isSuccessFlag,
  sortContract,
  sortValue,
} from './semantics.ts';
import { compileString } from './strings.ts';
import type { Domain } from './vocab.ts';
import { MIME_BY_EXT } from './vocab.ts';

export interface SimulateOptions {
  /** Values to echo into same-named properties (see simulateResult). */
  echo?: { [name: string]: JsonValue };
}

/** The tool a result is simulated for: its name and description place fields and promise orders. */
export interface ToolContext {
  name?: string;
  description?: string;
  /** `read` | `write` | `destructive`: a tool that acts records its own events as "now". */
  effect?: string;
}

type Echo = { [name: string]: JsonValue } | null;
type Gen = (sf: SeededFaker, echo: Echo, depth: number) => JsonValue;

interface Ctx {
  root: SchemaLike;
  /** Lazily compiled `$ref` targets, by target and position (recursion-safe). */
  refs: Map<object, Map<string, Gen>>;
  domain: Domain;
  tool: ToolContext | undefined;
  /** What the tool's result is about, from its name (`search_hotels` → `hotel`). */
  toolSubject: string | undefined;
  /** The tool acts (creates, sends, books …): its own timestamps are "now". */
  action: boolean;
}

/** Where a value is generated. */
interface Where {
  /** The field's name (for an array's items: the singular of the array's name). */
  name: string | undefined;
  /** What the enclosing object is about. */
  subject: string | undefined;
  /** Somewhere inside the items of a list. */
  inArray: boolean;
  /** The root of the result. */
  root: boolean;
  /** A field of the root object (its lists follow the sort promise of the tool's description). */
  rootChild: boolean;
}

const OPTIONAL_P = 0.8;
const NULL_P = 0.1;
const DEFAULT_P = 0.25;
const EXAMPLE_P = 0.3;
const DEFAULT_MAX_ITEMS = 4;
const CAP_ITEMS = 10;
const SOFT_DEPTH = 6;
const HARD_DEPTH = 40;
const IMPOSSIBLE = 'x-chainwright-impossible';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Keywords that do not constrain a value: a `$ref` with only these beside it is a plain reference. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'deprecated', 'readOnly', 'writeOnly', '$id', '$schema', '$anchor', '$defs', 'definitions']);
const OBJECT_KEYS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames'];
const ARRAY_KEYS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const STRING_KEYS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rootWhere = (name: string | undefined, subject: string | undefined): Where => ({ name, subject, inArray: false, root: true, rootChild: false });

// ---------------------------------------------------------------------------------------------
// The call being simulated (a module-level object: read on hot paths without a call into another module)

const call = callState;

function callFacts(): RequestFacts | undefined {
  const args = call.args;
  if (args === null) return undefined;
  return (call.facts ??= requestFacts(args));
}

// ---------------------------------------------------------------------------------------------
// Normalising: `$ref` with siblings and `allOf` are merged into one flat schema.

function normalize(schema: SchemaLike | JsonValue, ctx: Ctx, stack: readonly string[]): JsonSchema {
  if (schema === false) return { [IMPOSSIBLE]: true };
  if (!isObject(schema)) return {};
  let s: JsonSchema = schema;
  if (typeof s.$ref === 'string') {
    const ref = s.$ref;
    const rest: JsonSchema = { ...s };
    delete rest.$ref;
    const target = stack.includes(ref) ? undefined : resolveRef(ctx.root, ref);
    s = target === undefined ? rest : mergeSchemas(normalize(target, ctx, [...stack, ref]), normalize(rest, ctx, stack));
  }
  if (Array.isArray(s.allOf)) {
    const rest: JsonSchema = { ...s };
    delete rest.allOf;
    let merged = normalize(rest, ctx, stack);
    for (const part of s.allOf) merged = mergeSchemas(merged, normalize(part, ctx, stack));
    s = merged;
  }
  if (typeof s.exclusiveMinimum === 'boolean' || typeof s.exclusiveMaximum === 'boolean') {
    // Draft-04: boolean exclusives qualify minimum/maximum.
    s = { ...s };
    if (s.exclusiveMinimum === true && typeof s.minimum === 'number') s.exclusiveMinimum = s.minimum;
    else delete s.exclusiveMinimum;
    if (s.exclusiveMaximum === true && typeof s.maximum === 'number') s.exclusiveMaximum = s.maximum;
    else delete s.exclusiveMaximum;
  }
  return s;
}

function isPlainRef(s: JsonSchema): boolean {
  for (const key of Object.keys(s)) if (key !== '$ref' && !ANNOTATIONS.has(key)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Compiling

function compile(schema: SchemaLike | JsonValue, ctx: Ctx, where: Where): Gen {
  if (isObject(schema) && typeof schema.$ref === 'string' && isPlainRef(schema)) {
    const target = resolveRef(ctx.root, schema.$ref);
    if (isObject(target)) return lazyRef(target, ctx, where);
  }
  return compileFlat(normalize(schema as SchemaLike, ctx, []), ctx, where);
}

function lazyRef(target: JsonSchema, ctx: Ctx, where: Where): Gen {
  let byWhere = ctx.refs.get(target);
  if (!byWhere) {
    byWhere = new Map();
    ctx.refs.set(target, byWhere);
  }
  const key = `${where.name ?? ''}\u0000${where.subject ?? ''}\u0000${where.inArray ? 1 : 0}${where.root ? 1 : 0}${where.rootChild ? 1 : 0}`;
  let gen = byWhere.get(key);
  if (!gen) {
    let real: Gen | undefined;
    gen = (sf, echo, depth) => (real ??= compile(target, ctx, where))(sf, echo, depth);
    byWhere.set(key, gen);
  }
  return gen;
}

function compileFlat(s: JsonSchema, ctx: Ctx, where: Where): Gen {
  if (s[IMPOSSIBLE] === true) return () => null;
  if ('const' in s) {
    const c = s.const;
    return () => cloneJson(c);
  }
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0) return compileBranches(s, 'oneOf', ctx, where);
  if (Array.isArray(s.anyOf) && s.anyOf.length > 0) return compileBranches(s, 'anyOf', ctx, where);
  const isEnum = Array.isArray(s.enum) && s.enum.length > 0;
  let gen = isEnum ? compileEnum(s, ctx) : compileTyped(s, ctx, where);
  gen = withXFake(s, ctx, gen);
  gen = withDefaults(s, ctx, gen);
  if (!isEnum) gen = withPathRules(s, ctx, where, withTimeRules(s, ctx, where, gen));
  gen = withSameInResult(s, ctx, where, gen);
  return gen;
}

function isNullOnly(s: JsonValue): boolean {
  return isObject(s) && (s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null'));
}

/** Picks an index, giving `null`-only options a small weight when there are others. */
function weightedPicker(isNull: boolean[]): (sf: SeededFaker) => number {
  const nulls = isNull.map((n, i) => (n ? i : -1)).filter((i) => i >= 0);
  const others = isNull.map((n, i) => (n ? -1 : i)).filter((i) => i >= 0);
  if (nulls.length === 0 || others.length === 0) {
    const n = isNull.length;
    return (sf) => (n === 1 ? 0 : Math.floor(sf.rng.next() * n));
  }
  return (sf) => (sf.rng.next() < NULL_P ? sf.rng.pick(nulls) : sf.rng.pick(others));
}

function compileBranches(s: JsonSchema, key: 'oneOf' | 'anyOf', ctx: Ctx, where: Where): Gen {
  const branches = s[key] as JsonValue[];
  const base: JsonSchema = { ...s };
  delete base[key];
  const gens = branches.map((b) => compileFlat(mergeSchemas(base, normalize(b, ctx, [])), ctx, where));
  const pick = weightedPicker(branches.map(isNullOnly));
  if (key === 'anyOf') return (sf, echo, depth) => gens[pick(sf)](sf, echo, depth);
  // oneOf: the value must match exactly one branch; retry when it also matches another.
  let checks: (Check | null)[] | undefined;
  const n = gens.length;
  return (sf, echo, depth) => {
    checks ??= branches.map((b) => compileCheck(b as SchemaLike, ctx.root));
    let value: JsonValue = null;
    let clashed: boolean[] | undefined;
    let left = n;
    let i = pick(sf);
    for (let attempt = 0; attempt < 4 * n; attempt++) {
      // After every branch has clashed once, generate minimal values (required properties, fewest items).
      value = gens[i](sf, echo, attempt < n ? depth : Math.max(depth, SOFT_DEPTH));
      let clash = false;
      for (let j = 0; j < n && !clash; j++) {
        const c = checks[j];
        if (j !== i && c !== null && c(value)) clash = true;
      }
      if (!clash) return value;
      // Next: a random branch that has not clashed yet in this round.
      clashed ??= new Array<boolean>(n).fill(false);
      if (!clashed[i]) {
        clashed[i] = true;
        left--;
      }
      if (left === 0) {
        clashed.fill(false);
        left = n;
      }
      let k = Math.floor(sf.rng.next() * left);
      for (i = 0; i < n; i++) if (!clashed[i] && k-- === 0) break;
    }
    return value;
  };
}

function compileEnum(s: JsonSchema, ctx: Ctx): Gen {
  const all = s.enum as JsonValue[];
  const check = compileCheck(s, ctx.root);
  const fitting = check ? all.filter((v) => check(v)) : all;
  const values = fitting.length > 0 ? fitting : all;
  if (values.length === 1) return () => cloneJson(values[0]);
  return (sf) => cloneJson(values[Math.floor(sf.rng.next() * values.length)]);
}

function inferTypes(s: JsonSchema): string[] {
  if (OBJECT_KEYS.some((k) => k in s)) return ['object'];
  if (ARRAY_KEYS.some((k) => k in s)) return ['array'];
  if (STRING_KEYS.some((k) => k in s)) return ['string'];
  if (NUMBER_KEYS.some((k) => k in s)) return [typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) ? 'integer' : 'number'];
  return ['string'];
}

const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'null', 'object', 'array']);

function typesOf(s: JsonSchema): string[] {
  let types: string[];
  if (typeof s.type === 'string') types = [s.type];
  else if (Array.isArray(s.type)) types = s.type.filter((t): t is string => typeof t === 'string');
  else types = inferTypes(s);
  types = [...new Set(types.filter((t) => TYPES.has(t)))];
  if (types.length === 0) types = ['string'];
  if (s.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

function compileTyped(s: JsonSchema, ctx: Ctx, where: Where): Gen {
  const types = typesOf(s);
  const gens = types.map((t) => compileType(t, s, ctx, where));
  if (gens.length === 1) return gens[0];
  const pick = weightedPicker(types.map((t) => t === 'null'));
  return (sf, echo, depth) => gens[pick(sf)](sf, echo, depth);
}

function fieldInfo(s: JsonSchema, ctx: Ctx, where: Where): FieldInfo {
  return { name: where.name, subject: where.subject, domain: ctx.domain, description: typeof s.description === 'string' ? s.description : undefined };
}

function compileType(type: string, s: JsonSchema, ctx: Ctx, where: Where): Gen {
  switch (type) {
    case 'string': {
      const happenedNow = ctx.action && !where.inArray && isHappenedTimestamp(where.name) && s.format !== 'date';
      return compileString(s, fieldInfo(s, ctx, where), happenedNow ? actionNow : undefined);
    }
    case 'integer':
    case 'number':
      return withRequestBounds(s, type === 'integer', where, compileNumber(s, type === 'integer', where.name, where.subject));
    case 'boolean':
      // A success flag says the call did what it was asked (failures are designed, not drawn).
      if (!where.inArray && isSuccessFlag(where.name)) return () => true;
      return (sf) => sf.rng.next() < 0.5;
    case 'null':
      return () => null;
    case 'object':
      return compileObject(s, ctx, where);
    default:
      return compileArray(s, ctx, where);
  }
}

/** An action's own timestamp: now (the reference instant) or a few minutes after. */
const actionNow: StringGen = (sf) => formatDate(sf.faker.defaultRefDate().getTime() + sf.rng.int(5, 240) * 1000, 'datetime');

// ---------------------------------------------------------------------------------------------
// Objects

interface PropEntry {
  key: string;
  /** The key is `__proto__`, which a plain assignment would not make an own property. */
  proto: boolean;
  required: boolean;
  schema: JsonValue;
  gen: Gen;
  /** Echo check: undefined until first needed, null when the schema cannot be checked. */
  check?: Check | null;
  /** Other argument names this field takes the value of (`city` ← `location`). */
  synonyms?: readonly ('place' | 'origin' | 'destination')[];
  /** The field takes part in an agreement of its object (whether it was echoed matters). */
  agrees?: boolean;
  /** Its place among the object's fields (a bit of the echoed-fields mask below 31). */
  index: number;
  /** An e-mail field whose schema asks nothing more than a string (or the email format). */
  plainEmail?: boolean;
}

/** Fields of an object whose values are made to agree after it is generated. */
interface Pair {
  lo: PropEntry;
  hi: PropEntry;
  /** Two records of a thing's life (`created_at`/`updated_at`): only their order is fixed. */
  record: boolean;
  /** The upper end records that something happened (it moves the clock on). */
  hiHappened: boolean;
}

interface Agreement {
  pairs: Pair[];
  /** Minutes between the start and end of one run when nothing says: [min, max] in 5-minute steps. */
  span: [number, number];
  /** `duration_minutes`-like field and its unit in ms, for the gap between a pair's ends. */
  duration?: [PropEntry, number];
  email?: { emails: PropEntry[]; full?: PropEntry; first?: PropEntry; last?: PropEntry };
  urlId?: { urls: PropEntry[]; id: PropEntry; section: string | undefined };
  pathName?: { path: PropEntry; name: PropEntry };
  flight?: { number: PropEntry; airline: PropEntry };
  mime?: { mime: PropEntry; name: PropEntry };
  /** A log entry's message that fits its level. */
  log?: { level: PropEntry; message: PropEntry };
  /** Counts of a list beside it: exactly its length (`count`, `files_count`), or at least (`total_results`). */
  counts?: { count: PropEntry; list: PropEntry; atLeast: boolean }[];
  username?: PropEntry;
  /** `is_directory` beside a name: false for a name with an extension. */
  dirFlag?: { flag: PropEntry; name: PropEntry };
  /** Facts of a text beside it: `line_count`, `size_bytes`. */
  text?: { text: PropEntry; lines?: PropEntry; bytes?: PropEntry };
}

const PLACE_FIELDS = new Set(['city', 'location', 'town', 'place', 'city_name']);
const ORIGIN_FIELDS = new Set(['origin', 'from_city', 'departure_city', 'origin_city']);
const DEST_FIELDS = new Set(['destination', 'to_city', 'arrival_city', 'destination_city']);

/** What an object is about: its field's singular, else the first `*_id` key's stem, else the tool's subject. */
function objectSubject(where: Where, keys: readonly string[], ctx: Ctx): string | undefined {
  const own = subjectOfField(where.name);
  if (own) return own;
  // The first identifier names what the object is (`booking_reference` → booking, `ticket_id` → ticket).
  const idKey = keys
    .map(snakeName)
    .find(
      (k) =>
        /^[a-z0-9]+(_[a-z0-9]+)*_(id|reference|ref|number|code|locator|no)$/.test(k) &&
        !/^(external|parent|request|trace|correlation|session|idempotency)_/.test(k),
    );
  if (idKey)
    return idKey
      .replace(/_(id|reference|ref|number|code|locator|no)$/, '')
      .split('_')
      .pop();
  return where.root ? ctx.toolSubject : where.subject;
}

function plainString(schema: JsonValue): boolean {
  return (
    isObject(schema) &&
    (schema.type === 'string' || schema.type === undefined) &&
    !('enum' in schema) &&
    !('const' in schema) &&
    !('x-fake' in schema) &&
    !('pattern' in schema)
  );
}

function agreementOf(entries: PropEntry[], subject: string | undefined, ctx: Ctx): Agreement | undefined {
  const last = (subject ?? '').split('_').pop() ?? '';
  const quick = [
    'deployment',
    'deploy',
    'build',
    'job',
    'run',
    'pipeline',
    'backup',
    'sync',
    'export',
    'import',
    'migration',
    'scan',
    'test',
    'check',
  ].includes(last);
  const a: Agreement = { pairs: [], span: quick ? [1, 6] : [6, 72] };
  let any = false;
  const byKey = new Map(entries.map((e) => [snakeName(e.key), e]));
  for (const lo of entries) {
    for (const hi of entries) {
      if (lo === hi || !isOrderedPair(lo.key, hi.key)) continue;
      const hiHappened = isHappenedTimestamp(hi.key);
      a.pairs.push({ lo, hi, record: isHappenedTimestamp(lo.key) && hiHappened && !isSpan(lo.key), hiHappened });
    }
  }
  if (a.pairs.length > 0) {
    any = true;
    for (const [k, e] of byKey) {
      const unit = /(^|_)duration(_minutes|_mins|_min)?$/.test(k)
        ? MINUTE
        : /(^|_)duration_hours$/.test(k)
          ? HOUR
          : /(^|_)duration_(seconds|secs|s)$/.test(k)
            ? 1000
            : 0;
      if (unit > 0) a.duration = [e, unit];
    }
  }
  const emails = entries.filter(
    (e) => ['email', 'email_address', 'mail', 'e_mail', 'work_email', 'contact_email'].includes(snakeName(e.key)) && plainOrEmail(e.schema),
  );
  for (const e of emails) {
    const sch = e.schema as JsonSchema;
    if (
      (sch.format === undefined || sch.format === 'email' || sch.format === 'idn-email') &&
      Object.keys(sch).every((k) => LOOSE_KEYS.has(k)) &&
      typesOf(sch).length === 1
    )
      e.plainEmail = true;
  }
  if (emails.length > 0) {
    const first = byKey.get('first_name') ?? byKey.get('given_name') ?? byKey.get('firstname');
    const last = byKey.get('last_name') ?? byKey.get('family_name') ?? byKey.get('surname') ?? byKey.get('lastname');
    const full = ['full_name', 'name', 'display_name', 'fullname', 'contact_name']
      .map((k) => byKey.get(k))
      .find((e) => e && isPersonNameField(e.key, e.schema, subject, ctx.domain));
    if ((first && last) || full) {
      a.email = { emails, full, first, last };
      any = true;
    }
  }
  const urls = entries.filter(
    (e) =>
      /(^|_)(url|link)$/.test(snakeName(e.key)) &&
      isObject(e.schema) &&
      !('enum' in e.schema) &&
      !('const' in e.schema) &&
      !('x-fake' in e.schema) &&
      !('pattern' in e.schema),
  );
  const id = byKey.get('id') ?? (subject ? byKey.get(`${subject}_id`) : undefined) ?? entries.find((e) => snakeName(e.key).endsWith('_id'));
  if (urls.length > 0 && id) {
    const stem = snakeName(id.key) === 'id' ? subject : snakeName(id.key).replace(/_id$/, '').split('_').pop();
    a.urlId = { urls, id, section: stem ? `${stem.replace(/_/g, '-')}s` : undefined };
    any = true;
  }
  const path = byKey.get('path') ?? byKey.get('file_path') ?? byKey.get('full_path');
  const name = byKey.get('name') ?? byKey.get('file_name') ?? byKey.get('filename');
  if (path && name && plainString(path.schema) && plainString(name.schema)) {
    a.pathName = { path, name };
    any = true;
  }
  const flightNo = byKey.get('flight_number') ?? byKey.get('flight_no') ?? byKey.get('flight');
  const airline = byKey.get('airline') ?? byKey.get('airline_name') ?? byKey.get('carrier');
  if (flightNo && airline && plainString(flightNo.schema)) {
    a.flight = { number: flightNo, airline };
    any = true;
  }
  const level = byKey.get('level') ?? byKey.get('severity') ?? byKey.get('log_level');
  const msg = byKey.get('message') ?? byKey.get('msg') ?? byKey.get('text') ?? byKey.get('line');
  if (level && msg && plainString(msg.schema)) {
    a.log = { level, message: msg };
    any = true;
  }
  const lists = entries.filter((e) => isObject(e.schema) && (e.schema.type === 'array' || 'items' in e.schema));
  for (const e of entries) {
    if (!isObject(e.schema) || (e.schema.type !== 'integer' && e.schema.type !== 'number') || 'const' in e.schema || 'enum' in e.schema) continue;
    const k = snakeName(e.key);
    for (const list of lists) {
      const l = snakeName(list.key);
      const one = singularName(l) ?? l;
      const exact =
        [`${l}_count`, `${one}_count`, `num_${l}`, `number_of_${l}`, `${l}_total`, `total_${l}`, `n_${l}`].includes(k) ||
        (lists.length === 1 && ['count', 'total', 'total_count', 'num_items', 'item_count', 'length', 'size', 'n'].includes(k));
      const atLeast =
        lists.length === 1 &&
        ['total_results', 'total_hits', 'total_matches', 'total_items', 'total_available', 'results_total', 'hits', 'matches'].includes(k);
      if (exact || atLeast) {
        (a.counts ??= []).push({ count: e, list, atLeast: !exact });
        any = true;
        break;
      }
    }
  }
  const user = byKey.get('username') ?? byKey.get('user_name') ?? byKey.get('login') ?? byKey.get('handle');
  if (
    user &&
    plainString(user.schema) &&
    (a.email ||
      (byKey.get('first_name') && byKey.get('last_name')) ||
      ['full_name', 'name', 'display_name'].some((k) => byKey.get(k) && isPersonNameField(k, byKey.get(k)!.schema, subject, ctx.domain)))
  ) {
    a.username = user;
    if (!a.email) {
      const first = byKey.get('first_name');
      const last = byKey.get('last_name');
      const full = ['full_name', 'name', 'display_name'].map((k) => byKey.get(k)).find((e) => e && isPersonNameField(e.key, e.schema, subject, ctx.domain));
      a.email = { emails: [], full, first, last };
    }
    any = true;
  }
  const dirFlag = byKey.get('is_directory') ?? byKey.get('is_dir') ?? byKey.get('is_folder') ?? byKey.get('directory');
  if (dirFlag && (name || path) && isObject(dirFlag.schema) && dirFlag.schema.type === 'boolean') {
    a.dirFlag = { flag: dirFlag, name: (name ?? path)! };
    any = true;
  }
  const text = byKey.get('content') ?? byKey.get('text') ?? byKey.get('body') ?? byKey.get('contents');
  const lines = byKey.get('line_count') ?? byKey.get('lines') ?? byKey.get('num_lines');
  const bytes = byKey.get('size_bytes') ?? byKey.get('size') ?? byKey.get('bytes') ?? byKey.get('length');
  if (text && plainString(text.schema) && (lines || bytes)) {
    a.text = { text, lines, bytes };
    any = true;
  }
  const mime = byKey.get('mime_type') ?? byKey.get('content_type') ?? byKey.get('mime');
  if (mime && plainString(mime.schema) && (name || path)) {
    a.mime = { mime, name: (name ?? path)! };
    any = true;
  }
  return any ? a : undefined;
}

function agreementEntries(a: Agreement): PropEntry[] {
  const out: PropEntry[] = [];
  for (const p of a.pairs) out.push(p.lo, p.hi);
  if (a.duration) out.push(a.duration[0]);
  if (a.email) out.push(...a.email.emails, ...[a.email.full, a.email.first, a.email.last].filter((e): e is PropEntry => e !== undefined));
  if (a.urlId) out.push(...a.urlId.urls, a.urlId.id);
  if (a.pathName) out.push(a.pathName.path, a.pathName.name);
  if (a.flight) out.push(a.flight.number, a.flight.airline);
  if (a.mime) out.push(a.mime.mime, a.mime.name);
  if (a.log) out.push(a.log.level, a.log.message);
  for (const c of a.counts ?? []) out.push(c.count, c.list);
  if (a.username) out.push(a.username);
  if (a.dirFlag) out.push(a.dirFlag.flag, a.dirFlag.name);
  if (a.text) out.push(...[a.text.text, a.text.lines, a.text.bytes].filter((e): e is PropEntry => e !== undefined));
  return out;
}

function plainOrEmail(schema: JsonValue): boolean {
  if (!isObject(schema) || 'enum' in schema || 'const' in schema || 'pattern' in schema) return false;
  const x = schema['x-fake'];
  const path = isObject(x) ? x.fake : x;
  return path === undefined || path === 'internet.email' || path === 'internet.exampleEmail';
}

function compileObject(s: JsonSchema, ctx: Ctx, where: Where): Gen {
  const props = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  const patterns: [RegExp, JsonValue][] = [];
  if (isObject(s.patternProperties)) {
    for (const [p, ps] of Object.entries(s.patternProperties)) {
      try {
        patterns.push([new RegExp(p, 'u'), ps]);
      } catch {
        // An invalid pattern: ajv would reject the schema anyway.
      }
    }
  }
  const additional = s.additionalProperties;
  const schemaFor = (key: string): JsonValue => {
    const parts: JsonValue[] = [];
    if (hasOwn(props, key)) parts.push(props[key]);
    for (const [re, ps] of patterns) if (re.test(key)) parts.push(ps);
    if (parts.length === 0 && additional !== undefined && additional !== false) parts.push(additional);
    return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { allOf: parts };
  };
  const keys = [...Object.keys(props), ...[...required].filter((k) => !hasOwn(props, k))];
  const subject = objectSubject(where, keys, ctx);
  let entries0 = 0;
  const entries: PropEntry[] = keys.map((key) => {
    const schema = schemaFor(key);
    const child: Where = { name: key, subject, inArray: where.inArray, root: false, rootChild: where.root };
    const snake = snakeName(key);
    const synonyms = PLACE_FIELDS.has(snake)
      ? (['place'] as const)
      : ORIGIN_FIELDS.has(snake)
        ? (['origin'] as const)
        : DEST_FIELDS.has(snake)
          ? (['destination'] as const)
          : undefined;
    const entry: PropEntry = { key, proto: key === '__proto__', required: required.has(key), schema, gen: compile(schema, ctx, child), index: entries0++ };
    if (synonyms) entry.synonyms = synonyms;
    return entry;
  });
  const requiredCount = entries.filter((e) => e.required).length;
  const minProps = num(s.minProperties) ?? 0;
  const maxProps = num(s.maxProperties) ?? Infinity;
  let extraGen: Gen | undefined;
  const extraName = where.name ? `${where.name}_extra` : 'extra';
  const agreement = agreementOf(entries, subject, ctx);
  if (agreement) for (const e of agreementEntries(agreement)) e.agrees = true;
  const memory = memoryOf(entries, subject);
  if (memory) for (const e of entries) e.agrees = true;

  const echoOk = (e: PropEntry, value: JsonValue): boolean => {
    if (e.check === undefined) e.check = compileCheck(e.schema as SchemaLike, ctx.root);
    return e.check !== null && e.check(value);
  };

  return (sf, echo, depth) => {
    const out: { [key: string]: JsonValue } = {};
    if (depth > HARD_DEPTH) return out;
    const soft = depth >= SOFT_DEPTH;
    let optionalBudget = maxProps - requiredCount;
    let count = 0;
    let skipped: PropEntry[] | undefined;
    // Which fields were echoed (they keep the call's values): a bit per field, a set beyond 31.
    let fixedBits = 0;
    let fixedKeys: Set<string> | undefined;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      let echoed = echo !== null && hasOwn(echo, e.key) && echoOk(e, echo[e.key]);
      let value: JsonValue | undefined;
      const syn = e.synonyms;
      const f = syn !== undefined && !echoed ? callFacts() : undefined;
      if (f !== undefined) {
        const v = syn![0] === 'place' ? f.place : syn![0] === 'origin' ? f.origin : f.destination;
        if (v !== undefined && echoOk(e, v)) {
          echoed = true;
          value = v;
        }
      }
      if (!e.required) {
        const take = optionalBudget > 0 && (echoed || (!soft && sf.rng.next() < OPTIONAL_P));
        if (!take) {
          if (minProps > 0) (skipped ??= []).push(e);
          continue;
        }
        optionalBudget--;
      }
      if (echoed) {
        value ??= cloneJson(echo![e.key]);
        if (e.agrees === true) {
          if (e.index < 31) fixedBits |= 1 << e.index;
          else (fixedKeys ??= new Set()).add(e.key);
        }
      } else value = e.gen(sf, echo, depth + 1);
      if (e.proto) setKey(out, e.key, value);
      else out[e.key] = value;
      count++;
    }
    if (count < minProps) {
      for (const e of skipped ?? []) {
        if (count >= minProps) break;
        setKey(out, e.key, e.gen(sf, echo, depth + 1));
        count++;
      }
      for (let i = 1; count < minProps && additional !== false && i < 1000; i++) {
        const key = `${extraName}_${i}`;
        if (hasOwn(out, key)) continue;
        extraGen ??= compile(schemaFor(key), ctx, { name: undefined, subject, inArray: where.inArray, root: false, rootChild: false });
        setKey(out, key, extraGen(sf, null, depth + 1));
        count++;
      }
    }
    if (memory && ((fixedBits & memory.idBits) !== 0 || memory.wide)) recall(out, memory, fixedBits, fixedKeys, sf, echoOk);
    if (agreement) agree(out, agreement, fixedBits, fixedKeys, sf, echoOk);
    if (memory?.own && typeof out[memory.own.key] === 'string') {
      const things = ((sf.world ??= {}).things ??= new Map());
      const id = out[memory.own.key] as string;
      if (!things.has(id)) things.set(id, out);
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// The same thing, the same facts: what an earlier result said of a thing (by its id) holds later

interface Memory {
  /** The object's own id (`hotel_id` of a hotel, `id`). */
  own: PropEntry | undefined;
  /** The echoed-fields bits of its id fields: only an echoed id can name a thing seen before (a new one is random). */
  idBits: number;
  /** An id field beyond the 31 bits: recall is always tried. */
  wide: boolean;
  /** Fields that repeat what was said of the thing with the same own id (`name`, `price`). */
  same: PropEntry[];
  /** Ids of other things, and the fields here that name their facts (`hotel_id` → `hotel_name` ← `name`). */
  others: { id: PropEntry; fields: [PropEntry, string][] }[];
}

const NOT_REMEMBERED = /(^|_)(id|status|state|at|date|time|timestamp|ts|created|updated|count|total|ok|success|sent)$/;

function memoryOf(entries: PropEntry[], subject: string | undefined): Memory | undefined {
  const ids = entries.filter((e) => isIdFieldName(e.key));
  if (ids.length === 0) return undefined;
  const own = ids.find((e) => snakeName(e.key) === 'id') ?? (subject ? ids.find((e) => snakeName(e.key) === `${subject}_id`) : undefined) ?? ids[0];
  const same = entries.filter((e) => e !== own && !NOT_REMEMBERED.test(snakeName(e.key)) && !isSuccessFlag(e.key));
  const others: Memory['others'] = [];
  for (const id of ids) {
    if (id === own) continue;
    const stem = snakeName(id.key).replace(/_id$/, '');
    const fields: [PropEntry, string][] = [];
    for (const e of entries) {
      const k = snakeName(e.key);
      if (e !== id && k.startsWith(`${stem}_`) && !isIdFieldName(k)) fields.push([e, k.slice(stem.length + 1)]);
    }
    if (fields.length > 0) others.push({ id, fields });
  }
  let idBits = 0;
  let wide = false;
  for (const e of ids) {
    if (e.index < 31) idBits |= 1 << e.index;
    else wide = true;
  }
  return { own, same, others, idBits, wide };
}

function isIdFieldName(key: string): boolean {
  const k = snakeName(key);
  return k === 'id' || k.endsWith('_id');
}

/** Fields about things an earlier result of the example showed take what it said of them. */
function recall(
  out: { [key: string]: JsonValue },
  m: Memory,
  bits: number,
  keys: Set<string> | undefined,
  sf: SeededFaker,
  ok: (e: PropEntry, v: JsonValue) => boolean,
): void {
  const things = sf.world?.things;
  if (things === undefined) return;
  if (m.own && typeof out[m.own.key] === 'string') {
    const known = things.get(out[m.own.key] as string);
    if (known && known !== out) for (const e of m.same) if (hasOwn(known, e.key)) takeInto(out, e, known[e.key], bits, keys, ok);
  }
  for (const o of m.others) {
    const v = out[o.id.key];
    const known = typeof v === 'string' ? things.get(v) : undefined;
    if (!known) continue;
    for (const [e, k] of o.fields) if (hasOwn(known, k)) takeInto(out, e, known[k], bits, keys, ok);
  }
}

function isEchoed(e: PropEntry, bits: number, keys: Set<string> | undefined): boolean {
  return e.index < 31 ? (bits & (1 << e.index)) !== 0 : keys !== undefined && keys.has(e.key);
}

function takeInto(
  out: { [key: string]: JsonValue },
  e: PropEntry,
  v: unknown,
  bits: number,
  keys: Set<string> | undefined,
  ok: (e: PropEntry, v: JsonValue) => boolean,
): void {
  if (v === undefined || isEchoed(e, bits, keys) || !hasOwn(out, e.key)) return;
  if (ok(e, v as JsonValue)) out[e.key] = cloneJson(v as JsonValue);
}

// ---------------------------------------------------------------------------------------------
// Agreement inside an object

const has = (o: { [key: string]: JsonValue }, k: string): boolean => hasOwn(o, k) && o[k] !== undefined;

/** The object being made to agree, and what it may not change (no closures per object: they cost on hot paths). */
interface Agreeing {
  out: { [key: string]: JsonValue };
  bits: number;
  keys: Set<string> | undefined;
  ok: (e: PropEntry, v: JsonValue) => boolean;
}

function fixedIn(g: Agreeing, e: PropEntry): boolean {
  return isEchoed(e, g.bits, g.keys);
}

/** Sets a field when the value fits its schema; whether it did. */
function setIn(g: Agreeing, e: PropEntry, v: JsonValue): boolean {
  if (!g.ok(e, v)) return false;
  g.out[e.key] = v;
  return true;
}

function agree(
  out: { [key: string]: JsonValue },
  a: Agreement,
  bits: number,
  keys: Set<string> | undefined,
  sf: SeededFaker,
  ok: (e: PropEntry, v: JsonValue) => boolean,
): void {
  const g: Agreeing = { out, bits, keys, ok };
  for (const { lo, hi, record, hiHappened } of a.pairs) {
    if (!has(out, lo.key) || !has(out, hi.key)) continue;
    const a0 = out[lo.key];
    const b0 = out[hi.key];
    if (typeof a0 === 'number' && typeof b0 === 'number') {
      // Numbers (`low_c`/`high_c`): swapped when out of order and both still fit.
      if (a0 > b0 && !fixedIn(g, lo) && !fixedIn(g, hi) && ok(lo, b0) && ok(hi, a0)) {
        out[lo.key] = b0;
        out[hi.key] = a0;
      } else if (a0 > b0 && !fixedIn(g, hi)) setIn(g, hi, a0);
      else if (a0 > b0 && !fixedIn(g, lo)) setIn(g, lo, b0);
      continue;
    }
    const cl = comparable(out[lo.key]);
    const ch = comparable(out[hi.key]);
    if (!cl || !ch || cl.kind !== ch.kind) continue;
    if (cl.kind === 'number' || record) {
      if (cl.at <= ch.at) continue;
      if (!fixedIn(g, lo) && !fixedIn(g, hi) && ok(lo, out[hi.key]) && ok(hi, out[lo.key])) {
        const t = out[lo.key];
        out[lo.key] = out[hi.key];
        out[hi.key] = t;
      } else if (!fixedIn(g, hi)) setIn(g, hi, out[lo.key]);
      else if (!fixedIn(g, lo)) setIn(g, lo, out[hi.key]);
      continue;
    }
    // Times of one thing (departure and arrival, start and end): the end a plausible span after the start.
    if (fixedIn(g, hi) && fixedIn(g, lo)) continue;
    if (fixedIn(g, hi)) {
      if (cl.at > ch.at) setIn(g, lo, out[hi.key]);
      continue;
    }
    let gap: number;
    const d = a.duration && has(out, a.duration[0].key) ? num(out[a.duration[0].key]) : undefined;
    if (d !== undefined && d > 0 && (cl.kind === 'datetime' || cl.kind === 'clock')) gap = d * a.duration![1];
    else if (cl.kind === 'date') gap = sf.rng.int(1, 7) * DAY;
    else gap = sf.rng.int(a.span[0], a.span[1]) * 5 * MINUTE;
    const at = cl.at + (cl.kind === 'clock' ? Math.round(gap / MINUTE) : gap);
    let v: string;
    if (cl.kind === 'clock') {
      const m = Math.min(at, 23 * 60 + 55);
      v = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      if ((out[lo.key] as string).length > 5) v += ':00';
    } else v = formatDate(at, cl.kind === 'date' ? 'date' : 'datetime');
    if (setIn(g, hi, v)) {
      // The end of something that happened moves the example's clock on.
      if (cl.kind === 'datetime' && hiHappened && at <= sf.faker.defaultRefDate().getTime() + DAY && (sf.clock === undefined || at > sf.clock)) sf.clock = at;
    } else if (cl.at > ch.at && !fixedIn(g, lo)) setIn(g, lo, out[hi.key]);
  }
  if (a.email) agreeEmail(g, a.email, a.username);
  if (a.urlId && has(out, a.urlId.id.key) && typeof out[a.urlId.id.key] === 'string') {
    const id = encodeURIComponent(out[a.urlId.id.key] as string);
    for (const u of a.urlId.urls) {
      const v = out[u.key];
      if (fixedIn(g, u) || typeof v !== 'string') continue;
      const m = /^(https:\/\/[^/]+)(\/[^/]+)?(\/[^/]+)?$/.exec(v);
      if (!m) continue;
      const section = a.urlId.section ?? m[2]?.slice(1) ?? 'view';
      setIn(g, u, `${m[1]}/${section}/${id}`);
    }
  }
  if (a.log && !fixedIn(g, a.log.message) && typeof out[a.log.level.key] === 'string' && has(out, a.log.message.key)) {
    const level = (out[a.log.level.key] as string).toLowerCase();
    if (/^(error|err|fatal|critical|crit|alert|emergency|high)$/.test(level)) setIn(g, a.log.message, errorLine(sf));
    else if (/^(info|debug|trace|notice|low)$/.test(level)) setIn(g, a.log.message, infoLine(sf));
  }
  for (const c of a.counts ?? []) {
    const list = out[c.list.key];
    const n = out[c.count.key];
    if (!Array.isArray(list) || typeof n !== 'number' || fixedIn(g, c.count)) continue;
    if (c.atLeast ? n < list.length : n !== list.length) setIn(g, c.count, list.length);
  }
  if (a.pathName) {
    const { path, name } = a.pathName;
    const p = out[path.key];
    const n = out[name.key];
    if (!fixedIn(g, path) && typeof p === 'string' && typeof n === 'string' && n !== '' && !n.includes('/')) {
      const slash = p.lastIndexOf('/');
      if (slash > 0 && p.slice(slash + 1) !== n) setIn(g, path, `${p.slice(0, slash)}/${n}`);
      else if (slash === 0) setIn(g, path, `/${n}`);
    }
  }
  if (a.flight) {
    const no = out[a.flight.number.key];
    const airline = out[a.flight.airline.key];
    if (!fixedIn(g, a.flight.number) && typeof no === 'string' && typeof airline === 'string') {
      const m = /^([A-Z0-9]{2}) (\d{1,4})$/.exec(no);
      const code = m ? airlineCode(sf, airline) : undefined;
      if (m && code && code !== m[1]) setIn(g, a.flight.number, `${code} ${m[2]}`);
    }
  }
  if (a.dirFlag && !fixedIn(g, a.dirFlag.flag) && typeof out[a.dirFlag.name.key] === 'string' && out[a.dirFlag.flag.key] === true) {
    if (/\.[a-z0-9]{1,5}$/i.test(out[a.dirFlag.name.key] as string)) setIn(g, a.dirFlag.flag, false);
  }
  if (a.text && typeof out[a.text.text.key] === 'string') {
    const t = out[a.text.text.key] as string;
    const { lines, bytes } = a.text;
    if (lines && !fixedIn(g, lines) && typeof out[lines.key] === 'number') setIn(g, lines, t === '' ? 0 : t.split('\n').length);
    if (bytes && !fixedIn(g, bytes) && typeof out[bytes.key] === 'number') setIn(g, bytes, new TextEncoder().encode(t).length);
  }
  if (a.mime) {
    const n = out[a.mime.name.key];
    if (!fixedIn(g, a.mime.mime) && typeof n === 'string') {
      const ext = /\.([a-z0-9]+)$/i.exec(n)?.[1]?.toLowerCase();
      const mime = ext ? MIME_BY_EXT[ext] : undefined;
      if (mime && out[a.mime.mime.key] !== mime && has(out, a.mime.mime.key)) setIn(g, a.mime.mime, mime);
    }
  }
}

/** A pair whose ends are the start and end of one run (`started_at`/`finished_at`), not two records of a thing's life. */
function isSpan(loKey: string): boolean {
  return /(^|_)(start|started|starts|begin|began|begins|opened|departed|departure|departs|check_in|checkin|pickup)(_|$)/.test(snakeName(loKey));
}

const NAME_AFFIXES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'v',
  'md',
  'phd',
  'dds',
  'dvm',
  'esq',
]);

const PLAIN_WORD = /^[A-Za-z0-9]+$/;

function asciiWord(s: string): string {
  if (PLAIN_WORD.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function agreeEmail(g: Agreeing, e: NonNullable<Agreement['email']>, username: PropEntry | undefined): void {
  const out = g.out;
  let first: string | undefined;
  let last: string | undefined;
  if (e.first && e.last && typeof out[e.first.key] === 'string' && typeof out[e.last.key] === 'string') {
    first = out[e.first.key] as string;
    last = out[e.last.key] as string;
  } else if (e.full && typeof out[e.full.key] === 'string') {
    // Without titles and suffixes (`Dr. Ana Ruiz Jr.` → ana.ruiz).
    const parts = (out[e.full.key] as string)
      .trim()
      .split(/\s+/)
      .filter((p) => !NAME_AFFIXES.has(p.toLowerCase().replace(/\.$/, '')));
    if (parts.length < 2) return;
    first = parts[0];
    last = parts[parts.length - 1];
  }
  if (first === undefined || last === undefined) return;
  const f = asciiWord(first);
  const l = asciiWord(last);
  const local = [f, l].filter((x) => x).join('.');
  if (!local) return;
  if (username && !fixedIn(g, username) && typeof out[username.key] === 'string' && f && l) {
    // One of the usual forms, picked by the name (no draw): `anna.berg`, `aberg`, `annab`.
    const form = (f.length + l.length) % 3;
    setIn(g, username, form === 0 ? `${f}.${l}` : form === 1 ? `${f.charAt(0)}${l}` : `${f}${l.charAt(0)}`);
  }
  for (const m of e.emails) {
    const v = out[m.key];
    if (fixedIn(g, m) || typeof v !== 'string') continue;
    const at = v.lastIndexOf('@');
    if (at <= 0) continue;
    // Letters, digits and dots before a domain that was valid: an e-mail whatever its format asks.
    if (m.plainEmail === true) out[m.key] = `${local}${v.slice(at)}`;
    else setIn(g, m, `${local}${v.slice(at)}`);
  }
}

const airlineCodes = new WeakMap<object, Map<string, string>>();

/** The IATA code of an airline Faker knows, by name. */
function airlineCode(sf: SeededFaker, name: string): string | undefined {
  let codes = airlineCodes.get(sf.faker);
  if (!codes) {
    codes = new Map();
    const list = (sf.faker.rawDefinitions as { airline?: { airline?: { name: string; iataCode: string }[] } }).airline?.airline ?? [];
    for (const a of list) codes.set(a.name, a.iataCode);
    airlineCodes.set(sf.faker, codes);
  }
  return codes.get(name);
}

// ---------------------------------------------------------------------------------------------
// Arrays

function itemKeysOf(items: JsonValue | undefined, ctx: Ctx): string[] {
  if (!isObject(items)) return [];
  const s = normalize(items, ctx, []);
  return isObject(s.properties) ? Object.keys(s.properties) : [];
}

/** `items` sorted by the value at `key` (each read once; numbers, dates and times by value, text by text). */
function sortedBy(items: JsonValue[], key: string, sign: number): JsonValue[] {
  const plain = key.indexOf('.') < 0;
  const values: (JsonValue | undefined)[] = new Array(items.length);
  let strings = true;
  let numbers = true;
  let width = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const v = plain ? (isObject(item) && hasOwn(item, key) ? item[key] : undefined) : sortValue(item, key);
    values[i] = v;
    if (typeof v !== 'number') numbers = false;
    // Equally long ISO dates, date-times and `HH:MM` times sort as text.
    if (typeof v !== 'string' || v.length === 0 || (width >= 0 && v.length !== width) || v.charCodeAt(0) < 48 || v.charCodeAt(0) > 57) strings = false;
    else width = v.length;
  }
  const order = items.map((_, i) => i);
  if (numbers) order.sort((x, y) => sign * ((values[x] as number) - (values[y] as number)));
  else if (strings) order.sort((x, y) => sign * ((values[x] as string) < (values[y] as string) ? -1 : (values[x] as string) > (values[y] as string) ? 1 : 0));
  else {
    const cs = values.map((v) => comparable(v));
    order.sort((x, y) => {
      const cx = cs[x];
      const cy = cs[y];
      if (cx && cy && cx.kind === cy.kind) return sign * (cx.at - cy.at);
      return sign * compareSortValues(values[x], values[y]);
    });
  }
  return order.map((i) => items[i]);
}

const DISTINCT_KEYS = new Set([
  'name',
  'title',
  'label',
  'subject',
  'display_name',
  'full_name',
  'hotel_name',
  'room_name',
  'file_name',
  'filename',
  'project_name',
  'product_name',
]);

/** How many times an item whose name repeats one of its list's is made again (a list of 14 titles, 6 items: a repeat left in about 1 list in 10 000). */
const DISTINCT_TRIES = 12;

/** Does `v` have the same name (or title …) as an item already in `out`? */
function sameName(out: readonly JsonValue[], v: JsonValue, keys: readonly string[]): boolean {
  if (!isObject(v)) return false;
  for (const k of keys) {
    const name = v[k];
    if (typeof name !== 'string') continue;
    for (const x of out) if (isObject(x) && x[k] === name) return true;
  }
  return false;
}

/**
 * An item for `list` whose name (title, label …) no item of the list has, when `make` gives
 * one within a few tries: two hotels or two tasks called the same in one result read as a copy.
 * For lists grown after they were made (a fan-out steered to a length).
 */
export function itemWithNewName(list: readonly JsonValue[], make: () => JsonValue): JsonValue {
  const v = make();
  return isObject(v) ? remadeWhileNamed(list, v, distinctKeys(Object.keys(v)), make) : v;
}

/** The keys among `keys` whose values must differ between the items of one list. */
function distinctKeys(keys: readonly string[]): string[] {
  return keys.filter((k) => DISTINCT_KEYS.has(snakeName(k)));
}

/** `v`, or what `make` gives instead while its name repeats one of `list`'s (at most DISTINCT_TRIES times). */
function remadeWhileNamed(list: readonly JsonValue[], v: JsonValue, keys: readonly string[], make: () => JsonValue): JsonValue {
  for (let tries = 0; keys.length > 0 && tries < DISTINCT_TRIES && sameName(list, v, keys); tries++) v = make();
  return v;
}

function compileArray(s: JsonSchema, ctx: Ctx, where: Where): Gen {
  // Items of a list are named by the list's singular (`flights` → `flight`, `entries` → `entry`).
  const itemWhere: Where = { name: singularName(where.name) ?? where.name, subject: where.subject, inArray: true, root: false, rootChild: false };
  let prefix: Gen[] = [];
  let rest: JsonValue | undefined;
  if (Array.isArray(s.prefixItems)) {
    prefix = s.prefixItems.map((p) => compile(p, ctx, itemWhere));
    rest = s.items;
  } else if (Array.isArray(s.items)) {
    prefix = s.items.map((p) => compile(p, ctx, itemWhere));
    rest = s.additionalItems;
  } else {
    rest = s.items;
  }
  const closed = rest === false;
  const restGen = closed ? undefined : compile(rest ?? {}, ctx, itemWhere);
  const minContains = s.contains !== undefined ? (num(s.minContains) ?? 1) : 0;
  const containsGen = minContains > 0 ? compile({ allOf: [rest ?? {}, s.contains as JsonValue] }, ctx, itemWhere) : undefined;

  const minItems = num(s.minItems);
  const maxItems = num(s.maxItems);
  let lo = Math.max(minItems ?? Math.min(prefix.length || 1, maxItems ?? Infinity), prefix.length > 0 ? 0 : minContains);
  let hi = maxItems ?? Math.max(lo, prefix.length || DEFAULT_MAX_ITEMS);
  hi = Math.min(hi, Math.max(lo, CAP_ITEMS, prefix.length + minContains));
  if (closed) hi = Math.min(hi, prefix.length);
  lo = Math.ceil(lo);
  hi = Math.max(lo, Math.floor(hi));
  const unique = s.uniqueItems === true;
  // A sort promise (`x-sort`, or the description: "cheapest first") on a list of objects.
  const itemKeys = prefix.length === 0 ? itemKeysOf(rest, ctx) : [];
  const contract = prefix.length === 0 ? sortContract(s, itemKeys, where.rootChild || where.root ? ctx.tool?.description : undefined) : undefined;
  // Without a promise, events and departures still come in the order they start.
  const sortKey = contract?.key ?? defaultSortKey(itemKeys);
  const sign = contract?.desc ? -1 : 1;
  // Items of one list differ in their name or title (two hotels called the same are a copy).
  const distinct = distinctKeys(itemKeys);

  return (sf, _echo, depth) => {
    const out: JsonValue[] = [];
    if (depth > HARD_DEPTH) return out;
    const n = depth >= SOFT_DEPTH ? lo : sf.rng.int(lo, hi);
    // The items of a list repeat the call's filters (`level: "error"` → every entry an error).
    const itemEcho = callFacts()?.itemEcho ?? null;
    for (let i = 0; i < n; i++) {
      const gen = i < prefix.length ? prefix[i] : containsGen && i - prefix.length < minContains ? containsGen : (restGen ?? prefix[0]);
      if (!gen) break;
      let v = gen(sf, itemEcho, depth + 1);
      v = remadeWhileNamed(out, v, distinct, () => gen(sf, itemEcho, depth + 1));
      // A list of texts (tags, names, steps) does not repeat itself when it can help it.
      for (let tries = 0; !unique && typeof v === 'string' && tries < 3 && out.includes(v); tries++) v = gen(sf, itemEcho, depth + 1);
      if (unique) {
        let tries = 0;
        while (tries++ < 12 && out.some((x) => jsonEqual(x, v))) v = gen(sf, itemEcho, depth + 1);
        if (out.some((x) => jsonEqual(x, v))) {
          if (out.length >= lo) break;
        }
      }
      out.push(v);
    }
    return sortKey !== undefined && out.length > 1 ? sortedBy(out, sortKey, sign) : out;
  };
}

// ---------------------------------------------------------------------------------------------
// Times that agree with the request and with the example's clock

const DATEISH_NAME = /(^|_)(date|day|datetime|timestamp|ts|at|time|when|start|end|since|until|deadline|due|expires|expiry|created|updated|modified)($|_)/;

function withTimeRules(s: JsonSchema, ctx: Ctx, where: Where, gen: Gen): Gen {
  const name = where.name;
  if (!name) return gen;
  const types = typesOf(s);
  if (!types.includes('string')) return gen;
  const snake = snakeName(name);
  const format = typeof s.format === 'string' ? s.format : undefined;
  if (!(format === 'date' || format === 'date-time' || format === 'iso-date-time' || DATEISH_NAME.test(snake))) return gen;
  const happened = isHappenedTimestamp(name);
  const event = isEventTime(name);
  const topLevel = !where.inArray;
  // Without a format, a string field may hold either form; with one, only that (kept by `kind`).
  const onlyTypeAndFormat = onlyTypeAndDateFormat(s) && s.format !== undefined;
  let check: Check | null | undefined;
  return (sf, echo, depth) => {
    const v = gen(sf, echo, depth);
    if (typeof v !== 'string') return v;
    const f = callFacts();
    // Nothing to agree with: no clock to keep, no day or bounds asked for.
    if (!happened && (f === undefined || ((!event || f.day === undefined) && f.times.length === 0))) return v;
    const c = comparable(v);
    if (!c || (c.kind !== 'date' && c.kind !== 'datetime')) return v;
    let t = c.at;
    if (f !== undefined) {
      if (event && f.day !== undefined) t = onDay(f.day, c.kind, t, sf);
      const b = f.times.length > 0 ? timeBoundsFor(f, snake, happened || event) : undefined;
      if (b) t = within(t, b, c.kind, sf);
    }
    if (happened && c.kind === 'datetime') {
      const clock = sf.clock;
      if (clock !== undefined && t < clock && topLevel) t = clock + sf.rng.int(5, 240) * 1000;
      const now = sf.faker.defaultRefDate().getTime();
      if (t <= now + DAY && (clock === undefined || t > clock)) sf.clock = t;
    }
    if (t === c.at) return v;
    const out = formatDate(t, c.kind === 'date' ? 'date' : 'datetime');
    // A date or date-time this writes is valid for a schema that only asks for that.
    if (onlyTypeAndFormat) return out;
    check ??= compileCheck(s, ctx.root);
    return check === null || check(out) ? out : v;
  };
}

/** Keywords that do not restrict a string beyond its type and a date `format`. */
const LOOSE_KEYS = new Set([
  'type',
  'format',
  'description',
  'title',
  '$comment',
  'examples',
  'default',
  'x-fake',
  'x-fake-args',
  'nullable',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

function onlyTypeAndDateFormat(s: JsonSchema): boolean {
  if (s.format !== undefined && s.format !== 'date' && s.format !== 'date-time' && s.format !== 'iso-date-time') return false;
  for (const k of Object.keys(s)) if (!LOOSE_KEYS.has(k)) return false;
  const types = typesOf(s);
  return types.includes('string');
}

/** Fields one result states once: every `currency` in a list of prices is the same. */
const SAME_IN_RESULT = new Set(['currency', 'currency_code', 'timezone', 'time_zone', 'locale', 'unit_system']);

function withSameInResult(s: JsonSchema, ctx: Ctx, where: Where, gen: Gen): Gen {
  const key = where.name ? snakeName(where.name) : '';
  // The results of a search are of one category.
  const whenSearched = key === 'category' || key === 'product_category';
  if (!SAME_IN_RESULT.has(key) && !whenSearched) return gen;
  let check: Check | null | undefined;
  return (sf, echo, depth) => {
    if (call.args === null || (whenSearched && callFacts()?.query === undefined)) return gen(sf, echo, depth);
    const known = call.same?.get(key);
    if (known !== undefined) {
      check ??= compileCheck(s, ctx.root);
      if (check === null || check(known)) return cloneJson(known);
    }
    const v = gen(sf, echo, depth);
    if (known === undefined) (call.same ??= new Map()).set(key, v);
    return v;
  };
}

const DIR_FIELDS = new Set(['cwd', 'dir', 'directory', 'working_directory', 'current_directory', 'pwd', 'folder_path', 'dir_path', 'directory_path']);
const PATH_FIELDS = new Set(['path', 'full_path', 'file_path', 'filepath', 'absolute_path']);

/**
 * Paths that agree with the call: the directory it was about (`list_files(path=/srv/app)` →
 * `cwd: /srv/app`, its files' paths under it), the name it gave (`mkdir(dir_name=drafts)` →
 * `path: …/drafts`, `cd(folder=research)` → `cwd: …/research`).
 */
function withPathRules(s: JsonSchema, ctx: Ctx, where: Where, gen: Gen): Gen {
  const snake = where.name ? snakeName(where.name) : '';
  const isDir = DIR_FIELDS.has(snake);
  if (!isDir && !PATH_FIELDS.has(snake)) return gen;
  if (!typesOf(s).includes('string')) return gen;
  let check: Check | null | undefined;
  return (sf, echo, depth) => {
    const v = gen(sf, echo, depth);
    const f = callFacts();
    if (f === undefined || typeof v !== 'string') return v;
    const slash = v.lastIndexOf('/');
    if (slash < 0) return v;
    // The directory the example is in: the one the call names, else the last one a result gave.
    const dir = f.dir ?? sf.world?.cwd;
    let out: string;
    if (f.dir === undefined && f.leaf === undefined) {
      if (!isDir || where.inArray || dir === undefined) return remember(sf, isDir && !where.inArray, v);
      out = dir;
    } else {
      const parent = slash === 0 ? '' : v.slice(0, slash);
      const base = v.slice(slash + 1);
      if (where.inArray) {
        if (f.dir === undefined) return v;
        out = `${f.dir === '/' ? '' : f.dir}/${base}`;
      } else if (isDir) out = f.leaf !== undefined ? `${dir ?? v}/${f.leaf}` : dir!;
      else out = f.leaf !== undefined ? `${dir ?? parent}/${f.leaf}` : `${dir === '/' ? '' : dir}/${base}`;
    }
    out = out.replace(/\/{2,}/g, '/');
    if (out === v) return remember(sf, isDir && !where.inArray, v);
    check ??= compileCheck(s, ctx.root);
    return remember(sf, isDir && !where.inArray, check === null || check(out) ? out : v);
  };
}

/** `cwd` as a result gives it becomes the directory the example is in. */
function remember(sf: SeededFaker, isCwd: boolean, v: JsonValue): JsonValue {
  if (isCwd && typeof v === 'string') (sf.world ??= {}).cwd = v;
  return v;
}

/** A time on `day`: the day itself, or that day at a time between 06:00 and 21:55. */
function onDay(day: string, kind: 'date' | 'datetime', t: number, sf: SeededFaker): number {
  const start = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(start)) return t;
  if (kind === 'date') return start;
  if (t >= start && t < start + DAY) return t;
  return start + sf.rng.int(72, 263) * 5 * MINUTE;
}

/** `t` moved into [lo, hi] when it lies outside (a fresh draw near the violated end). */
function within(t: number, b: { lo?: number; hi?: number }, kind: 'date' | 'datetime', sf: SeededFaker): number {
  const { lo, hi } = b;
  if ((lo === undefined || t >= lo) && (hi === undefined || t <= hi)) return t;
  const span = kind === 'date' ? 14 * DAY : 6 * HOUR;
  let a: number;
  let z: number;
  if (lo !== undefined && hi !== undefined) {
    if (hi < lo) return t;
    [a, z] = [lo, hi];
  } else if (lo !== undefined) {
    const now = sf.faker.defaultRefDate().getTime();
    [a, z] = [lo, now > lo + MINUTE ? Math.min(now, lo + 3 * DAY) : lo + span];
  } else {
    [a, z] = [hi! - span, hi!];
  }
  if (kind === 'date') {
    const da = Math.ceil(a / DAY);
    const dz = Math.floor(z / DAY);
    return dz < da ? t : sf.rng.int(da, dz) * DAY;
  }
  const sa = Math.ceil(a / 1000);
  const sz = Math.floor(z / 1000);
  return sz < sa ? t : sf.rng.int(sa, sz) * 1000;
}

/** Numbers that respect the request's bounds (`max_price: 100` → `price` ≤ 100). */
function withRequestBounds(s: JsonSchema, integer: boolean, where: Where, gen: (sf: SeededFaker) => number): Gen {
  const name = where.name;
  if (!name) return gen;
  const snake = snakeName(name);
  let narrowed: Map<string, ((sf: SeededFaker) => number) | null> | undefined;
  return (sf) => {
    const v = gen(sf);
    if (call.args === null) return v;
    const f = callFacts()!;
    if (f.numbers.length === 0) return v;
    const b = numberBoundsFor(f, snake);
    if (!b || ((b.lo === undefined || v >= b.lo) && (b.hi === undefined || v <= b.hi))) return v;
    const key = `${b.lo}|${b.hi}`;
    narrowed ??= new Map();
    let g = narrowed.get(key);
    if (g === undefined) {
      const t: JsonSchema = { ...s };
      if (b.lo !== undefined && !(typeof s.minimum === 'number' && s.minimum >= b.lo)) t.minimum = b.lo;
      if (b.hi !== undefined && !(typeof s.maximum === 'number' && s.maximum <= b.hi)) t.maximum = b.hi;
      const lo = Math.max(typeof t.minimum === 'number' ? t.minimum : -Infinity, typeof t.exclusiveMinimum === 'number' ? t.exclusiveMinimum : -Infinity);
      const hi = Math.min(typeof t.maximum === 'number' ? t.maximum : Infinity, typeof t.exclusiveMaximum === 'number' ? t.exclusiveMaximum : Infinity);
      g = lo <= hi ? compileNumber(t, integer, name) : null;
      if (narrowed.size > 64) narrowed.clear();
      narrowed.set(key, g);
    }
    if (g === null) return v;
    const w = g(sf);
    return (b.lo === undefined || w >= b.lo) && (b.hi === undefined || w <= b.hi) ? w : v;
  };
}

// ---------------------------------------------------------------------------------------------
// x-fake, default and examples

interface FakeSpec {
  path: string;
  args: JsonValue[] | undefined;
  as: 'date' | 'datetime' | undefined;
}

function fakeSpec(s: JsonSchema): FakeSpec | undefined {
  const x = s['x-fake'];
  const args = Array.isArray(s['x-fake-args']) ? s['x-fake-args'] : undefined;
  if (typeof x === 'string') return { path: x, args, as: undefined };
  if (isObject(x) && typeof x.fake === 'string') {
    const as = x.as === 'date' || x.as === 'datetime' ? x.as : undefined;
    return { path: x.fake, args: Array.isArray(x.args) ? x.args : args, as };
  }
  return undefined;
}

function withXFake(s: JsonSchema, ctx: Ctx, gen: Gen): Gen {
  const spec = fakeSpec(s);
  if (!spec) return gen;
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type : [];
  const wantsString = types.includes('string') || types.length === 0;
  const wantsNumber = types.includes('number') || types.includes('integer');
  const dateAs = spec.as ?? (s.format === 'date' ? 'date' : 'datetime');
  const args = withDefaultFakerArgs(spec.path, spec.args);
  let check: Check | null | undefined;
  // The method of the Faker last seen (generators are shared by every Faker that uses the schema).
  let lastFaker: SeededFaker['faker'] | undefined;
  let lastMethod: ReturnType<typeof resolveFakerMethod>;
  return (sf, echo, depth) => {
    if (sf.faker !== lastFaker) {
      lastFaker = sf.faker;
      lastMethod = resolveFakerMethod(sf.faker, spec.path);
    }
    const method = lastMethod;
    if (method) {
      let value: JsonValue | undefined;
      try {
        const raw = args && args.length > 0 ? method(...args) : method();
        value = raw instanceof Date ? formatDate(raw, dateAs) : toJsonValue(raw);
        if (spec.as && typeof value === 'string') value = formatDate(value, spec.as);
      } catch {
        value = undefined;
      }
      if (value !== undefined) {
        if (wantsString && (typeof value === 'number' || typeof value === 'boolean') && !types.includes(typeof value)) {
          value = String(value);
        } else if (wantsNumber && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
          value = Number(value);
        }
        check ??= compileCheck(s, ctx.root);
        if (check ? check(value) : typeof value === 'string' && wantsString) return value;
      }
    }
    return gen(sf, echo, depth);
  };
}

function withDefaults(s: JsonSchema, ctx: Ctx, gen: Gen): Gen {
  if (!('default' in s) && !Array.isArray(s.examples)) return gen;
  const check = compileCheck(s, ctx.root);
  if (!check) return gen;
  const hasDefault = 'default' in s && check(s.default);
  const dflt = s.default as JsonValue;
  const examples = Array.isArray(s.examples) ? s.examples.filter((e) => check(e)) : [];
  if (!hasDefault && examples.length === 0) return gen;
  return (sf, echo, depth) => {
    const r = sf.rng.next();
    if (hasDefault && r < DEFAULT_P) return cloneJson(dflt);
    if (examples.length > 0 && r >= 1 - EXAMPLE_P) return cloneJson(examples[Math.floor(sf.rng.next() * examples.length)]);
    return gen(sf, echo, depth);
  };
}

// ---------------------------------------------------------------------------------------------
// Domains

/** Words of a schema's field names (and descriptions' words are left out: they are prose). */
function schemaWords(schema: JsonValue, out: string[], budget: { n: number }): void {
  if (budget.n-- <= 0) return;
  if (Array.isArray(schema)) {
    for (const s of schema) schemaWords(s, out, budget);
    return;
  }
  if (!isObject(schema)) return;
  for (const key of ['properties', 'patternProperties', '$defs', 'definitions']) {
    const props = schema[key];
    if (!isObject(props)) continue;
    for (const name of Object.keys(props)) {
      if (key === 'properties') {
        const snake = snakeName(name);
        out.push(snake, ...snake.split('_'));
      }
      schemaWords(props[name], out, budget);
    }
  }
  for (const key of ['items', 'prefixItems', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'additionalItems', 'contains']) {
    if (schema[key] !== undefined) schemaWords(schema[key], out, budget);
  }
}

function makeCtx(schema: SchemaLike, tool: ToolContext | undefined, fieldName: string | undefined): Ctx {
  const words: string[] = [];
  if (tool?.name) {
    const snake = snakeName(tool.name);
    words.push(...snake.split('_'), ...snake.split('_'));
  }
  if (tool?.description)
    words.push(
      ...tool.description
        .toLowerCase()
        .split(/[^a-z_]+/)
        .filter((w) => w.length > 1),
    );
  if (fieldName) words.push(...snakeName(fieldName).split('_'));
  schemaWords(schema as JsonValue, words, { n: 400 });
  const toolWords = tool?.name ? snakeName(tool.name).split('_') : [];
  const action = isActionTool(tool?.name, tool?.effect);
  let toolSubject = subjectOfTool(tool?.name);
  if (toolWords[0] === 'book' || toolWords[0] === 'reserve') toolSubject = toolWords[0] === 'book' ? 'booking' : 'reservation';
  else if (toolWords[0] === 'deploy') toolSubject = 'deployment';
  return { root: schema, refs: new Map(), domain: domainOf(words), tool, toolSubject, action };
}

// ---------------------------------------------------------------------------------------------
// Public API

const cache = new WeakMap<object, Map<string, Gen>>();
const NO_NAME = '\u0000';

function rootGen(schema: JsonSchema, fieldName: string | undefined, tool?: ToolContext): Gen {
  if (!isObject(schema)) {
    // `true` / `false` (or junk): nothing to cache by.
    return compile(schema as SchemaLike, makeCtx(schema as SchemaLike, tool, fieldName), rootWhere(fieldName, undefined));
  }
  let byName = cache.get(schema);
  if (!byName) {
    byName = new Map();
    cache.set(schema, byName);
  }
  const key = tool ? `${fieldName ?? NO_NAME}\u0001${tool.name ?? ''}\u0001${tool.effect ?? ''}\u0001${tool.description ?? ''}` : (fieldName ?? NO_NAME);
  let gen = byName.get(key);
  if (!gen) {
    const ctx = makeCtx(schema, tool, fieldName);
    gen = compile(schema, ctx, rootWhere(fieldName, ctx.toolSubject));
    byName.set(key, gen);
  }
  return gen;
}

/**
 * A value that validates against `schema`. `fieldName` drives name-based realism (`email`,
 * `room_id`, …); `options.echo` echoes values into same-named properties like simulateResult.
 */
export function simulateValue(schema: JsonSchema, sf: SeededFaker, fieldName?: string, options?: SimulateOptions): JsonValue {
  call.args = null;
  call.facts = undefined;
  call.same = undefined;
  return rootGen(schema, fieldName)(sf, options?.echo ?? null, 0);
}

/**
 * A simulated tool result. A property of the result (or of a nested object that is not inside
 * an array) named like an argument of the call echoes the argument's value when it is valid
 * for that property (`get_alert(alert_id=X)` → `{ "alert_id": X, … }`); the items of its lists
 * repeat the arguments that filter (see request.ts). Without a `returns` schema the result is
 * `{ "ok": true }`.
 */
export function simulateResult(returns: JsonSchema | undefined, args: { [name: string]: JsonValue }, sf: SeededFaker, tool?: ToolContext): JsonValue {
  return resultSimulator(returns, tool)(args, sf);
}

/**
 * `simulateResult` for one `returns` schema, compiled once (for a generator that simulates it
 * many times). `tool` (its name, description and effect) places fields better and carries the
 * description's sort promises.
 */
export function resultSimulator(returns: JsonSchema | undefined, tool?: ToolContext): (args: { [name: string]: JsonValue }, sf: SeededFaker) => JsonValue {
  if (returns === undefined) return () => ({ ok: true });
  const gen = rootGen(returns, undefined, tool);
  return (args, sf) => {
    // Results are simulated one at a time: the call's state is set here and cleared after.
    call.args = args;
    call.facts = undefined;
    call.same = undefined;
    const probe = activeProbe;
    if (probe !== null) probe.begin();
    const result = gen(sf, args, 0);
    if (probe !== null) probe.end(result);
    call.args = null;
    call.facts = undefined;
    call.same = undefined;
    return result;
  };
}
