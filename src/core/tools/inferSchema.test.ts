import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { JsonValue } from '../project/types.ts';
import { checkAgainstSchema } from '../validate/schemaValidator.ts';
import { inferSchema, inferSchemaFromText } from './inferSchema.ts';

describe('inferSchema', () => {
  it('types, integer vs number, nested objects, required = present', () => {
    expect(inferSchema({ count: 3, ratio: 0.5, ok: true, note: null, owner: { name: 'Ada' } })).toEqual({
      type: 'object',
      properties: {
        count: { type: 'integer' },
        ratio: { type: 'number' },
        ok: { type: 'boolean' },
        note: { type: 'null' },
        owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      },
      required: ['count', 'ratio', 'ok', 'note', 'owner'],
    });
  });

  it('arrays merge the shapes of their elements: a field missing from some is optional; integer + number is number', () => {
    const schema = inferSchema({
      rooms: [
        { room_id: 'r1', floor: 2, size: 10 },
        { room_id: 'r2', floor: 3, size: 12.5, note: 'window' },
      ],
    });
    expect(schema.properties).toEqual({
      rooms: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            room_id: { type: 'string', description: 'Identifier of the room.' },
            floor: { type: 'integer' },
            size: { type: 'number' },
            note: { type: 'string' },
          },
          required: ['room_id', 'floor', 'size'],
        },
      },
    });
  });

  it('mixed element types become a type list; an empty list has no items', () => {
    expect(inferSchema([1, 'a', null])).toEqual({ type: 'array', items: { type: ['string', 'integer', 'null'] } });
    expect(inferSchema({ tags: [] })).toEqual({ type: 'object', properties: { tags: { type: 'array' } }, required: ['tags'] });
  });

  it('recognises *_id, id and camelCase Id fields as identifiers', () => {
    const s = inferSchema({ id: 'x', team_member_id: 'm', bookingId: 'b', video: 'v', user_id: 7 });
    expect(s.properties).toMatchObject({
      id: { type: 'string', description: 'Identifier.' },
      team_member_id: { description: 'Identifier of the team member.' },
      bookingId: { description: 'Identifier of the booking.' },
      video: { type: 'string' },
      user_id: { type: 'integer' },
    });
    expect((s.properties as Record<string, Record<string, unknown>>).video.description).toBeUndefined();
  });

  it('formats for date-times, dates, emails, URIs and UUIDs — only when every value has it', () => {
    const s = inferSchema({
      at: '2026-01-05T09:00:00Z',
      day: '2026-01-05',
      not_a_day: '2026-02-30',
      email: 'ada@example.com',
      url: 'https://example.com/x',
      uuid: '123e4567-e89b-12d3-a456-426614174000',
      days: ['2026-01-05', 'tomorrow'],
      word: 'hello',
    });
    expect(s.properties).toMatchObject({
      at: { format: 'date-time' },
      day: { format: 'date' },
      email: { format: 'email' },
      url: { format: 'uri' },
      uuid: { format: 'uuid' },
    });
    const props = s.properties as Record<string, Record<string, unknown>>;
    expect(props.not_a_day.format).toBeUndefined();
    expect((props.days.items as Record<string, unknown>).format).toBeUndefined();
    expect(props.word.format).toBeUndefined();
  });

  it('never guesses enums from a sample', () => {
    expect(JSON.stringify(inferSchema({ status: 'open', items: [{ status: 'open' }, { status: 'closed' }] }))).not.toContain('enum');
  });

  it('skips forbidden keys (the sample still validates) and refuses them in pasted text', () => {
    const sample = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as JsonValue;
    const s = inferSchema(sample);
    expect(Object.keys(s.properties as object)).toEqual(['a']);
    expect(checkAgainstSchema(s, sample)).toEqual([]);
    expect(inferSchemaFromText('{"__proto__": {}}')).toMatchObject({ ok: false, errors: [{ path: '$.__proto__' }] });
  });

  it('from text: JSON errors with their line', () => {
    expect(inferSchemaFromText('{\n"a": 1,\n}')).toMatchObject({ ok: false, errors: [{ path: '$', line: 3 }] });
    expect(inferSchemaFromText('{"a": 1}')).toEqual({ ok: true, schema: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] } });
  });

  it('very deep samples are cut off with an open schema, not a stack overflow', () => {
    let deep: JsonValue = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    const s = inferSchema(deep);
    expect(checkAgainstSchema(s, deep)).toEqual([]);
  });
});

describe('inferSchema on random JSON (property)', () => {
  it('never throws, and the sample always validates against the inferred schema (ajv)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (sample) => {
        const schema = inferSchema(sample as JsonValue);
        const errors = checkAgainstSchema(schema, sample as JsonValue);
        if (errors.length) throw new Error(`${JSON.stringify(sample)}\n${JSON.stringify(schema)}\n${JSON.stringify(errors)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('the same for result-like samples: lists of similar records with dates, emails and ids', () => {
    const value = fc.oneof(
      fc.constantFrom('2026-01-05', '2026-01-05T09:30:00Z', 'ada@example.com', 'https://x.io/a', '123e4567-e89b-12d3-a456-426614174000', '2026-13-01', 'a@b'),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const record = fc.dictionary(fc.constantFrom('id', 'user_id', 'email', 'when', 'count', 'name'), value, { maxKeys: 5 });
    fc.assert(
      fc.property(fc.record({ items: fc.array(record, { maxLength: 6 }), total: value }), (sample) => {
        const schema = inferSchema(sample as JsonValue);
        expect(checkAgainstSchema(schema, sample as JsonValue)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
