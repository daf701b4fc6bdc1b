import type { JsonValue } from '../project/types.ts';
import { createSeededFaker } from './faker.ts';
import { FAKER_METHODS } from './fakerMethods.ts';
import { callFaker, resolveFakerMethod } from './fakerPath.ts';

/**
 * A sample value of a method (with the slot's arguments and `as`), from a fixed seed; or why
 * there is none: the method does not exist, or Faker gives nothing for it.
 */
export function fakerSample(
  method: string,
  args?: JsonValue[],
  as?: 'date' | 'datetime',
  seed = 1,
  referenceDate?: string,
): { ok: true; value: JsonValue } | { ok: false; message: string } {
  if (!FAKER_METHODS.has(method)) return { ok: false, message: `"${method}" is not a Faker method` };
  const sf = createSeededFaker(seed, referenceDate);
  if (!resolveFakerMethod(sf.faker, method)) return { ok: false, message: `"${method}" is not a Faker method` };
  try {
    return { ok: true, value: callFaker(sf.faker, method, args, as) };
  } catch (cause) {
    return { ok: false, message: `${method}: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}
