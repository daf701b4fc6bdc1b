import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Call, Chain, JsonValue, ToolDef } from '../project/types.ts';
import { parseProject } from '../project/parse.ts';
import { chainDependencies } from '../graph/dependencies.ts';
import { diagnoseProject } from '../validate/project.ts';
import { generatorOf, project, range, replyOf, resultsOf, tool } from '../generate/resultAware.testutil.ts';
import { calcStep, evalCalc, parseCalc, roundToStep } from './result.ts';

const calc = (text: string, values: Record<string, JsonValue> = {}) => {
  const parsed = parseCalc(text);
  if (!parsed.ok) return parsed.message;
  return evalCalc(parsed.node, (ref) => (ref.source in values ? values[ref.source] : ({} as never)));
};

describe('calc: + - * /, parentheses, numbers and references', () => {
  it('follows the usual precedence, parentheses and unary minus', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('10 - 4 - 3')).toBe(3);
    expect(calc('12 / 3 / 2')).toBe(2);
    expect(calc('-2 * -(3 + 1)')).toBe(8);
    expect(calc('{a.rate} * {nights} + 0.5', { 'a.rate': 80, nights: 3 })).toBe(240.5);
  });

  it('says what is wrong with a text it cannot read', () => {
    expect(calc('2 +')).toMatch(/expected a number, a \{reference\} or "\(" at the end/);
    expect(calc('(2 + 3')).toMatch(/expected "\)"/);
    expect(calc('2 x 3')).toMatch(/expected an operator \(\+ - \* \/\) at "x 3"/);
    expect(calc('{a.b[} * 2')).toMatch(/\{a\.b\[\}/);
  });

  it('a reference that is not a number, or a division by zero, is a problem that names it', () => {
    expect(calc('{a.name} * 2', { 'a.name': 'Hotel' })).toEqual({ problem: '{a.name} is "Hotel", not a number' });
    expect(calc('10 / ({n} - 2)', { n: 2 })).toEqual({ problem: 'division by zero: ({n} - 2) is 0' });
  });

  it("rounds to the field's multipleOf (integers to whole numbers, else 2 decimals) without float noise", () => {
    expect(roundToStep(98.46000000000001, calcStep({ type: 'number', multipleOf: 0.01 }))).toBe(98.46);
    expect(String(roundToStep(0.1 + 0.2, calcStep({ type: 'number' })))).toBe('0.3');
    expect(roundToStep(7.5, calcStep({ type: 'integer' }))).toBe(8);
    expect(roundToStep(7.3, calcStep({ type: 'number', multipleOf: 0.5 }))).toBe(7.5);
    expect(roundToStep(1234.5678, calcStep({ type: 'number', multipleOf: 0.001 }))).toBe(1234.568);
    expect(roundToStep(-0.001, 0.01)).toBe(0);
  });
});

// A room search and a booking whose result the design pins.
const ROOMS: ToolDef = tool(
  'search_rooms',
  { city: { type: 'string' } },
  {
    type: 'object',
    properties: {
      rooms: {
        type: 'array',
        minItems: 1,
        maxItems: 3,
        items: {
          type: 'object',
          properties: {
            room_id: { type: 'string', pattern: '^R-[0-9]{3}$' },
            nightly_rate: { type: 'number', minimum: 50, maximum: 300 },
            name: { type: 'string' },
          },
          required: ['room_id', 'nightly_rate', 'name'],
        },
      },
    },
    required: ['rooms'],
  },
);
const BOOK: ToolDef = tool(
  'book_room',
  { nights: { type: 'integer' } },
  {
    type: 'object',
    properties: {
      room_id: { type: 'string' },
      booking: {
        type: 'object',
        properties: {
          booking_id: { type: 'string', pattern: '^B-[0-9]{4}$' },
          status: { type: 'string', enum: ['confirmed', 'pending'] },
          total: { type: 'number', minimum: 0, maximum: 10000, multipleOf: 0.01 },
          nights: { type: 'integer', minimum: 1, maximum: 30 },
        },
        required: ['booking_id', 'status'],
      },
    },
    required: ['room_id', 'booking'],
  },
);

function bookingChain(pins: { [path: string]: JsonValue }, extra: Partial<Call> = {}): Chain {
  return {
    id: 'stay',
    requests: ['Book a room in Lisbon for {nights} nights.'],
    slots: { nights: { oneOf: [1, 2, 3, 7] } },
    calls: [
      { id: 'find', tool: 'search_rooms', args: { city: 'Lisbon' } },
      // The arguments read nothing of find: only the pins do.
      { id: 'book', tool: 'book_room', args: { nights: '{nights}' }, result: pins, ...extra },
    ],
    reply: 'Booked {book.room_id} ({book.booking.status}) for {book.booking.total} EUR.',
  };
}

const PINS = {
  room_id: '{find.rooms[0].room_id}',
  'booking.status': 'confirmed',
  'booking.total': { calc: '{find.rooms[0].nightly_rate} * {nights}' },
  'booking.nights': '{nights}',
};

describe('result pins in the generated data', () => {
  const g = generatorOf(project([ROOMS, BOOK], [bookingChain(PINS)]));
  const examples = range(60).map((i) => g.example(5, i));

  it('the pinned fields hold what the pins say, in the result and in the reply', () => {
    for (const ex of examples) {
      const found = resultsOf(ex, 'find')[0] as { rooms: { room_id: string; nightly_rate: number }[] };
      const booked = resultsOf(ex, 'book')[0] as { room_id: string; booking: { status: string; total: number; nights: number } };
      const nights = ex.slots.nights as number;
      expect(booked.room_id).toBe(found.rooms[0].room_id);
      expect(booked.booking.status).toBe('confirmed');
      expect(booked.booking.nights).toBe(nights);
      expect(booked.booking.total).toBeCloseTo(found.rooms[0].nightly_rate * nights, 2);
      // Exact to the cent, no float noise in the text either.
      expect(String(booked.booking.total)).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(replyOf(ex)).toBe(`Booked ${found.rooms[0].room_id} (confirmed) for ${booked.booking.total} EUR.`);
    }
  });

  it('a pin that reads another result makes the call wait for it (an edge drawn from the pin)', () => {
    const edge = chainDependencies(bookingChain(PINS)).find((d) => d.from === 'find' && d.to === 'book');
    expect(edge?.kind).toBe('data');
    expect(edge?.fields.map((f) => [f.arg, f.via])).toEqual([
      ['result.room_id', 'result'],
      ['result["booking.total"]', 'result'],
    ]);
  });

  it('an optional pinned field is always there', () => {
    for (const ex of examples) expect(Object.keys((resultsOf(ex, 'book')[0] as { booking: object }).booking)).toContain('total');
  });

  it('a failing call keeps its error result: pins do not touch it', () => {
    const g2 = generatorOf(project([ROOMS, BOOK], [{ ...bookingChain(PINS, { failure: { rate: 1, error: { error: 'no rooms left' }, recover: 'retry' } }) }]));
    const ex = g2.example(1, 0);
    const results = resultsOf(ex, 'book');
    expect(results[0]).toEqual({ error: 'no rooms left' });
    expect((results[1] as { booking: { status: string } }).booking.status).toBe('confirmed');
  });
});

describe('checks on result pins', () => {
  const diagnose = (pins: { [path: string]: JsonValue }, extra: Partial<Call> = {}) =>
    diagnoseProject(project([ROOMS, BOOK], [bookingChain(pins, extra)]))
      .filter((d) => d.path.includes('.result') || d.code.startsWith('pin'))
      .map((d) => ({ code: d.code, severity: d.severity, path: d.path, callId: d.callId, message: d.message }));

  it('the example pins pass', () => {
    expect(diagnose(PINS)).toEqual([]);
  });

  it("a path the tool's returns does not have", () => {
    const [d] = diagnose({ 'booking.price': 10 });
    expect(d).toMatchObject({ code: 'pin-unknown-field', severity: 'error', callId: 'book', path: '$.chains[0].calls[1].result["booking.price"]' });
    expect(d.message).toMatch(/call "book", result pin "booking.price": the result of book_room has no such field/);
  });

  it("a literal of the wrong type, or outside the field's bounds or enum", () => {
    expect(diagnose({ 'booking.total': 'free' })[0]).toMatchObject({ code: 'pin-invalid', severity: 'error' });
    const [bounds] = diagnose({ 'booking.total': 20000 });
    expect(bounds.message).toMatch(/20000 does not fit the field \(type number, minimum 0, maximum 10000, multipleOf 0.01\)/);
    expect(diagnose({ 'booking.status': 'maybe' })[0].message).toMatch(/one of \["confirmed","pending"\]/);
  });

  it('a calc that reads something unknown, or something that is not a number', () => {
    expect(diagnose({ 'booking.total': { calc: '{nope.rate} * 2' } }).map((d) => d.code)).toEqual(['unknown-call']);
    expect(diagnose({ 'booking.total': { calc: '{find.rooms[0].price} * 2' } }).map((d) => d.code)).toEqual(['unknown-field']);
    const [text] = diagnose({ 'booking.total': { calc: '{find.rooms[0].name} * 2' } });
    expect(text).toMatchObject({ code: 'pin-calc', severity: 'error' });
    expect(text.message).toMatch(/\{find\.rooms\[0\]\.name\} is string, not a number/);
    expect(diagnose({ 'booking.total': { calc: '{find.rooms[0].nightly_rate} *' } })[0].message).toMatch(
      /the calc "\{find.rooms\[0\].nightly_rate\} \*" cannot be read: expected a number/,
    );
    expect(diagnose({ 'booking.status': { calc: '1 + 1' } })[0]).toMatchObject({
      code: 'pin-type',
      message: expect.stringMatching(/a calc gives a number, but the field is string/),
    });
  });

  it("a calc reads a slot's numbers: an int or oneOf range counts, a slot of texts is not a number", () => {
    // nights is oneOf [1, 2, 3, 7]: 300 × 7 = 2100 fits 0–10000; × 20 it may not (1000 to 42000).
    expect(diagnose({ 'booking.total': { calc: '{find.rooms[0].nightly_rate} * {nights}' } })).toEqual([]);
    expect(diagnose({ 'booking.total': { calc: '{find.rooms[0].nightly_rate} * {nights} * 20' } })[0]).toMatchObject({
      code: 'pin-out-of-bounds',
      severity: 'warning',
      message: expect.stringMatching(/gives 1000 to 42000, which may fall outside/),
    });
    const textSlot = diagnoseProject(
      project(
        [ROOMS, BOOK],
        [
          {
            ...bookingChain({ 'booking.total': { calc: '{find.rooms[0].nightly_rate} * {city}' } }),
            slots: { nights: { int: [1, 3] }, city: { oneOf: ['Lisbon', 'Porto'] } },
            requests: ['Book {city} for {nights} nights.'],
          },
        ],
      ),
    ).filter((d) => d.code.startsWith('pin-'));
    expect(textSlot.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'pin-calc',
        'error',
        'call "book", result pin "booking.total": the slot {city} does not always give a number, so "{find.rooms[0].nightly_rate} * {city}" cannot be computed',
      ],
    ]);
  });

  it('division by zero: always (error) or possibly (warning)', () => {
    const [always] = diagnose({ 'booking.total': { calc: '{find.rooms[0].nightly_rate} / (2 - 2)' } });
    expect(always).toMatchObject({ code: 'pin-division-by-zero', severity: 'error' });
    expect(always.message).toMatch(/divides by \(2 - 2\), which is always 0/);
    const [maybe] = diagnose({ 'booking.total': { calc: '100 / ({find.rooms[0].nightly_rate} - 100)' } });
    expect(maybe).toMatchObject({ code: 'pin-division-by-zero', severity: 'warning' });
  });

  it("a calc that can leave the field's bounds (warning) or never fits them (error)", () => {
    const [may] = diagnose({ 'booking.total': { calc: '{find.rooms[0].nightly_rate} * 40' } });
    expect(may).toMatchObject({ code: 'pin-out-of-bounds', severity: 'warning' });
    expect(may.message).toMatch(/gives 2000 to 12000, which may fall outside the field's bounds \(minimum 0, maximum 10000, multipleOf 0.01\)/);
    const [never] = diagnose({ 'booking.total': { calc: '0 - {find.rooms[0].nightly_rate}' } });
    expect(never).toMatchObject({ code: 'pin-out-of-bounds', severity: 'error' });
  });

  it('a reference of another type, a pin that reads its own result, a path with [*]', () => {
    expect(diagnose({ 'booking.total': '{find.rooms[0].name}' })[0]).toMatchObject({ code: 'pin-type', severity: 'error' });
    expect(diagnose({ 'booking.total': { calc: '{book.booking.nights} * 2' } })[0]).toMatchObject({ code: 'self-reference' });
    expect(diagnose({ 'rooms[*].x': 1 })[0]).toMatchObject({ code: 'pin-bad-path' });
  });

  it('a tool without returns cannot be pinned', () => {
    const bare = tool('book_room', { nights: { type: 'integer' } }, undefined);
    const found = diagnoseProject(project([ROOMS, bare], [bookingChain({ total: 1 })])).filter((d) => d.code === 'pin-without-returns');
    expect(found).toHaveLength(1);
  });

  it('the file reader checks the shape of result and calc', () => {
    const file = (result: unknown) =>
      JSON.stringify({
        ...project([ROOMS, BOOK], [bookingChain({})]),
        chains: [{ ...bookingChain({}), calls: [bookingChain({}).calls[0], { ...bookingChain({}).calls[1], result }] }],
      });
    const list = parseProject(file(['total']));
    expect(!list.ok && list.error.message).toMatch(/^expected an object of result pins/);
    const calcNumber = parseProject(file({ total: { calc: 5 } }));
    expect(!calcNumber.ok && calcNumber.error.message).toMatch(/expected a calc/);
    expect(parseProject(file(PINS)).ok).toBe(true);
  });
});

describe('property: a calc pin on a number field stays inside its bounds and multipleOf, or the check reports it', () => {
  const bounds = fc.tuple(fc.integer({ min: -50, max: 400 }), fc.integer({ min: 0, max: 400 })).map(([lo, span]) => ({ lo, hi: lo + span }));
  const step = fc.constantFrom(undefined, 0.01, 0.5, 1, 0.25, 5);
  const expr = fc.constantFrom(
    '{find.rooms[0].nightly_rate}',
    '{find.rooms[0].nightly_rate} * 3',
    '{find.rooms[0].nightly_rate} / 7',
    '({find.rooms[0].nightly_rate} - 60) * 1.1',
    '1000 / {find.rooms[0].nightly_rate}',
    '{find.rooms[-1].nightly_rate} + {find.rooms[0].nightly_rate} / 3',
  );

  it('holds for random bounds, steps and expressions', () => {
    const tally = { reported: 0, generated: 0 };
    fc.assert(
      fc.property(bounds, step, fc.boolean(), expr, (b, multipleOf, integer, text) => {
        const total: { [k: string]: JsonValue } = { type: integer ? 'integer' : 'number', minimum: b.lo, maximum: b.hi };
        if (multipleOf !== undefined) total.multipleOf = integer ? Math.max(1, Math.round(multipleOf)) : multipleOf;
        const book = structuredClone(BOOK);
        (
          (book.returns as { properties: { booking: { properties: { [k: string]: JsonValue } } } }).properties.booking.properties as { [k: string]: JsonValue }
        ).total = total;
        const p = project([ROOMS, book], [bookingChain({ 'booking.total': { calc: text } })]);
        const reported = diagnoseProject(p).some((d) => d.code.startsWith('pin-'));
        if (reported) {
          tally.reported += 1;
          return;
        }
        tally.generated += 1;
        const g = generatorOf(p);
        const s = (total.multipleOf as number | undefined) ?? (integer ? 1 : 0.01);
        for (const i of range(15)) {
          const v = (resultsOf(g.example(2, i), 'book')[0] as { booking: { total: number } }).booking.total;
          expect(v).toBeGreaterThanOrEqual(b.lo);
          expect(v).toBeLessThanOrEqual(b.hi);
          // A multiple by ajv's rule: value / multipleOf is an integer in floating point.
          if (total.multipleOf !== undefined) expect(Number.isInteger(v / (total.multipleOf as number)), `${v} / ${String(total.multipleOf)}`).toBe(true);
          else expect(Math.abs(v / s - Math.round(v / s))).toBeLessThan(1e-9);
          expect(String(v).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(String(s).split('.')[1]?.length ?? 0);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
    // Both sides of the property are exercised.
    expect(tally.reported).toBeGreaterThan(5);
    expect(tally.generated).toBeGreaterThan(5);
  });
});
