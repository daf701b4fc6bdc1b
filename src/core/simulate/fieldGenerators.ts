/**
 * The generators behind name-driven realism (fieldHints.ts decides which one a field gets):
 * each makes one plausible value of a kind (a person's name, a hotel's, a log line, a file
 * path) from the seeded stream. Nothing here reads a field's name; see fieldHints.ts.
 */
import type { SeededFaker } from './faker.ts';
import { clockTime, exampleEmail } from './stringFormats.ts';
import type { StringGen } from './stringFormats.ts';
import { callFacts } from './request.ts';
import * as V from './vocab.ts';
import type { Domain } from './vocab.ts';

export const pick = (sf: SeededFaker, items: readonly string[]): string => items[Math.floor(sf.rng.next() * items.length)];
export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const capitalize = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
export const hex = (sf: SeededFaker, n: number): string => sf.rng.chars(n, '0123456789abcdef');

/** First and last name (Faker's `person.fullName()` is ~5x slower: it expands templates). */
export const fullName: StringGen = (sf) => `${sf.faker.person.firstName()} ${sf.faker.person.lastName()}`;
export const firstName: StringGen = (sf) => sf.faker.person.firstName();
export const lastName: StringGen = (sf) => sf.faker.person.lastName();
export const email: StringGen = exampleEmail;
export const phone: StringGen = (sf) => sf.faker.phone.number({ style: 'international' });
export const username: StringGen = (sf) => {
  const f = sf.faker.person
    .firstName()
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const l = sf.faker.person
    .lastName()
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const form = sf.rng.int(0, 3);
  return form === 0 ? `${f}.${l}` : form === 1 ? `${f.charAt(0)}${l}` : form === 2 ? `${f}${sf.rng.int(1, 99)}` : `${f}_${l}`;
};
export const city: StringGen = (sf) => sf.faker.location.city();
export const country: StringGen = (sf) => sf.faker.location.country();
export const company: StringGen = (sf) => sf.faker.company.name();
export const currency: StringGen = (sf) => pick(sf, V.CURRENCIES);
export const semver: StringGen = (sf) => `${sf.rng.int(0, 5)}.${sf.rng.int(0, 24)}.${sf.rng.int(0, 12)}`;
/** A template line with its `{slots}` filled (see TEMPLATE_SLOTS). */
const fill = (sf: SeededFaker, template: string): string =>
  template.indexOf('{') < 0 ? template : template.replace(/\{(\w+)\}/g, (_, key: string) => TEMPLATE_SLOTS.get(key)?.(sf) ?? key);
export const fromTemplates =
  (list: readonly string[]): StringGen =>
  (sf) =>
    fill(sf, pick(sf, list));
export const fromList =
  (list: readonly string[]): StringGen =>
  (sf) =>
    pick(sf, list);

export const serviceName: StringGen = (sf) => {
  const stem = pick(sf, V.SERVICE_STEMS);
  const suffix = pick(sf, V.SERVICE_SUFFIXES);
  return suffix === stem ? `${stem}-api` : `${stem}-${suffix}`;
};
export const host: StringGen = (sf) => `${pick(sf, V.HOST_STEMS)}-${pad2(sf.rng.int(1, 24))}`;
/** What a `{slot}` of a template line stands for (`{ms}`: some milliseconds); an unknown slot stays as written. */
const TEMPLATE_SLOTS: ReadonlyMap<string, StringGen> = new Map(
  Object.entries<StringGen>({
    n: (sf) => String(sf.rng.int(2, 60)),
    ms: (sf) => String(sf.rng.int(3, 2400)),
    pct: (sf) => String(sf.rng.int(81, 99)),
    port: (sf) => pick(sf, ['5432', '6379', '443', '8080', '9092', '3306']),
    pid: (sf) => String(sf.rng.int(1000, 65000)),
    id: (sf) => sf.rng.chars(8, 'abcdef0123456789'),
    host,
    svc: serviceName,
    table: (sf) => pick(sf, V.TABLES),
    Klass: (sf) => `${capitalize(pick(sf, V.TABLES)).replace(/s$/, '')}Handler`,
    region: (sf) => pick(sf, V.REGIONS),
    time: clockTime,
    ver: semver,
    word: (sf) => pick(sf, V.BRANCH_WORDS),
    word2: (sf) => pick(sf, ['fix', 'update', 'cleanup', 'v2', 'retry', 'export', 'limits']),
  }),
);
export const hotelName: StringGen = fromList(V.HOTEL_NAMES);
export const meetingRoom: StringGen = (sf) => (sf.rng.next() < 0.8 ? pick(sf, V.MEETING_ROOMS) : `Room ${sf.rng.int(1, 6)}.${pad2(sf.rng.int(1, 30))}`);
export const fileName: StringGen = (sf) => {
  const stem = pick(sf, V.FILE_STEMS);
  const ext = pick(sf, V.FILE_EXTS);
  return sf.rng.next() < 0.2 ? `${stem}-${sf.rng.int(2023, 2026)}.${ext}` : `${stem}.${ext}`;
};
export const dirName: StringGen = fromList(V.DIR_NAMES);
export const dirPath: StringGen = (sf) => {
  const form = sf.rng.int(0, 5);
  if (form === 0) return `/srv/${pick(sf, V.SERVICE_STEMS)}`;
  if (form === 1) return `/var/log/${pick(sf, V.SERVICE_STEMS)}`;
  const base = `/home/${pick(sf, V.HOME_USERS)}/${pick(sf, V.DIR_NAMES)}`;
  return sf.rng.next() < 0.5 ? `${base}/${pick(sf, V.DIR_NAMES)}` : base;
};
export const filePath: StringGen = (sf) => `${dirPath(sf)}/${fileName(sf)}`;
export const fileText: StringGen = (sf) => {
  const n = sf.rng.int(1, 3);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(pick(sf, V.FILE_LINES));
  return lines.join('\n');
};
export const mimeType: StringGen = (sf) => V.MIME_BY_EXT[pick(sf, V.FILE_EXTS)];
export const taskTitle: StringGen = fromList(V.TASK_TITLES);
export const meetingTitle: StringGen = (sf) => {
  const t = pick(sf, V.MEETING_TITLES);
  return t === '1:1' ? `1:1 with ${sf.faker.person.firstName()}` : t;
};
export const projectName: StringGen = fromList(V.PROJECT_NAMES);
export const incidentTitle: StringGen = fromTemplates(V.INCIDENT_TITLES);
export const incidentText: StringGen = fromTemplates(V.INCIDENT_SENTENCES);
export const logLine: StringGen = fromTemplates(V.LOG_LINES);
export const errorLine: StringGen = fromTemplates(V.ERROR_LINES);
export const infoLine: StringGen = fromTemplates(V.INFO_LINES);
export const commitMessage: StringGen = fromList(V.COMMIT_MESSAGES);
export const branch: StringGen = fromTemplates(V.BRANCHES);
export const airlineName: StringGen = (sf) => sf.faker.airline.airline().name;
export const airportName: StringGen = (sf) => sf.faker.airline.airport().name;
export const airportCode: StringGen = (sf) => sf.faker.airline.airport().iataCode;
export const flightNumber: StringGen = (sf) => `${sf.faker.airline.airline().iataCode} ${sf.rng.int(100, 2999)}`;
export const seat: StringGen = (sf) => `${sf.rng.int(1, 38)}${pick(sf, ['A', 'B', 'C', 'D', 'E', 'F'])}`;
export const recordLocator: StringGen = (sf) => sf.rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
const titleCase = (s: string): string => s.split(/\s+/).map(capitalize).join(' ');
/** A product's name; in the results of a search, a name with what was searched for. */
export const productName: StringGen = (sf) => {
  const q = callFacts()?.query;
  if (q !== undefined && q.length <= 40) {
    const what = titleCase(q.replace(/s$/, q.endsWith('ss') ? 's' : ''));
    return sf.rng.next() < 0.5 ? `${pick(sf, V.BRANDS)} ${what}` : `${pick(sf, V.PRODUCT_ADJECTIVES)} ${what}`;
  }
  return sf.faker.commerce.productName();
};
export const productDescription: StringGen = (sf) => sf.faker.commerce.productDescription();
export const brand: StringGen = fromList(V.BRANDS);
export const weatherSummary: StringGen = fromList(V.WEATHER_SENTENCES);
export const message: StringGen = fromList(V.MESSAGE_SENTENCES);
export const review: StringGen = fromList(V.REVIEW_SENTENCES);
/** A street address; in the results of a call about a place, in that place. */
export const address: StringGen = (sf) => {
  const place = callFacts()?.place;
  const street = sf.faker.location.streetAddress();
  return place !== undefined && place.length <= 40 ? `${street}, ${place}` : street;
};
export const sha: StringGen = (sf) => hex(sf, 40);
export const url = (domain: Domain | undefined, subject: string | undefined): StringGen => {
  const hosts = V.URL_HOSTS[domain ?? 'general'];
  const section = subject ? `${subject.replace(/_/g, '-')}s` : undefined;
  return (sf) => `https://${pick(sf, hosts)}/${section ?? pick(sf, ['view', 'items', 'r', 'p'])}/${sf.rng.chars(8, 'abcdefghijkmnpqrstuvwxyz23456789')}`;
};
export const imageUrl: StringGen = (sf) => `https://images.example.com/${sf.rng.chars(10, 'abcdefghijkmnpqrstuvwxyz23456789')}.jpg`;
export const duration: StringGen = (sf) => {
  const h = sf.rng.int(0, 9);
  const m = sf.rng.int(0, 11) * 5;
  return h === 0 ? `${m || 45}m` : `${h}h ${pad2(m)}m`;
};
export const jobTitle: StringGen = (sf) => sf.faker.person.jobTitle();
export const stateName: StringGen = (sf) => sf.faker.location.state();
export const zipCode: StringGen = (sf) => sf.faker.location.zipCode();
export const countryCode: StringGen = (sf) => sf.faker.location.countryCode();
export const ipv4: StringGen = (sf) => sf.faker.internet.ipv4();
export const shortCode: StringGen = (sf) => sf.rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
export const roomType: StringGen = fromList(V.ROOM_TYPES);
export const commerceDepartment: StringGen = (sf) => sf.faker.commerce.department();
export const bookTitle: StringGen = (sf) => sf.faker.book.title();
export const songName: StringGen = (sf) => sf.faker.music.songName();
export const artistName: StringGen = (sf) => sf.faker.music.artist();
export const dishName: StringGen = (sf) => sf.faker.food.dish();
export const ingredientName: StringGen = (sf) => sf.faker.food.ingredient();
export const airplaneName: StringGen = (sf) => sf.faker.airline.airplane().name;
export const repoName: StringGen = (sf) => `${pick(sf, V.SERVICE_STEMS)}-${pick(sf, ['api', 'web', 'infra', 'docs', 'sdk'])}`;
export const clusterName: StringGen = (sf) => `${pick(sf, ['prod', 'staging'])}-${pick(sf, ['eu', 'us', 'ap'])}-${sf.rng.int(1, 3)}`;
/** A queue's, topic's or bucket's name. */
export const queueName: StringGen = (sf) => `${pick(sf, V.SERVICE_STEMS)}-${pick(sf, ['events', 'jobs', 'uploads', 'exports'])}`;
/** One of a domain's generic words (`fallbackWords` in fieldHints.ts sometimes gives two). */
export const domainWord = (domain: Domain | undefined): StringGen => fromList(V.DOMAIN_FALLBACK[domain ?? 'general']);
