/**
 * The Faker method a slot starts with, from its name (`date` → a date, `city` →
 * `location.city`, `email` → `internet.email`), and a sample value of any method — for the
 * slot editor's method picker. Names are read as the simulator's field-name hints read them
 * (snake-cased, the last word first: `due_date`, `homeCity`); a name that says nothing gets a
 * neutral noun. Every method named here is in FAKER_METHODS (slotMethod.test.ts holds it).
 */
import { FAKER_METHOD_LIST } from './fakerMethods.list.ts';
import { snakeName } from './ids.ts';

export interface SlotMethod {
  method: string;
  /** How a date method's value is written (`date`: YYYY-MM-DD; `datetime`: ISO). */
  as?: 'date' | 'datetime';
}

/** Last words of a name → a method (checked after whole names). */
const BY_HEAD: Record<string, SlotMethod> = {
  date: { method: 'date.soon', as: 'date' },
  day: { method: 'date.soon', as: 'date' },
  deadline: { method: 'date.soon', as: 'date' },
  due: { method: 'date.soon', as: 'date' },
  birthday: { method: 'date.birthdate', as: 'date' },
  birthdate: { method: 'date.birthdate', as: 'date' },
  dob: { method: 'date.birthdate', as: 'date' },
  at: { method: 'date.soon', as: 'datetime' },
  datetime: { method: 'date.soon', as: 'datetime' },
  timestamp: { method: 'date.recent', as: 'datetime' },
  when: { method: 'date.soon', as: 'datetime' },
  weekday: { method: 'date.weekday' },
  month: { method: 'date.month' },
  timezone: { method: 'location.timeZone' },
  city: { method: 'location.city' },
  town: { method: 'location.city' },
  country: { method: 'location.country' },
  address: { method: 'location.streetAddress' },
  street: { method: 'location.street' },
  zip: { method: 'location.zipCode' },
  postcode: { method: 'location.zipCode' },
  state: { method: 'location.state' },
  language: { method: 'location.language' },
  email: { method: 'internet.email' },
  mail: { method: 'internet.email' },
  url: { method: 'internet.url' },
  link: { method: 'internet.url' },
  website: { method: 'internet.url' },
  domain: { method: 'internet.domainName' },
  username: { method: 'internet.username' },
  handle: { method: 'internet.username' },
  login: { method: 'internet.username' },
  password: { method: 'internet.password' },
  ip: { method: 'internet.ipv4' },
  phone: { method: 'phone.number' },
  mobile: { method: 'phone.number' },
  telephone: { method: 'phone.number' },
  name: { method: 'person.fullName' },
  person: { method: 'person.fullName' },
  attendee: { method: 'person.fullName' },
  guest: { method: 'person.fullName' },
  customer: { method: 'person.fullName' },
  contact: { method: 'person.fullName' },
  manager: { method: 'person.fullName' },
  author: { method: 'person.fullName' },
  surname: { method: 'person.lastName' },
  job: { method: 'person.jobTitle' },
  role: { method: 'person.jobTitle' },
  company: { method: 'company.name' },
  organization: { method: 'company.name' },
  organisation: { method: 'company.name' },
  employer: { method: 'company.name' },
  department: { method: 'commerce.department' },
  product: { method: 'commerce.productName' },
  price: { method: 'commerce.price' },
  amount: { method: 'finance.amount' },
  currency: { method: 'finance.currencyCode' },
  iban: { method: 'finance.iban' },
  color: { method: 'color.human' },
  colour: { method: 'color.human' },
  uuid: { method: 'string.uuid' },
  id: { method: 'string.uuid' },
  airport: { method: 'airline.airport' },
  airline: { method: 'airline.airline' },
  flight: { method: 'airline.flightNumber' },
  seat: { method: 'airline.seat' },
  genre: { method: 'music.genre' },
  song: { method: 'music.songName' },
  animal: { method: 'animal.type' },
  pet: { method: 'animal.petName' },
  vehicle: { method: 'vehicle.vehicle' },
  car: { method: 'vehicle.vehicle' },
  word: { method: 'word.noun' },
  topic: { method: 'word.noun' },
  keyword: { method: 'word.noun' },
};

/** Whole (snake-cased) names whose last word alone would mislead. */
const BY_NAME: Record<string, SlotMethod> = {
  first_name: { method: 'person.firstName' },
  given_name: { method: 'person.firstName' },
  last_name: { method: 'person.lastName' },
  family_name: { method: 'person.lastName' },
  user_name: { method: 'internet.username' },
  job_title: { method: 'person.jobTitle' },
  company_name: { method: 'company.name' },
  product_name: { method: 'commerce.productName' },
  zip_code: { method: 'location.zipCode' },
  postal_code: { method: 'location.zipCode' },
  country_code: { method: 'location.countryCode' },
  currency_code: { method: 'finance.currencyCode' },
  time_zone: { method: 'location.timeZone' },
  start_time: { method: 'date.soon', as: 'datetime' },
  end_time: { method: 'date.soon', as: 'datetime' },
  time: { method: 'date.soon', as: 'datetime' },
};

/** What a name that says nothing gets. */
export const NEUTRAL_SLOT_METHOD: SlotMethod = { method: 'word.noun' };

/**
 * The method a slot called `name` starts with: a whole-name match (`first_name`), a method of
 * the same name (`jobTitle` → `person.jobTitle`, `zipCode`), the last word (`due_date` → a
 * date, `home_city` → `location.city`), or `word.noun`.
 */
export function slotMethodFor(name: string): SlotMethod {
  const snake = snakeName(name);
  if (!snake) return NEUTRAL_SLOT_METHOD;
  const whole = BY_NAME[snake];
  if (whole) return whole;
  const camel = snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const same = FAKER_METHOD_LIST.find((m) => m.slice(m.indexOf('.') + 1) === camel);
  if (same && (BY_HEAD[snake] === undefined || snake.includes('_'))) return { method: same };
  const words = snake.split('_');
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const hit = BY_HEAD[words[i]];
    if (hit) return hit;
  }
  return same ? { method: same } : NEUTRAL_SLOT_METHOD;
}

/** Every Faker method a slot may name, sorted ("airline.aircraftType", …): generated from the installed Faker. */
export const SLOT_FAKER_METHODS: readonly string[] = FAKER_METHOD_LIST;

/**
 * The methods matching what was typed, best first: the whole path, then the method's name,
 * then the module's, then words of the name anywhere (`fullname`, `city`, `date soon`).
 */
export function searchFakerMethods(query: string, limit = Infinity): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return SLOT_FAKER_METHODS.slice(0, limit);
  const parts = q.split(/[\s.]+/).filter(Boolean);
  const scored: { method: string; score: number }[] = [];
  for (const method of SLOT_FAKER_METHODS) {
    const lower = method.toLowerCase();
    const name = lower.slice(lower.indexOf('.') + 1);
    let score: number;
    if (lower === q) score = 0;
    else if (lower.startsWith(q)) score = 1;
    else if (name.startsWith(q)) score = 2;
    else if (name.includes(q)) score = 3;
    else if (parts.every((p) => lower.includes(p))) score = 4;
    else continue;
    scored.push({ method, score });
  }
  scored.sort((a, b) => a.score - b.score || a.method.localeCompare(b.method));
  return scored.slice(0, limit).map((s) => s.method);
}
