/**
 * Realistic identifiers for `*_id` fields: `room_id` → `room_7Kq2Lm9x`.
 */
import type { Rng } from './rng.ts';

/** `roomId` / `RoomID` / `room-id` → `room_id`. */
export function snakeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** `id`, `*_id`, `*Id`, `*ID` (after snake-casing, the last word is `id`). */
export function isIdField(name: string): boolean {
  const snake = snakeName(name);
  return snake === 'id' || snake.endsWith('_id');
}

/**
 * The id prefix for a field name. The rule: snake-case the name (`teamMemberId` →
 * `team_member_id`), drop the trailing `_id`, keep the last remaining word
 * (`team_member_id` → `member`), keep only `a-z0-9`, cut to 10 characters. A name with
 * nothing left (`id`, `_id`, `""`) gives `id`.
 */
export function idPrefixFor(fieldName: string): string {
  const snake = snakeName(fieldName);
  const stem = snake === 'id' ? '' : snake.endsWith('_id') ? snake.slice(0, -3) : snake;
  const words = stem.split('_').filter((w) => w.length > 0);
  const last = (words[words.length - 1] ?? '').replace(/[^a-z0-9]/g, '').slice(0, 10);
  return last || 'id';
}

/** prefix + `_` + 8 random letters and digits, e.g. `room_7Kq2Lm9x`. */
export function makeId(fieldName: string, rng: Rng): string {
  let prefix = prefixCache.get(fieldName);
  if (prefix === undefined) {
    prefix = idPrefixFor(fieldName);
    if (prefixCache.size > 4096) prefixCache.clear();
    prefixCache.set(fieldName, prefix);
  }
  return `${prefix}_${rng.chars(8)}`;
}

const prefixCache = new Map<string, string>();
