/** Small word helpers for the audit's text rules. */

/** `find_available_rooms`, `findAvailableRooms`, `find-available-rooms` → ["find", "available", "rooms"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Lower-case words of a text (letters and apostrophes). */
export function textWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z']*/g) ?? [];
}

/** The text's sentences (split at . ! ? ; followed by a space, and at line breaks). */
export function sentences(text: string): string[] {
  return text
    .split(/[.!?;:]+(?:\s+|$)|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A crude stem so that "rooms" matches "room" and "gets" matches "get". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && /(?:ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Verbs that name an action a tool performs (base forms). */
export const ACTION_VERBS = new Set([
  'ack',
  'acknowledge',
  'add',
  'append',
  'apply',
  'approve',
  'archive',
  'assign',
  'attach',
  'book',
  'build',
  'calculate',
  'call',
  'cancel',
  'charge',
  'check',
  'close',
  'compute',
  'convert',
  'copy',
  'create',
  'delete',
  'deploy',
  'destroy',
  'disable',
  'download',
  'drop',
  'edit',
  'email',
  'enable',
  'escalate',
  'execute',
  'export',
  'fetch',
  'find',
  'flag',
  'forward',
  'generate',
  'get',
  'import',
  'insert',
  'install',
  'invite',
  'list',
  'load',
  'lock',
  'log',
  'look',
  'mark',
  'merge',
  'message',
  'modify',
  'move',
  'notify',
  'open',
  'order',
  'page',
  'parse',
  'pay',
  'post',
  'print',
  'publish',
  'purchase',
  'purge',
  'query',
  'read',
  'record',
  'refund',
  'register',
  'reject',
  'remove',
  'rename',
  'replace',
  'reply',
  'reserve',
  'reset',
  'resolve',
  'restart',
  'restore',
  'retrieve',
  'run',
  'save',
  'schedule',
  'search',
  'send',
  'set',
  'share',
  'ship',
  'sort',
  'start',
  'stop',
  'store',
  'submit',
  'subscribe',
  'summarise',
  'summarize',
  'sync',
  'tag',
  'text',
  'track',
  'transfer',
  'translate',
  'trigger',
  'unlock',
  'unsubscribe',
  'update',
  'upload',
  'validate',
  'verify',
  'write',
]);

/** The base form of a verb written as base, -s, -es or -ies, when it is an action verb. */
export function actionVerb(word: string): string | undefined {
  const candidates = [word, word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, '')];
  return candidates.find((c) => ACTION_VERBS.has(c));
}
