/**
 * The words of grounding: whether an argument looks like an id (something a model can only
 * copy, never guess), and whether a reply text claims that a tool did what it was asked.
 * Used by `validate` (on the design) and by the line checker (on written data).
 */

/** A key that names an id: `id`, `customer_id`, `customerId`, `booking-id`, `ids`. */
export function isIdKey(key: string | undefined): boolean {
  if (!key) return false;
  return /(^|[_\-.])ids?$/i.test(key) || /[a-z0-9]Ids?$/.test(key);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `bk_7Kq2`, `FL-1234`, `ALRT-20931`, `usr_01H8X…`: a short prefix, a separator, a code with a digit. */
const PREFIXED = /^[A-Za-z]{1,8}[_-](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{3,}$/;
/** `u123`, `ORD20931`: letters then digits. */
const LETTERS_DIGITS = /^[A-Za-z]{1,6}\d{3,}$/;

/** A value that looks like an id whatever its key: a UUID, `bk_7Kq2`, `FL-1234`, `ORD20931`. */
export function looksLikeIdValue(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return UUID.test(value) || PREFIXED.test(value) || LETTERS_DIGITS.test(value);
}

/** An argument the model can only know from the conversation: an id key with a string or number, or a value shaped like an id. */
export function isIdLike(key: string | undefined, value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && isIdKey(key);
  if (typeof value !== 'string' || value.trim() === '') return false;
  return isIdKey(key) || looksLikeIdValue(value);
}

// ---------------------------------------------------------------------------------------------
// Replies that claim success

/** What a reply says when a tool of this verb did its job. */
const DONE_WORDS: Record<string, string[]> = {
  send: ['sent', 'emailed', 'mailed', 'delivered'],
  email: ['sent', 'emailed', 'mailed'],
  mail: ['sent', 'emailed', 'mailed'],
  book: ['booked', 'reserved'],
  reserve: ['booked', 'reserved'],
  delete: ['deleted', 'removed', 'wiped'],
  remove: ['deleted', 'removed'],
  create: ['created', 'added', 'set up', 'made', 'opened', 'filed'],
  add: ['added', 'created', 'set'],
  make: ['made', 'created'],
  mkdir: ['created', 'made'],
  touch: ['created', 'made'],
  update: ['updated', 'refreshed', 'changed'],
  edit: ['updated', 'edited', 'changed'],
  post: ['posted', 'shared', 'published'],
  publish: ['published', 'posted'],
  schedule: ['scheduled', 'booked', 'set up'],
  invite: ['invited', 'sent'],
  notify: ['notified', 'paged', 'sent', 'told'],
  page: ['paged', 'notified'],
  acknowledge: ['acknowledged', 'acked'],
  ack: ['acknowledged', 'acked'],
  deploy: ['deployed', 'rolled out', 'shipped'],
  save: ['saved', 'stored'],
  move: ['moved'],
  rename: ['renamed'],
  copy: ['copied'],
  cancel: ['cancelled', 'canceled'],
  confirm: ['confirmed'],
  submit: ['submitted'],
  upload: ['uploaded'],
  assign: ['assigned'],
  pay: ['paid'],
  transfer: ['transferred', 'sent'],
  set: ['set', 'updated'],
  close: ['closed'],
  archive: ['archived'],
  share: ['shared'],
};
/** Words that claim success whatever the tool. */
const GENERIC_DONE = ['done', 'all set', 'successfully', 'went through', 'is confirmed', 'are confirmed'];
const ANY_DONE = [...new Set(Object.values(DONE_WORDS).flat())];
/** Words that say something did not happen: a text with one of them does not claim success. */
const ADMITS_FAILURE =
  /\b(couldn'?t|could not|can'?t|cannot|failed|fail(ure|s)?|unable|wasn'?t|was not|weren'?t|didn'?t|did not|not (been |yet )?\w+ed|isn'?t|no luck|error|problem|sorry|unfortunately|declined|rejected|did nothing|nothing was)\b/i;

function verbOf(tool: string): string | undefined {
  const first = tool
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)[0];
  return first && first in DONE_WORDS ? first : undefined;
}

function phraseRegex(words: readonly string[]): RegExp {
  return new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\b`, 'i');
}
const GENERIC_RE = phraseRegex(GENERIC_DONE);
const ANY_RE = phraseRegex([...GENERIC_DONE, ...ANY_DONE]);
const VERB_RE = new Map(Object.entries(DONE_WORDS).map(([verb, words]) => [verb, phraseRegex([...GENERIC_DONE, ...words])]));

/** Whether a text admits that something failed or did not happen. */
export function admitsFailure(text: string): boolean {
  return ADMITS_FAILURE.test(text);
}

/**
 * The words in `text` that claim `tool` did its job (`sent` for send_itinerary, `done`, …), or
 * undefined when it claims nothing or also admits a failure. For a tool whose verb is not
 * known, any word of success counts.
 */
export function successClaim(text: string, tool: string): string | undefined {
  if (admitsFailure(text)) return undefined;
  const verb = verbOf(tool);
  const re = verb ? VERB_RE.get(verb)! : ANY_RE;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** Whether a text claims success at all (any tool). */
export function claimsAnySuccess(text: string): boolean {
  return !admitsFailure(text) && (ANY_RE.test(text) || GENERIC_RE.test(text));
}
