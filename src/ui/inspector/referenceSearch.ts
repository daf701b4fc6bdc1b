import type { ReferenceOption } from '../../core/index.ts';

/** The most options the reference picker renders at once; the rest are counted ("N more, type to narrow"). */
export const MAX_SHOWN = 200;

/** The shown options of one upstream call. */
export interface ReferenceGroup {
  callId: string;
  tool: string;
  options: ReferenceOption[];
}

/** What the picker shows for a query. */
export interface ReferenceSearch {
  /** Shown options, grouped by call; best group first. */
  groups: ReferenceGroup[];
  /** The shown options in display order (the groups flattened): the arrow keys move through these. */
  shown: ReferenceOption[];
  /** How many options match the query in all. */
  matched: number;
  /** Matches left out beyond the limit. */
  hidden: number;
}

/**
 * Filters and ranks the reference picker's options. The query is split at spaces; every
 * word must occur in the option's call id, tool name or path (case-insensitive; braces
 * and list steps are ignored, so `rooms.room_id`, `rooms[0].room_id` and `{rooms.rooms[0].room_id}`
 * all find `rooms[].room_id`). Better matches come first: a word that is the field's own name,
 * then one that starts it, then the call id, then the start of any step, then anywhere.
 * An empty query keeps every option in call and field order. At most `limit` are shown.
 */
export function searchReferences(options: readonly ReferenceOption[], query: string, limit: number = MAX_SHOWN): ReferenceSearch {
  const words = loose(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  const ranked: { option: ReferenceOption; score: number; index: number }[] = [];
  options.forEach((option, index) => {
    const score = words.length ? scoreOf(option, words) : 0;
    if (score !== null) ranked.push({ option, score, index });
  });

  // Groups in order of their best match (then call order); options by score, then field order.
  const byCall = new Map<string, { best: number; first: number; items: typeof ranked }>();
  for (const r of ranked) {
    const group = byCall.get(r.option.callId);
    if (!group) byCall.set(r.option.callId, { best: r.score, first: r.index, items: [r] });
    else {
      group.best = Math.min(group.best, r.score);
      group.items.push(r);
    }
  }
  const ordered = [...byCall.values()].sort((a, b) => a.best - b.best || a.first - b.first);

  const groups: ReferenceGroup[] = [];
  const shown: ReferenceOption[] = [];
  for (const group of ordered) {
    if (shown.length >= limit) break;
    const items = group.items.sort((a, b) => a.score - b.score || a.index - b.index).slice(0, limit - shown.length);
    const list = items.map((r) => r.option);
    groups.push({ callId: list[0].callId, tool: list[0].tool, options: list });
    shown.push(...list);
  }
  return { groups, shown, matched: ranked.length, hidden: ranked.length - shown.length };
}

/** Lower case, without braces, list steps (`[]`, `[0]`, `[*]`) and a leading `$`. */
function loose(text: string): string {
  return text
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/\[(?:\d+|\*)?\]/g, '')
    .replace(/^\$$/, '');
}

const BOUNDARY = /[.\s_\-["]/;

/** A score for an option (lower is better), or null when some word is missing. */
function scoreOf(option: ReferenceOption, words: readonly string[]): number | null {
  const call = option.callId.toLowerCase();
  const field = loose(option.field);
  const path = field === '' ? call : `${call}.${field}`;
  const name = field.split(/\.|\[/).pop()!.replace(/["\]]/g, '');
  const haystack = `${path} ${option.tool.toLowerCase()}`;
  let total = 0;
  for (const word of words) {
    const at = haystack.indexOf(word);
    if (at < 0) return null;
    if (name !== '' && name === word) total += 0;
    else if (name !== '' && name.startsWith(word)) total += 1;
    else if (call === word || call.startsWith(word) || path === word) total += 2;
    else if (startsAStep(haystack, word)) total += 3;
    else total += 4;
  }
  // Among equals, shallower fields first.
  return total * 100 + Math.min(99, field.split('.').length);
}

function startsAStep(haystack: string, word: string): boolean {
  for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
    if (at === 0 || BOUNDARY.test(haystack[at - 1])) return true;
  }
  return false;
}
