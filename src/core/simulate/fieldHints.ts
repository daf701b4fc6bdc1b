/**
 * Name-driven realism: when a field has no `x-fake`, `format`, `pattern`, `enum` or `const`,
 * what it is called picks a plausible value — read with what the enclosing object is about
 * (its subject: `name` in an item of `hotels` is a hotel's name, in `members` a person's),
 * the tool's domain (a `message` of a log entry is a log line) and, when the name says
 * nothing, the field's description. Names are compared snake-cased (`firstName` →
 * `first_name`). String hints apply to string fields only; number hints give a default range
 * to numeric fields (within their declared bounds).
 *
 * Which generator a word picks is written as tables (NAME_BY_SUBJECT, BY_EXACT_NAME, …: one
 * row for the words that mean the same, some rows reading the domain); the generators
 * themselves are in fieldGenerators.ts.
 */
import {
  address,
  airlineName,
  airplaneName,
  airportCode,
  airportName,
  artistName,
  bookTitle,
  branch,
  brand,
  city,
  clusterName,
  commerceDepartment,
  commitMessage,
  company,
  country,
  countryCode,
  currency,
  dirName,
  dirPath,
  dishName,
  domainWord,
  duration,
  email,
  errorLine,
  fileName,
  filePath,
  fileText,
  firstName,
  flightNumber,
  fromList,
  fullName,
  hex,
  host,
  hotelName,
  imageUrl,
  incidentText,
  incidentTitle,
  ingredientName,
  ipv4,
  jobTitle,
  lastName,
  logLine,
  meetingRoom,
  meetingTitle,
  message,
  mimeType,
  pad2,
  phone,
  pick,
  productDescription,
  productName,
  projectName,
  queueName,
  recordLocator,
  repoName,
  review,
  roomType,
  seat,
  semver,
  serviceName,
  sha,
  shortCode,
  songName,
  stateName,
  taskTitle,
  url,
  username,
  weatherSummary,
  zipCode,
} from './fieldGenerators.ts';
import type { SeededFaker } from './faker.ts';
import { clockTime, nearDate, nearDateTime, pastDate, pastDateTime, recentDateTime } from './stringFormats.ts';
import type { StringGen } from './stringFormats.ts';
import { isIdField, makeId, snakeName } from './ids.ts';
import { isHappenedTimestamp, isReadTimestamp } from './semantics.ts';
import * as V from './vocab.ts';
import type { Domain } from './vocab.ts';

export { errorLine, infoLine } from './fieldGenerators.ts';

export interface FieldInfo {
  /** The field's own name (for an array's items: the singular of the array's name). */
  name?: string;
  /** What the enclosing object is about, snake-cased and singular (`hotel`, `member`, `file`). */
  subject?: string;
  /** The world of the tool (from its name, description and field names). */
  domain?: Domain;
  /** The field schema's description. */
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// Word tables: which generator a word picks

/** What a table's entry may read besides its word: the field's own name (snake-cased), what its object is about, the tool's domain. */
interface Context {
  readonly field?: string;
  readonly subject?: string;
  readonly domain?: Domain;
}
/** A generator, or a choice that reads the context (undefined: the table has nothing for this field). */
type Entry = StringGen | { readonly depends: (c: Context) => StringGen | undefined };
const depends = (choose: (c: Context) => StringGen | undefined): Entry => ({ depends: choose });

/**
 * A table from rows keyed by the words that mean the same here (`'hotel property lodging':
 * hotelName`). A word in two rows, or (with `only`) a word outside `only`, is a mistake in
 * the table: it throws when the module loads.
 */
function wordTable(rows: { readonly [words: string]: Entry }, only?: ReadonlySet<string>): ReadonlyMap<string, Entry> {
  const table = new Map<string, Entry>();
  for (const [words, entry] of Object.entries(rows)) {
    for (const word of words.split(' ')) {
      if (table.has(word)) throw new Error(`fieldHints: "${word}" stands in two rows of one table`);
      if (only && !only.has(word)) throw new Error(`fieldHints: "${word}" is not one of ${[...only].join(', ')}`);
      table.set(word, entry);
    }
  }
  return table;
}
const DOMAINS: ReadonlySet<string> = new Set(Object.keys(V.DOMAIN_FALLBACK));
/** A table keyed by domains (`'travel lodging': …`). */
const domainTable = (rows: { readonly [domains: string]: Entry }): ReadonlyMap<string, Entry> => wordTable(rows, DOMAINS);

/** The generator a table gives for a word in this context, or undefined. */
function lookUp(table: ReadonlyMap<string, Entry>, word: string, c: Context): StringGen | undefined {
  const entry = table.get(word);
  return entry === undefined || typeof entry === 'function' ? entry : entry.depends(c);
}
/** The table's entry for the domain (`general` when unknown). */
const byDomain = (table: ReadonlyMap<string, Entry>, c: Context): StringGen | undefined => lookUp(table, c.domain ?? 'general', c);

/** The last word of a snake-cased subject (`hotel_room` → `room`), '' for none. */
const lastWord = (subject: string | undefined): string => (subject ?? '').split('_').pop() ?? '';

/** A set of words written as one text (`'user member owner'`). */
const wordSet = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

// ---------------------------------------------------------------------------------------------
// Subjects

const PERSON_WORDS = wordSet(`
  user member owner assignee author person employee contact customer passenger guest attendee participant recipient sender manager reviewer
  candidate patient student teacher driver speaker organizer organiser traveller traveler staff agent friend approver requester reporter
  creator admin lead people profile holder buyer seller tenant landlord doctor instructor coach player applicant volunteer responder oncall
  engineer colleague invitee signer pilot who by acknowledger resolver subscriber follower collaborator worker hire physician nurse client
  account_holder director actor actress producer writer composer singer cast crew chef captain host presenter supervisor recruiter interviewer
  interviewee mentor mentee tutor student parent child spouse partner_name
`);
const COMPANY_WORDS = wordSet(`
  company organization organisation org vendor supplier merchant employer partner carrier manufacturer provider payee business firm store shop
  seller_company
`);

function isPersonSubject(subject: string | undefined): boolean {
  if (!subject) return false;
  return PERSON_WORDS.has(lastWord(subject)) || PERSON_WORDS.has(subject);
}

/** A date-time by what the field records: when something happened, when data was read, or when something takes place. */
function dateTimeFor(snake: string): StringGen {
  if (isReadTimestamp(snake)) return recentDateTime;
  return isHappenedTimestamp(snake) ? pastDateTime : nearDateTime;
}

/**
 * The generator for a field with a date or date-time `format`: the format's own, unless the
 * name says more (`created_at` happened in the past, `as_of` just now, `birth_date` long ago).
 */
export function dateFormatHint(format: string, name: string | undefined): StringGen | undefined {
  if (!name) return undefined;
  const snake = snakeName(name);
  if (format === 'date-time' || format === 'iso-date-time') {
    if (isReadTimestamp(snake)) return recentDateTime;
    if (isHappenedTimestamp(snake)) return pastDateTime;
    return undefined;
  }
  if (format === 'date' && /(^|_)(birth|birthday|dob|born)($|_)/.test(snake)) return pastDate;
  return undefined;
}

/** The name of a thing by what it is (the last word of the subject); persons and companies are told apart first (nameFor). */
const NAME_BY_SUBJECT = wordTable({
  'hotel property accommodation lodging': hotelName,
  room: depends(({ domain }) => (domain === 'lodging' || domain === 'travel' ? roomType : meetingRoom)),
  'file attachment document doc upload image': fileName,
  entry: depends(({ domain }) => (domain === 'files' ? fileName : undefined)),
  'dir directory folder': dirName,
  product: productName,
  'item article': depends(({ domain }) => (domain === 'commerce' ? productName : undefined)),
  project: projectName,
  'team group squad': fromList(V.TEAMS),
  'department dept': fromList(V.DEPARTMENTS),
  'city place town destination origin': city,
  country,
  airline: airlineName,
  airport: airportName,
  'restaurant cafe': fromList(V.RESTAURANTS),
  venue: fromList(V.VENUES),
  'event meeting appointment': meetingTitle,
  'service app application microservice': serviceName,
  'repo repository': repoName,
  branch,
  channel: (sf) => `#${pick(sf, ['general', 'engineering', 'random', 'incidents', 'marketing', 'announcements', 'design'])}`,
  // (a `host` is a person: PERSON_WORDS)
  'server node machine instance': host,
  cluster: clusterName,
  'database db table collection': fromList(V.TABLES),
  'queue topic bucket stream': queueName,
  metric: fromList(V.METRICS),
  'job pipeline workflow cron': fromList(V.JOBS),
  'task todo reminder': taskTitle,
  'ticket incident issue alert bug': incidentTitle,
  'book movie film show series episode': bookTitle,
  'song track': songName,
  album: (sf) => sf.faker.music.album(),
  'artist band': artistName,
  'dish recipe meal': dishName,
  ingredient: ingredientName,
  playlist: (sf) =>
    `${pick(sf, ['Morning', 'Focus', 'Road Trip', 'Workout', 'Chill', 'Friday'])} ${pick(sf, ['Mix', 'Vibes', 'Classics', 'Hits', 'Favourites'])}`,
  'pet animal': (sf) => sf.faker.animal.petName(),
  'vehicle car': (sf) => sf.faker.vehicle.vehicle(),
  'plan tier subscription': fromList(V.PLANS),
  skill: fromList(V.SKILLS),
  brand,
  'category tag label': depends(({ domain }) => (domain === 'commerce' ? commerceDepartment : domainWord(domain))),
  account: depends(({ domain }) => (domain === 'finance' ? (sf) => sf.faker.finance.accountName() : fullName)),
  bank: (sf) => `${pick(sf, ['Nordic', 'First', 'City', 'Union', 'Harbor'])} ${pick(sf, ['Bank', 'Savings Bank', 'Credit Union'])}`,
  course: (sf) =>
    `${pick(sf, ['Introduction to', 'Advanced', 'Practical'])} ${pick(sf, ['Statistics', 'Marketing', 'Python', 'Design', 'Accounting', 'Spanish'])}`,
  'airplane aircraft': airplaneName,
  flight: flightNumber,
  'environment env': fromList(V.ENVIRONMENTS),
  region: depends(({ domain }) => (domain === 'devops' ? fromList(V.REGIONS) : stateName)),
  language: fromList(V.LANGUAGES),
  device: fromList(V.DEVICES),
});

/** The value a `name` (or `<subject>_name`) field has for an object about `subject`. */
function nameFor(subject: string | undefined, domain: Domain | undefined): StringGen | undefined {
  const s = subject ?? '';
  const last = lastWord(s);
  if (isPersonSubject(s)) return fullName;
  if (COMPANY_WORDS.has(last)) return company;
  return lookUp(NAME_BY_SUBJECT, last, { domain });
}

/** What a `name` is in a domain when its subject says nothing: a person's unless the domain has better. */
const NAME_BY_DOMAIN = domainTable({
  devops: serviceName,
  files: fileName,
  lodging: hotelName,
  commerce: productName,
  tasks: taskTitle,
  office: meetingTitle,
});
const defaultName = (domain: Domain | undefined): StringGen => byDomain(NAME_BY_DOMAIN, { domain }) ?? fullName;

const TITLE_BY_SUBJECT = wordTable({
  'task todo reminder': taskTitle,
  'event meeting appointment booking': meetingTitle,
  'ticket incident issue alert bug': incidentTitle,
  'book movie film show series episode': bookTitle,
  'song track': songName,
  project: projectName,
  'product item': productName,
  'job position role employee member user': jobTitle,
});
const TITLE_BY_DOMAIN = domainTable({
  devops: incidentTitle,
  office: meetingTitle,
  commerce: productName,
  tasks: taskTitle,
  messaging: fromList([
    'Your trip',
    'Meeting notes',
    'Invoice for January',
    'Quick question',
    'Weekly update',
    'Your booking is confirmed',
    'Welcome aboard',
    'Reminder: report due Friday',
  ]),
  'travel lodging': fromList(['Weekend in the city', 'Business trip', 'Summer holiday', 'Conference travel', 'Family visit']),
  files: fileName,
});
const anyTitle: StringGen = fromList([...V.TASK_TITLES, ...V.MEETING_TITLES, ...V.PROJECT_NAMES]);

/** The value a `title` field has for an object about `subject`. */
function titleFor(subject: string | undefined, domain: Domain | undefined): StringGen {
  const c = { domain };
  return lookUp(TITLE_BY_SUBJECT, lastWord(subject), c) ?? byDomain(TITLE_BY_DOMAIN, c) ?? anyTitle;
}

const hotelSentence: StringGen = fromList(V.HOTEL_SENTENCES);
const taskSentence: StringGen = fromList(V.TASK_SENTENCES);
const TEXT_BY_SUBJECT = wordTable({
  log: logLine,
  'entry line record': depends(({ domain }) => (domain === 'devops' ? logLine : undefined)),
  'product item': productDescription,
  'hotel property': hotelSentence,
  'review rating feedback': review,
  'ticket incident issue alert': incidentText,
  'file document': fileText,
  'message email notification comment reply chat': message,
  'task todo': taskSentence,
  'weather forecast day': weatherSummary,
});
const TEXT_BY_DOMAIN = domainTable({
  devops: depends(({ field }) => (field === 'message' || field === 'text' ? logLine : incidentText)),
  files: fileText,
  weather: weatherSummary,
  messaging: message,
  commerce: productDescription,
  lodging: hotelSentence,
  tasks: taskSentence,
});

/** Longer text (`description`, `message`, `notes`, …) for an object about `subject`. */
function textFor(field: string, subject: string | undefined, domain: Domain | undefined): StringGen {
  const last = lastWord(subject);
  if (field === 'commit_message' || last === 'commit') return commitMessage;
  if (/(^|_)(error|exception|failure|stack|stderr)($|_)/.test(field)) return errorLine;
  const c = { field, domain };
  const bySubject = lookUp(TEXT_BY_SUBJECT, last, c);
  if (bySubject) return bySubject;
  if (field === 'reason') return fromList(V.REASONS);
  return byDomain(TEXT_BY_DOMAIN, c) ?? fromList(V.GENERAL_SENTENCES);
}

const STATUS_BY_SUBJECT: { [subject: string]: readonly string[] } = {
  booking: ['confirmed'],
  reservation: ['confirmed'],
  ticket: ['open', 'open', 'open', 'in_progress'],
  incident: ['open', 'open', 'investigating'],
  issue: ['open', 'in_progress', 'closed'],
  task: ['open', 'open', 'in_progress', 'done'],
  todo: ['open', 'in_progress', 'done'],
  deployment: ['succeeded'],
  deploy: ['succeeded'],
  build: ['passed'],
  job: ['succeeded', 'running', 'queued'],
  run: ['succeeded', 'running', 'queued'],
  pipeline: ['passed', 'running'],
  order: ['processing', 'shipped', 'delivered'],
  shipment: ['in_transit', 'out_for_delivery', 'delivered'],
  payment: ['paid', 'paid', 'pending'],
  transaction: ['completed', 'completed', 'pending'],
  invoice: ['paid', 'open', 'overdue'],
  alert: ['firing', 'acknowledged', 'resolved'],
  flight: ['scheduled', 'on_time', 'boarding', 'delayed'],
  user: ['active', 'active', 'invited'],
  member: ['active', 'active', 'invited'],
  account: ['active', 'active', 'suspended'],
  message: ['sent', 'delivered', 'read'],
  email: ['sent', 'delivered', 'queued'],
  notification: ['sent', 'delivered'],
  service: ['running', 'healthy', 'degraded'],
  server: ['running', 'running', 'stopped'],
  host: ['healthy', 'healthy', 'degraded'],
  project: ['active', 'planning', 'on_hold'],
  room: ['available', 'available', 'booked'],
  event: ['confirmed', 'tentative'],
  meeting: ['confirmed', 'tentative'],
  file: ['uploaded', 'processed'],
};
const STATUS_BY_DOMAIN: { [d in Domain]: readonly string[] } = {
  travel: ['confirmed', 'confirmed', 'pending'],
  lodging: ['confirmed', 'confirmed', 'pending'],
  office: ['confirmed', 'tentative'],
  devops: ['succeeded', 'running', 'healthy'],
  files: ['ok', 'uploaded'],
  commerce: ['processing', 'shipped', 'delivered'],
  finance: ['completed', 'pending'],
  people: ['active', 'invited'],
  tasks: ['open', 'in_progress', 'done'],
  weather: ['ok'],
  messaging: ['sent', 'delivered', 'queued'],
  general: ['active', 'pending', 'confirmed', 'completed'],
};

function statusFor(subject: string | undefined, domain: Domain | undefined): StringGen {
  const last = (subject ?? '').split('_').pop() ?? '';
  const list = (Object.hasOwn(STATUS_BY_SUBJECT, last) ? STATUS_BY_SUBJECT[last] : undefined) ?? STATUS_BY_DOMAIN[domain ?? 'general'];
  return fromList(list);
}

// ---------------------------------------------------------------------------------------------
// String hints

const TEXT_WORDS = wordSet(`
  description summary notes note comment comments message body text content reason details detail explanation remarks memo caption excerpt
  snippet output log error exception stderr stdout feedback review answer bio about overview forecast instructions
`);

/**
 * The string generator for a field, from its name read with its subject and domain, or
 * (when the name says nothing) from its description; undefined when neither places it.
 */
export function stringGenFor(info: FieldInfo): StringGen | undefined {
  const byName = info.name ? byFieldName(info.name, info) : undefined;
  if (byName) return byName;
  return info.description ? byDescription(info.description, info) : undefined;
}

/**
 * Does this field hold a person's full name (`name` of a member, `full_name`, an `x-fake` of
 * `person.fullName`)? Used to make the e-mail beside it out of that name.
 */
export function isPersonNameField(key: string, schema: unknown, subject: string | undefined, domain: Domain | undefined): boolean {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return false;
  const s = schema as { [k: string]: unknown };
  if ('enum' in s || 'const' in s) return false;
  if (s['x-fake'] !== undefined) return fakesPersonName(s);
  return byFieldName(key, { subject, domain }) === fullName;
}

/** An `x-fake` that makes a person's full name (`person.fullName`, or `helpers.fake` of a first and a last name). */
function fakesPersonName(s: { [k: string]: unknown }): boolean {
  const x = s['x-fake'];
  const spec =
    typeof x === 'string'
      ? { path: x, args: s['x-fake-args'] }
      : typeof x === 'object' && x !== null
        ? { path: (x as { fake?: unknown }).fake, args: (x as { args?: unknown }).args ?? s['x-fake-args'] }
        : undefined;
  if (!spec) return false;
  if (spec.path === 'person.fullName') return true;
  if (spec.path !== 'helpers.fake' || !Array.isArray(spec.args) || typeof spec.args[0] !== 'string') return false;
  const t = spec.args[0];
  return t.includes('{{person.fullName}}') || (t.includes('{{person.firstName}}') && t.includes('{{person.lastName}}'));
}

/** A string generator suggested by a field name alone (no subject, no domain), or undefined. */
export function stringHintFor(fieldName: string | undefined): StringGen | undefined {
  return fieldName ? byFieldName(fieldName, {}) : undefined;
}

function byFieldName(fieldName: string, info: FieldInfo): StringGen | undefined {
  if (isIdField(fieldName)) {
    const name = fieldName;
    return (sf: SeededFaker) => makeId(name, sf.rng);
  }
  const snake = snakeName(fieldName);
  const w = snake.split('_');
  const head = w[w.length - 1];
  const stem = w.slice(0, -1).join('_');
  const { subject, domain } = info;

  const exact = exactName(snake, subject, domain);
  if (exact) return exact;

  // `<subject>_name`, `<subject>_title`: the name of a thing of that kind.
  if (head === 'name' && stem) {
    if (stem === 'first' || stem === 'given') return firstName;
    if (stem === 'last' || stem === 'family' || stem === 'sur') return lastName;
    if (stem === 'full' || stem === 'display' || stem === 'real' || stem === 'legal' || stem === 'contact') return fullName;
    if (stem === 'user' || stem === 'login' || stem === 'screen') return username;
    return nameFor(stem, domain) ?? (isPersonSubject(subject) ? fullName : nameFor(subject, domain)) ?? defaultName(domain);
  }
  if (head === 'title' && stem) return stem === 'job' ? (sf) => sf.faker.person.jobTitle() : titleFor(stem, domain);
  if (head === 'email' || head === 'emails' || (head === 'address' && w.includes('email'))) return email;
  if (head === 'phone' || head === 'mobile' || head === 'telephone' || (head === 'number' && (w.includes('phone') || w.includes('mobile')))) return phone;
  if (head === 'url' || head === 'link' || head === 'uri' || head === 'href' || head === 'website' || head === 'homepage') {
    if (w.includes('image') || w.includes('photo') || w.includes('avatar') || w.includes('thumbnail') || w.includes('picture')) return imageUrl;
    return url(
      domain,
      stem && !['dashboard', 'web', 'public', 'share', 'download', 'calendar', 'booking', 'checkout', 'tracking'].includes(stem) ? stem : subject,
    );
  }
  if (head === 'by' || (head === 'to' && w[0] === 'assigned')) return domain === 'messaging' ? email : fullName;
  if (head === 'city' || head === 'town') return city;
  if (head === 'country') return country;
  if (head === 'airport') return airportName;
  if (head === 'airline' || head === 'carrier') return domain === 'travel' || head === 'airline' ? airlineName : company;
  if (head === 'address') return address;
  if (head === 'street') return (sf) => sf.faker.location.street();
  if (head === 'date' || head === 'day' || head === 'on') return /^(birth|dob)/.test(stem) ? pastDate : /ed$|^last/.test(stem) ? pastDate : nearDate;
  // Times named by what they record: `last_contacted`, `last_check` (past), `estimated_delivery`, `next_run` (to come).
  if (w[0] === 'last' && w.length > 1 && !['name', 'four', '4', 'digits', 'error', 'message', 'status', 'page', 'id'].includes(head)) return pastDateTime;
  if (
    (w[0] === 'estimated' || w[0] === 'expected' || w[0] === 'next' || w[0] === 'planned') &&
    w.length > 1 &&
    [
      'delivery',
      'arrival',
      'run',
      'payment',
      'renewal',
      'departure',
      'completion',
      'release',
      'ship',
      'pickup',
      'review',
      'meeting',
      'shipment',
      'time',
    ].includes(head)
  )
    return nearDateTime;
  if (head === 'deadline' || head === 'expiry' || head === 'expiration' || head === 'expires') return nearDate;
  if (head === 'line1' || head === 'line_1' || head === 'address1' || head === 'street1' || (head === '1' && w.includes('line')))
    return (sf) => sf.faker.location.streetAddress();
  if (head === 'line2' || head === 'line_2' || head === 'address2' || head === 'street2' || (head === '2' && w.includes('line')))
    return fromList(V.SECONDARY_ADDRESS);
  if (head === 'at' || head === 'timestamp' || snake === 'as_of') return dateTimeFor(snake);
  if (head === 'datetime') return nearDateTime;
  if (head === 'time') return clockTime;
  if (head === 'status' || head === 'state')
    return head === 'state' && (subject === 'address' || stem === 'home') ? (sf) => sf.faker.location.state() : statusFor(stem || subject, domain);
  if (head === 'code') return codeFor(stem, domain);
  if (head === 'number' || head === 'no' || head === 'num') return numberLike(stem, domain);
  if (head === 'reference' || head === 'ref' || head === 'locator' || head === 'pnr' || head === 'confirmation') return recordLocator;
  if (head === 'version' || head === 'release' || (head === 'tag' && stem === 'image')) return semver;
  if (head === 'sha' || head === 'commit') return sha;
  if (head === 'hash' || head === 'checksum' || head === 'digest' || head === 'etag') return (sf) => hex(sf, 64);
  if (head === 'path' || head === 'dir' || head === 'directory' || head === 'cwd' || head === 'folder') return pathFor(snake, subject, domain);
  if (head === 'host' || head === 'hostname' || head === 'server' || head === 'node') return domain === 'office' && head === 'host' ? fullName : host;
  if (head === 'ip') return (sf) => sf.faker.internet.ipv4();
  if (head === 'currency') return currency;
  if (head === 'level' || head === 'severity')
    return head === 'severity'
      ? fromList(['low', 'medium', 'high', 'critical'])
      : domain === 'devops' || subject === 'log' || subject === 'entry'
        ? fromList(V.LOG_LEVELS)
        : fromList(['beginner', 'intermediate', 'advanced']);
  if (head === 'type' || head === 'kind' || head === 'category') return typeFor(stem || subject, domain);
  if (
    head === 'message' ||
    head === 'description' ||
    head === 'summary' ||
    head === 'notes' ||
    head === 'note' ||
    head === 'text' ||
    head === 'body' ||
    head === 'content' ||
    head === 'error' ||
    head === 'reason' ||
    head === 'details' ||
    head === 'comment' ||
    head === 'output'
  ) {
    return textFor(snake, stem || subject, domain);
  }
  if (head === 'name') return undefined;
  if (isPersonSubject(snake) || (w.length > 1 && PERSON_WORDS.has(head))) return fullName;
  if (COMPANY_WORDS.has(head)) return company;
  return nameFor(snake, domain);
}

const cabin: StringGen = fromList(V.CABINS);
const paymentMethod: StringGen = fromList(V.PAYMENT_METHODS);
const secretToken =
  (prefix: string): StringGen =>
  (sf) =>
    `${prefix}_${sf.rng.chars(24)}`;
const productTag: StringGen = fromList(V.PRODUCT_ADJECTIVES.map((a) => a.toLowerCase()));
const exchange: StringGen = fromList(V.EXCHANGES);

/** Field names that say what they hold on their own (`first_name`, `iata`…), some read with the subject or domain. */
const BY_EXACT_NAME = wordTable({
  name: depends(({ subject, domain }) => nameFor(subject, domain) ?? defaultName(domain)),
  'full_name fullname': depends(({ subject, domain }) =>
    subject === 'repo' || subject === 'repository' || domain === 'devops'
      ? (sf) => `${pick(sf, ['acme', 'northwind', 'globex', 'initech'])}/${pick(sf, V.SERVICE_STEMS)}-${pick(sf, ['api', 'web', 'sdk', 'infra'])}`
      : fullName,
  ),
  'display_name author owner assignee organizer organiser passenger guest traveller traveler customer contact reporter who': fullName,
  'first_name given_name firstname': firstName,
  'last_name surname family_name lastname': lastName,
  'username user_name login handle screen_name nickname': username,
  initials: (sf) => `${sf.faker.person.firstName().charAt(0)}${sf.faker.person.lastName().charAt(0)}`,
  title: depends(({ subject, domain }) => titleFor(subject, domain)),
  subject: depends(({ subject, domain }) => titleFor(subject ?? 'email', domain === 'general' ? 'messaging' : domain)),
  'job_title position occupation job': jobTitle,
  role: depends(({ subject, domain }) => (domain === 'people' || subject === 'employee' ? jobTitle : fromList(V.ROLES))),
  'company company_name organization organisation employer vendor supplier merchant': company,
  'brand manufacturer make': brand,
  'state province': depends(({ subject, domain }) =>
    subject === 'address' || domain === 'general' || domain === 'people' ? stateName : statusFor(subject, domain),
  ),
  'zip zip_code zipcode postal_code postcode': zipCode,
  'timezone time_zone tz': (sf) => sf.faker.location.timeZone(),
  'location where': depends(({ subject, domain }) =>
    domain === 'office' || subject === 'event' || subject === 'meeting' ? meetingRoom : domain === 'devops' ? fromList(V.REGIONS) : city,
  ),
  'from to': depends(({ domain }) => (domain === 'messaging' ? email : city)),
  'origin destination departure_city arrival_city from_city to_city': city,
  'recipient sender cc bcc reply_to': email,
  venue: fromList(V.VENUES),
  'district neighborhood neighbourhood area quarter': fromList(V.DISTRICTS),
  region: depends(({ domain }) => (domain === 'devops' ? fromList(V.REGIONS) : stateName)),
  'zone availability_zone': (sf) => `${pick(sf, V.REGIONS)}${pick(sf, ['a', 'b', 'c'])}`,
  'url link website homepage href': depends(({ subject, domain }) => url(domain, subject)),
  priority: fromList(['low', 'medium', 'high']),
  severity: fromList(['low', 'medium', 'high', 'critical']),
  'color colour': (sf) => sf.faker.color.human(),
  'product product_name': productName,
  department: fromList(V.DEPARTMENTS),
  'team team_name': fromList(V.TEAMS),
  'ip ip_address': ipv4,
  'mac mac_address': (sf) => sf.faker.internet.mac(),
  user_agent: (sf) => sf.faker.internet.userAgent(),
  'uuid guid': (sf) => sf.faker.string.uuid(),
  slug: depends(
    ({ domain }) =>
      (sf) =>
        `${pick(sf, V.BRANCH_WORDS)}-${pick(sf, V.DOMAIN_FALLBACK[domain ?? 'general']).replace(/\s+/g, '-')}`,
  ),
  'tag tags label keyword topic': depends(({ domain }) => (domain === 'commerce' ? productTag : domainWord(domain))),
  'amenity amenities facility feature': depends(({ subject, domain }) =>
    domain === 'lodging' || domain === 'travel' || subject === 'hotel' ? fromList(V.AMENITIES) : domainWord(domain),
  ),
  'password secret': (sf) => sf.faker.internet.password(),
  'token access_token refresh_token': secretToken('tok'),
  'api_key key': secretToken('key'),
  sku: (sf) => `${sf.rng.chars(3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-${sf.rng.chars(4, '0123456789')}`,
  code: shortCode,
  'birthday birth_date birthdate dob': pastDate,
  'date day': nearDate,
  time: clockTime,
  'timestamp ts': pastDateTime,
  'datetime when': nearDateTime,
  'weekday day_of_week': (sf) => sf.faker.date.weekday(),
  month: (sf) => sf.faker.date.month(),
  'duration length travel_time': duration,
  'seat seat_number': seat,
  gate: (sf) => `${pick(sf, ['A', 'B', 'C', 'D', 'E', 'F'])}${sf.rng.int(1, 40)}`,
  terminal: fromList(['1', '2', '3', '4', '5']),
  'cabin cabin_class fare_class travel_class': cabin,
  class: depends(({ domain }) => (domain === 'travel' ? cabin : undefined)),
  'flight flight_number flight_no': flightNumber,
  'aircraft airplane plane': airplaneName,
  'room_type room': depends(({ domain }) => (domain === 'office' ? meetingRoom : roomType)),
  'board meal_plan': fromList(['room only', 'breakfast included', 'half board']),
  'condition conditions weather sky': fromList(V.WEATHER_CONDITIONS),
  'environment env stage': depends(({ domain }) => (domain === 'devops' ? fromList(V.ENVIRONMENTS) : fromList(V.CRM_STAGES))),
  'service service_name app application component': serviceName,
  image: depends(({ domain }) => (domain === 'devops' ? (sf) => `registry.example.com/${pick(sf, V.SERVICE_STEMS)}:${semver(sf)}` : imageUrl)),
  'container pod': (sf) => `${serviceName(sf)}-${sf.rng.chars(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
  cluster: clusterName,
  namespace: queueName,
  'branch git_branch': branch,
  'repo repository': repoName,
  'endpoint route': (sf) => `/api/v1/${pick(sf, V.TABLES)}${sf.rng.next() < 0.5 ? '/{id}' : ''}`,
  'method http_method': depends(({ domain }) => (domain === 'finance' || domain === 'commerce' ? paymentMethod : fromList(['GET', 'POST', 'PUT', 'DELETE']))),
  payment_method: paymentMethod,
  'card_brand card_type': fromList(V.CARD_BRANDS),
  'last4 card_last4 last_four': (sf) => sf.rng.chars(4, '0123456789'),
  iban: (sf) => sf.faker.finance.iban(),
  account_number: (sf) => sf.faker.finance.accountNumber(),
  'mime mime_type content_type media_type': mimeType,
  'extension ext file_type': fromList(V.FILE_EXTS),
  'encoding charset': fromList(['utf-8', 'utf-8', 'utf-8', 'ascii']),
  'language lang': depends(({ subject, domain }) =>
    domain === 'devops' || subject === 'repo' || subject === 'repository' || subject === 'project' ? fromList(V.PROGRAMMING_LANGUAGES) : fromList(V.LANGUAGES),
  ),
  'detected_language source_language target_language': fromList(V.LANGUAGES),
  locale: fromList(V.LOCALES),
  channel: fromList(V.CHANNELS),
  device: fromList(V.DEVICES),
  'os platform': fromList(['macOS 14', 'Windows 11', 'Ubuntu 22.04', 'iOS 17', 'Android 14']),
  browser: fromList(['Chrome 131', 'Firefox 133', 'Safari 17', 'Edge 131']),
  'command cmd': fromList(V.COMMANDS),
  shell: fromList(['/bin/bash', '/bin/zsh', '/bin/sh']),
  // (a `schedule` may be a cron line or a timetable: nothing here)
  cron: (sf) => sf.faker.system.cron(),
  metric: fromList(V.METRICS),
  unit: depends(({ subject, domain }) =>
    subject === 'ingredient' || subject === 'recipe'
      ? fromList(V.INGREDIENT_UNITS)
      : domain === 'weather'
        ? fromList(['°C', 'mm', 'km/h'])
        : fromList(['ms', '%', 'MB', 'req/s']),
  ),
  'industry sector': fromList(V.INDUSTRIES),
  'skill skills': fromList(V.SKILLS),
  'plan tier subscription': fromList(V.PLANS),
  genre: depends(({ subject }) =>
    subject === 'book'
      ? (sf) => sf.faker.book.genre()
      : subject !== undefined && ['movie', 'film', 'show', 'series', 'episode'].includes(subject)
        ? fromList(['drama', 'comedy', 'thriller', 'documentary', 'science fiction', 'animation', 'romance', 'crime'])
        : (sf) => sf.faker.music.genre(),
  ),
  artist: artistName,
  cuisine: (sf) => sf.faker.food.ethnicCategory(),
  dish: dishName,
  isbn: (sf) => sf.faker.commerce.isbn(),
  'currency_code from_currency to_currency base_currency quote_currency': currency,
  'base quote': depends(({ domain }) => (domain === 'finance' ? currency : undefined)),
  country_code: countryCode,
  'file_name filename file': fileName,
  'dir_name folder_name directory_name': dirName,
  'working_directory current_directory pwd': dirPath,
  emoji: (sf) => sf.faker.internet.emoji(),
  'top_error last_error error exception error_message failure_reason': errorLine,
  commit_message: commitMessage,
  'symbol ticker stock_symbol': fromList(V.TICKERS),
  'exchange market': depends(({ subject, domain }) =>
    domain === 'commerce' && subject !== 'stock' && subject !== 'quote' ? fromList(['EU', 'US', 'UK', 'Nordics']) : exchange,
  ),
  'license licence': fromList(V.LICENSES),
  'source lead_source origin_channel referrer': depends(({ domain }) => (domain === 'devops' ? host : fromList(V.LEAD_SOURCES))),
  'lifecycle_stage deal_stage pipeline_stage phase': fromList(V.CRM_STAGES),
  'plot synopsis storyline logline': fromList(V.PLOTS),
  'instruction instructions step steps direction directions': depends(({ subject, domain }) =>
    subject === 'recipe' || subject === 'dish' || (domain === 'general' && subject === undefined) ? fromList(V.RECIPE_STEPS) : fromList(V.INSTRUCTIONS),
  ),
  ingredient: ingredientName,
  'gender sex': fromList(V.GENDERS),
  'delivery_window shipping_method delivery_method': fromList(V.DELIVERY_WINDOWS),
  'carrier courier shipping_carrier': depends(({ domain }) =>
    domain === 'travel' ? airlineName : fromList(['DHL', 'UPS', 'FedEx', 'DPD', 'GLS', 'PostNord', 'Royal Mail']),
  ),
  'query q search search_term': fromList(['headphones', 'running shoes', 'standing desk', 'coffee grinder', 'winter jacket', 'phone case']),
});

function exactName(snake: string, subject: string | undefined, domain: Domain | undefined): StringGen | undefined {
  const exact = lookUp(BY_EXACT_NAME, snake, { field: snake, subject, domain });
  if (exact) return exact;
  return TEXT_WORDS.has(snake) ? textFor(snake, subject, domain) : undefined;
}

/** `<stem>_code`: what kind of code the stem names. */
const CODE_BY_STEM = wordTable({
  currency,
  country: countryCode,
  'airport iata origin destination departure arrival from to': airportCode,
  'airline carrier': (sf) => sf.faker.airline.airline().iataCode,
  'language lang': fromList(['en', 'de', 'fr', 'es', 'sv', 'it', 'nl']),
  'zip postal post': zipCode,
  'status http response': fromList(['200', '200', '201', '204']),
  'error exit': fromList(['ECONNREFUSED', 'ETIMEDOUT', 'E_RATE_LIMIT', 'DB_POOL_EXHAUSTED', 'CARD_DECLINED']),
  'promo discount coupon voucher': (sf) => `${pick(sf, ['SPRING', 'WELCOME', 'SAVE', 'VIP', 'WINTER'])}${sf.rng.int(1, 5) * 5}`,
  'booking confirmation reservation': recordLocator,
  color: (sf) => `#${hex(sf, 6)}`,
});
const codeFor = (stem: string, domain: Domain | undefined): StringGen =>
  lookUp(CODE_BY_STEM, stem, { domain }) ?? (domain === 'travel' ? recordLocator : shortCode);

const documentNumber =
  (prefix: string): StringGen =>
  (sf) =>
    `${prefix}-${sf.rng.int(2025, 2026)}-${sf.rng.chars(5, '0123456789')}`;
/** `<stem>_number`: what kind of number the stem names. */
const NUMBER_BY_STEM = wordTable({
  flight: flightNumber,
  seat,
  'phone mobile': phone,
  account: (sf) => sf.faker.finance.accountNumber(),
  tracking: (sf) => `1Z${sf.rng.chars(16, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`,
  invoice: documentNumber('INV'),
  order: documentNumber('ORD'),
  room: (sf) => `${sf.rng.int(1, 9)}${pad2(sf.rng.int(1, 40))}`,
  'confirmation booking reference': recordLocator,
});
function numberLike(stem: string, domain: Domain | undefined): StringGen {
  if (!stem && domain === 'travel') return flightNumber;
  return lookUp(NUMBER_BY_STEM, stem, { domain }) ?? ((sf) => sf.rng.chars(8, '0123456789'));
}

function pathFor(snake: string, subject: string | undefined, domain: Domain | undefined): StringGen {
  if (snake === 'dir' || snake === 'folder' || snake === 'directory') return dirName;
  if (snake === 'cwd' || snake.endsWith('_dir') || snake.endsWith('_directory') || snake.endsWith('_folder')) return dirPath;
  const last = (subject ?? '').split('_').pop() ?? '';
  if (['dir', 'directory', 'folder'].includes(last)) return dirPath;
  if (domain === 'devops' && !['file', 'document', 'attachment'].includes(last)) return (sf) => `/api/v1/${pick(sf, V.TABLES)}`;
  return filePath;
}

const TYPE_BY_SUBJECT = wordTable({
  file: fromList(['file', 'file', 'file', 'directory']),
  entry: depends(({ domain }) => (domain === 'files' ? fromList(['file', 'file', 'file', 'directory']) : domainWord(domain))),
  room: depends(({ domain }) => (domain === 'office' ? fromList(['meeting room', 'focus room', 'boardroom']) : roomType)),
  'event meeting': fromList(['meeting', 'call', 'workshop', 'interview']),
  account: fromList(['checking', 'savings', 'credit']),
  transaction: fromList(['payment', 'transfer', 'refund', 'deposit']),
  vehicle: (sf) => sf.faker.vehicle.type(),
  'alert incident': fromList(['error rate', 'latency', 'availability', 'saturation']),
  'notification message': fromList(V.CHANNELS),
});
const TYPE_BY_DOMAIN = domainTable({
  commerce: commerceDepartment,
  files: fromList(['file', 'directory']),
  devops: fromList(['deployment', 'rollback', 'config change', 'scale-up']),
  lodging: roomType,
  travel: fromList(['one-way', 'return']),
  tasks: fromList(['task', 'bug', 'chore', 'milestone']),
});

/** A `type`, `kind` or `category` of an object about `subject`. */
function typeFor(subject: string | undefined, domain: Domain | undefined): StringGen {
  const c = { domain };
  return lookUp(TYPE_BY_SUBJECT, lastWord(subject), c) ?? byDomain(TYPE_BY_DOMAIN, c) ?? domainWord(domain);
}

/** Words of a description that place a string field (tried when its name says nothing). */
const DESCRIPTION_RULES: [RegExp, (info: FieldInfo) => StringGen][] = [
  [/\be-?mail\b/i, () => email],
  [/\bphone\b/i, () => phone],
  [/\b(url|link|web ?site|homepage)\b/i, (i) => url(i.domain, i.subject)],
  [/\b(iata|airport code)\b/i, () => airportCode],
  [/\bairport\b/i, () => airportName],
  [/\bairline\b/i, () => airlineName],
  [/\bseat\b/i, () => seat],
  [/\bflight number\b/i, () => flightNumber],
  [/\b(semver|version)\b/i, () => semver],
  [/\b(commit|sha|hash)\b/i, () => sha],
  [/\b(file ?name)\b/i, () => fileName],
  [/\b(path|directory|folder)\b/i, () => filePath],
  [/\bhotel\b/i, () => hotelName],
  [/\b(meeting )?room\b/i, (i) => (i.domain === 'lodging' ? fromList(V.ROOM_TYPES) : meetingRoom)],
  [/\b(log (line|message)|error message)\b/i, () => errorLine],
  [/\b(city|town)\b/i, () => city],
  [/\bcountry\b/i, () => country],
  [/\baddress\b/i, () => address],
  [/\b(company|organi[sz]ation|employer|vendor)\b/i, () => company],
  [/\b(person|user|customer|employee|passenger|guest)('s)? (full )?name\b/i, () => fullName],
  [/\bproduct\b/i, () => productName],
  [/\bcurrency\b/i, () => currency],
  [/\b(status|state)\b/i, (i) => statusFor(i.subject, i.domain)],
  [/\b(date)\b/i, () => nearDate],
  [/\btime\b/i, () => clockTime],
  [/\b(description|summary|notes?|comment|message|text)\b/i, (i) => textFor('description', i.subject, i.domain)],
  [/\b(title|subject|heading)\b/i, (i) => titleFor(i.subject, i.domain)],
  [/\bname\b/i, (i) => nameFor(i.subject, i.domain) ?? defaultName(i.domain)],
];

function byDescription(description: string, info: FieldInfo): StringGen | undefined {
  for (const [re, make] of DESCRIPTION_RULES) if (re.test(description)) return make(info);
  return undefined;
}

/** Generic words of a domain, for a string nothing places (never lorem ipsum). */
export function fallbackWords(domain: Domain | undefined): StringGen {
  const list = V.DOMAIN_FALLBACK[domain ?? 'general'];
  return (sf) => (sf.rng.next() < 0.7 ? pick(sf, list) : `${pick(sf, list)} ${pick(sf, list)}`);
}

// ---------------------------------------------------------------------------------------------
// Plural names and domains

/** The name of a single item of an array field (`room_ids` → `room_id`, `entries` → `entry`). */
export function singularName(fieldName: string | undefined): string | undefined {
  if (!fieldName) return undefined;
  const snake = snakeName(fieldName);
  if (snake === 'ids') return 'id';
  if (snake.endsWith('_ids')) return snake.slice(0, -1);
  if (snake === 'people') return 'person';
  if (snake.endsWith('ies') && snake.length > 4) return `${snake.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|us)es$/.test(snake)) return snake.slice(0, -2);
  if (snake.endsWith('s') && !snake.endsWith('ss') && !snake.endsWith('us') && !snake.endsWith('is')) return snake.slice(0, -1);
  return undefined;
}

/** What an object held in a field is about: the field's singular (`flights` → `flight`), its name otherwise. */
export function subjectOfField(fieldName: string | undefined): string | undefined {
  if (!fieldName) return undefined;
  const snake = snakeName(fieldName);
  if (GENERIC_HOLDERS.has(snake)) return undefined;
  return singularName(snake) ?? snake;
}
const GENERIC_HOLDERS = wordSet(`
  data result results items item response payload records record rows row values value list output body details info meta metadata attributes
  properties fields content object objects entries_list hits matches nodes edges
`);

/** The subject a tool's name suggests for its result: `search_hotels` → `hotel`, `create_ticket` → `ticket`. */
export function subjectOfTool(toolName: string | undefined): string | undefined {
  if (!toolName) return undefined;
  const w = snakeName(toolName)
    .split('_')
    .filter((x) => !TOOL_VERBS.has(x) && !TOOL_FILLERS.has(x));
  if (w.length === 0) return undefined;
  const noun = w[w.length - 1];
  return singularName(noun) ?? noun;
}
/** Words of a tool's name that say nothing of what its result is about (`get_repo_info` → repo). */
const TOOL_FILLERS = wordSet(`
  by for all new my info information details detail data status list summary overview stats current latest recent one item items record
  records result results v2 api
`);

const TOOL_VERBS = wordSet(`
  get list search find fetch read create add update delete remove book send post set check lookup look up query open close cancel acknowledge
  ack assign deploy run start stop show view make schedule reserve submit upload download move rename copy edit invite
`);

/** The domain of a tool from the words of its name, its description and its result's field names. */
export function domainOf(words: readonly string[]): Domain {
  let best: Domain = 'general';
  let bestScore = 0;
  for (const [domain, list] of Object.entries(V.DOMAIN_WORDS) as [Domain, readonly string[]][]) {
    let score = 0;
    for (const word of words) if (list.includes(word)) score += 1;
    if (score > bestScore) {
      best = domain;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export interface NumberHint {
  min: number;
  max: number;
  /** Decimal places for `number` fields (integers ignore it). */
  decimals: number;
}

const h = (min: number, max: number, decimals = 0): NumberHint => ({ min, max, decimals });

const NUMBER_EXACT: { [name: string]: NumberHint } = {
  age: h(18, 85),
  price: h(5, 500, 2),
  amount: h(5, 2000, 2),
  cost: h(5, 500, 2),
  fare: h(39, 600, 2),
  total: h(10, 2000, 2),
  subtotal: h(10, 2000, 2),
  balance: h(0, 10000, 2),
  tax: h(0, 200, 2),
  discount: h(5, 50),
  quantity: h(1, 10),
  qty: h(1, 10),
  count: h(0, 50),
  total_count: h(0, 200),
  total_results: h(0, 200),
  rating: h(1, 5, 1),
  stars: h(1, 5),
  score: h(0, 100, 1),
  percent: h(0, 100, 1),
  percentage: h(0, 100, 1),
  latitude: h(-90, 90, 4),
  lat: h(-90, 90, 4),
  longitude: h(-180, 180, 4),
  lng: h(-180, 180, 4),
  lon: h(-180, 180, 4),
  year: h(2015, 2026),
  month: h(1, 12),
  day: h(1, 28),
  hour: h(0, 23),
  minute: h(0, 59),
  week: h(1, 52),
  quarter: h(1, 4),
  capacity: h(2, 40),
  seats: h(1, 300),
  seats_left: h(1, 9),
  seats_available: h(1, 40),
  duration_minutes: h(15, 120),
  page: h(1, 10),
  per_page: h(10, 50),
  page_size: h(10, 50),
  limit: h(5, 50),
  offset: h(0, 100),
  nights: h(1, 14),
  guests: h(1, 4),
  adults: h(1, 4),
  children: h(0, 3),
  passengers: h(1, 4),
  stops: h(0, 2),
  floor: h(1, 12),
  beds: h(1, 3),
  bedrooms: h(1, 4),
  bathrooms: h(1, 3),
  temperature: h(-10, 32, 1),
  temp: h(-10, 32, 1),
  feels_like: h(-12, 32, 1),
  humidity: h(20, 95),
  pressure: h(980, 1040),
  wind_speed: h(0, 60, 1),
  uv_index: h(0, 10),
  visibility: h(1, 20),
  replicas: h(1, 10),
  instances: h(1, 10),
  port: h(1024, 65535),
  pid: h(100, 65000),
  exit_code: h(0, 0),
  status_code: h(200, 204),
  http_status: h(200, 204),
  size: h(1, 5000),
  bytes: h(200, 5_000_000),
  lines: h(1, 500),
  line: h(1, 500),
  line_count: h(1, 500),
  line_number: h(1, 500),
  version: h(1, 20),
  build_number: h(100, 9999),
  attempts: h(1, 3),
  retries: h(0, 3),
  stock: h(0, 250),
  inventory: h(0, 250),
  weight: h(0.1, 25, 1),
  height: h(150, 200),
  distance: h(0.3, 40, 1),
  speed: h(0, 120, 1),
  altitude: h(0, 12000),
  rank: h(1, 100),
  position: h(1, 50),
  priority: h(1, 5),
  level: h(1, 10),
  progress: h(0, 100),
  probability: h(0, 1, 2),
  confidence: h(0, 1, 2),
  ratio: h(0, 1, 2),
  rate: h(0.5, 2, 4),
  exchange_rate: h(0.5, 2, 4),
  uptime: h(90, 100, 2),
  cpu: h(1, 100, 1),
  memory: h(128, 16384),
  review_count: h(0, 2500),
  reviews: h(0, 2500),
  salary: h(32000, 160000),
  annual_salary: h(32000, 160000),
  wage: h(12, 60, 2),
  volume: h(100_000, 50_000_000),
  market_cap: h(100_000_000, 2_000_000_000_000),
  change: h(-15, 15, 2),
  change_percent: h(-8, 8, 2),
  cpu_load: h(1, 100, 1),
  load: h(0, 8, 2),
  restarts: h(0, 5),
  servings: h(1, 8),
  forks: h(0, 5000),
  open_issues: h(0, 400),
  watchers: h(0, 20000),
  followers: h(0, 50000),
  likes: h(0, 5000),
  views: h(0, 100000),
  downloads: h(0, 1_000_000),
  duration: h(5, 180),
  runtime: h(80, 180),
  runtime_minutes: h(80, 180),
  uptime_seconds: h(3600, 5_000_000),
};

/** By the last word(s) of a name (`high_c`, `size_bytes`, `total_eur`, `latency_ms`). */
const NUMBER_SUFFIX: [RegExp, NumberHint][] = [
  [/(^|_)(temp|temperature|high|low|min|max|feels_like)_?(c|celsius)$/, h(-10, 32, 1)],
  [/(^|_)(c|celsius)$/, h(-10, 32, 1)],
  [/(^|_)(f|fahrenheit)$/, h(14, 90, 1)],
  [/_(kph|kmh|km_h)$/, h(0, 60, 1)],
  [/_(mph)$/, h(0, 40, 1)],
  [/(^|_)(bytes|size_bytes)$/, h(200, 5_000_000)],
  [/_kb$/, h(1, 5000)],
  [/_mb$/, h(1, 2048)],
  [/_gb$/, h(1, 512)],
  [/_ms$/, h(3, 2500)],
  [/_(seconds|secs|sec|s)$/, h(1, 3600)],
  [/_minutes$|_mins$|_min$/, h(5, 120)],
  [/_hours$|_hrs$/, h(1, 12)],
  [/_days$/, h(1, 30)],
  [/_(eur|usd|gbp|chf|sek|nok|dkk|cad|aud|price|amount|cost|fare|total)$/, h(10, 900, 2)],
  [/_(count|total)$|^num_|^number_of_|^n_/, h(0, 50)],
  [/_(percent|pct|percentage|rate_pct)$|^percent_/, h(0, 100, 1)],
  [/_(chance|probability)$/, h(0, 100)],
  [/_(rating|score)$/, h(1, 5, 1)],
  [/_(km|kilometers|kilometres)$/, h(0.3, 40, 1)],
  [/_(m|meters|metres)$/, h(10, 5000)],
  [/_(kg)$/, h(0.1, 25, 1)],
  [/_(cm)$/, h(10, 200)],
  [/_(left|remaining|available)$/, h(0, 20)],
  [/_(year)$/, h(2015, 2026)],
];

/** Number ranges that depend on what the object is about (`stars` of a repository, `duration_ms` of a song). */
const NUMBER_BY_SUBJECT: { [subject: string]: { [name: string]: NumberHint } } = {
  repo: { stars: h(0, 50000), stargazers_count: h(0, 50000) },
  repository: { stars: h(0, 50000), stargazers_count: h(0, 50000) },
  track: { duration_ms: h(120_000, 420_000), duration: h(120, 420), duration_seconds: h(120, 420) },
  song: { duration_ms: h(120_000, 420_000), duration: h(120, 420), duration_seconds: h(120, 420) },
  ingredient: { amount: h(1, 500), quantity: h(1, 500) },
  movie: { rating: h(1, 10, 1), year: h(1970, 2025) },
  film: { rating: h(1, 10, 1), year: h(1970, 2025) },
  book: { year: h(1950, 2025), pages: h(120, 900) },
  hotel: { rating: h(6, 9.8, 1), price: h(60, 400, 2) },
  flight: { duration_minutes: h(45, 600), duration: h(45, 600), price: h(39, 900, 2), stops: h(0, 2) },
};

/** A default range for a numeric field from its name and what its object is about. */
export function numberHintForField(fieldName: string | undefined, subject: string | undefined): NumberHint | undefined {
  if (fieldName && subject) {
    const bySubject = NUMBER_BY_SUBJECT[subject.split('_').pop() ?? ''];
    const snake = snakeName(fieldName);
    if (bySubject && Object.prototype.hasOwnProperty.call(bySubject, snake)) return bySubject[snake];
  }
  return numberHintFor(fieldName);
}

/** A default range suggested by a numeric field's name, or undefined. */
export function numberHintFor(fieldName: string | undefined): NumberHint | undefined {
  if (!fieldName) return undefined;
  const snake = snakeName(fieldName);
  if (Object.prototype.hasOwnProperty.call(NUMBER_EXACT, snake)) return NUMBER_EXACT[snake];
  if (snake === 'id' || snake.endsWith('_id')) return h(1000, 99999);
  for (const [re, hint] of NUMBER_SUFFIX) if (re.test(snake)) return hint;
  const w = snake.split('_');
  const head = w[w.length - 1];
  if (w.length > 1 && Object.prototype.hasOwnProperty.call(NUMBER_EXACT, head)) return NUMBER_EXACT[head];
  return undefined;
}
