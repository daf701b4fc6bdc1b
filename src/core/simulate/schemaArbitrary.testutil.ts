/**
 * Test-only: a fast-check arbitrary of satisfiable JSON Schemas drawn from the subset the
 * simulator supports (types, formats, simple patterns, bounds, enums, const, objects,
 * arrays, anyOf, disjoint oneOf, allOf, $ref into $defs, x-fake, default).
 */
import fc from 'fast-check';
import type { JsonSchema, JsonValue } from '../project/types.ts';

const NAMES = [
  'id',
  'room_id',
  'team_member_id',
  'email',
  'name',
  'first_name',
  'city',
  'status',
  'price',
  'age',
  'created_at',
  'check_in_date',
  'description',
  'count',
  'title',
  'url',
  'tags',
  'phone',
  'a',
  'b',
  'value',
  'x_y',
  // Names the simulator's agreements read (pairs, clock, success flags, paths, log lines, counts, sorting).
  'low_c',
  'high_c',
  'departs_at',
  'arrives_at',
  'duration_minutes',
  'updated_at',
  'start_time',
  'end_time',
  'check_in',
  'check_out',
  'sent',
  'ok',
  'path',
  'cwd',
  'level',
  'message',
  'timestamp',
  'username',
  'full_name',
  'file_name',
  'mime_type',
  'size_bytes',
  'content',
  'line_count',
  'is_directory',
  'total',
  'items',
  'airline',
  'flight_number',
  'date',
  'user_id',
];
const FORMATS = [
  'date',
  'date-time',
  'time',
  'iso-time',
  'email',
  'uri',
  'url',
  'uuid',
  'hostname',
  'ipv4',
  'ipv6',
  'duration',
  'byte',
  'uri-reference',
  'unknown-format',
];
const PATTERNS = ['^[A-Z]{2}-\\d{4}$', '^[a-z]+$', '\\d', '^(foo|bar)_[0-9]{1,3}$', '^[^\\s]{3,6}$', '^\\w+@example\\.com$', '^(?:ab)+c?$', '^.{2,5}$', 'x'];
const FAKES = ['person.fullName', 'location.city', 'internet.email', 'date.soon', 'number.int', 'lorem.paragraph', 'nope.nothing', 'datatype.boolean'];

const str = fc.oneof(
  fc.constant<JsonSchema>({ type: 'string' }),
  fc.tuple(fc.nat(12), fc.nat(30)).map(([min, extra]): JsonSchema => ({ type: 'string', minLength: min, maxLength: min + extra })),
  fc.nat(20).map((max): JsonSchema => ({ type: 'string', maxLength: max })),
  fc.constantFrom(...FORMATS).map((format): JsonSchema => ({ type: 'string', format })),
  fc.constantFrom(...PATTERNS).map((pattern): JsonSchema => ({ type: 'string', pattern })),
  fc.constantFrom(...FAKES).map((fake): JsonSchema => ({ type: 'string', 'x-fake': fake })),
);

const int = fc
  .record({
    min: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
    span: fc.nat(300),
    hasMax: fc.boolean(),
    exMin: fc.boolean(),
    exMax: fc.boolean(),
    m: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    fake: fc.boolean(),
  })
  .map(({ min, span, hasMax, exMin, exMax, m, fake }): JsonSchema => {
    const s: JsonSchema = { type: 'integer' };
    const width = span + 2 * (m ?? 1) + 2;
    if (min !== undefined) s[exMin ? 'exclusiveMinimum' : 'minimum'] = min;
    if (hasMax) s[exMax ? 'exclusiveMaximum' : 'maximum'] = (min ?? 0) + width;
    if (m !== undefined) s.multipleOf = m;
    if (fake) {
      s['x-fake'] = 'number.int';
      s['x-fake-args'] = [{ min: 0, max: 20 }];
    }
    return s;
  });

export const numberArb = fc
  .record({
    min: fc.option(fc.double({ min: -500, max: 500, noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
    span: fc.double({ min: 0, max: 100, noNaN: true }),
    hasMax: fc.boolean(),
    exMin: fc.boolean(),
    exMax: fc.boolean(),
    m: fc.option(fc.constantFrom(0.5, 0.25, 0.1, 0.01, 2, 5), { nil: undefined }),
  })
  .map(({ min, span, hasMax, exMin, exMax, m }): JsonSchema => {
    const s: JsonSchema = { type: 'number' };
    const width = span + 2 * (m ?? 0.01) + 0.5;
    if (min !== undefined) s[exMin ? 'exclusiveMinimum' : 'minimum'] = min;
    if (hasMax) s[exMax ? 'exclusiveMaximum' : 'maximum'] = (min ?? 0) + width;
    if (m !== undefined) s.multipleOf = m;
    return s;
  });

/**
 * JSON values without keys like `valueOf` or `__proto__`: ajv's deep-equal (enum, const,
 * uniqueItems) calls `a.valueOf()` and crashes on them; the simulator does not.
 */
export const safeJson = (fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>).filter(
  (v) => !/"(valueOf|toString|constructor|__proto__|hasOwnProperty|isPrototypeOf)"/.test(JSON.stringify(v)),
);
const json = safeJson;

const leaf: fc.Arbitrary<JsonSchema> = fc.oneof(
  str,
  int,
  numberArb,
  fc.constant<JsonSchema>({ type: 'boolean' }),
  fc.constant<JsonSchema>({ type: 'null' }),
  fc.constant<JsonSchema>({}),
  fc.uniqueArray(json, { minLength: 1, maxLength: 5, selector: (v) => JSON.stringify(v) }).map((e): JsonSchema => ({ enum: e })),
  json.map((c): JsonSchema => ({ const: c })),
  fc.subarray(['string', 'integer', 'number', 'boolean', 'null'], { minLength: 1 }).map((t): JsonSchema => ({ type: t })),
  fc.integer({ min: -5, max: 15 }).map((d): JsonSchema => ({ type: 'integer', minimum: 0, maximum: 10, default: d })),
);

/** One simple schema per type, so that branches built from distinct types are disjoint. */
function ofType(type: string): fc.Arbitrary<JsonSchema> {
  switch (type) {
    case 'string':
      return str;
    case 'integer':
      return int;
    case 'object':
      return fc.constant({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] });
    case 'array':
      return fc.constant({ type: 'array', items: { type: 'integer' } });
    default:
      return fc.constant({ type });
  }
}

function schemaArb(refs: number): fc.Arbitrary<JsonSchema> {
  const { schema } = fc.letrec<{ schema: JsonSchema }>((tie) => {
    const sub = tie('schema');
    const object = fc
      .record({
        props: fc.dictionary(fc.constantFrom(...NAMES), sub, { maxKeys: 5 }),
        req: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        additional: fc.constantFrom<JsonValue | undefined>(undefined, false, true, { type: 'integer' }),
      })
      .map(({ props, req, additional }): JsonSchema => {
        const keys = Object.keys(props);
        const s: JsonSchema = { type: 'object', properties: props, required: keys.filter((_, i) => req[i]) };
        if (additional !== undefined) s.additionalProperties = additional;
        return s;
      });
    const array = fc
      .record({ items: sub, min: fc.nat(3), extra: fc.option(fc.nat(4), { nil: undefined }), unique: fc.boolean() })
      .map(({ items, min, extra, unique }): JsonSchema => {
        const s: JsonSchema = { type: 'array', items, minItems: min };
        if (extra !== undefined) s.maxItems = min + extra;
        if (unique && min <= 1) s.uniqueItems = true;
        return s;
      });
    const anyOf = fc.array(sub, { minLength: 1, maxLength: 3 }).map((b): JsonSchema => ({ anyOf: b }));
    const oneOf = fc
      .shuffledSubarray(['string', 'integer', 'boolean', 'null', 'object', 'array'], { minLength: 2, maxLength: 3 })
      .chain((types) => fc.tuple(...types.map(ofType)))
      .map((b): JsonSchema => ({ oneOf: b }));
    const allOf = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.nat(50), sub, sub).map(([lo, span, p1, p2]): JsonSchema => ({
      allOf: [
        { type: 'object', properties: { a: { type: 'integer', minimum: lo }, first: p1 }, required: ['a', 'first'] },
        { properties: { a: { maximum: lo + span }, second: p2 }, required: ['second'] },
      ],
    }));
    const ref = refs > 0 ? [fc.nat(refs - 1).map((i): JsonSchema => ({ $ref: `#/$defs/d${i}` }))] : [];
    return {
      schema: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, ...ref, object, array, anyOf, oneOf, allOf),
    };
  });
  return schema;
}

/** A root schema, sometimes with `$defs` referenced from inside. */
export const rootSchemaArb: fc.Arbitrary<JsonSchema> = fc.oneof(
  schemaArb(0),
  fc.tuple(schemaArb(3), fc.array(schemaArb(0), { minLength: 3, maxLength: 3 })).map(([s, defs]): JsonSchema => ({
    ...s,
    $defs: { d0: defs[0], d1: defs[1], d2: defs[2] },
  })),
);
