import type { Plan } from '../../core/index.ts';

const list = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * Why a multi-turn chain has one call per turn (project format §9.2), naming the calls that
 * could have run together (one level: neither needs the other's result) but do not, since
 * each waits for its own user turn. Null for a single-turn chain.
 */
export function multiTurnNote(plan: Plan): string | null {
  if (!plan.multiTurn) return null;
  const base = 'Multi-turn: every call has its own user request, so each call is a turn of its own, made after that request.';
  const together = plan.levels.filter((level) => level.length > 1);
  if (together.length === 0) return base;
  const [first, ...rest] = together;
  const why = first.length === 2 ? 'neither needs the other’s result' : 'none needs another’s result';
  const likewise = rest.length ? ` Likewise ${rest.map((level) => list(level)).join('; ')}.` : '';
  return `${base} ${list(first)} could run in parallel (${why}), but each waits for its own user turn, so they are made one after the other.${likewise}`;
}
