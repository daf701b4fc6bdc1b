/**
 * A look inside the simulator for measuring what it produces (the `quality` measure): which
 * strings it could not place and filled with generic words, per result. Off unless a probe is
 * installed with `withSimulationProbe`; the simulator then costs one variable read per
 * generic string and per result.
 */
import type { JsonValue } from '../project/types.ts';

export interface SimulationProbe {
  /** A string the simulator could not place and made of generic words (`field`: the name it had). */
  fallback(field: string | undefined, value: string): void;
  /** A tool result is about to be simulated: what follows until `end` belongs to it. */
  begin(): void;
  /** The result just simulated. */
  end(result: JsonValue): void;
}

/** The installed probe, or null (read by the simulator). */
export let activeProbe: SimulationProbe | null = null;

/** Runs `fn` with `probe` installed (the previous one is restored afterwards). */
export function withSimulationProbe<T>(probe: SimulationProbe, fn: () => T): T {
  const previous = activeProbe;
  activeProbe = probe;
  try {
    return fn();
  } finally {
    activeProbe = previous;
  }
}
