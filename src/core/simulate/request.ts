/**
 * What a call's arguments say about its result, read from their names and values: the day it
 * is about (`date`, `departure_date`, `check_in` → flights depart that day), bounds on times
 * (`since` → log entries after it; `due_before` → tasks due by then), bounds on numbers
 * (`max_price` → prices under it), the place it is about (`city` → hotels in that city), what
 * was searched for (`query`), and which arguments a list's items repeat (a search's filters:
 * `level: "error"` → every entry is an error).
 */
import type { JsonValue } from '../project/types.ts';
import { isIdField, snakeName } from './ids.ts';
import { comparable, isHappenedTimestamp } from './semantics.ts';

// ---------------------------------------------------------------------------------------------
// The call being simulated (set by resultSimulator around each result; null otherwise)

export interface CallState {
  /** The arguments of the call whose result is being simulated; null outside one. */
  args: { readonly [name: string]: JsonValue } | null;
  facts: RequestFacts | undefined;
  /** Values one result keeps the same wherever they appear (its currency), by field name. */
  same: Map<string, JsonValue> | undefined;
}

/** The one call being simulated (results are simulated one at a time; set by resultSimulator). */
export const callState: CallState = { args: null, facts: undefined, same: undefined };

/** What the arguments of the call being simulated say (read once per call, when first asked). */
export function callFacts(): RequestFacts | undefined {
  const args = callState.args;
  if (args === null) return undefined;
  return (callState.facts ??= requestFacts(args));
}

export interface TimeBound {
  /** The word a result field must contain for the bound to apply to it; '' = any event or happened time. */
  target: string;
  /** In ms (dates at 00:00 UTC; an upper date bound covers its whole day). */
  lo?: number;
  hi?: number;
}

export interface NumberBound {
  target: string;
  lo?: number;
  hi?: number;
}

export interface RequestFacts {
  /** `YYYY-MM-DD`: the day the call is about. */
  day?: string;
  times: TimeBound[];
  numbers: NumberBound[];
  /** A city-like place the call is about. */
  place?: string;
  origin?: string;
  destination?: string;
  /** What was searched for. */
  query?: string;
  /** A directory the call is about (`path: "/srv/app"`, `cwd`). */
  dir?: string;
  /** A name the call gives a file or folder (`dir_name: "drafts"`, `folder: "research"`). */
  leaf?: string;
  /** Arguments the items of a result's lists repeat when they have a field of that name (filters). */
  itemEcho: { [name: string]: JsonValue } | null;
}

type Role =
  | { kind: 'day' }
  | { kind: 'time-lo' | 'time-hi'; target: string; alsoDay: boolean }
  | { kind: 'num-lo' | 'num-hi'; target: string }
  | { kind: 'place' | 'origin' | 'destination' | 'query' | 'dir' | 'leaf' }
  | { kind: 'none' };

const DAY_NAMES = new Set([
  'date',
  'day',
  'on',
  'on_date',
  'departure_date',
  'depart_date',
  'travel_date',
  'flight_date',
  'event_date',
  'meeting_date',
  'check_in',
  'check_in_date',
  'checkin',
  'pickup_date',
  'for_date',
  'target_date',
  'outbound_date',
  'when',
  'datetime',
  'departure',
  'booking_date',
  'reservation_date',
  'appointment_date',
  'day_of_travel',
  'departs_on',
  'delivery_date',
]);
const LOWER = new Set([
  'since',
  'after',
  'from',
  'start',
  'from_date',
  'date_from',
  'start_date',
  'min_date',
  'earliest',
  'not_before',
  'after_date',
  'start_time',
  'from_time',
  'since_time',
  'begin',
  'begin_date',
]);
const UPPER = new Set([
  'until',
  'before',
  'to',
  'end',
  'to_date',
  'date_to',
  'end_date',
  'max_date',
  'latest',
  'not_after',
  'before_date',
  'end_time',
  'to_time',
  'until_time',
  'check_out',
  'check_out_date',
  'checkout',
  'return_date',
]);
const PLACE = new Set(['city', 'location', 'town', 'place', 'city_name', 'where', 'near', 'area']);
const ORIGIN = new Set(['origin', 'from_city', 'departure_city', 'origin_city', 'departure_airport', 'from_airport']);
const DESTINATION = new Set(['destination', 'to_city', 'arrival_city', 'destination_city', 'arrival_airport', 'to_airport']);
const QUERY = new Set(['query', 'q', 'search', 'keyword', 'keywords', 'search_term', 'term', 'text_query']);
const DIR = new Set(['path', 'dir', 'directory', 'cwd', 'working_directory', 'folder_path', 'dir_path', 'directory_path', 'root']);
const LEAF = new Set(['dir_name', 'folder_name', 'directory_name', 'folder', 'file_name', 'filename', 'new_name', 'dirname', 'foldername']);
/** Arguments that are not filters a list's items repeat. */
const NOT_ITEM_FILTERS = new Set([
  'name',
  'title',
  'query',
  'q',
  'search',
  'keyword',
  'keywords',
  'text',
  'description',
  'body',
  'message',
  'subject',
  'limit',
  'offset',
  'page',
  'per_page',
  'page_size',
  'sort',
  'order',
  'sort_by',
  'order_by',
  'cursor',
  'token',
  'fields',
  'format',
  'count',
  'max_results',
  'include_completed',
  'include_archived',
  'verbose',
  'a',
  'all',
  'recursive',
  'path',
  'to',
  'from',
  'email',
  'content',
  'notes',
]);

/** What an argument name says, worked out once per name: its role, and whether a list's items may repeat it. */
interface ArgName {
  role: Role;
  filter: boolean;
}
const names = new Map<string, ArgName>();

function argName(name: string): ArgName {
  let a = names.get(name);
  if (a === undefined) {
    const snake = snakeName(name);
    a = { role: classify(snake), filter: !isIdField(name) && !NOT_ITEM_FILTERS.has(snake) };
    if (names.size > 4096) names.clear();
    names.set(name, a);
  }
  return a;
}

function classify(snake: string): Role {
  if (DAY_NAMES.has(snake)) return { kind: 'day' };
  if (LOWER.has(snake)) return { kind: 'time-lo', target: '', alsoDay: snake.startsWith('start') || snake === 'from_date' || snake === 'begin_date' };
  if (UPPER.has(snake)) return { kind: 'time-hi', target: snake.startsWith('check') ? 'check_out' : '', alsoDay: false };
  if (PLACE.has(snake)) return { kind: 'place' };
  if (ORIGIN.has(snake)) return { kind: 'origin' };
  if (DESTINATION.has(snake)) return { kind: 'destination' };
  if (QUERY.has(snake)) return { kind: 'query' };
  if (DIR.has(snake)) return { kind: 'dir' };
  if (LEAF.has(snake)) return { kind: 'leaf' };
  const w = snake.split('_');
  const last = w[w.length - 1];
  const first = w[0];
  const rest = (from: number, to: number) => w.slice(from, to).join('_');
  if (w.length >= 2) {
    if (['after', 'since', 'from'].includes(last)) return { kind: 'time-lo', target: rest(0, -1), alsoDay: false };
    if (['before', 'until', 'by'].includes(last)) return { kind: 'time-hi', target: rest(0, -1), alsoDay: false };
    if (['min', 'minimum', 'above', 'over', 'least', 'from'].includes(last)) return { kind: 'num-lo', target: rest(0, last === 'least' ? -2 : -1) };
    if (['max', 'maximum', 'under', 'below', 'most', 'to'].includes(last)) return { kind: 'num-hi', target: rest(0, last === 'most' ? -2 : -1) };
    if (first === 'min' || first === 'minimum') return { kind: 'num-lo', target: rest(1, w.length) };
    if (first === 'max' || first === 'maximum') return { kind: 'num-hi', target: rest(1, w.length) };
    if (last === 'date' && !isHappenedTimestamp(`${snake}_at`)) return { kind: 'day' };
  }
  if (snake === 'budget') return { kind: 'num-hi', target: 'price' };
  return { kind: 'none' };
}

const DAY_MS = 86_400_000;
/** An empty list shared by facts that have none (never pushed to: replaced by a new list first). */
const NONE: never[] = [];

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** `YYYY-MM-DD…` (a date, or a date-time whose day is that). */
function isDayLike(value: JsonValue): boolean {
  if (typeof value !== 'string' || value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  if (!(
    isDigit(value, 0) &&
    isDigit(value, 1) &&
    isDigit(value, 2) &&
    isDigit(value, 3) &&
    isDigit(value, 5) &&
    isDigit(value, 6) &&
    isDigit(value, 8) &&
    isDigit(value, 9)
  ))
    return false;
  return value.length === 10 || value.charCodeAt(10) === 84 || value.charCodeAt(10) === 32;
}

/** The facts a call's arguments give about its result. */
export function requestFacts(args: { readonly [name: string]: JsonValue }): RequestFacts {
  const facts: RequestFacts = { times: NONE, numbers: NONE, itemEcho: null };
  let echo: { [name: string]: JsonValue } | null = null;
  // When every argument is a filter, the arguments themselves are what items repeat (no copy).
  let all = true;
  let any = false;
  for (const name in args) {
    const a = argName(name);
    const v = args[name];
    if (a.filter && v !== null && typeof v !== 'object') any = true;
    else all = false;
  }
  if (all && any) echo = args as { [name: string]: JsonValue };
  for (const name in args) {
    const value = args[name];
    const { role, filter } = argName(name);
    switch (role.kind) {
      case 'day':
        if (facts.day === undefined && isDayLike(value)) facts.day = (value as string).slice(0, 10);
        break;
      case 'time-lo':
      case 'time-hi': {
        const c = comparable(value);
        if (!c || (c.kind !== 'date' && c.kind !== 'datetime')) break;
        if (facts.times === NONE) facts.times = [];
        if (role.kind === 'time-lo') facts.times.push({ target: role.target, lo: c.at });
        else facts.times.push({ target: role.target, hi: c.kind === 'date' ? c.at + DAY_MS - 1000 : c.at });
        if (role.alsoDay && facts.day === undefined) facts.day = (value as string).slice(0, 10);
        continue;
      }
      case 'num-lo':
      case 'num-hi':
        if (typeof value === 'number' && Number.isFinite(value) && role.target) {
          if (facts.numbers === NONE) facts.numbers = [];
          facts.numbers.push(role.kind === 'num-lo' ? { target: role.target, lo: value } : { target: role.target, hi: value });
          continue;
        }
        break;
      case 'place':
        if (typeof value === 'string' && facts.place === undefined) facts.place = value;
        break;
      case 'origin':
        if (typeof value === 'string') facts.origin = value;
        break;
      case 'destination':
        if (typeof value === 'string') {
          facts.destination = value;
          facts.place ??= value;
        }
        break;
      case 'query':
        if (typeof value === 'string' && value.trim() !== '') facts.query = value.trim();
        continue;
      case 'dir':
        if (typeof value === 'string' && /^(\/|~)/.test(value)) facts.dir = value.length > 1 ? value.replace(/\/+$/, '') : value;
        continue;
      case 'leaf':
        if (typeof value === 'string' && value !== '' && !value.includes('/')) facts.leaf = value;
        else if (typeof value === 'string' && /^(\/|~)/.test(value)) facts.dir = value.replace(/\/+$/, '');
        continue;
      default:
        break;
    }
    if (all || value === null || typeof value === 'object' || !filter) continue;
    (echo ??= {})[name] = value;
  }
  facts.itemEcho = echo;
  return facts;
}

/** The time bounds that apply to a result field (by its snake-cased words). */
export function timeBoundsFor(facts: RequestFacts, field: string, happenedOrEvent: boolean): { lo?: number; hi?: number } | undefined {
  let lo: number | undefined;
  let hi: number | undefined;
  for (const b of facts.times) {
    const applies =
      b.target === ''
        ? happenedOrEvent
        : field === b.target || field.startsWith(`${b.target}_`) || field.endsWith(`_${b.target}`) || field.includes(`_${b.target}_`);
    if (!applies) continue;
    if (b.lo !== undefined) lo = lo === undefined ? b.lo : Math.max(lo, b.lo);
    if (b.hi !== undefined) hi = hi === undefined ? b.hi : Math.min(hi, b.hi);
  }
  return lo === undefined && hi === undefined ? undefined : { lo, hi };
}

/** The number bounds that apply to a result field. */
export function numberBoundsFor(facts: RequestFacts, field: string): { lo?: number; hi?: number } | undefined {
  let lo: number | undefined;
  let hi: number | undefined;
  const words = field.split('_');
  for (const b of facts.numbers) {
    const t = b.target.split('_');
    const applies = field === b.target || (t.length === 1 ? words.includes(b.target) : field.includes(b.target));
    if (!applies) continue;
    if (b.lo !== undefined) lo = lo === undefined ? b.lo : Math.max(lo, b.lo);
    if (b.hi !== undefined) hi = hi === undefined ? b.hi : Math.min(hi, b.hi);
  }
  return lo === undefined && hi === undefined ? undefined : { lo, hi };
}
