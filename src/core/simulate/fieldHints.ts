/**
 * Name-driven realism: when a field has no `x-fake`, `format`, `enum` or `const`, its name
 * picks a plausible value (`email` → an e-mail address, `city` → a city, `*_id` → an id).
 * Names are compared snake-cased (`firstName` → `first_name`). String hints apply to string
 * fields only; number hints give a default range to numeric fields without bounds.
 */
import type { SeededFaker } from './faker.ts';
import { clockTime, exampleEmail, nearDate, nearDateTime, pastDate, pastDateTime } from './formats.ts';
import type { StringGen } from './formats.ts';
import { isIdField, makeId, snakeName } from './ids.ts';

const STATUS = ['active', 'pending', 'confirmed', 'completed', 'cancelled'] as const;
const PRIORITY = ['low', 'medium', 'high'] as const;

/** First and last name (Faker's `person.fullName()` is ~5x slower: it expands templates). */
const fullName: StringGen = (sf) => `${sf.faker.person.firstName()} ${sf.faker.person.lastName()}`;
const email: StringGen = exampleEmail;
const phone: StringGen = (sf) => sf.faker.phone.number({ style: 'international' });
const url: StringGen = (sf) => `https://${sf.faker.internet.domainName()}/${sf.faker.lorem.slug(sf.rng.int(1, 2))}`;
const sentence: StringGen = (sf) => sf.faker.lorem.sentence({ min: 4, max: 10 });
const title: StringGen = (sf) => {
  const words = sf.faker.lorem.words(sf.rng.int(2, 4));
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Exact (snake-cased) names. */
const EXACT: { [name: string]: StringGen } = {
  name: fullName,
  full_name: fullName,
  fullname: fullName,
  display_name: fullName,
  author: fullName,
  first_name: (sf) => sf.faker.person.firstName(),
  given_name: (sf) => sf.faker.person.firstName(),
  last_name: (sf) => sf.faker.person.lastName(),
  surname: (sf) => sf.faker.person.lastName(),
  family_name: (sf) => sf.faker.person.lastName(),
  username: (sf) => sf.faker.internet.username(),
  user_name: (sf) => sf.faker.internet.username(),
  login: (sf) => sf.faker.internet.username(),
  handle: (sf) => sf.faker.internet.username(),
  email,
  phone,
  phone_number: phone,
  mobile: phone,
  telephone: phone,
  title,
  subject: title,
  job_title: (sf) => sf.faker.person.jobTitle(),
  company: (sf) => sf.faker.company.name(),
  company_name: (sf) => sf.faker.company.name(),
  organization: (sf) => sf.faker.company.name(),
  organisation: (sf) => sf.faker.company.name(),
  employer: (sf) => sf.faker.company.name(),
  address: (sf) => sf.faker.location.streetAddress(),
  street: (sf) => sf.faker.location.street(),
  street_address: (sf) => sf.faker.location.streetAddress(),
  city: (sf) => sf.faker.location.city(),
  state: (sf) => sf.faker.location.state(),
  country: (sf) => sf.faker.location.country(),
  country_code: (sf) => sf.faker.location.countryCode(),
  zip: (sf) => sf.faker.location.zipCode(),
  zip_code: (sf) => sf.faker.location.zipCode(),
  zipcode: (sf) => sf.faker.location.zipCode(),
  postal_code: (sf) => sf.faker.location.zipCode(),
  postcode: (sf) => sf.faker.location.zipCode(),
  timezone: (sf) => sf.faker.location.timeZone(),
  time_zone: (sf) => sf.faker.location.timeZone(),
  location: (sf) => sf.faker.location.city(),
  url,
  website: url,
  homepage: url,
  link: url,
  description: sentence,
  summary: sentence,
  notes: sentence,
  note: sentence,
  comment: sentence,
  message: sentence,
  body: sentence,
  text: sentence,
  content: sentence,
  reason: sentence,
  status: (sf) => sf.rng.pick(STATUS),
  priority: (sf) => sf.rng.pick(PRIORITY),
  currency: (sf) => sf.faker.finance.currencyCode(),
  color: (sf) => sf.faker.color.human(),
  colour: (sf) => sf.faker.color.human(),
  product: (sf) => sf.faker.commerce.productName(),
  product_name: (sf) => sf.faker.commerce.productName(),
  department: (sf) => sf.faker.commerce.department(),
  category: (sf) => sf.faker.commerce.department(),
  ip: (sf) => sf.faker.internet.ipv4(),
  ip_address: (sf) => sf.faker.internet.ipv4(),
  uuid: (sf) => sf.faker.string.uuid(),
  guid: (sf) => sf.faker.string.uuid(),
  slug: (sf) => sf.faker.lorem.slug(sf.rng.int(2, 3)),
  tag: (sf) => sf.faker.lorem.word(),
  keyword: (sf) => sf.faker.lorem.word(),
  password: (sf) => sf.faker.internet.password(),
  sku: (sf) => `${sf.rng.chars(3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-${sf.rng.chars(4, '0123456789')}`,
  code: (sf) => sf.rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
  date: nearDate,
  day: nearDate,
  birthday: pastDate,
  birth_date: pastDate,
  birthdate: pastDate,
  dob: pastDate,
  time: clockTime,
  timestamp: pastDateTime,
  datetime: nearDateTime,
};

/** Suffixes, tried in order after the exact names (`customer_email`, `check_in_date`, …). */
const SUFFIX: [string, StringGen][] = [
  ['_email', email],
  ['_phone', phone],
  ['_url', url],
  ['_link', url],
  ['_date', nearDate],
  ['_at', pastDateTime],
  ['_time', clockTime],
  ['_datetime', nearDateTime],
  ['_name', fullName],
  ['_title', title],
  ['_description', sentence],
  ['_status', (sf) => sf.rng.pick(STATUS)],
  ['_city', (sf) => sf.faker.location.city()],
  ['_country', (sf) => sf.faker.location.country()],
  ['_address', (sf) => sf.faker.location.streetAddress()],
];

/** Words used as the name of a single item of an array field (`room_ids` → `room_id`). */
export function singularName(fieldName: string | undefined): string | undefined {
  if (!fieldName) return undefined;
  const snake = snakeName(fieldName);
  if (snake === 'ids') return 'id';
  if (snake.endsWith('_ids')) return snake.slice(0, -1);
  if (snake.endsWith('ies')) return `${snake.slice(0, -3)}y`;
  if (snake.endsWith('s') && !snake.endsWith('ss') && !snake.endsWith('us')) return snake.slice(0, -1);
  return undefined;
}

/** A string generator suggested by a field name, or undefined. */
export function stringHintFor(fieldName: string | undefined): StringGen | undefined {
  if (!fieldName) return undefined;
  if (isIdField(fieldName)) {
    const name = fieldName;
    return (sf: SeededFaker) => makeId(name, sf.rng);
  }
  const snake = snakeName(fieldName);
  if (Object.prototype.hasOwnProperty.call(EXACT, snake)) return EXACT[snake];
  for (const [suffix, gen] of SUFFIX) if (snake.endsWith(suffix)) return gen;
  return undefined;
}

export interface NumberHint {
  min: number;
  max: number;
  /** Decimal places for `number` fields (integers ignore it). */
  decimals: number;
}

const NUMBER_EXACT: { [name: string]: NumberHint } = {
  age: { min: 18, max: 85, decimals: 0 },
  price: { min: 5, max: 500, decimals: 2 },
  amount: { min: 5, max: 2000, decimals: 2 },
  cost: { min: 5, max: 500, decimals: 2 },
  total: { min: 10, max: 2000, decimals: 2 },
  balance: { min: 0, max: 10000, decimals: 2 },
  quantity: { min: 1, max: 10, decimals: 0 },
  qty: { min: 1, max: 10, decimals: 0 },
  count: { min: 0, max: 50, decimals: 0 },
  rating: { min: 1, max: 5, decimals: 1 },
  score: { min: 0, max: 100, decimals: 1 },
  percent: { min: 0, max: 100, decimals: 1 },
  percentage: { min: 0, max: 100, decimals: 1 },
  latitude: { min: -90, max: 90, decimals: 4 },
  lat: { min: -90, max: 90, decimals: 4 },
  longitude: { min: -180, max: 180, decimals: 4 },
  lng: { min: -180, max: 180, decimals: 4 },
  lon: { min: -180, max: 180, decimals: 4 },
  year: { min: 2015, max: 2026, decimals: 0 },
  capacity: { min: 2, max: 40, decimals: 0 },
  duration_minutes: { min: 15, max: 120, decimals: 0 },
  page: { min: 1, max: 10, decimals: 0 },
  limit: { min: 5, max: 50, decimals: 0 },
};

/** A default range suggested by a numeric field's name, or undefined. */
export function numberHintFor(fieldName: string | undefined): NumberHint | undefined {
  if (!fieldName) return undefined;
  const snake = snakeName(fieldName);
  if (Object.prototype.hasOwnProperty.call(NUMBER_EXACT, snake)) return NUMBER_EXACT[snake];
  if (snake === 'id' || snake.endsWith('_id')) return { min: 1000, max: 99999, decimals: 0 };
  if (snake.endsWith('_count') || snake.startsWith('num_')) return { min: 0, max: 50, decimals: 0 };
  if (snake.endsWith('_price') || snake.endsWith('_amount') || snake.endsWith('_cost')) return { min: 5, max: 500, decimals: 2 };
  if (snake.endsWith('_minutes')) return { min: 5, max: 120, decimals: 0 };
  if (snake.endsWith('_percent') || snake.endsWith('_pct')) return { min: 0, max: 100, decimals: 1 };
  return undefined;
}
