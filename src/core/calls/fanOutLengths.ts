import type { JsonSchema } from '../project/types.ts';

/** The most elements a fan-out's list gets when its schema sets no maxItems. */
export const FAN_OUT_MAX = 5;
/** The most elements a fan-out's list gets at all (a schema's larger maxItems is capped: examples stay readable). */
export const FAN_OUT_CAP = 10;

/** A list schema's declared lengths: [minItems (0 when unset), maxItems (undefined when unset)]. */
export function listBounds(schema: JsonSchema | undefined): { lo: number; hi: number | undefined } {
  const lo = typeof schema?.minItems === 'number' ? schema.minItems : 0;
  const hi = typeof schema?.maxItems === 'number' ? schema.maxItems : undefined;
  return { lo, hi };
}

/** The lengths a fan-out's list is drawn from: [minItems, maxItems], FAN_OUT_MAX when unbounded, at most FAN_OUT_CAP (or minItems). */
export function fanOutLengths(list: JsonSchema | undefined): { lo: number; hi: number } {
  const { lo, hi } = listBounds(list);
  return { lo, hi: Math.max(lo, hi === undefined ? FAN_OUT_MAX : Math.min(hi, FAN_OUT_CAP)) };
}
