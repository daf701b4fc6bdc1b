/**
 * A faster `date.soon` for our own Faker instance: the same draw and the same Date.
 *
 * Faker's `soon({ days, refDate })` takes `refDate` (default `faker.defaultRefDate()`) as
 * `new Date(refDate)`, a `days` number as `{ min: 0, max: days }` (default 1; it throws unless
 * `max > 0` and `min < max`), moves copies of the date `min` and `max` days on with
 * `setUTCDate(getUTCDate() + n)`, and returns `between({ from: +start + 1000, to: end })`: one
 * `number.int({ min: from, max: to })` draw, `floor(next · (to − from + 1) + from)`, as a Date.
 * That is seven Date objects, two option objects and a locale-free but allocation-heavy path.
 * For whole days, `setUTCDate(d + n)` on a valid time is exactly `time + n · 86 400 000` (UTC
 * has no daylight saving time) as long as the result stays within the ±8.64e15 ms Dates allow,
 * so the same bounds are computed here directly and the same draw made. Anything else
 * (fractional or non-number days, bounds Faker rejects, an invalid or out-of-range date) goes
 * to Faker's own method, which throws or computes as it always did.
 */
import type { Faker, Randomizer } from '@faker-js/faker';

type SoonOptions = { days?: number | { min: number; max: number }; refDate?: string | Date | number };
const DAY_MS = 86_400_000;
const MAX_TIME = 8.64e15;

export function installFastDate(faker: Faker, randomizer: Randomizer): void {
  const date = faker.date as unknown as { soon: (options?: SoonOptions) => Date };
  const soonOriginal = date.soon;

  date.soon = (options = {}) => {
    if (typeof options !== 'object' || options === null) return soonOriginal(options);
    const { days, refDate } = options;
    let min = 0;
    let max = 1;
    if (typeof days === 'number') max = days;
    else if (typeof days === 'object' && days !== null) ({ min, max } = days);
    else if (days !== undefined) return soonOriginal(options);
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || !(max > 0) || !(min < max)) return soonOriginal(options);
    const ref = refDate === undefined ? faker.defaultRefDate() : refDate;
    // `new Date(ref)` as Faker makes it: a Date's own time, anything else converted.
    const time = ref instanceof Date ? ref.getTime() : new Date(ref).getTime();
    const start = time + min * DAY_MS;
    const from = start + 1000;
    const to = time + max * DAY_MS;
    if (!(Math.abs(start) <= MAX_TIME && Math.abs(from) <= MAX_TIME && Math.abs(to) <= MAX_TIME)) return soonOriginal(options);
    return new Date(Math.floor(randomizer.next() * (to - from + 1) + from));
  };
}
