import type { Effect } from '../../core/index.ts';

const DESCRIPTION: Record<Effect, string> = {
  read: 'Reads only; safe to repeat',
  write: 'Changes something',
  destructive: 'Destroys or cannot be undone',
};

export function EffectBadge({ effect }: { effect: Effect }) {
  return (
    <span className={`badge badge-${effect}`} title={DESCRIPTION[effect]}>
      {effect}
    </span>
  );
}
