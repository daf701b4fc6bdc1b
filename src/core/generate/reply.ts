import type { JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { ExampleCall } from './types.ts';

/** "find_available_rooms" → "find available rooms". */
export function humanizeToolName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A short note on what a result holds: "3 rooms", "booking_id bk_7Kq2Lm9x". */
export function describeResult(result: JsonValue): string | undefined {
  if (Array.isArray(result)) return `${result.length} ${result.length === 1 ? 'item' : 'items'}`;
  if (!isPlainObject(result)) return undefined;
  const entries = Object.entries(result);
  const id = entries.find(([k, v]) => /(^|_)id$/.test(k) && (typeof v === 'string' || typeof v === 'number'));
  if (id) return `${id[0]} ${String(id[1])}`;
  const list = entries.find(([, v]) => Array.isArray(v));
  if (list) {
    const n = (list[1] as JsonValue[]).length;
    return `${n} ${list[0].replace(/_/g, ' ')}`;
  }
  const status = entries.find(([k, v]) => /status|state|result/.test(k) && typeof v === 'string');
  if (status) return `${status[0]} ${String(status[1])}`;
  return undefined;
}

/** One call that ran, with its result; `error` when the result is the call's error (design §6). */
export interface RanCall {
  call: ExampleCall;
  result: JsonValue;
  error?: boolean;
}

/** What else the reply should know: the calls the user said no to (design §7). */
export interface SummaryContext {
  declined?: readonly { tool: string }[];
  /**
   * Draws one of `n` phrasings (0 … n−1) from the example's random stream, so that replies vary
   * over a dataset and stay the same for a seed. Without it the first phrasing is used.
   */
  pick?: (n: number) => number;
}

/** Verbs of tools that look things up rather than act. */
const READ_VERBS = new Set([
  'get',
  'search',
  'find',
  'list',
  'fetch',
  'lookup',
  'look',
  'check',
  'read',
  'query',
  'show',
  'view',
  'describe',
  'count',
  'browse',
  'retrieve',
  'load',
  'ls',
  'cat',
  'pwd',
  'stat',
]);
const PAST: Record<string, string> = {
  send: 'sent',
  make: 'made',
  get: 'got',
  find: 'found',
  set: 'set',
  put: 'put',
  run: 'ran',
  write: 'wrote',
  read: 'read',
  pay: 'paid',
  buy: 'bought',
  build: 'built',
  begin: 'began',
  give: 'gave',
  take: 'took',
  shut: 'shut',
  split: 'split',
  reset: 'reset',
  cancel: 'cancelled',
  transfer: 'transferred',
  submit: 'submitted',
  stop: 'stopped',
  ship: 'shipped',
  plan: 'planned',
  tag: 'tagged',
  log: 'logged',
  drop: 'dropped',
  pin: 'pinned',
  mkdir: 'created',
  cd: 'moved to',
  rm: 'removed',
  mv: 'moved',
  cp: 'copied',
  touch: 'created',
};
/** Objects of shell-like tools, by name. */
const SHELL_OBJECT: Record<string, string> = {
  mkdir: 'the folder',
  cd: 'the folder',
  rm: 'the file',
  mv: 'the file',
  cp: 'the file',
  touch: 'the file',
  cat: 'the file',
  ls: 'the folder',
  pwd: 'the folder',
  stat: 'the file',
};
/** List names that say nothing by themselves: `entries` of get_logs are log entries. */
const GENERIC_LIST = /^(entries|items|results|records|data|list|rows|values|hits|matches)$/;
/** Unit suffixes of number fields, as they are written after the number. */
const UNITS: [RegExp, string][] = [
  [/_c$/, '°C'],
  [/_f$/, '°F'],
  [/_(eur|usd|gbp|chf|jpy)$/, ''],
  [/_(pct|percent)$/, '%'],
  [/_(minutes|mins)$/, 'min'],
  [/_(seconds|secs)$/, 's'],
  [/_ms$/, 'ms'],
  [/_bytes$/, 'bytes'],
  [/_(km|kg|kb|mb|gb)$/, ''],
];
/** Fields that say whether an action went through; `false` means it did not. */
const SUCCESS_FLAG =
  /^(ok|success|succeeded|successful|sent|confirmed|deleted|created|acknowledged|delivered|saved|updated|cancell?ed|completed|done|booked|scheduled|added|removed|approved|accepted|posted|published|moved|renamed|archived|paid|submitted|uploaded|scheduled|reserved|registered|enabled|applied)$/i;
/** A status that says an action did not go through. */
const BAD_STATUS =
  /^(fail(ed|ure)?|error(ed)?|rejected|declined|denied|refused|cancell?ed|aborted|bounced|undeliverable|timed?[ _-]?out|not[ _-]found|unavailable|invalid)$/i;

function words(name: string): string[] {
  return humanizeToolName(name).split(' ').filter(Boolean);
}

/** Shell-like verbs as a person says them. */
const BASE: Record<string, string> = { cd: 'move to', mkdir: 'create', rm: 'remove', mv: 'move', cp: 'copy', touch: 'create', ls: 'list' };
function base(verb: string): string {
  return BASE[verb] ?? verb;
}

function past(verb: string): string {
  if (PAST[verb]) return PAST[verb];
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

function singular(noun: string): string {
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(noun)) return noun.slice(0, -2);
  if (/[^s]s$/.test(noun)) return noun.slice(0, -1);
  return noun;
}

function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|sh|ch|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function inWords(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A tool's verb and object: `book_hotel` → book, hotel; `mkdir` → mkdir, the folder. */
function verbObject(tool: string): { verb: string; object: string; read: boolean } {
  const w = words(tool);
  const verb = w[0] ?? tool;
  if (SHELL_OBJECT[verb] && w.length === 1) return { verb, object: SHELL_OBJECT[verb], read: READ_VERBS.has(verb) };
  const rest = w.slice(1).join(' ');
  return { verb, object: rest ? `the ${rest}` : 'it', read: READ_VERBS.has(verb) };
}

/** A label a person would use for a thing: its name or title. */
function labelOf(item: JsonValue): string | undefined {
  if (!isPlainObject(item)) return undefined;
  for (const key of ['name', 'title', 'full_name', 'display_name', 'hotel_name', 'product_name', 'subject', 'label', 'airline']) {
    const v = item[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  const named = Object.entries(item).find(([k, v]) => /(^|_)(name|title)$/.test(k) && typeof v === 'string' && v.trim());
  if (named) return named[1] as string;
  for (const key of ['folder', 'directory', 'path', 'cwd', 'file']) {
    const v = item[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

const ID_KEY = /(^|_)(id|ref|reference|code|number|sku|key)$|Id$/;

/** The id-like value of a result: `reservation_id RES-123` → { key: reservation, value: RES-123 }. */
function idOf(result: JsonValue): { what: string; value: string } | undefined {
  if (!isPlainObject(result)) return undefined;
  for (const [k, v] of Object.entries(result)) {
    if (ID_KEY.test(k) && (typeof v === 'string' || typeof v === 'number')) {
      const what = humanizeToolName(k)
        .replace(/\s*(id|ref|reference|code|number|key)$/, '')
        .trim();
      return { what: what || 'id', value: String(v) };
    }
  }
  return undefined;
}

/** Why a result says the action did not go through, or undefined: a false success flag, a failed status, an error. */
export function resultSaysFailure(result: JsonValue, verb = ''): string | undefined {
  if (!isPlainObject(result)) return undefined;
  if (result.error !== undefined && result.error !== null && result.error !== false) return errorText(result) ?? 'it returned an error';
  for (const [k, v] of Object.entries(result)) {
    if (v === false && SUCCESS_FLAG.test(k)) return `${humanizeToolName(k)}: false`;
    if (typeof v === 'string' && /(^|_)(status|state|result|outcome)$/.test(k) && BAD_STATUS.test(v) && !(verb === 'cancel' && /^cancell?ed$/i.test(v)))
      return `status ${v}`;
  }
  return undefined;
}

function errorText(result: JsonValue): string | undefined {
  if (typeof result === 'string') return result;
  if (!isPlainObject(result)) return undefined;
  const e = result.error;
  if (typeof e === 'string') return e;
  if (isPlainObject(e) && typeof e.message === 'string') return e.message;
  if (typeof result.message === 'string') return result.message;
  return undefined;
}

/** Every string or number anywhere in a value (the arguments a later call was made with). */
function scalars(value: JsonValue, out: Set<string>): Set<string> {
  if (typeof value === 'string' || typeof value === 'number') out.add(String(value));
  else if (Array.isArray(value)) for (const v of value) scalars(v, out);
  else if (isPlainObject(value)) for (const v of Object.values(value)) scalars(v, out);
  return out;
}

/** The lists a result holds: the result itself, or its array fields, by name. */
function listsOf(result: JsonValue): { noun: string | undefined; items: JsonValue[] }[] {
  if (Array.isArray(result)) return [{ noun: undefined, items: result }];
  if (!isPlainObject(result)) return [];
  return Object.entries(result)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => ({ noun: humanizeToolName(k), items: v as JsonValue[] }));
}

/** The item of a list a later call acted on (one of its id-like values is in the later call's arguments). */
function chosenItem(items: readonly JsonValue[], later: ReadonlySet<string>): JsonValue | undefined {
  for (const item of items) {
    if (!isPlainObject(item)) continue;
    for (const [k, v] of Object.entries(item)) if (ID_KEY.test(k) && (typeof v === 'string' || typeof v === 'number') && later.has(String(v))) return item;
  }
  return undefined;
}

/** A fact or two of a single result read: a name, else the first plain values that are not ids, times or echoes. */
function factsOf(result: JsonValue, args: { [name: string]: JsonValue }): string | undefined {
  if (!isPlainObject(result)) return undefined;
  const label = labelOf(result);
  if (label) return label;
  const echoed = scalars(args, new Set());
  const facts: string[] = [];
  for (const [k, v] of Object.entries(result)) {
    if (facts.length === 2) break;
    if (ID_KEY.test(k) || SUCCESS_FLAG.test(k)) continue;
    if (typeof v === 'string') {
      if (/^\d{4}-\d{2}-\d{2}/.test(v) || v.length > 48 || v.includes('\n') || echoed.has(v)) continue;
      // A condition, summary or status reads as its value alone.
      facts.push(/(^|_)(condition|summary|status|state|description|result|outcome|type|kind)$/.test(k) ? v.replace(/\.$/, '') : `${humanizeToolName(k)} ${v}`);
    } else if (typeof v === 'number' && !echoed.has(String(v))) facts.push(numberFact(k, v));
  }
  return facts.length ? facts.join(', ') : undefined;
}

/** `high_c` 8 → "high 8 °C"; `size_bytes` 32 → "32 bytes"; `rate` 1.08 → "rate 1.08". */
function numberFact(key: string, value: number): string {
  for (const [suffix, unit] of UNITS) {
    if (!suffix.test(key)) continue;
    const name = humanizeToolName(key.replace(suffix, ''));
    const written = unit ? `${value} ${unit}`.replace(' °', ' °') : `${value} ${key.replace(/^.*_/, '').toUpperCase()}`;
    return name === 'size' || name === 'duration' || name === '' ? written : `${name} ${written}`;
  }
  return `${humanizeToolName(key)} ${value}`;
}

/**
 * The final reply when the chain has no `reply` template (or no variant held): a short, natural
 * answer built from what happened, in one to three sentences: what was found (how many, the
 * one a later call acted on by its name), what was done (with its id), and what failed or was
 * declined. It never says an action went through when its result has a false success flag, a
 * failed status or an error. The same calls and results always give the same text.
 */
export function summaryReply(calls: readonly RanCall[], context: SummaryContext = {}): string {
  const declined = context.declined ?? [];
  if (calls.length === 0 && declined.length === 0) return 'There was nothing to do with the tools for this request.';
  const found: string[] = [];
  const looked: string[] = [];
  const done: string[] = [];
  const problems: string[] = [];
  /** The items of every list found so far (an action names the one it was made for). */
  const listed: JsonValue[] = [];
  // Group the calls of one design call (a fan-out, a retry) together, in the order they first ran.
  const groups = new Map<string, RanCall[]>();
  for (const c of calls) groups.set(c.call.callId, [...(groups.get(c.call.callId) ?? []), c]);
  const order = [...groups.keys()];
  // Whether everything looked up came before everything done: only then may the reply say "then".
  let lastLook = -1;
  let firstAct = Infinity;
  for (const [at, callId] of order.entries()) {
    const lookedBefore = found.length + looked.length;
    const doneBefore = done.length;
    step(callId);
    if (found.length + looked.length > lookedBefore) lastLook = at;
    if (done.length > doneBefore) firstAct = Math.min(firstAct, at);
  }
  function step(callId: string): void {
    const group = groups.get(callId)!;
    const { verb, object, read } = verbObject(group[0].call.tool);
    // A retried call: what counts is its last attempt.
    const errors = group.filter((c) => c.error);
    const succeeded = group.filter((c) => !c.error);
    if (succeeded.length === 0) {
      const why = errorText(errors[errors.length - 1].result);
      problems.push(`I couldn't ${base(verb)} ${object}${why ? ` (${why.replace(/\.$/, '')})` : ''}`);
      return;
    }
    const failures = succeeded.map((c) => resultSaysFailure(c.result, verb)).filter((w): w is string => w !== undefined);
    if (failures.length) {
      problems.push(`I tried to ${base(verb)} ${object}, but it did not go through (${failures[0]})`);
      return;
    }
    const lists = listsOf(succeeded[0].result);
    if (lists.length && (read || !idOf(succeeded[0].result))) {
      lists.forEach((list, k) => {
        const n = succeeded.reduce((sum, c) => sum + (listsOf(c.result)[k]?.items.length ?? 0), 0);
        const thing = object === 'it' || object.startsWith('the folder') ? '' : singular(object.replace(/^the /, ''));
        let noun = list.noun ?? (thing || 'result');
        if (list.noun && GENERIC_LIST.test(list.noun) && thing) noun = `${thing} ${list.noun}`;
        const one = singular(noun);
        const many = noun === one ? plural(noun) : noun;
        const said = n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
        // The same kind of thing found again (a second listing): "then".
        found.push(found.some((f) => f.endsWith(` ${many}`) || f.endsWith(` ${one}`)) ? `then ${said}` : said);
        for (const item of list.items) listed.push(item);
      });
      return;
    }
    if (read) {
      const facts = factsOf(succeeded[0].result, succeeded[0].call.args);
      looked.push(`${object === 'it' ? humanizeToolName(group[0].call.tool) : object}${facts ? ` (${facts})` : ''}`);
      return;
    }
    // What the action was about: the thing of an earlier list it was made for, or its own name.
    const about = (c: RanCall): string | undefined => {
      const args = scalars(c.call.args, new Set());
      const chosen = chosenItem(listed, args);
      return (chosen ? labelOf(chosen) : undefined) ?? labelOf(c.result);
    };
    const ids = succeeded
      .map((c) => idOf(c.result))
      .filter((x): x is { what: string; value: string } => x !== undefined && !scalars(succeeded[0].call.args, new Set()).has(x.value));
    if (succeeded.length > 1) {
      const noun = object === 'it' ? 'times' : plural(object.replace(/^the /, ''));
      const names = succeeded.map(about).filter((x): x is string => x !== undefined);
      const which = names.length === succeeded.length ? names : ids.map((x) => x.value);
      done.push(`${past(verb)} ${succeeded.length} ${noun}${which.length ? ` (${inWords(which)})` : ''}`);
    } else {
      const notes = [about(succeeded[0]), ids.length ? `${ids[0].what} ${ids[0].value}` : undefined].filter((x): x is string => x !== undefined);
      if (verb === 'cd' && notes.length === 1) {
        done.push(`moved to ${notes[0]}`);
        return;
      }
      done.push(`${past(verb)} ${object}${notes.length ? ` (${notes.join(', ')})` : ''}`);
    }
  }
  for (const d of declined) {
    const { verb, object } = verbObject(d.tool);
    problems.push(`as you asked, I didn't ${base(verb)} ${object}`);
  }
  const choose = (options: readonly string[]): string => options[context.pick ? Math.min(options.length - 1, Math.max(0, context.pick(options.length))) : 0];
  const sentences: string[] = [];
  const firstPart = [
    found.length ? `${choose(['found', 'looked and found'])} ${inWords(found)}` : '',
    looked.length ? `${found.length ? 'checked' : choose(['checked', 'looked up'])} ${inWords(looked)}` : '',
  ].filter(Boolean);
  if (firstPart.length) sentences.push(`I ${inWords(firstPart)}.`);
  const inOrder = lastLook < firstAct;
  if (done.length) sentences.push(`${!sentences.length ? 'I' : inOrder ? choose(['Then I', 'After that, I', 'I then']) : 'I also'} ${inWords(done)}.`);
  if (problems.length) sentences.push(`${problems.map(capitalise).join('; ')}.`);
  return sentences.join(' ');
}
