/**
 * Values for the string `format`s the simulator knows. Dates and times are near the
 * simulated world's reference date (`faker.defaultRefDate()`, see faker.ts), never the wall clock.
 */
import type { SeededFaker } from './faker.ts';
import { formatDate } from './fakerPath.ts';

export type StringGen = (sf: SeededFaker) => string;

const DAY_MS = 86_400_000;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Midnight UTC of the reference day, in ms. */
function refDayMs(sf: SeededFaker): number {
  const t = sf.faker.defaultRefDate().getTime();
  return t - (t % DAY_MS);
}

/** A day between two weeks before and six weeks after the reference date, `YYYY-MM-DD`. */
export const nearDate: StringGen = (sf) => formatDate(refDayMs(sf) + sf.rng.int(-14, 42) * DAY_MS, 'date');

/** A date in the past year, `YYYY-MM-DD`. */
export const pastDate: StringGen = (sf) => formatDate(refDayMs(sf) - sf.rng.int(1, 365) * DAY_MS, 'date');

/** Office hours on a day near the reference date, quarter-hour steps: `2026-01-07T14:30:00Z`. */
export const nearDateTime: StringGen = (sf) => {
  const { rng } = sf;
  const ms = refDayMs(sf) + rng.int(-14, 42) * DAY_MS + rng.int(8 * 4, 18 * 4) * 15 * 60_000;
  return formatDate(ms, 'datetime');
};

/** A moment in the past month (creation/update timestamps). */
export const pastDateTime: StringGen = (sf) => {
  const t = sf.faker.defaultRefDate().getTime() - sf.rng.int(60, 30 * 24 * 3600) * 1000;
  return formatDate(t, 'datetime');
};

/** A moment in the last two hours (`as_of`, `fetched_at`: when current data was read). */
export const recentDateTime: StringGen = (sf) => formatDate(sf.faker.defaultRefDate().getTime() - sf.rng.int(60, 7200) * 1000, 'datetime');

/** `14:30` (plain wall-clock time, for names like `start_time`). */
export const clockTime: StringGen = (sf) => `${pad2(sf.rng.int(8, 18))}:${pad2(sf.rng.pick([0, 15, 30, 45]))}`;

/**
 * `first.last@example.org`-style addresses (reserved example domains, so no real mailbox),
 * built from Faker's name lists directly: ~4x faster than `internet.exampleEmail()`.
 */
export const exampleEmail: StringGen = (sf) => {
  const { faker, rng } = sf;
  const first =
    faker.person
      .firstName()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'user';
  const last =
    faker.person
      .lastName()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'mail';
  const sep = rng.pick(EMAIL_SEPARATORS);
  const digits = rng.next() < 0.3 ? String(rng.int(1, 99)) : '';
  return `${first}${sep}${last}${digits}@${rng.pick(EXAMPLE_DOMAINS)}`;
};
const EMAIL_SEPARATORS = ['.', '.', '_', ''] as const;
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

const HOSTS = ['app.example.com', 'www.example.com', 'example.org', 'docs.example.net', 'portal.example.com'] as const;
const PATH_WORDS = [
  'account',
  'orders',
  'settings',
  'reports',
  'help',
  'docs',
  'items',
  'bookings',
  'profile',
  'search',
  'status',
  'files',
  'projects',
  'events',
  'news',
  'invoices',
] as const;
const slug = (sf: SeededFaker): string =>
  sf.rng.next() < 0.5 ? sf.rng.pick(PATH_WORDS) : `${sf.rng.pick(PATH_WORDS)}/${sf.rng.chars(6, 'abcdefghijkmnpqrstuvwxyz23456789')}`;
/** `https://app.example.com/orders/x7k2mq` (reserved example domains). */
export const exampleUrl: StringGen = (sf) => `https://${sf.rng.pick(HOSTS)}/${slug(sf)}`;

const FORMATS: { [format: string]: StringGen } = {
  date: nearDate,
  'date-time': nearDateTime,
  'iso-date-time': nearDateTime,
  // ajv-formats' `time` requires a time-zone offset; `iso-time` does not.
  time: (sf) => `${clockTime(sf)}:00Z`,
  'iso-time': (sf) => `${clockTime(sf)}:00`,
  duration: (sf) => sf.rng.pick([`PT${sf.rng.int(1, 12) * 5}M`, `PT${sf.rng.int(1, 8)}H`, `P${sf.rng.int(1, 14)}D`]),
  email: exampleEmail,
  'idn-email': exampleEmail,
  uri: exampleUrl,
  url: exampleUrl,
  iri: exampleUrl,
  'uri-reference': (sf) => `/${slug(sf)}`,
  'iri-reference': (sf) => `/${slug(sf)}`,
  'uri-template': (sf) => `https://${sf.rng.pick(HOSTS)}/${sf.rng.pick(PATH_WORDS)}/{id}`,
  uuid: (sf) => sf.faker.string.uuid(),
  hostname: (sf) => `${sf.rng.pick(['api', 'mail', 'db', 'web', 'cdn', 'auth'])}${sf.rng.next() < 0.5 ? `-${sf.rng.int(1, 9)}` : ''}.example.com`,
  'idn-hostname': (sf) => `${sf.rng.pick(['api', 'mail', 'web', 'cdn'])}.example.com`,
  ipv4: (sf) => sf.faker.internet.ipv4(),
  ipv6: (sf) => sf.faker.internet.ipv6(),
  'json-pointer': (sf) => `/${sf.rng.pick(PATH_WORDS)}/${sf.rng.int(0, 9)}`,
  'relative-json-pointer': (sf) => `${sf.rng.int(0, 2)}/${sf.rng.pick(PATH_WORDS)}`,
  regex: (sf) => `^${sf.rng.pick(PATH_WORDS)}-[0-9]+$`,
  byte: (sf) => sf.rng.chars(4 * sf.rng.int(2, 6), BASE64),
  password: (sf) => sf.faker.internet.password(),
};

/** A generator for a string `format`, or undefined for formats it does not know. */
export function formatGenerator(format: string): StringGen | undefined {
  return Object.prototype.hasOwnProperty.call(FORMATS, format) ? FORMATS[format] : undefined;
}
