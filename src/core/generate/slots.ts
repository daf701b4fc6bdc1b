import type { JsonValue, SlotSpec } from '../project/types.ts';
import { isFakeSlot, isIntSlot, isOneOfSlot } from '../project/types.ts';
import type { SeededFaker } from '../simulate/faker.ts';
import { callFaker } from '../simulate/fakerPath.ts';

/** Draws one value of a slot: a faker method, one of a list, an integer in a range, or a constant. */
export function drawSlot(spec: SlotSpec, sf: SeededFaker): JsonValue {
  if (isFakeSlot(spec)) {
    return callFaker(sf.faker, spec.fake, spec.args, spec.as);
  }
  if (isOneOfSlot(spec)) return sf.rng.pick(spec.oneOf);
  if (isIntSlot(spec)) return sf.rng.int(spec.int[0], spec.int[1]);
  return spec as JsonValue;
}
