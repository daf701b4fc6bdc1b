import { describe, expect, it } from 'vitest';
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { latinWords } from '../quality/latin.ts';
import { validatorFor } from './ajv.testutil.ts';
import { createSeededFaker } from './faker.ts';
import { callFaker } from './fakerPath.ts';
import { resultSimulator, simulateValue } from './fromSchema.ts';
import type { ToolContext } from './fromSchema.ts';
import { isMultiple } from './numbers.ts';
import { withSimulationProbe } from './probe.ts';

type Obj = { [key: string]: JsonValue };
const sf = createSeededFaker(1);
const str: JsonSchema = { type: 'string' };
const obj = (properties: { [k: string]: JsonSchema }, extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...extra,
});
const list = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', items, minItems: 2, maxItems: 5, ...extra });

/** `n` results of a schema (seeds 0…n-1), as a tool with these arguments would get them. */
function results(schema: JsonSchema, n = 60, args: Obj = {}, tool?: ToolContext): JsonValue[] {
  const sim = resultSimulator(schema, tool);
  const out: JsonValue[] = [];
  for (let seed = 0; seed < n; seed++) {
    sf.reseed(seed);
    out.push(sim(args, sf));
  }
  return out;
}

function strings(value: JsonValue, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, into);
  return into;
}

const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;

describe('values that fit their field (no hints)', () => {
  it('places travel fields: airlines, seats, flight numbers with the airline code, airports, hotels, room types', () => {
    const schema = obj({
      flights: list(obj({ flight_id: str, airline: str, flight_number: str, departure_airport: str, cabin: str })),
      booking: obj({ seat: str, booking_reference: str }),
      hotels: list(obj({ hotel_id: str, name: str, district: str, rooms: list(obj({ name: str })) })),
    });
    for (const r of results(schema, 40, {}, { name: 'plan_trip' }) as Obj[]) {
      for (const f of r.flights as Obj[]) {
        expect(f.airline).toMatch(/^[A-Z][\w'&.-]*( [\w'&.-]+)*$/);
        expect(f.flight_number).toMatch(/^[A-Z0-9]{2} \d{3,4}$/);
        expect(f.departure_airport).toMatch(/Airport|International|Aeropuerto|Aéroport/i);
        expect(['economy', 'premium economy', 'business', 'first']).toContain(f.cabin);
      }
      expect((r.booking as Obj).seat).toMatch(/^\d{1,2}[A-F]$/);
      expect((r.booking as Obj).booking_reference).toMatch(/^[A-Z0-9]{6}$/);
      for (const h of r.hotels as Obj[]) {
        expect(h.name).toMatch(/Hotel|Inn|House|Suites|Lodge|The /);
        for (const room of h.rooms as Obj[]) expect(room.name).toMatch(/room|suite|Studio|double/i);
      }
    }
  });

  it('places operations fields: semantic versions, commit hashes, log lines by level, hosts, paths', () => {
    const schema = obj({
      deployment_id: str,
      version: str,
      commit_sha: str,
      entries: list(obj({ level: { type: 'string', enum: ['info', 'error'] }, message: str, host: str })),
      top_error: str,
      cwd: str,
    });
    for (const r of results(schema, 40, {}, { name: 'deploy_service' }) as Obj[]) {
      expect(r.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(r.commit_sha).toMatch(/^[0-9a-f]{40}$/);
      expect(r.cwd).toMatch(/^\/[\w.-]+(\/[\w.-]+)+$/);
      expect(r.top_error).not.toMatch(/^(config reloaded|health check passed)$/);
      for (const e of r.entries as Obj[]) {
        expect(e.host).toMatch(/^[a-z]+-\d\d$/);
        if (e.level === 'info') expect(e.message).not.toMatch(/refused|timed out|OOMKilled|failed|declined|exceeded|deadlock/);
      }
    }
  });

  it("an e-mail beside a person's name is made of that name, on an example domain", () => {
    const schema = obj({ members: list(obj({ name: str, email: str, username: str })) });
    for (const r of results(schema) as Obj[]) {
      for (const m of r.members as Obj[]) {
        const [first, last] = (m.name as string)
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .split(/\s+/);
        const local = (m.email as string).split('@')[0];
        expect(local).toBe(`${first.replace(/[^a-z0-9]/g, '')}.${last.replace(/[^a-z0-9]/g, '')}`);
        expect(m.email).toMatch(/@example\.(com|org|net)$/);
        expect((m.username as string).length).toBeGreaterThan(2);
      }
    }
  });

  it('a name is what its object is about: people in members, files in files, rooms in an office', () => {
    const schema = obj({
      members: list(obj({ name: str })),
      files: list(obj({ name: str, path: str, mime_type: str })),
      rooms: list(obj({ name: str, capacity: { type: 'integer' } })),
    });
    for (const r of results(schema, 30, {}, { name: 'list_meeting_rooms' }) as Obj[]) {
      for (const m of r.members as Obj[]) expect(m.name).toMatch(/^\S+ \S+/);
      for (const f of r.files as Obj[]) {
        expect(f.name).toMatch(/\.[a-z]{2,4}$/);
        expect((f.path as string).endsWith(`/${f.name as string}`)).toBe(true);
        expect(f.mime_type).toMatch(/^[a-z]+\/[\w.+-]+$/);
      }
      for (const room of r.rooms as Obj[]) expect(room.name).not.toMatch(/^\S+ \S+ \S+/);
    }
  });

  it('a string nothing places gets words of its domain (reported to a probe as a fallback), never Latin', () => {
    const seen: string[] = [];
    const sim = resultSimulator(obj({ flights: list(obj({ frobnicator: str })) }), { name: 'search_flights' });
    withSimulationProbe({ fallback: (_f, v) => seen.push(v), begin() {}, end() {} }, () => {
      for (let seed = 0; seed < 30; seed++) {
        sf.reseed(seed);
        sim({}, sf);
      }
    });
    expect(seen.length).toBeGreaterThan(30);
    for (const v of seen) {
      expect(latinWords(v)).toEqual([]);
      expect(v).toMatch(/^[a-z -]+$/);
    }
  });

  it('no Latin anywhere in results of a schema of everyday field names', () => {
    const names = [
      'title',
      'description',
      'notes',
      'summary',
      'message',
      'comment',
      'tag',
      'slug',
      'url',
      'website',
      'subject',
      'body',
      'category',
      'label',
      'reason',
      'content',
      'text',
      'keyword',
      'status',
      'type',
    ];
    const schema = obj(Object.fromEntries(names.map((n) => [n, str])));
    for (const r of results(schema, 80)) for (const s of strings(r)) expect(latinWords(s)).toEqual([]);
  });

  it('uses the field description when the name says nothing', () => {
    const schema = obj({
      x1: { type: 'string', description: 'The IATA code of the departure airport' },
      x2: { type: 'string', description: 'Semantic version of the release' },
    });
    for (const r of results(schema, 20) as Obj[]) {
      expect(r.x1).toMatch(/^[A-Z]{3}$/);
      expect(r.x2).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('numbers within their bounds', () => {
  it('spread over the whole declared range when no name narrows it', () => {
    const values = results({ type: 'number', minimum: 60, maximum: 13500 }, 400).map((v) => v as number);
    expect(Math.min(...values)).toBeLessThan(60 + 0.1 * 13440);
    expect(Math.max(...values)).toBeGreaterThan(13500 - 0.1 * 13440);
    const temps = [];
    for (let seed = 0; seed < 300; seed++) {
      sf.reseed(seed);
      temps.push(simulateValue({ type: 'integer', minimum: -15, maximum: 20 }, sf, 'temperature') as number);
    }
    expect(Math.min(...temps)).toBeLessThan(-10);
    expect(Math.max(...temps)).toBeGreaterThan(15);
  });

  it('multipleOf exact: no float noise, no more decimals than multipleOf has, and valid by ajv', () => {
    for (const m of [0.01, 0.1, 0.05, 0.0001, 0.25]) {
      const schema: JsonSchema = { type: 'number', minimum: 0, maximum: 500, multipleOf: m };
      const validate = validatorFor(schema);
      for (const v of results(schema, 300) as number[]) {
        expect(validate(v)).toBe(true);
        expect(isMultiple(v, m)).toBe(true);
        expect(decimals(v)).toBeLessThanOrEqual(decimals(m));
      }
    }
  });

  it('names give a realistic range when the schema gives no bounds', () => {
    for (let seed = 0; seed < 100; seed++) {
      sf.reseed(seed);
      const v = simulateValue(obj({ high_c: { type: 'number' }, size_bytes: { type: 'integer' }, salary: { type: 'number' } }), sf) as Obj;
      expect(v.high_c).toBeGreaterThanOrEqual(-10);
      expect(v.high_c).toBeLessThanOrEqual(32);
      expect(v.size_bytes).toBeGreaterThanOrEqual(200);
      expect(v.salary).toBeGreaterThanOrEqual(32000);
    }
  });
});

describe('coherent defaults', () => {
  it('orders pairs: low/high, min/max, start/end, check_in/check_out, created/updated', () => {
    const schema = obj({
      low_c: { type: 'number', minimum: -15, maximum: 35 },
      high_c: { type: 'number', minimum: -15, maximum: 35 },
      min_price: { type: 'number' },
      max_price: { type: 'number' },
      check_in: { type: 'string', format: 'date' },
      check_out: { type: 'string', format: 'date' },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
      start_time: str,
      end_time: str,
    });
    for (const r of results(schema, 200) as Obj[]) {
      expect(r.low_c as number).toBeLessThanOrEqual(r.high_c as number);
      expect(r.min_price as number).toBeLessThanOrEqual(r.max_price as number);
      expect((r.check_in as string) <= (r.check_out as string)).toBe(true);
      expect((r.created_at as string) <= (r.updated_at as string)).toBe(true);
      expect((r.start_time as string) <= (r.end_time as string)).toBe(true);
    }
  });

  it('arrives after departing, by the duration when there is one', () => {
    const schema = obj({
      flights: list(
        obj({
          departs_at: { type: 'string', format: 'date-time' },
          arrives_at: { type: 'string', format: 'date-time' },
          duration_minutes: { type: 'integer', minimum: 45, maximum: 600 },
        }),
      ),
    });
    for (const r of results(schema) as Obj[]) {
      for (const f of r.flights as Obj[])
        expect(Date.parse(f.arrives_at as string) - Date.parse(f.departs_at as string)).toBe((f.duration_minutes as number) * 60_000);
    }
  });

  it('a date argument sets the day of the events in the result; a city argument the city', () => {
    const schema = obj({
      flights: list(obj({ departs_at: { type: 'string', format: 'date-time' }, arrives_at: { type: 'string', format: 'date-time' } })),
      hotels: list(obj({ name: str, city: str })),
    });
    for (const r of results(schema, 40, { departure_date: '2026-02-10', destination: 'Madrid' }) as Obj[]) {
      for (const f of r.flights as Obj[]) expect((f.departs_at as string).slice(0, 10)).toBe('2026-02-10');
      for (const h of r.hotels as Obj[]) expect(h.city).toBe('Madrid');
    }
  });

  it('a list repeats the filters of the call (level: error → every entry an error); times respect since; prices max_price', () => {
    const schema = obj({
      entries: list(obj({ timestamp: { type: 'string', format: 'date-time' }, level: str, message: str })),
      products: list(obj({ name: str, price: { type: 'number', minimum: 1, maximum: 1000 } })),
    });
    const since = '2026-01-04T08:00:00Z';
    for (const r of results(schema, 60, { level: 'error', since, max_price: 100, query: 'desk lamp' }) as Obj[]) {
      for (const e of r.entries as Obj[]) {
        expect(e.level).toBe('error');
        expect(Date.parse(e.timestamp as string)).toBeGreaterThanOrEqual(Date.parse(since));
      }
      for (const p of r.products as Obj[]) expect(p.price as number).toBeLessThanOrEqual(100);
      expect((r.products as Obj[]).some((p) => /Desk Lamp/.test(p.name as string))).toBe(true);
    }
  });

  it('paths agree with the call: the listed directory, the created folder', () => {
    const listing = obj({ cwd: str, files: list(obj({ name: str, path: str })) });
    for (const r of results(listing, 20, { path: '/srv/app' }) as Obj[]) {
      expect(r.cwd).toBe('/srv/app');
      for (const f of r.files as Obj[]) expect(f.path).toBe(`/srv/app/${f.name as string}`);
    }
    for (const r of results(obj({ path: str, created: { type: 'boolean' } }), 20, { dir_name: 'drafts' }) as Obj[]) expect(r.path).toMatch(/\/drafts$/);
  });

  it('success flags are true outside lists (unless the design fixes them); inside lists they vary', () => {
    const schema = obj({
      sent: { type: 'boolean' },
      ok: { type: 'boolean' },
      email_sent: { type: 'boolean' },
      is_success: { type: 'boolean' },
      items: list(obj({ deleted: { type: 'boolean' } }), { minItems: 4, maxItems: 4 }),
      forced: { type: 'boolean', const: false },
    });
    const inside = new Set<JsonValue>();
    for (const r of results(schema, 60) as Obj[]) {
      expect([r.sent, r.ok, r.email_sent, r.is_success, r.forced]).toEqual([true, true, true, true, false]);
      for (const i of r.items as Obj[]) inside.add(i.deleted);
    }
    expect(inside).toEqual(new Set([true, false]));
  });

  it('lists keep the order their x-sort or description promises, or the tool description says', () => {
    const item = obj({
      price: { type: 'number', minimum: 1, maximum: 900 },
      rating: { type: 'number', minimum: 1, maximum: 10 },
      timestamp: { type: 'string', format: 'date-time' },
    });
    const check = (xs: Obj[], key: string, desc: boolean) => {
      for (let i = 1; i < xs.length; i++) {
        const a = xs[i - 1][key] as number | string;
        const b = xs[i][key] as number | string;
        expect(desc ? a >= b : a <= b).toBe(true);
      }
    };
    for (const r of results(obj({ a: list(item, { 'x-sort': '-rating' }), b: list(item, { description: 'Cheapest first.' }) }), 60) as Obj[]) {
      check(r.a as Obj[], 'rating', true);
      check(r.b as Obj[], 'price', false);
    }
    for (const r of results(obj({ entries: list(item) }), 60, {}, { name: 'get_logs', description: 'Recent entries, newest first.' }) as Obj[])
      check(r.entries as Obj[], 'timestamp', true);
    for (const r of results(obj({ events: list(obj({ title: str, start_time: str })) }), 60) as Obj[]) check(r.events as Obj[], 'start_time', false);
  });

  it('the items of a list have different names', () => {
    const schema = obj({ hotels: list(obj({ name: str }), { minItems: 4, maxItems: 4 }), tags: list(str, { minItems: 3, maxItems: 3 }) });
    let repeats = 0;
    for (const r of results(schema, 100) as Obj[]) {
      const names = (r.hotels as Obj[]).map((h) => h.name);
      if (new Set(names).size < names.length) repeats++;
      if (new Set(r.tags as string[]).size < 3) repeats++;
    }
    expect(repeats).toBeLessThan(3);
  });

  it("a result's events are not earlier than what earlier results of the example said happened (the clock); an action's are now", () => {
    const ticket = resultSimulator(obj({ ticket_id: str, created_at: { type: 'string', format: 'date-time' } }), { name: 'create_ticket' });
    const ack = resultSimulator(obj({ ticket_id: str, acknowledged_at: { type: 'string', format: 'date-time' } }));
    const now = Date.parse('2026-01-05T09:00:00Z');
    for (let seed = 0; seed < 100; seed++) {
      sf.reseed(seed);
      const t = ticket({}, sf) as Obj;
      const a = ack({ ticket_id: t.ticket_id }, sf) as Obj;
      const created = Date.parse(t.created_at as string);
      expect(created).toBeGreaterThanOrEqual(now);
      expect(created).toBeLessThan(now + 10 * 60_000);
      expect(Date.parse(a.acknowledged_at as string)).toBeGreaterThanOrEqual(created);
    }
  });
});

describe('what an example said holds later in it', () => {
  it("a result about a thing an earlier result showed repeats what it said (book_hotel(hotel_id) → that hotel's name)", () => {
    const search = resultSimulator(obj({ hotels: list(obj({ hotel_id: str, name: str, stars: { type: 'integer', minimum: 1, maximum: 5 } })) }), {
      name: 'search_hotels',
    });
    const book = resultSimulator(obj({ reservation_id: str, hotel_id: str, hotel_name: str, status: str }), { name: 'book_hotel' });
    const get = resultSimulator(obj({ hotel_id: str, name: str, stars: { type: 'integer', minimum: 1, maximum: 5 } }), { name: 'get_hotel' });
    for (let seed = 0; seed < 40; seed++) {
      sf.reseed(seed);
      const hotels = (search({ city: 'Rome' }, sf) as Obj).hotels as Obj[];
      const pick = hotels[seed % hotels.length];
      const booked = book({ hotel_id: pick.hotel_id }, sf) as Obj;
      expect(booked.hotel_name).toBe(pick.name);
      const again = get({ hotel_id: pick.hotel_id }, sf) as Obj;
      expect([again.name, again.stars]).toEqual([pick.name, pick.stars]);
    }
    // A new example forgets: reseed starts another world.
    sf.reseed(1);
    const alone = book({ hotel_id: 'hotel_unknown' }, sf) as Obj;
    expect(typeof alone.hotel_name).toBe('string');
  });

  it('the directory an example is in carries over: cd and mkdir after a listing', () => {
    const listing = resultSimulator(obj({ cwd: str, files: list(obj({ name: str })) }), { name: 'list_files' });
    const cd = resultSimulator(obj({ cwd: str, ok: { type: 'boolean' } }), { name: 'cd' });
    const mkdir = resultSimulator(obj({ path: str, created: { type: 'boolean' } }), { name: 'mkdir' });
    for (let seed = 0; seed < 20; seed++) {
      sf.reseed(seed);
      listing({ path: '/srv/app' }, sf);
      expect((cd({ folder: 'reports' }, sf) as Obj).cwd).toBe('/srv/app/reports');
      expect((mkdir({ dir_name: 'drafts' }, sf) as Obj).path).toBe('/srv/app/reports/drafts');
    }
  });

  it('one currency per result', () => {
    for (const r of results(obj({ flights: list(obj({ price: { type: 'number' }, currency: str })) }), 40) as Obj[]) {
      expect(new Set((r.flights as Obj[]).map((f) => f.currency)).size).toBe(1);
    }
  });
});

describe('variety', () => {
  it('date.soon without days spreads over weeks (slots and x-fake)', () => {
    const days = new Set<JsonValue>();
    const fromSchema = new Set<JsonValue>();
    for (let seed = 0; seed < 200; seed++) {
      sf.reseed(seed);
      days.add(callFaker(sf.faker, 'date.soon', undefined, 'date'));
      fromSchema.add((simulateValue({ type: 'string', format: 'date', 'x-fake': 'date.soon' }, sf) as string).slice(0, 10));
    }
    expect(days.size).toBeGreaterThan(20);
    expect(fromSchema.size).toBeGreaterThan(20);
  });

  it('the number of items spreads over the declared range (up to 10)', () => {
    const lengths = new Set<number>();
    for (const r of results({ type: 'array', items: { type: 'integer' }, minItems: 0, maxItems: 20 }, 400)) lengths.add((r as JsonValue[]).length);
    expect([...lengths].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
