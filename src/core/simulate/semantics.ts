/**
 * What field names promise about their values, shared by the simulator (which keeps the
 * promises) and the quality measure (which checks them): ordered pairs (`low_c` ≤ `high_c`,
 * `check_in` ≤ `check_out`), timestamps of things that happened (`created_at`, `sent_at`),
 * success flags (`sent`, `confirmed`), and sort contracts (`"x-sort": "-rating"` on an array,
 * or a description that says "cheapest first" / "in start-time order").
 */
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { snakeName } from './ids.ts';

const words = (name: string): string[] =>
  snakeName(name)
    .split('_')
    .filter((w) => w.length > 0);

// ---------------------------------------------------------------------------------------------
// Ordered pairs

/** (lower word, higher word): keys that differ in exactly this word form a pair. */
const PAIR_WORDS: readonly (readonly [string, string])[] = [
  ['low', 'high'],
  ['lo', 'hi'],
  ['lowest', 'highest'],
  ['min', 'max'],
  ['minimum', 'maximum'],
  ['start', 'end'],
  ['starts', 'ends'],
  ['started', 'ended'],
  ['begin', 'end'],
  ['begins', 'ends'],
  ['start', 'finish'],
  ['from', 'to'],
  ['from', 'until'],
  ['since', 'until'],
  ['earliest', 'latest'],
  ['oldest', 'newest'],
  ['first', 'last'],
  ['departure', 'arrival'],
  ['departs', 'arrives'],
  ['depart', 'arrive'],
  ['departing', 'arriving'],
  ['departed', 'arrived'],
  ['open', 'close'],
  ['opens', 'closes'],
  ['opened', 'closed'],
  ['opening', 'closing'],
  ['created', 'updated'],
  ['created', 'modified'],
  ['created', 'closed'],
  ['created', 'resolved'],
  ['created', 'acknowledged'],
  ['created', 'completed'],
  ['created', 'deleted'],
  ['triggered', 'acknowledged'],
  ['triggered', 'resolved'],
  ['acknowledged', 'resolved'],
  ['started', 'finished'],
  ['started', 'completed'],
  ['started', 'stopped'],
  ['sent', 'delivered'],
  ['sent', 'read'],
  ['delivered', 'read'],
  ['issued', 'expires'],
  ['issued', 'due'],
  ['sunrise', 'sunset'],
  ['pickup', 'dropoff'],
  ['checkin', 'checkout'],
];
const PAIR_INDEX = new Map<string, Set<string>>();
for (const [lo, hi] of PAIR_WORDS) {
  if (!PAIR_INDEX.has(lo)) PAIR_INDEX.set(lo, new Set());
  PAIR_INDEX.get(lo)!.add(hi);
}

/** Is `hiKey` the upper end of a pair whose lower end is `loKey` (`low_c`/`high_c`, `check_in`/`check_out`)? */
export function isOrderedPair(loKey: string, hiKey: string): boolean {
  const a = words(loKey);
  const b = words(hiKey);
  if (a.length !== b.length || a.length === 0) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  if (at < 0) return false;
  const lo = a[at];
  const hi = b[at];
  if (lo === 'in' && hi === 'out') return a.includes('check') || a.includes('clock') || a.includes('time');
  return PAIR_INDEX.get(lo)?.has(hi) === true;
}

/** The ordered pairs among an object's keys, as [lower key, higher key]. */
export function orderedPairs(keys: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const a of keys) for (const b of keys) if (a !== b && isOrderedPair(a, b)) out.push([a, b]);
  return out;
}

export type ComparableKind = 'number' | 'date' | 'datetime' | 'clock';
export interface Comparable {
  kind: ComparableKind;
  /** Numbers as they are, dates and date-times in ms, clock times in minutes. */
  at: number;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

const digit = (c: number): boolean => c >= 48 && c <= 57;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day that exists (NaN parts never do). */
function validDay(y: number, m: number, d: number): boolean {
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1000)) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1] + (leap ? 1 : 0);
}

/** The number written by the `k` digits of `s` at `i` (NaN if one is not a digit). */
function digitsAt(s: string, i: number, k: number): number {
  let x = 0;
  for (let j = i; j < i + k; j++) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return NaN;
    x = x * 10 + c;
  }
  return x;
}

/** A value two ends of a pair can be compared by: a number, a date, a date-time or a clock time. */
export function comparable(value: JsonValue | undefined): Comparable | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', at: value } : undefined;
  if (typeof value !== 'string' || value.length < 5 || !digit(value.charCodeAt(0)) || !digit(value.charCodeAt(1))) return undefined;
  if (value.length <= 8 && value.charCodeAt(2) === 58) {
    // `HH:MM` or `HH:MM:SS`, read without a regular expression (lists are sorted by it).
    const h = (value.charCodeAt(0) - 48) * 10 + value.charCodeAt(1) - 48;
    const m = (value.charCodeAt(3) - 48) * 10 + value.charCodeAt(4) - 48;
    if (!digit(value.charCodeAt(3)) || !digit(value.charCodeAt(4)) || h > 23 || m > 59) return undefined;
    if (value.length === 5) return { kind: 'clock', at: h * 60 + m };
    return CLOCK_RE.test(value) ? { kind: 'clock', at: h * 60 + m } : undefined;
  }
  // The two forms the simulator writes, read from their digits: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ`.
  if (
    (value.length === 10 || (value.length === 20 && value.charCodeAt(10) === 84 && value.charCodeAt(19) === 90)) &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45
  ) {
    const y = digitsAt(value, 0, 4);
    const mo = digitsAt(value, 5, 2);
    const d = digitsAt(value, 8, 2);
    if (value.length === 10) {
      if (validDay(y, mo, d)) return { kind: 'date', at: Date.UTC(y, mo - 1, d) };
    } else if (value.charCodeAt(13) === 58 && value.charCodeAt(16) === 58) {
      const h = digitsAt(value, 11, 2);
      const mi = digitsAt(value, 14, 2);
      const sec = digitsAt(value, 17, 2);
      if (validDay(y, mo, d) && h <= 23 && mi <= 59 && sec <= 59) return { kind: 'datetime', at: Date.UTC(y, mo - 1, d, h, mi, sec) };
    }
  }
  if (DATE_RE.test(value)) {
    const t = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(t) ? undefined : { kind: 'date', at: t };
  }
  if (DATETIME_RE.test(value)) {
    const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(t) ? undefined : { kind: 'datetime', at: t };
  }
  return undefined;
}

/** A pair's values out of order (both comparable, of one kind, the lower end above the higher). */
export function outOfOrder(lo: JsonValue | undefined, hi: JsonValue | undefined): boolean {
  const a = comparable(lo);
  const b = comparable(hi);
  return a !== undefined && b !== undefined && a.kind === b.kind && a.at > b.at;
}

// ---------------------------------------------------------------------------------------------
// Timestamps of things that happened

const IRREGULAR_PAST = new Set([
  'sent',
  'made',
  'built',
  'done',
  'paid',
  'sold',
  'read',
  'run',
  'seen',
  'taken',
  'written',
  'given',
  'held',
  'met',
  'set',
  'spent',
  'won',
  'begun',
  'drawn',
  'known',
  'shown',
  'chosen',
  'found',
  'got',
  'gotten',
  'kept',
  'lost',
  'put',
  'bought',
  'brought',
  'caught',
  'sought',
  'rung',
  'shot',
  'struck',
  'sung',
  'spoken',
  'woken',
  'frozen',
  'hidden',
  'ridden',
  'begun',
]);
/** Participles that name a time to come. */
const FUTURE_PAST = new Set([
  'scheduled',
  'expected',
  'planned',
  'estimated',
  'projected',
  'needed',
  'required',
  'desired',
  'preferred',
  'requested',
  'proposed',
]);
const HAPPENED_EXACT = new Set([
  'timestamp',
  'ts',
  'time_stamp',
  'created',
  'updated',
  'modified',
  'last_modified',
  'last_updated',
  'last_seen',
  'logged',
  'occurred',
  'as_of',
  'asof',
  'as_at',
]);
const CURRENT_EXACT = new Set([
  'as_of',
  'asof',
  'as_at',
  'retrieved_at',
  'fetched_at',
  'generated_at',
  'checked_at',
  'observed_at',
  'measured_at',
  'last_checked',
  'last_checked_at',
  'refreshed_at',
  'queried_at',
  'computed_at',
]);

/** A timestamp of when current data was read (`as_of`, `fetched_at`): just before "now". */
export function isReadTimestamp(name: string | undefined): boolean {
  return name !== undefined && CURRENT_EXACT.has(snakeName(name));
}

/**
 * A field that records when something happened (`created_at`, `sent_at`, `timestamp`,
 * `last_login_at`), not a time that is planned (`departs_at`, `scheduled_at`, `due_at`).
 */
export function isHappenedTimestamp(name: string | undefined): boolean {
  if (!name) return false;
  const snake = snakeName(name);
  if (HAPPENED_EXACT.has(snake)) return true;
  const w = snake.split('_');
  if (w.length < 2 || w[w.length - 1] !== 'at') return false;
  const stem = w.slice(0, -1);
  if (stem[0] === 'last') return true;
  const verb = stem[stem.length - 1];
  if (FUTURE_PAST.has(verb)) return false;
  return (verb.endsWith('ed') && verb.length > 3) || IRREGULAR_PAST.has(verb);
}

/** Words of a time field that the requested day does not set (they come later, or from elsewhere). */
const NOT_ON_THE_DAY = new Set([
  'birth',
  'dob',
  'born',
  'due',
  'expiry',
  'expires',
  'expiration',
  'expire',
  'valid',
  'deadline',
  'arrival',
  'arrives',
  'arrive',
  'arriving',
  'arrived',
  'end',
  'ends',
  'ended',
  'finish',
  'finished',
  'until',
  'out',
  'return',
  'returns',
  'last',
  'next',
  'previous',
  'renewal',
  'renews',
]);
const ON_THE_DAY = new Set([
  'date',
  'day',
  'datetime',
  'when',
  'start',
  'starts',
  'begin',
  'begins',
  'departure',
  'departs',
  'depart',
  'departing',
  'scheduled',
  'event',
  'pickup',
  'flight',
  'travel',
  'meeting',
  'appointment',
  'time',
  'in',
  'at',
  'on',
  'slot',
  'session',
]);

/**
 * A time field that says when the thing a call asked about takes place (`departs_at`,
 * `start`, `date`, `scheduled_at`): on the day the call asked for, when it asked for one.
 * Not a time something happened (`created_at`), a later end (`arrives_at`, `check_out`) or
 * a deadline (`due_date`, `expires_at`).
 */
export function isEventTime(name: string | undefined): boolean {
  if (!name || isHappenedTimestamp(name)) return false;
  const w = words(name);
  if (w.some((x) => NOT_ON_THE_DAY.has(x) || IRREGULAR_PAST.has(x) || (x.endsWith('ed') && x.length > 3 && !FUTURE_PAST.has(x)))) return false;
  return w.some((x) => ON_THE_DAY.has(x));
}

// ---------------------------------------------------------------------------------------------
// Success flags

const SUCCESS_WORDS = new Set([
  'ok',
  'success',
  'succeeded',
  'successful',
  'sent',
  'confirmed',
  'deleted',
  'created',
  'updated',
  'saved',
  'acknowledged',
  'booked',
  'cancelled',
  'canceled',
  'changed',
  'delivered',
  'scheduled',
  'removed',
  'added',
  'accepted',
  'submitted',
  'uploaded',
  'moved',
  'renamed',
  'copied',
  'published',
  'posted',
  'applied',
  'reserved',
  'paid',
  'notified',
  'invited',
  'assigned',
  'registered',
  'subscribed',
  'unsubscribed',
  'stored',
  'written',
  'executed',
  'processed',
  'queued',
  'deployed',
  'restarted',
  'restored',
  'refunded',
  'shared',
  'imported',
  'exported',
  'installed',
  'enqueued',
  'dispatched',
  'logged',
]);

/**
 * A boolean that says whether the call did what it was asked (`ok`, `success`, `sent`,
 * `confirmed`, `deleted`, `email_sent`, `is_success`): true unless a design says otherwise.
 */
export function isSuccessFlag(name: string | undefined): boolean {
  if (!name) return false;
  const w = words(name);
  if (w.length === 0 || w.length > 3) return false;
  const last = w[w.length - 1];
  if (!SUCCESS_WORDS.has(last)) return false;
  // `is_sent`, `was_deleted`, `email_sent`; not `is_scheduled_for`, `created_by`.
  return w.length === 1 || w.slice(0, -1).every((x) => x !== 'not' && x !== 'un');
}

// ---------------------------------------------------------------------------------------------
// Tools that act

const ACTION_VERBS = new Set([
  'create',
  'add',
  'book',
  'send',
  'post',
  'update',
  'delete',
  'remove',
  'cancel',
  'acknowledge',
  'ack',
  'assign',
  'deploy',
  'reserve',
  'submit',
  'upload',
  'move',
  'rename',
  'copy',
  'invite',
  'schedule',
  'set',
  'start',
  'stop',
  'restart',
  'mkdir',
  'touch',
  'pay',
  'transfer',
  'approve',
  'close',
  'archive',
  'publish',
  'notify',
  'register',
  'open',
  'file',
  'log',
  'record',
  'save',
  'write',
  'edit',
  'place',
  'order',
  'refund',
  'resolve',
  'reply',
  'share',
  'import',
  'export',
  'install',
  'trigger',
  'run',
  'execute',
  'page',
  'mark',
  'complete',
]);

/** A tool that does something (its `effect` is write or destructive, or its name starts with a verb that acts: `create_`, `send_`, `book_`). */
export function isActionTool(name: string | undefined, effect: string | undefined): boolean {
  if (effect === 'write' || effect === 'destructive') return true;
  if (!name) return false;
  return ACTION_VERBS.has(snakeName(name).split('_')[0]);
}

// ---------------------------------------------------------------------------------------------
// Sort contracts

export interface SortContract {
  /** The item field the list is sorted by (a dotted path for nested fields). */
  key: string;
  desc: boolean;
  /** Where the contract comes from: `x-sort`, or the description that states it. */
  source: 'x-sort' | 'description';
}

interface Rule {
  re: RegExp;
  /** Field names to sort by, best first (tested against the item's keys). */
  keys: RegExp[];
  desc: boolean;
}

const PRICE = [/(^|_)price($|_)/, /(^|_)(fare|cost|rate|amount|total)($|_)/];
const START = [
  /^start(s)?(_at|_time|_date)?$/,
  /^(departs|departure)(_at|_time)?$/,
  /^(begins|begin)(_at)?$/,
  /(^|_)start(_time|_at)$/,
  /^(time|date|datetime|when|scheduled(_at|_for)?)$/,
];
const WHEN = [/^(timestamp|ts|time|date|datetime)$/, /(_at|_time|_date)$/];
const RATING = [/(^|_)rating($|_)/, /(^|_)(score|stars|reviews?)($|_)/];
const DISTANCE = [/(^|_)distance($|_)/, /(^|_)(km|miles|meters)($|_)/];
const NAME = [/^(name|title)$/, /(_name|_title)$/];

const RULES: Rule[] = [
  { re: /\b(most expensive|highest price|priciest) first\b|\bprice,? (high(est)? to low(est)?|descending)\b/i, keys: PRICE, desc: true },
  {
    re: /\b(cheapest|lowest[- ]price[ds]?|least expensive|lowest fares?) first\b|\bprice,? (low(est)? to high(est)?|ascending)\b|\b(sorted|ordered) by (the )?(price|fare|cost)\b|\bin order of price\b/i,
    keys: PRICE,
    desc: false,
  },
  { re: /\b(newest|latest|most recent) first\b|\breverse[- ]chronological\b/i, keys: WHEN, desc: true },
  { re: /\b(oldest) first\b/i, keys: WHEN, desc: false },
  {
    re: /\b(in |by )?(start[- ]?time|starting[- ]time|departure[- ]time|chronological|time) order\b|\b(sorted|ordered) by (start(ing)? |departure )?(time|date)\b|\b(earliest|soonest) first\b|\bchronologically\b/i,
    keys: START,
    desc: false,
  },
  {
    re: /\b(best|highest|top)[- ]rated first\b|\b(highest|best) rating first\b|\b(sorted|ordered) by rating\b|\brating,? (high(est)? to low(est)?|descending)\b/i,
    keys: RATING,
    desc: true,
  },
  { re: /\b(closest|nearest) first\b|\b(sorted|ordered) by distance\b/i, keys: DISTANCE, desc: false },
  { re: /\balphabetical(ly)?\b|\b(sorted|ordered) by name\b|\bA[-–]Z\b/, keys: NAME, desc: false },
];

/** The field of `keys` the first matching pattern picks. */
function pickKey(patterns: RegExp[], keys: readonly string[]): string | undefined {
  for (const p of patterns) {
    const k = keys.find((key) => p.test(snakeName(key)));
    if (k !== undefined) return k;
  }
  return undefined;
}

const EVENT_START = [
  /^(start|starts|begin|begins)(_at|_time|_datetime)?$/,
  /^(departs|departure|depart)(_at|_time|_datetime)?$/,
  /^scheduled(_at|_for|_time)?$/,
  /(^|_)start(_time|_at|_datetime)$/,
];

/**
 * A list without a sort promise whose items say when each starts (`start_time`, `departs_at`,
 * `scheduled_at`) comes in that order, as calendars and timetables do: the key, or undefined.
 */
export function defaultSortKey(keys: readonly string[]): string | undefined {
  return pickKey(EVENT_START, keys);
}

/** `"price"` / `"-rating"` / `"+start_time"` (x-sort). */
export function parseXSort(value: JsonValue | undefined): { key: string; desc: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  const desc = t.startsWith('-');
  const key = t.replace(/^[-+]/, '').trim();
  return key ? { key, desc } : undefined;
}

/** The order a description promises for a list whose items have `keys`, if it says one. */
export function sortFromDescription(description: string | undefined, keys: readonly string[]): SortContract | undefined {
  if (!description || keys.length === 0) return undefined;
  for (const rule of RULES) {
    if (!rule.re.test(description)) continue;
    const key = pickKey(rule.keys, keys);
    if (key !== undefined) return { key, desc: rule.desc, source: 'description' };
  }
  const m =
    /\b(?:sorted|ordered) by ([a-z][a-z _-]{1,30}?)(?:,? (descending|desc|ascending|asc|high(?:est)? (?:to|first)|low(?:est)? (?:to|first)))?(?:[.,;)]|$| and| then| with| so)/i.exec(
      description,
    );
  if (m) {
    const wanted = snakeName(m[1].trim());
    const key = keys.find((k) => snakeName(k) === wanted) ?? keys.find((k) => snakeName(k).includes(wanted));
    if (key !== undefined) return { key, desc: /^(desc|high)/i.test(m[2] ?? ''), source: 'description' };
  }
  return undefined;
}

/**
 * The sort contract of an array schema whose items have the properties `itemKeys`: its
 * `x-sort`, else what its own description says, else (for the list a tool is about: the one
 * array at the top of its result) what the tool's description says.
 */
export function sortContract(array: JsonSchema, itemKeys: readonly string[], toolDescription?: string): SortContract | undefined {
  const x = parseXSort(array['x-sort'] as JsonValue | undefined);
  if (x) return { ...x, source: 'x-sort' };
  const own = typeof array.description === 'string' ? sortFromDescription(array.description, itemKeys) : undefined;
  return own ?? sortFromDescription(toolDescription, itemKeys);
}

/** A value's sort key at a dotted path. */
export function sortValue(item: JsonValue, key: string): JsonValue | undefined {
  if (key.indexOf('.') < 0)
    return typeof item === 'object' && item !== null && !Array.isArray(item) && Object.prototype.hasOwnProperty.call(item, key) ? item[key] : undefined;
  let v: JsonValue | undefined = item;
  for (const part of key.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = Object.prototype.hasOwnProperty.call(v, part) ? v[part] : undefined;
  }
  return v;
}

/** Orders two sort values: numbers, dates and times by value, other strings by text; -1/0/1. */
export function compareSortValues(a: JsonValue | undefined, b: JsonValue | undefined): number {
  const ca = comparable(a);
  const cb = comparable(b);
  if (ca && cb && ca.kind === cb.kind) return ca.at < cb.at ? -1 : ca.at > cb.at ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return 0;
}

/** The index of the first item out of the contract's order, or -1. */
export function sortViolation(items: readonly JsonValue[], contract: { key: string; desc: boolean }): number {
  for (let i = 1; i < items.length; i++) {
    const c = compareSortValues(sortValue(items[i - 1], contract.key), sortValue(items[i], contract.key));
    if (contract.desc ? c < 0 : c > 0) return i;
  }
  return -1;
}
