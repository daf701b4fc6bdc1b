import type { JsonValue, SlotSpec } from '../project/types.ts';
import { isFakeSlot, isIntSlot, isOneOfSlot } from '../project/types.ts';
import type { SeededFaker } from '../simulate/faker.ts';
import { callFaker, formatDate } from '../simulate/fakerPath.ts';

/** Draws one value of a slot: a faker method, one of a list, an integer in a range, or a constant. */
export function drawSlot(spec: SlotSpec, sf: SeededFaker): JsonValue {
  if (isFakeSlot(spec)) {
    const value = callFaker(sf.faker, spec.fake, spec.args);
    return spec.as ? formatDate(value, spec.as) : value;
  }
  if (isOneOfSlot(spec)) return sf.rng.pick(spec.oneOf);
  if (isIntSlot(spec)) return sf.rng.int(spec.int[0], spec.int[1]);
  return spec as JsonValue;
}
