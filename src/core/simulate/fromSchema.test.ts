import { describe, expect, it } from 'vitest';
import type { JsonSchema, JsonValue } from '../project/types.ts';
import { validatorFor } from './ajv.testutil.ts';
import { createSeededFaker } from './faker.ts';
import { simulateResult, simulateValue } from './fromSchema.ts';

const ID = /^[a-z0-9]+_[A-Za-z0-9]{8,}$/;

const ROOMS: JsonSchema = {
  type: 'object',
  properties: {
    rooms: {
      type: 'array',
      minItems: 1,
      maxItems: 4,
      items: {
        type: 'object',
        properties: {
          room_id: { type: 'string' },
          name: { type: 'string', 'x-fake': 'location.street' },
          capacity: { type: 'integer', minimum: 4, maximum: 30 },
        },
        required: ['room_id', 'name', 'capacity'],
      },
    },
  },
  required: ['rooms'],
};

/** Realistic schemas covering every supported feature; each must validate for every seed. */
const REALISTIC: { [name: string]: JsonSchema } = {
  rooms: ROOMS,
  formats: {
    type: 'object',
    properties: {
      d: { type: 'string', format: 'date' },
      dt: { type: 'string', format: 'date-time' },
      t: { type: 'string', format: 'time' },
      it: { type: 'string', format: 'iso-time' },
      idt: { type: 'string', format: 'iso-date-time' },
      dur: { type: 'string', format: 'duration' },
      email: { type: 'string', format: 'email' },
      uri: { type: 'string', format: 'uri' },
      url: { type: 'string', format: 'url' },
      uriref: { type: 'string', format: 'uri-reference' },
      tmpl: { type: 'string', format: 'uri-template' },
      uuid: { type: 'string', format: 'uuid' },
      host: { type: 'string', format: 'hostname' },
      ipv4: { type: 'string', format: 'ipv4' },
      ipv6: { type: 'string', format: 'ipv6' },
      ptr: { type: 'string', format: 'json-pointer' },
      rptr: { type: 'string', format: 'relative-json-pointer' },
      re: { type: 'string', format: 'regex' },
      byte: { type: 'string', format: 'byte' },
      pw: { type: 'string', format: 'password' },
      i32: { type: 'integer', format: 'int32' },
      dbl: { type: 'number', format: 'double' },
      short_email: { type: 'string', format: 'email', maxLength: 40 },
    },
    required: [
      'd',
      'dt',
      't',
      'it',
      'idt',
      'dur',
      'email',
      'uri',
      'url',
      'uriref',
      'tmpl',
      'uuid',
      'host',
      'ipv4',
      'ipv6',
      'ptr',
      'rptr',
      're',
      'byte',
      'pw',
      'i32',
      'dbl',
      'short_email',
    ],
    additionalProperties: false,
  },
  booking: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    $defs: {
      guest: {
        type: 'object',
        properties: {
          guest_id: { type: 'string' },
          first_name: { type: 'string' },
          last_name: { type: 'string' },
          email: { type: 'string' },
          phone: { type: 'string' },
          age: { type: 'integer', minimum: 18 },
        },
        required: ['guest_id', 'first_name', 'email'],
      },
      money: {
        type: 'object',
        properties: { amount: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.01 }, currency: { enum: ['EUR', 'USD', 'GBP'] } },
        required: ['amount', 'currency'],
        additionalProperties: false,
      },
    },
    properties: {
      booking_id: { type: 'string', pattern: '^BK-[0-9]{6}$' },
      status: { type: 'string', enum: ['confirmed', 'pending', 'cancelled'], default: 'pending' },
      guest: { $ref: '#/$defs/guest' },
      companions: { type: 'array', items: { $ref: '#/$defs/guest' }, maxItems: 2 },
      total: { $ref: '#/$defs/money', description: 'Total price' },
      check_in: { type: 'string', format: 'date' },
      nights: { type: 'integer', minimum: 1, maximum: 14 },
      notes: { type: ['string', 'null'], maxLength: 80 },
      created_at: { type: 'string' },
      tags: { type: 'array', items: { type: 'string', minLength: 2, maxLength: 12 }, uniqueItems: true, minItems: 2, maxItems: 6 },
      floor: { type: 'integer', exclusiveMinimum: -2, exclusiveMaximum: 40, multipleOf: 3 },
      discount: { type: 'number', minimum: 0, maximum: 1 },
      rating: { type: 'number', minimum: 1, maximum: 5, multipleOf: 0.5 },
      vip: { type: 'boolean' },
      nothing: { type: 'null' },
      source: { const: 'web' },
      anything: {},
    },
    required: ['booking_id', 'status', 'guest', 'total', 'check_in', 'nights', 'tags', 'floor', 'source'],
  },
  combinators: {
    type: 'object',
    properties: {
      payment: {
        oneOf: [
          { type: 'object', properties: { kind: { const: 'card' }, last4: { type: 'string', pattern: '^\\d{4}$' } }, required: ['kind', 'last4'] },
          {
            type: 'object',
            properties: { kind: { const: 'iban' }, iban: { type: 'string', pattern: '^[A-Z]{2}\\d{2}[A-Z0-9]{10,20}$' } },
            required: ['kind', 'iban'],
          },
        ],
      },
      amount: { oneOf: [{ type: 'integer' }, { type: 'number' }] },
      contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'string', format: 'uri' }, { type: 'null' }] },
      merged: {
        allOf: [
          { type: 'object', properties: { a: { type: 'integer', minimum: 0 } }, required: ['a'] },
          { properties: { a: { maximum: 5 }, b: { type: 'string', minLength: 3 } }, required: ['b'] },
        ],
      },
      shaped: {
        type: 'object',
        properties: { x: { type: 'integer' }, y: { type: 'integer' } },
        oneOf: [{ required: ['x'] }, { required: ['y'] }],
      },
      mixed: { type: ['integer', 'string', 'boolean'] },
      legacy: { type: 'number', minimum: 0, maximum: 10, exclusiveMaximum: 10 },
    },
    required: ['payment', 'amount', 'contact', 'merged', 'shaped', 'mixed'],
  },
  tree: {
    $defs: {
      node: {
        type: 'object',
        properties: {
          node_id: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/$defs/node' } },
        },
        required: ['node_id', 'children'],
      },
    },
    $ref: '#/$defs/node',
  },
  fakes: {
    type: 'object',
    properties: {
      street: { type: 'string', 'x-fake': 'location.street' },
      who: { 'x-fake': 'person.fullName' },
      n: { type: 'integer', 'x-fake': 'number.int', 'x-fake-args': [{ min: 1, max: 5 }] },
      n_str: { type: 'string', 'x-fake': 'number.int', 'x-fake-args': [{ min: 1, max: 5 }] },
      conflicting: { type: 'integer', minimum: 100, maximum: 200, 'x-fake': 'number.int', 'x-fake-args': [{ min: 1, max: 5 }] },
      when: { type: 'string', format: 'date', 'x-fake': 'date.soon' },
      at: { type: 'string', format: 'date-time', 'x-fake': 'date.soon' },
      slot: { type: 'string', 'x-fake': { fake: 'date.soon', as: 'date' } },
      bad: { type: 'string', 'x-fake': 'constructor.constructor' },
      short: { type: 'string', maxLength: 5, 'x-fake': 'lorem.paragraph' },
    },
    required: ['street', 'who', 'n', 'n_str', 'conflicting', 'when', 'at', 'slot', 'bad', 'short'],
  },
  strings: {
    type: 'object',
    properties: {
      long: { type: 'string', minLength: 40, maxLength: 60 },
      exact: { type: 'string', minLength: 7, maxLength: 7 },
      name: { type: 'string', maxLength: 4 },
      sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{3,5}(-[a-z]+)?$' },
      hex: { type: 'string', pattern: '^#?([a-f0-9]{6}|[a-f0-9]{3})$' },
      unanchored: { type: 'string', pattern: 'abc' },
      neg: { type: 'string', pattern: '^[^aeiou\\s]{4}$' },
      plain: { type: 'string' },
      city: { type: 'string' },
      country: { type: 'string' },
      company: { type: 'string' },
      description: { type: 'string' },
      website: { type: 'string' },
      emails: { type: 'array', items: { type: 'string', format: 'email' }, minItems: 3, maxItems: 3 },
      tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
      with_contains: { type: 'array', items: { type: 'integer' }, contains: { minimum: 100 }, maxItems: 4 },
      counts: { type: 'object', minProperties: 2, additionalProperties: { type: 'integer' } },
      limited: {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
        maxProperties: 1,
      },
    },
    required: ['long', 'exact', 'name', 'sku', 'hex', 'unanchored', 'neg', 'plain', 'emails', 'tuple', 'with_contains', 'counts', 'limited'],
  },
};

const DRAFT07: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    item: { type: 'object', properties: { item_id: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, required: ['item_id', 'qty'] },
  },
  type: 'object',
  properties: {
    items: { type: 'array', items: { $ref: '#/definitions/item' }, minItems: 1 },
    pair: { type: 'array', items: [{ type: 'string' }, { type: 'boolean' }], additionalItems: false, minItems: 2 },
  },
  required: ['items', 'pair'],
};

function ids(value: JsonValue, key?: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) for (const v of value) ids(v, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) ids(v, k, out);
  else if (typeof value === 'string' && key && /(^|_)id$/.test(key)) out.push([key, value]);
  return out;
}

describe('simulateValue on realistic schemas', () => {
  const sf = createSeededFaker(0);
  for (const [name, schema] of Object.entries(REALISTIC)) {
    it(`${name}: validates for 1500 seeds`, () => {
      const validate = validatorFor(schema);
      for (let seed = 0; seed < 1500; seed++) {
        sf.reseed(seed);
        const value = simulateValue(schema, sf);
        if (!validate(value)) {
          throw new Error(`seed ${seed}: ${JSON.stringify(value)}\n${JSON.stringify(validate.errors)}`);
        }
      }
    });
  }

  it('draft-07 schemas (definitions, tuple items, boolean exclusives) validate', () => {
    const validate = validatorFor(DRAFT07, true);
    for (let seed = 0; seed < 1000; seed++) {
      sf.reseed(seed);
      const value = simulateValue(DRAFT07, sf);
      expect(validate(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('draft-04 boolean exclusives are honoured', () => {
    const seen = new Set<JsonValue>();
    for (let seed = 0; seed < 300; seed++) {
      sf.reseed(seed);
      seen.add(simulateValue({ type: 'integer', minimum: 0, maximum: 3, exclusiveMinimum: true, exclusiveMaximum: true }, sf));
    }
    expect([...seen].sort()).toEqual([1, 2]);
  });

  it('patterns outside the supported subset still get a string within the length bounds', () => {
    for (let seed = 0; seed < 300; seed++) {
      sf.reseed(seed);
      const v = simulateValue({ type: 'string', pattern: '^(?=.*\\d)[a-z0-9]{6,10}$', minLength: 6, maxLength: 10 }, sf) as string;
      expect(v.length).toBeGreaterThanOrEqual(6);
      expect(v.length).toBeLessThanOrEqual(10);
    }
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const a = createSeededFaker(1);
    const b = createSeededFaker(999);
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      a.reseed(seed);
      b.reseed(seed);
      const va = JSON.stringify(simulateValue(REALISTIC.booking, a));
      expect(JSON.stringify(simulateValue(REALISTIC.booking, b))).toBe(va);
      seen.add(va);
    }
    expect(seen.size).toBe(20);
  });

  it('honours minItems/maxItems, spreading over the range (at most 10), 1–4 items without maxItems', () => {
    const counts = (schema: JsonSchema) => {
      const lengths = new Set<number>();
      for (let seed = 0; seed < 400; seed++) {
        sf.reseed(seed);
        lengths.add((simulateValue(schema, sf) as JsonValue[]).length);
      }
      return [...lengths].sort((x, y) => x - y);
    };
    expect(counts({ type: 'array', items: { type: 'integer' } })).toEqual([1, 2, 3, 4]);
    expect(counts({ type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 4 })).toEqual([2, 3, 4]);
    expect(counts({ type: 'array', items: { type: 'integer' }, maxItems: 100 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(counts({ type: 'array', items: { type: 'integer' }, minItems: 8 })).toEqual([8]);
    expect(counts({ type: 'array', items: { type: 'integer' }, maxItems: 0 })).toEqual([0]);
    expect(counts({ type: 'array', items: { type: 'integer' }, minItems: 0, maxItems: 1 })).toEqual([0, 1]);
  });

  it('makes realistic ids for *_id fields', () => {
    for (let seed = 0; seed < 200; seed++) {
      sf.reseed(seed);
      const value = simulateValue(REALISTIC.booking, sf);
      const found = ids(value).filter(([key]) => key !== 'booking_id'); // booking_id has a pattern
      expect(found.length).toBeGreaterThan(0);
      for (const [key, id] of found) {
        expect(id).toMatch(ID);
        expect(id.startsWith(`${key === 'id' ? 'id' : key.replace(/_id$/, '').split('_').pop()}_`)).toBe(true);
      }
    }
    sf.reseed(1);
    expect(simulateValue({ type: 'string' }, sf, 'id')).toMatch(/^id_[A-Za-z0-9]{8}$/);
    expect(simulateValue({ type: 'array', items: { type: 'string' } }, sf, 'room_ids')).toSatisfy(
      (v: JsonValue) => Array.isArray(v) && v.every((x) => typeof x === 'string' && /^room_/.test(x)),
    );
  });

  it('uses name hints, formats and x-fake for realism', () => {
    sf.reseed(3);
    const v = simulateValue(
      {
        type: 'object',
        properties: {
          email: { type: 'string' },
          customer_email: { type: 'string' },
          first_name: { type: 'string' },
          check_in_date: { type: 'string' },
          d: { type: 'string', format: 'date' },
          street: { type: 'string', 'x-fake': 'location.street' },
          status: { type: 'string' },
          text: { type: 'string' },
        },
        required: ['email', 'customer_email', 'first_name', 'check_in_date', 'd', 'street', 'status', 'text'],
      },
      sf,
    ) as { [k: string]: string };
    expect(v.email).toMatch(/^[^@\s]+@example\.(com|org|net)$/);
    expect(v.customer_email).toContain('@');
    expect(v.first_name).toMatch(/^[A-Z][a-z'-]+/);
    expect(v.check_in_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const days = (Date.parse(v.d) - Date.parse('2026-01-05')) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(-14);
    expect(days).toBeLessThanOrEqual(42);
    sf.reseed(3);
    const again = simulateValue({ type: 'string', 'x-fake': 'location.street' }, sf);
    sf.reseed(3);
    expect(again).toBe(sf.faker.location.street());
    // The object is about mail (e-mail fields): its status is a message's, its text a sentence.
    expect(['sent', 'delivered', 'queued']).toContain(v.status);
    expect(v.text.split(' ').length).toBeGreaterThan(2);
  });

  it('uses the default some of the time, and only a valid one', () => {
    let defaults = 0;
    for (let seed = 0; seed < 1000; seed++) {
      sf.reseed(seed);
      if (simulateValue({ type: 'integer', minimum: 10, maximum: 1000, default: 7 }, sf) === 7) throw new Error('invalid default used');
      sf.reseed(seed);
      if (simulateValue({ type: 'integer', minimum: 10, maximum: 1000, default: 500 }, sf) === 500) defaults++;
    }
    expect(defaults).toBeGreaterThan(180);
    expect(defaults).toBeLessThan(330);
  });

  it('includes optional properties most of the time', () => {
    let present = 0;
    for (let seed = 0; seed < 1000; seed++) {
      sf.reseed(seed);
      if ('b' in (simulateValue({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'] }, sf) as object)) present++;
    }
    expect(present).toBeGreaterThan(700);
    expect(present).toBeLessThan(900);
  });

  it('an empty schema gives a short string; boolean and false schemas are handled', () => {
    sf.reseed(1);
    const v = simulateValue({}, sf);
    expect(typeof v === 'string' && v.length > 0 && v.length < 40).toBe(true);
    expect(simulateValue(true as unknown as JsonSchema, sf)).toBeTypeOf('string');
    expect(simulateValue({ type: 'object', properties: { never: false } } as JsonSchema, sf)).toBeTypeOf('object');
  });
});

describe('simulateResult', () => {
  const sf = createSeededFaker(0);

  it('simulates the room-booking result', () => {
    const validate = validatorFor(ROOMS);
    for (let seed = 0; seed < 500; seed++) {
      sf.reseed(seed);
      const result = simulateResult(ROOMS, { date: '2026-01-06', capacity: 6 }, sf) as { rooms: { room_id: string; capacity: number }[] };
      expect(validate(result)).toBe(true);
      expect(result.rooms.length).toBeGreaterThanOrEqual(1);
      expect(result.rooms.length).toBeLessThanOrEqual(4);
      for (const room of result.rooms) expect(room.room_id).toMatch(/^room_[A-Za-z0-9]{8}$/);
    }
  });

  it('without a returns schema gives { ok: true }', () => {
    expect(simulateResult(undefined, { a: 1 }, sf)).toEqual({ ok: true });
  });

  const ALERT: JsonSchema = {
    type: 'object',
    properties: {
      alert_id: { type: 'string' },
      severity: { type: 'string', enum: ['low', 'high'] },
      count: { type: 'integer', minimum: 0 },
      detail: { type: 'object', properties: { alert_id: { type: 'string' }, host: { type: 'string', format: 'hostname' } }, required: ['host'] },
      events: { type: 'array', minItems: 1, items: { type: 'object', properties: { alert_id: { type: 'string' } }, required: ['alert_id'] } },
      label: { type: 'string' },
    },
    required: ['alert_id', 'severity', 'count', 'detail', 'events'],
  };

  it('echoes valid same-named arguments at the top level and in nested objects, not inside arrays', () => {
    for (let seed = 0; seed < 200; seed++) {
      sf.reseed(seed);
      const r = simulateResult(ALERT, { alert_id: 'alert_ABC12345', severity: 'high', label: 'disk full' }, sf) as {
        alert_id: string;
        severity: string;
        detail: { alert_id?: string };
        events: { alert_id: string }[];
        label: string;
      };
      expect(r.alert_id).toBe('alert_ABC12345');
      expect(r.severity).toBe('high');
      expect(r.label).toBe('disk full'); // optional, but always present when echoed
      expect(r.detail.alert_id === undefined || r.detail.alert_id === 'alert_ABC12345').toBe(true);
      for (const e of r.events) expect(e.alert_id).not.toBe('alert_ABC12345');
    }
  });

  it('does not echo invalid argument values', () => {
    const validate = validatorFor(ALERT);
    for (let seed = 0; seed < 200; seed++) {
      sf.reseed(seed);
      const r = simulateResult(ALERT, { alert_id: 42, severity: 'urgent', count: -3, detail: 'x' }, sf) as {
        alert_id: unknown;
        severity: string;
        count: number;
      };
      expect(validate(r)).toBe(true);
      expect(typeof r.alert_id).toBe('string');
      expect(['low', 'high']).toContain(r.severity);
      expect(r.count).toBeGreaterThanOrEqual(0);
    }
  });

  it('treats a "__proto__" property as data', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"object","properties":{"x":{"type":"integer"}},"required":["x"]}},"required":["__proto__"]}',
    );
    const args = JSON.parse('{"__proto__":{"x":7}}');
    const r = simulateResult(schema, args, sf) as object;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(JSON.stringify(r)).toBe('{"__proto__":{"x":7}}');
    expect(validatorFor(schema)(r)).toBe(true);
  });

  it('echoes objects as copies', () => {
    const filter = { city: 'Paris', min: 2 };
    const r = simulateResult(
      { type: 'object', properties: { filter: { type: 'object', properties: { city: { type: 'string' } } } }, required: ['filter'] },
      { filter },
      sf,
    ) as { filter: { city: string } };
    expect(r.filter).toEqual(filter);
    expect(r.filter).not.toBe(filter);
  });

  it('echoes through $ref and anyOf, and respects enum/format/bounds', () => {
    const schema: JsonSchema = {
      $defs: { day: { type: 'string', format: 'date' } },
      type: 'object',
      properties: {
        date: { $ref: '#/$defs/day' },
        limit: { anyOf: [{ type: 'integer', maximum: 10 }, { type: 'null' }] },
      },
      required: ['date', 'limit'],
    };
    sf.reseed(1);
    expect(simulateResult(schema, { date: '2026-02-03', limit: 5 }, sf)).toEqual({ date: '2026-02-03', limit: 5 });
    sf.reseed(1);
    const r = simulateResult(schema, { date: '03/02/2026', limit: 50 }, sf) as { date: string; limit: number | null };
    expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.limit === null || r.limit <= 10).toBe(true);
  });
});
