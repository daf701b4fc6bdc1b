import type { JsonSchema, JsonValue, SlotSpec } from '../project/types.ts';
import { isFakeSlot, isIntSlot, isOneOfSlot } from '../project/types.ts';

/**
 * What a slot can hold, for checking it against the argument it fills: the values it may
 * take when they are known in advance (oneOf, int ends, a constant), or a schema of its type.
 */
export function slotSamples(spec: SlotSpec): { values: JsonValue[] } | { schema: JsonSchema } {
  if (isFakeSlot(spec)) return { schema: spec.as ? { type: 'string' } : {} };
  if (isOneOfSlot(spec)) return { values: spec.oneOf };
  if (isIntSlot(spec)) return { values: [spec.int[0], spec.int[1]] };
  return { values: [spec as JsonValue] };
}
