/**
 * Name-driven realism: when a field has no `x-fake`, `format`, `pattern`, `enum` or `const`,
 * what it is called picks a plausible value — read with what the enclosing object is about
 * (its subject: `name` in an item of `hotels` is a hotel's name, in `members` a person's),
 * the tool's domain (a `message` of a log entry is a log line) and, when the name says
 * nothing, the field's description. Names are compared snake-cased (`firstName` →
 * `first_name`). String hints apply to string fields only; number hints give a default range
 * to numeric fields (within their declared bounds).
 */
import type { SeededFaker } from './faker.ts';
import { clockTime, exampleEmail, nearDate, nearDateTime, pastDate, pastDateTime, recentDateTime } from './stringFormats.ts';
import type { StringGen } from './stringFormats.ts';
import { isIdField, makeId, snakeName } from './ids.ts';
import { callFacts } from './request.ts';
import { isHappenedTimestamp, isReadTimestamp } from './semantics.ts';
import * as V from './vocab.ts';
import type { Domain } from './vocab.ts';

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

const pick = (sf: SeededFaker, items: readonly string[]): string => items[Math.floor(sf.rng.next() * items.length)];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const capitalize = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);
const hex = (sf: SeededFaker, n: number): string => sf.rng.chars(n, '0123456789abcdef');

// ---------------------------------------------------------------------------------------------
// Generators

/** First and last name (Faker's `person.fullName()` is ~5x slower: it expands templates). */
const fullName: StringGen = (sf) => `${sf.faker.person.firstName()} ${sf.faker.person.lastName()}`;
const firstName: StringGen = (sf) => sf.faker.person.firstName();
const lastName: StringGen = (sf) => sf.faker.person.lastName();
const email: StringGen = exampleEmail;
const phone: StringGen = (sf) => sf.faker.phone.number({ style: 'international' });
const username: StringGen = (sf) => {
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
const city: StringGen = (sf) => sf.faker.location.city();
const country: StringGen = (sf) => sf.faker.location.country();
const company: StringGen = (sf) => sf.faker.company.name();
const currency: StringGen = (sf) => pick(sf, V.CURRENCIES);
const semver: StringGen = (sf) => `${sf.rng.int(0, 5)}.${sf.rng.int(0, 24)}.${sf.rng.int(0, 12)}`;
const fill = (sf: SeededFaker, template: string): string =>
  template.indexOf('{') < 0
    ? template
    : template.replace(/\{(\w+)\}/g, (_, key: string) => {
        switch (key) {
          case 'n':
            return String(sf.rng.int(2, 60));
          case 'ms':
            return String(sf.rng.int(3, 2400));
          case 'pct':
            return String(sf.rng.int(81, 99));
          case 'port':
            return pick(sf, ['5432', '6379', '443', '8080', '9092', '3306']);
          case 'pid':
            return String(sf.rng.int(1000, 65000));
          case 'id':
            return sf.rng.chars(8, 'abcdef0123456789');
          case 'host':
            return host(sf);
          case 'svc':
            return serviceName(sf);
          case 'table':
            return pick(sf, V.TABLES);
          case 'Klass':
            return `${capitalize(pick(sf, V.TABLES)).replace(/s$/, '')}Handler`;
          case 'region':
            return pick(sf, V.REGIONS);
          case 'time':
            return clockTime(sf);
          case 'ver':
            return semver(sf);
          case 'word':
            return pick(sf, V.BRANCH_WORDS);
          case 'word2':
            return pick(sf, ['fix', 'update', 'cleanup', 'v2', 'retry', 'export', 'limits']);
          default:
            return key;
        }
      });
const fromTemplates =
  (list: readonly string[]): StringGen =>
  (sf) =>
    fill(sf, pick(sf, list));
const fromList =
  (list: readonly string[]): StringGen =>
  (sf) =>
    pick(sf, list);

const serviceName: StringGen = (sf) => {
  const stem = pick(sf, V.SERVICE_STEMS);
  const suffix = pick(sf, V.SERVICE_SUFFIXES);
  return suffix === stem ? `${stem}-api` : `${stem}-${suffix}`;
};
const host: StringGen = (sf) => `${pick(sf, V.HOST_STEMS)}-${pad2(sf.rng.int(1, 24))}`;
const hotelName: StringGen = fromList(V.HOTEL_NAMES);
const meetingRoom: StringGen = (sf) => (sf.rng.next() < 0.8 ? pick(sf, V.MEETING_ROOMS) : `Room ${sf.rng.int(1, 6)}.${pad2(sf.rng.int(1, 30))}`);
const fileName: StringGen = (sf) => {
  const stem = pick(sf, V.FILE_STEMS);
  const ext = pick(sf, V.FILE_EXTS);
  return sf.rng.next() < 0.2 ? `${stem}-${sf.rng.int(2023, 2026)}.${ext}` : `${stem}.${ext}`;
};
const dirName: StringGen = fromList(V.DIR_NAMES);
const dirPath: StringGen = (sf) => {
  const form = sf.rng.int(0, 5);
  if (form === 0) return `/srv/${pick(sf, V.SERVICE_STEMS)}`;
  if (form === 1) return `/var/log/${pick(sf, V.SERVICE_STEMS)}`;
  const base = `/home/${pick(sf, V.HOME_USERS)}/${pick(sf, V.DIR_NAMES)}`;
  return sf.rng.next() < 0.5 ? `${base}/${pick(sf, V.DIR_NAMES)}` : base;
};
const filePath: StringGen = (sf) => `${dirPath(sf)}/${fileName(sf)}`;
const fileText: StringGen = (sf) => {
  const n = sf.rng.int(1, 3);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(pick(sf, V.FILE_LINES));
  return lines.join('\n');
};
const mimeType: StringGen = (sf) => V.MIME_BY_EXT[pick(sf, V.FILE_EXTS)];
const taskTitle: StringGen = fromList(V.TASK_TITLES);
const meetingTitle: StringGen = (sf) => {
  const t = pick(sf, V.MEETING_TITLES);
  return t === '1:1' ? `1:1 with ${sf.faker.person.firstName()}` : t;
};
const projectName: StringGen = fromList(V.PROJECT_NAMES);
const incidentTitle: StringGen = fromTemplates(V.INCIDENT_TITLES);
const incidentText: StringGen = fromTemplates(V.INCIDENT_SENTENCES);
const logLine: StringGen = fromTemplates(V.LOG_LINES);
export const errorLine: StringGen = fromTemplates(V.ERROR_LINES);
export const infoLine: StringGen = fromTemplates(V.INFO_LINES);
const commitMessage: StringGen = fromList(V.COMMIT_MESSAGES);
const branch: StringGen = fromTemplates(V.BRANCHES);
const airlineName: StringGen = (sf) => sf.faker.airline.airline().name;
const airportName: StringGen = (sf) => sf.faker.airline.airport().name;
const airportCode: StringGen = (sf) => sf.faker.airline.airport().iataCode;
const flightNumber: StringGen = (sf) => `${sf.faker.airline.airline().iataCode} ${sf.rng.int(100, 2999)}`;
const seat: StringGen = (sf) => `${sf.rng.int(1, 38)}${pick(sf, ['A', 'B', 'C', 'D', 'E', 'F'])}`;
const recordLocator: StringGen = (sf) => sf.rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
const titleCase = (s: string): string => s.split(/\s+/).map(capitalize).join(' ');
/** A product's name; in the results of a search, a name with what was searched for. */
const productName: StringGen = (sf) => {
  const q = callFacts()?.query;
  if (q !== undefined && q.length <= 40) {
    const what = titleCase(q.replace(/s$/, q.endsWith('ss') ? 's' : ''));
    return sf.rng.next() < 0.5 ? `${pick(sf, V.BRANDS)} ${what}` : `${pick(sf, V.PRODUCT_ADJECTIVES)} ${what}`;
  }
  return sf.faker.commerce.productName();
};
const productDescription: StringGen = (sf) => sf.faker.commerce.productDescription();
const brand: StringGen = fromList(V.BRANDS);
const weatherSummary: StringGen = fromList(V.WEATHER_SENTENCES);
const message: StringGen = fromList(V.MESSAGE_SENTENCES);
const review: StringGen = fromList(V.REVIEW_SENTENCES);
/** A street address; in the results of a call about a place, in that place. */
const address: StringGen = (sf) => {
  const place = callFacts()?.place;
  const street = sf.faker.location.streetAddress();
  return place !== undefined && place.length <= 40 ? `${street}, ${place}` : street;
};
const sha: StringGen = (sf) => hex(sf, 40);
const url = (domain: Domain | undefined, subject: string | undefined): StringGen => {
  const hosts = V.URL_HOSTS[domain ?? 'general'];
  const section = subject ? `${subject.replace(/_/g, '-')}s` : undefined;
  return (sf) => `https://${pick(sf, hosts)}/${section ?? pick(sf, ['view', 'items', 'r', 'p'])}/${sf.rng.chars(8, 'abcdefghijkmnpqrstuvwxyz23456789')}`;
};
const imageUrl: StringGen = (sf) => `https://images.example.com/${sf.rng.chars(10, 'abcdefghijkmnpqrstuvwxyz23456789')}.jpg`;
const duration: StringGen = (sf) => {
  const h = sf.rng.int(0, 9);
  const m = sf.rng.int(0, 11) * 5;
  return h === 0 ? `${m || 45}m` : `${h}h ${pad2(m)}m`;
};

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

// ---------------------------------------------------------------------------------------------
// Subjects

const PERSON_WORDS = new Set([
  'user',
  'member',
  'owner',
  'assignee',
  'author',
  'person',
  'employee',
  'contact',
  'customer',
  'passenger',
  'guest',
  'attendee',
  'participant',
  'recipient',
  'sender',
  'manager',
  'reviewer',
  'candidate',
  'patient',
  'student',
  'teacher',
  'driver',
  'speaker',
  'organizer',
  'organiser',
  'traveller',
  'traveler',
  'staff',
  'agent',
  'friend',
  'approver',
  'requester',
  'reporter',
  'creator',
  'admin',
  'lead',
  'people',
  'profile',
  'holder',
  'buyer',
  'seller',
  'tenant',
  'landlord',
  'doctor',
  'instructor',
  'coach',
  'player',
  'applicant',
  'volunteer',
  'responder',
  'oncall',
  'engineer',
  'colleague',
  'invitee',
  'signer',
  'pilot',
  'who',
  'by',
  'acknowledger',
  'resolver',
  'subscriber',
  'follower',
  'collaborator',
  'worker',
  'hire',
  'physician',
  'nurse',
  'client',
  'account_holder',
  'director',
  'actor',
  'actress',
  'producer',
  'writer',
  'composer',
  'singer',
  'cast',
  'crew',
  'chef',
  'captain',
  'host',
  'presenter',
  'supervisor',
  'recruiter',
  'interviewer',
  'interviewee',
  'mentor',
  'mentee',
  'tutor',
  'student',
  'parent',
  'child',
  'spouse',
  'partner_name',
]);
const COMPANY_WORDS = new Set([
  'company',
  'organization',
  'organisation',
  'org',
  'vendor',
  'supplier',
  'merchant',
  'employer',
  'partner',
  'carrier',
  'manufacturer',
  'provider',
  'payee',
  'business',
  'firm',
  'store',
  'shop',
  'seller_company',
]);

function isPersonSubject(subject: string | undefined): boolean {
  if (!subject) return false;
  const last = subject.split('_').pop()!;
  return PERSON_WORDS.has(last) || PERSON_WORDS.has(subject);
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

/** The value a `name` (or `<subject>_name`) field has for an object about `subject`. */
function nameFor(subject: string | undefined, domain: Domain | undefined): StringGen | undefined {
  const s = subject ?? '';
  const last = s.split('_').pop() ?? '';
  if (isPersonSubject(s)) return fullName;
  if (COMPANY_WORDS.has(last)) return company;
  switch (last) {
    case 'hotel':
    case 'property':
    case 'accommodation':
    case 'lodging':
      return hotelName;
    case 'room':
      return domain === 'lodging' || domain === 'travel' ? fromList(V.ROOM_TYPES) : meetingRoom;
    case 'file':
    case 'attachment':
    case 'document':
    case 'doc':
    case 'upload':
    case 'image':
    case 'entry':
      return last === 'entry' && domain !== 'files' ? undefined : fileName;
    case 'dir':
    case 'directory':
    case 'folder':
      return dirName;
    case 'product':
    case 'item':
    case 'article':
      return last === 'product' || domain === 'commerce' ? productName : undefined;
    case 'project':
      return projectName;
    case 'team':
    case 'group':
    case 'squad':
      return fromList(V.TEAMS);
    case 'department':
    case 'dept':
      return fromList(V.DEPARTMENTS);
    case 'city':
    case 'place':
    case 'town':
    case 'destination':
    case 'origin':
      return city;
    case 'country':
      return country;
    case 'airline':
      return airlineName;
    case 'airport':
      return airportName;
    case 'restaurant':
    case 'cafe':
      return fromList(V.RESTAURANTS);
    case 'venue':
      return fromList(V.VENUES);
    case 'event':
    case 'meeting':
    case 'appointment':
      return meetingTitle;
    case 'service':
    case 'app':
    case 'application':
    case 'microservice':
      return serviceName;
    case 'repo':
    case 'repository':
      return (sf) => `${pick(sf, V.SERVICE_STEMS)}-${pick(sf, ['api', 'web', 'infra', 'docs', 'sdk'])}`;
    case 'branch':
      return branch;
    case 'channel':
      return (sf) => `#${pick(sf, ['general', 'engineering', 'random', 'incidents', 'marketing', 'announcements', 'design'])}`;
    case 'host':
    case 'server':
    case 'node':
    case 'machine':
    case 'instance':
      return host;
    case 'cluster':
      return (sf) => `${pick(sf, ['prod', 'staging'])}-${pick(sf, ['eu', 'us', 'ap'])}-${sf.rng.int(1, 3)}`;
    case 'database':
    case 'db':
    case 'table':
    case 'collection':
      return fromList(V.TABLES);
    case 'queue':
    case 'topic':
    case 'bucket':
    case 'stream':
      return (sf) => `${pick(sf, V.SERVICE_STEMS)}-${pick(sf, ['events', 'jobs', 'uploads', 'exports'])}`;
    case 'metric':
      return fromList(V.METRICS);
    case 'job':
    case 'pipeline':
    case 'workflow':
    case 'cron':
      return fromList(V.JOBS);
    case 'task':
    case 'todo':
    case 'reminder':
      return taskTitle;
    case 'ticket':
    case 'incident':
    case 'issue':
    case 'alert':
    case 'bug':
      return incidentTitle;
    case 'book':
      return (sf) => sf.faker.book.title();
    case 'song':
    case 'track':
      return (sf) => sf.faker.music.songName();
    case 'album':
      return (sf) => sf.faker.music.album();
    case 'artist':
    case 'band':
      return (sf) => sf.faker.music.artist();
    case 'dish':
    case 'recipe':
    case 'meal':
      return (sf) => sf.faker.food.dish();
    case 'ingredient':
      return (sf) => sf.faker.food.ingredient();
    case 'playlist':
      return (sf) =>
        `${pick(sf, ['Morning', 'Focus', 'Road Trip', 'Workout', 'Chill', 'Friday'])} ${pick(sf, ['Mix', 'Vibes', 'Classics', 'Hits', 'Favourites'])}`;
    case 'movie':
    case 'film':
    case 'show':
    case 'series':
    case 'episode':
      return (sf) => sf.faker.book.title();
    case 'pet':
    case 'animal':
      return (sf) => sf.faker.animal.petName();
    case 'vehicle':
    case 'car':
      return (sf) => sf.faker.vehicle.vehicle();
    case 'plan':
    case 'tier':
    case 'subscription':
      return fromList(V.PLANS);
    case 'skill':
      return fromList(V.SKILLS);
    case 'brand':
      return brand;
    case 'category':
    case 'tag':
    case 'label':
      return domain === 'commerce' ? (sf) => sf.faker.commerce.department() : fromList(V.DOMAIN_FALLBACK[domain ?? 'general']);
    case 'account':
      return domain === 'finance' ? (sf) => sf.faker.finance.accountName() : fullName;
    case 'bank':
      return (sf) => `${pick(sf, ['Nordic', 'First', 'City', 'Union', 'Harbor'])} ${pick(sf, ['Bank', 'Savings Bank', 'Credit Union'])}`;
    case 'course':
      return (sf) =>
        `${pick(sf, ['Introduction to', 'Advanced', 'Practical'])} ${pick(sf, ['Statistics', 'Marketing', 'Python', 'Design', 'Accounting', 'Spanish'])}`;
    case 'airplane':
    case 'aircraft':
      return (sf) => sf.faker.airline.airplane().name;
    case 'flight':
      return flightNumber;
    case 'environment':
    case 'env':
      return fromList(V.ENVIRONMENTS);
    case 'region':
      return domain === 'devops' ? fromList(V.REGIONS) : (sf) => sf.faker.location.state();
    case 'language':
      return fromList(V.LANGUAGES);
    case 'device':
      return fromList(V.DEVICES);
    case 'file_type':
      return fromList(V.FILE_EXTS);
    default:
      return undefined;
  }
}

/** A subject that stands for a person by default in a domain without better knowledge. */
function defaultName(domain: Domain | undefined): StringGen {
  switch (domain) {
    case 'devops':
      return serviceName;
    case 'files':
      return fileName;
    case 'lodging':
      return hotelName;
    case 'commerce':
      return productName;
    case 'tasks':
      return taskTitle;
    case 'office':
      return meetingTitle;
    default:
      return fullName;
  }
}

/** The value a `title` field has for an object about `subject`. */
function titleFor(subject: string | undefined, domain: Domain | undefined): StringGen {
  const last = (subject ?? '').split('_').pop() ?? '';
  switch (last) {
    case 'task':
    case 'todo':
    case 'reminder':
      return taskTitle;
    case 'event':
    case 'meeting':
    case 'appointment':
    case 'booking':
      return meetingTitle;
    case 'ticket':
    case 'incident':
    case 'issue':
    case 'alert':
    case 'bug':
      return incidentTitle;
    case 'book':
    case 'movie':
    case 'film':
    case 'show':
    case 'series':
    case 'episode':
      return (sf) => sf.faker.book.title();
    case 'song':
    case 'track':
      return (sf) => sf.faker.music.songName();
    case 'project':
      return projectName;
    case 'product':
    case 'item':
      return productName;
    case 'job':
    case 'position':
    case 'role':
    case 'employee':
    case 'member':
    case 'user':
      return (sf) => sf.faker.person.jobTitle();
    default:
      break;
  }
  switch (domain) {
    case 'devops':
      return incidentTitle;
    case 'office':
      return meetingTitle;
    case 'commerce':
      return productName;
    case 'tasks':
      return taskTitle;
    case 'messaging':
      return (sf) =>
        pick(sf, [
          'Your trip',
          'Meeting notes',
          'Invoice for January',
          'Quick question',
          'Weekly update',
          'Your booking is confirmed',
          'Welcome aboard',
          'Reminder: report due Friday',
        ]);
    case 'travel':
    case 'lodging':
      return (sf) => pick(sf, ['Weekend in the city', 'Business trip', 'Summer holiday', 'Conference travel', 'Family visit']);
    case 'files':
      return fileName;
    default:
      return (sf) => pick(sf, [...V.TASK_TITLES, ...V.MEETING_TITLES, ...V.PROJECT_NAMES]);
  }
}

/** Longer text (`description`, `message`, `notes`, …) for an object about `subject`. */
function textFor(field: string, subject: string | undefined, domain: Domain | undefined): StringGen {
  const last = (subject ?? '').split('_').pop() ?? '';
  if (field === 'commit_message' || last === 'commit') return commitMessage;
  if (/(^|_)(error|exception|failure|stack|stderr)($|_)/.test(field)) return errorLine;
  switch (last) {
    case 'log':
    case 'entry':
    case 'line':
    case 'record':
      if (domain === 'devops' || last === 'log') return logLine;
      break;
    case 'product':
    case 'item':
      return productDescription;
    case 'hotel':
    case 'property':
      return fromList(V.HOTEL_SENTENCES);
    case 'review':
    case 'rating':
    case 'feedback':
      return review;
    case 'ticket':
    case 'incident':
    case 'issue':
    case 'alert':
      return incidentText;
    case 'file':
    case 'document':
      return fileText;
    case 'message':
    case 'email':
    case 'notification':
    case 'comment':
    case 'reply':
    case 'chat':
      return message;
    case 'task':
    case 'todo':
      return fromList(V.TASK_SENTENCES);
    case 'weather':
    case 'forecast':
    case 'day':
      return weatherSummary;
    default:
      break;
  }
  if (field === 'reason') return fromList(V.REASONS);
  switch (domain) {
    case 'devops':
      return field === 'message' || field === 'text' ? logLine : incidentText;
    case 'files':
      return fileText;
    case 'weather':
      return weatherSummary;
    case 'messaging':
      return message;
    case 'commerce':
      return productDescription;
    case 'lodging':
      return fromList(V.HOTEL_SENTENCES);
    case 'tasks':
      return fromList(V.TASK_SENTENCES);
    default:
      return fromList(V.GENERAL_SENTENCES);
  }
}

function statusFor(subject: string | undefined, domain: Domain | undefined): StringGen {
  const last = (subject ?? '').split('_').pop() ?? '';
  const list = STATUS_BY_SUBJECT[last] ?? STATUS_BY_DOMAIN[domain ?? 'general'];
  return fromList(list);
}

// ---------------------------------------------------------------------------------------------
// String hints

const TEXT_WORDS = new Set([
  'description',
  'summary',
  'notes',
  'note',
  'comment',
  'comments',
  'message',
  'body',
  'text',
  'content',
  'reason',
  'details',
  'detail',
  'explanation',
  'remarks',
  'memo',
  'caption',
  'excerpt',
  'snippet',
  'output',
  'log',
  'error',
  'exception',
  'stderr',
  'stdout',
  'feedback',
  'review',
  'answer',
  'bio',
  'about',
  'overview',
  'forecast',
  'instructions',
]);

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

function exactName(snake: string, subject: string | undefined, domain: Domain | undefined): StringGen | undefined {
  switch (snake) {
    case 'name':
      return nameFor(subject, domain) ?? defaultName(domain);
    case 'full_name':
    case 'fullname':
      if (subject === 'repo' || subject === 'repository' || domain === 'devops')
        return (sf) => `${pick(sf, ['acme', 'northwind', 'globex', 'initech'])}/${pick(sf, V.SERVICE_STEMS)}-${pick(sf, ['api', 'web', 'sdk', 'infra'])}`;
      return fullName;
    case 'display_name':
    case 'author':
    case 'owner':
    case 'assignee':
    case 'organizer':
    case 'organiser':
    case 'passenger':
    case 'guest':
    case 'traveller':
    case 'traveler':
    case 'customer':
    case 'contact':
    case 'reporter':
    case 'who':
      return fullName;
    case 'first_name':
    case 'given_name':
    case 'firstname':
      return firstName;
    case 'last_name':
    case 'surname':
    case 'family_name':
    case 'lastname':
      return lastName;
    case 'username':
    case 'user_name':
    case 'login':
    case 'handle':
    case 'screen_name':
    case 'nickname':
      return username;
    case 'initials':
      return (sf) => `${sf.faker.person.firstName().charAt(0)}${sf.faker.person.lastName().charAt(0)}`;
    case 'title':
      return titleFor(subject, domain);
    case 'subject':
      return titleFor(subject ?? 'email', domain === 'general' ? 'messaging' : domain);
    case 'job_title':
    case 'position':
    case 'occupation':
    case 'job':
      return (sf) => sf.faker.person.jobTitle();
    case 'role':
      return domain === 'people' || subject === 'employee' ? (sf) => sf.faker.person.jobTitle() : fromList(V.ROLES);
    case 'company':
    case 'company_name':
    case 'organization':
    case 'organisation':
    case 'employer':
    case 'vendor':
    case 'supplier':
    case 'merchant':
      return company;
    case 'brand':
    case 'manufacturer':
    case 'make':
      return brand;
    case 'state':
    case 'province':
      return subject === 'address' || domain === 'general' || domain === 'people' ? (sf) => sf.faker.location.state() : statusFor(subject, domain);
    case 'zip':
    case 'zip_code':
    case 'zipcode':
    case 'postal_code':
    case 'postcode':
      return (sf) => sf.faker.location.zipCode();
    case 'timezone':
    case 'time_zone':
    case 'tz':
      return (sf) => sf.faker.location.timeZone();
    case 'location':
    case 'where':
      return domain === 'office' || subject === 'event' || subject === 'meeting' ? meetingRoom : domain === 'devops' ? fromList(V.REGIONS) : city;
    case 'origin':
    case 'destination':
    case 'from':
    case 'to':
    case 'departure_city':
    case 'arrival_city':
    case 'from_city':
    case 'to_city':
      return domain === 'messaging' && (snake === 'to' || snake === 'from') ? email : city;
    case 'recipient':
    case 'sender':
    case 'cc':
    case 'bcc':
    case 'reply_to':
      return email;
    case 'venue':
      return fromList(V.VENUES);
    case 'district':
    case 'neighborhood':
    case 'neighbourhood':
    case 'area':
    case 'quarter':
      return fromList(V.DISTRICTS);
    case 'region':
      return domain === 'devops' ? fromList(V.REGIONS) : (sf) => sf.faker.location.state();
    case 'zone':
    case 'availability_zone':
      return (sf) => `${pick(sf, V.REGIONS)}${pick(sf, ['a', 'b', 'c'])}`;
    case 'url':
    case 'link':
    case 'website':
    case 'homepage':
    case 'href':
      return url(domain, subject);
    case 'priority':
      return fromList(['low', 'medium', 'high']);
    case 'severity':
      return fromList(['low', 'medium', 'high', 'critical']);
    case 'color':
    case 'colour':
      return (sf) => sf.faker.color.human();
    case 'product':
    case 'product_name':
      return productName;
    case 'department':
      return fromList(V.DEPARTMENTS);
    case 'team':
    case 'team_name':
      return fromList(V.TEAMS);
    case 'ip':
    case 'ip_address':
      return (sf) => sf.faker.internet.ipv4();
    case 'mac':
    case 'mac_address':
      return (sf) => sf.faker.internet.mac();
    case 'user_agent':
      return (sf) => sf.faker.internet.userAgent();
    case 'uuid':
    case 'guid':
      return (sf) => sf.faker.string.uuid();
    case 'slug':
      return (sf) => `${pick(sf, V.BRANCH_WORDS)}-${pick(sf, V.DOMAIN_FALLBACK[domain ?? 'general']).replace(/\s+/g, '-')}`;
    case 'tag':
    case 'tags':
    case 'label':
    case 'keyword':
    case 'topic':
      return fromList(domain === 'commerce' ? V.PRODUCT_ADJECTIVES.map((a) => a.toLowerCase()) : V.DOMAIN_FALLBACK[domain ?? 'general']);
    case 'amenity':
    case 'amenities':
    case 'facility':
    case 'feature':
      return domain === 'lodging' || domain === 'travel' || subject === 'hotel' ? fromList(V.AMENITIES) : fromList(V.DOMAIN_FALLBACK[domain ?? 'general']);
    case 'password':
    case 'secret':
      return (sf) => sf.faker.internet.password();
    case 'token':
    case 'api_key':
    case 'access_token':
    case 'refresh_token':
    case 'key':
      return (sf) => `${snake === 'api_key' || snake === 'key' ? 'key' : 'tok'}_${sf.rng.chars(24)}`;
    case 'sku':
      return (sf) => `${sf.rng.chars(3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-${sf.rng.chars(4, '0123456789')}`;
    case 'code':
      return (sf) => sf.rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
    case 'birthday':
    case 'birth_date':
    case 'birthdate':
    case 'dob':
      return pastDate;
    case 'date':
    case 'day':
      return nearDate;
    case 'time':
      return clockTime;
    case 'timestamp':
    case 'ts':
      return pastDateTime;
    case 'datetime':
    case 'when':
      return nearDateTime;
    case 'weekday':
    case 'day_of_week':
      return (sf) => sf.faker.date.weekday();
    case 'month':
      return (sf) => sf.faker.date.month();
    case 'duration':
    case 'length':
    case 'travel_time':
      return duration;
    case 'seat':
    case 'seat_number':
      return seat;
    case 'gate':
      return (sf) => `${pick(sf, ['A', 'B', 'C', 'D', 'E', 'F'])}${sf.rng.int(1, 40)}`;
    case 'terminal':
      return fromList(['1', '2', '3', '4', '5']);
    case 'cabin':
    case 'cabin_class':
    case 'class':
    case 'fare_class':
    case 'travel_class':
      return domain === 'travel' || snake !== 'class' ? fromList(V.CABINS) : undefined;
    case 'flight':
    case 'flight_number':
    case 'flight_no':
      return flightNumber;
    case 'aircraft':
    case 'airplane':
    case 'plane':
      return (sf) => sf.faker.airline.airplane().name;
    case 'room_type':
    case 'room':
      return domain === 'office' ? meetingRoom : fromList(V.ROOM_TYPES);
    case 'board':
    case 'meal_plan':
      return fromList(['room only', 'breakfast included', 'half board']);
    case 'condition':
    case 'conditions':
    case 'weather':
    case 'sky':
      return fromList(V.WEATHER_CONDITIONS);
    case 'environment':
    case 'env':
    case 'stage':
      return domain === 'devops' ? fromList(V.ENVIRONMENTS) : fromList(V.CRM_STAGES);
    case 'service':
    case 'service_name':
    case 'app':
    case 'application':
    case 'component':
      return serviceName;
    case 'image':
      return domain === 'devops' ? (sf) => `registry.example.com/${pick(sf, V.SERVICE_STEMS)}:${semver(sf)}` : imageUrl;
    case 'container':
    case 'pod':
      return (sf) => `${serviceName(sf)}-${sf.rng.chars(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
    case 'cluster':
    case 'namespace':
      return nameFor(snake === 'namespace' ? 'queue' : 'cluster', domain);
    case 'branch':
    case 'git_branch':
      return branch;
    case 'repo':
    case 'repository':
      return nameFor('repo', domain);
    case 'endpoint':
    case 'route':
      return (sf) => `/api/v1/${pick(sf, V.TABLES)}${sf.rng.next() < 0.5 ? '/{id}' : ''}`;
    case 'method':
    case 'http_method':
      return domain === 'finance' || domain === 'commerce' ? fromList(V.PAYMENT_METHODS) : fromList(['GET', 'POST', 'PUT', 'DELETE']);
    case 'payment_method':
      return fromList(V.PAYMENT_METHODS);
    case 'card_brand':
    case 'card_type':
      return fromList(V.CARD_BRANDS);
    case 'last4':
    case 'card_last4':
    case 'last_four':
      return (sf) => sf.rng.chars(4, '0123456789');
    case 'iban':
      return (sf) => sf.faker.finance.iban();
    case 'account_number':
      return (sf) => sf.faker.finance.accountNumber();
    case 'mime':
    case 'mime_type':
    case 'content_type':
    case 'media_type':
      return mimeType;
    case 'extension':
    case 'ext':
    case 'file_type':
      return fromList(V.FILE_EXTS);
    case 'encoding':
    case 'charset':
      return fromList(['utf-8', 'utf-8', 'utf-8', 'ascii']);
    case 'language':
    case 'lang':
      return domain === 'devops' || subject === 'repo' || subject === 'repository' || subject === 'project'
        ? fromList(V.PROGRAMMING_LANGUAGES)
        : fromList(V.LANGUAGES);
    case 'detected_language':
    case 'source_language':
    case 'target_language':
      return fromList(V.LANGUAGES);
    case 'locale':
      return fromList(V.LOCALES);
    case 'channel':
      return fromList(V.CHANNELS);
    case 'device':
      return fromList(V.DEVICES);
    case 'os':
    case 'platform':
      return fromList(['macOS 14', 'Windows 11', 'Ubuntu 22.04', 'iOS 17', 'Android 14']);
    case 'browser':
      return fromList(['Chrome 131', 'Firefox 133', 'Safari 17', 'Edge 131']);
    case 'command':
    case 'cmd':
      return fromList(V.COMMANDS);
    case 'shell':
      return fromList(['/bin/bash', '/bin/zsh', '/bin/sh']);
    case 'cron':
    case 'schedule':
      return snake === 'cron' ? (sf) => sf.faker.system.cron() : undefined;
    case 'metric':
      return fromList(V.METRICS);
    case 'unit':
      if (subject === 'ingredient' || subject === 'recipe') return fromList(V.INGREDIENT_UNITS);
      return domain === 'weather' ? fromList(['°C', 'mm', 'km/h']) : fromList(['ms', '%', 'MB', 'req/s']);
    case 'industry':
    case 'sector':
      return fromList(V.INDUSTRIES);
    case 'skill':
    case 'skills':
      return fromList(V.SKILLS);
    case 'plan':
    case 'tier':
    case 'subscription':
      return fromList(V.PLANS);
    case 'genre':
      if (subject === 'book') return (sf) => sf.faker.book.genre();
      if (subject !== undefined && ['movie', 'film', 'show', 'series', 'episode'].includes(subject))
        return fromList(['drama', 'comedy', 'thriller', 'documentary', 'science fiction', 'animation', 'romance', 'crime']);
      return (sf) => sf.faker.music.genre();
    case 'artist':
      return (sf) => sf.faker.music.artist();
    case 'cuisine':
      return (sf) => sf.faker.food.ethnicCategory();
    case 'dish':
      return (sf) => sf.faker.food.dish();
    case 'isbn':
      return (sf) => sf.faker.commerce.isbn();
    case 'currency_code':
    case 'from_currency':
    case 'to_currency':
    case 'base_currency':
    case 'quote_currency':
      return currency;
    case 'base':
    case 'quote':
      return domain === 'finance' ? currency : undefined;
    case 'country_code':
      return (sf) => sf.faker.location.countryCode();
    case 'file_name':
    case 'filename':
    case 'file':
      return fileName;
    case 'dir_name':
    case 'folder_name':
    case 'directory_name':
      return dirName;
    case 'working_directory':
    case 'current_directory':
    case 'pwd':
      return dirPath;
    case 'emoji':
      return (sf) => sf.faker.internet.emoji();
    case 'top_error':
    case 'last_error':
    case 'error':
    case 'exception':
    case 'error_message':
    case 'failure_reason':
      return errorLine;
    case 'commit_message':
      return commitMessage;
    case 'symbol':
    case 'ticker':
    case 'stock_symbol':
      return fromList(V.TICKERS);
    case 'exchange':
    case 'market':
      return domain === 'finance' || subject === 'stock' || subject === 'quote'
        ? fromList(V.EXCHANGES)
        : domain === 'commerce'
          ? fromList(['EU', 'US', 'UK', 'Nordics'])
          : fromList(V.EXCHANGES);
    case 'license':
    case 'licence':
      return fromList(V.LICENSES);
    case 'source':
    case 'lead_source':
    case 'origin_channel':
    case 'referrer':
      return domain === 'devops' ? host : fromList(V.LEAD_SOURCES);
    case 'lifecycle_stage':
    case 'deal_stage':
    case 'pipeline_stage':
    case 'phase':
      return fromList(V.CRM_STAGES);
    case 'plot':
    case 'synopsis':
    case 'storyline':
    case 'logline':
      return fromList(V.PLOTS);
    case 'instruction':
    case 'instructions':
    case 'step':
    case 'steps':
    case 'direction':
    case 'directions':
      return subject === 'recipe' || subject === 'dish' || (domain === 'general' && subject === undefined)
        ? fromList(V.RECIPE_STEPS)
        : fromList(V.INSTRUCTIONS);
    case 'ingredient':
      return (sf) => sf.faker.food.ingredient();
    case 'gender':
    case 'sex':
      return fromList(V.GENDERS);
    case 'delivery_window':
    case 'shipping_method':
    case 'delivery_method':
      return fromList(V.DELIVERY_WINDOWS);
    case 'carrier':
    case 'courier':
    case 'shipping_carrier':
      return domain === 'travel' ? airlineName : fromList(['DHL', 'UPS', 'FedEx', 'DPD', 'GLS', 'PostNord', 'Royal Mail']);
    case 'query':
    case 'q':
    case 'search':
    case 'search_term':
      return fromList(['headphones', 'running shoes', 'standing desk', 'coffee grinder', 'winter jacket', 'phone case']);
    default:
      break;
  }
  if (TEXT_WORDS.has(snake)) return textFor(snake, subject, domain);
  return undefined;
}

function codeFor(stem: string, domain: Domain | undefined): StringGen {
  switch (stem) {
    case 'currency':
      return currency;
    case 'country':
      return (sf) => sf.faker.location.countryCode();
    case 'airport':
    case 'iata':
    case 'origin':
    case 'destination':
    case 'departure':
    case 'arrival':
    case 'from':
    case 'to':
      return airportCode;
    case 'airline':
    case 'carrier':
      return (sf) => sf.faker.airline.airline().iataCode;
    case 'language':
    case 'lang':
      return fromList(['en', 'de', 'fr', 'es', 'sv', 'it', 'nl']);
    case 'zip':
    case 'postal':
    case 'post':
      return (sf) => sf.faker.location.zipCode();
    case 'status':
    case 'http':
    case 'response':
      return fromList(['200', '200', '201', '204']);
    case 'error':
    case 'exit':
      return fromList(['ECONNREFUSED', 'ETIMEDOUT', 'E_RATE_LIMIT', 'DB_POOL_EXHAUSTED', 'CARD_DECLINED']);
    case 'promo':
    case 'discount':
    case 'coupon':
    case 'voucher':
      return (sf) => `${pick(sf, ['SPRING', 'WELCOME', 'SAVE', 'VIP', 'WINTER'])}${sf.rng.int(1, 5) * 5}`;
    case 'booking':
    case 'confirmation':
    case 'reservation':
      return recordLocator;
    case 'color':
      return (sf) => `#${hex(sf, 6)}`;
    default:
      return domain === 'travel' ? recordLocator : (sf) => sf.rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
  }
}

function numberLike(stem: string, domain: Domain | undefined): StringGen {
  if (stem === 'flight' || (domain === 'travel' && !stem)) return flightNumber;
  if (stem === 'seat') return seat;
  if (stem === 'phone' || stem === 'mobile') return phone;
  if (stem === 'account') return (sf) => sf.faker.finance.accountNumber();
  if (stem === 'tracking') return (sf) => `1Z${sf.rng.chars(16, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
  if (stem === 'invoice' || stem === 'order') return (sf) => `${stem === 'invoice' ? 'INV' : 'ORD'}-${sf.rng.int(2025, 2026)}-${sf.rng.chars(5, '0123456789')}`;
  if (stem === 'room') return (sf) => `${sf.rng.int(1, 9)}${pad2(sf.rng.int(1, 40))}`;
  if (stem === 'confirmation' || stem === 'booking' || stem === 'reference') return recordLocator;
  return (sf) => sf.rng.chars(8, '0123456789');
}

function pathFor(snake: string, subject: string | undefined, domain: Domain | undefined): StringGen {
  if (snake === 'dir' || snake === 'folder' || snake === 'directory') return dirName;
  if (snake === 'cwd' || snake.endsWith('_dir') || snake.endsWith('_directory') || snake.endsWith('_folder')) return dirPath;
  const last = (subject ?? '').split('_').pop() ?? '';
  if (['dir', 'directory', 'folder'].includes(last)) return dirPath;
  if (domain === 'devops' && !['file', 'document', 'attachment'].includes(last)) return (sf) => `/api/v1/${pick(sf, V.TABLES)}`;
  return filePath;
}

function typeFor(subject: string | undefined, domain: Domain | undefined): StringGen {
  const last = (subject ?? '').split('_').pop() ?? '';
  switch (last) {
    case 'file':
    case 'entry':
      return domain === 'files' || last === 'file' ? fromList(['file', 'file', 'file', 'directory']) : fromList(V.DOMAIN_FALLBACK[domain ?? 'general']);
    case 'room':
      return domain === 'office' ? fromList(['meeting room', 'focus room', 'boardroom']) : fromList(V.ROOM_TYPES);
    case 'event':
    case 'meeting':
      return fromList(['meeting', 'call', 'workshop', 'interview']);
    case 'account':
      return fromList(['checking', 'savings', 'credit']);
    case 'transaction':
      return fromList(['payment', 'transfer', 'refund', 'deposit']);
    case 'vehicle':
      return (sf) => sf.faker.vehicle.type();
    case 'alert':
    case 'incident':
      return fromList(['error rate', 'latency', 'availability', 'saturation']);
    case 'notification':
    case 'message':
      return fromList(V.CHANNELS);
    default:
      break;
  }
  switch (domain) {
    case 'commerce':
      return (sf) => sf.faker.commerce.department();
    case 'files':
      return fromList(['file', 'directory']);
    case 'devops':
      return fromList(['deployment', 'rollback', 'config change', 'scale-up']);
    case 'lodging':
      return fromList(V.ROOM_TYPES);
    case 'travel':
      return fromList(['one-way', 'return']);
    case 'tasks':
      return fromList(['task', 'bug', 'chore', 'milestone']);
    default:
      return fromList(V.DOMAIN_FALLBACK[domain ?? 'general']);
  }
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
const GENERIC_HOLDERS = new Set([
  'data',
  'result',
  'results',
  'items',
  'item',
  'response',
  'payload',
  'records',
  'record',
  'rows',
  'row',
  'values',
  'value',
  'list',
  'output',
  'body',
  'details',
  'info',
  'meta',
  'metadata',
  'attributes',
  'properties',
  'fields',
  'content',
  'object',
  'objects',
  'entries_list',
  'hits',
  'matches',
  'nodes',
  'edges',
]);

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
const TOOL_FILLERS = new Set([
  'by',
  'for',
  'all',
  'new',
  'my',
  'info',
  'information',
  'details',
  'detail',
  'data',
  'status',
  'list',
  'summary',
  'overview',
  'stats',
  'current',
  'latest',
  'recent',
  'one',
  'item',
  'items',
  'record',
  'records',
  'result',
  'results',
  'v2',
  'api',
]);

const TOOL_VERBS = new Set([
  'get',
  'list',
  'search',
  'find',
  'fetch',
  'read',
  'create',
  'add',
  'update',
  'delete',
  'remove',
  'book',
  'send',
  'post',
  'set',
  'check',
  'lookup',
  'look',
  'up',
  'query',
  'open',
  'close',
  'cancel',
  'acknowledge',
  'ack',
  'assign',
  'deploy',
  'run',
  'start',
  'stop',
  'show',
  'view',
  'make',
  'schedule',
  'reserve',
  'submit',
  'upload',
  'download',
  'move',
  'rename',
  'copy',
  'edit',
  'invite',
]);

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
