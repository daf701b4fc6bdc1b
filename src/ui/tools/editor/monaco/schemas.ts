/**
 * The JSON Schemas Monaco validates and completes with (never fetched: registered inline).
 * A tool definition is checked against the project's own tool-definition schema
 * (public/schema/tool-1.schema.json, the one the core applies); a `returns` schema against a
 * small description of the JSON Schema keywords result schemas use, for completions and hovers.
 */
import type { JsonSchema } from '../../../../core/index.ts';
import { TOOL_DEFINITION_SCHEMA, TOOL_DEFINITION_SCHEMA_URI } from '../../../../core/index.ts';

/** Model paths: `<tool>.tool.json` (a whole definition) and `<tool>.returns.json` (its result schema). */
export const definitionModelPath = (tool: string) => `inmemory://chainwright/${tool}.tool.json`;
export const returnsModelPath = (tool: string) => `inmemory://chainwright/${tool}.returns.json`;
export const sampleModelPath = (tool: string) => `inmemory://chainwright/${tool}.sample.json`;

export const RETURNS_SCHEMA_URI = 'https://chainwright.dev/schema/returns-editor.schema.json';

const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

/** The keywords a result schema uses (draft 2020-12 and the draft-07 style), with Chainwright's `x-fake`. */
export const RETURNS_EDITOR_SCHEMA: JsonSchema = {
  $id: RETURNS_SCHEMA_URI,
  title: 'A tool result schema',
  $ref: '#/$defs/schema',
  $defs: {
    schema: {
      type: 'object',
      properties: {
        type: {
          description: 'The JSON type of the value.',
          anyOf: [{ enum: TYPES }, { type: 'array', items: { enum: TYPES }, uniqueItems: true }],
        },
        description: { type: 'string', description: 'What the value holds. Result fields with a description are easier to wire.' },
        properties: { type: 'object', description: 'One schema per field of an object.', additionalProperties: { $ref: '#/$defs/schema' } },
        required: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Fields always present.' },
        items: { $ref: '#/$defs/schema', description: 'The schema of every element of a list.' },
        enum: { type: 'array', description: 'The allowed values.' },
        const: { description: 'The only allowed value.' },
        format: { type: 'string', description: 'A string format.', examples: ['date-time', 'date', 'time', 'email', 'uri', 'uuid'] },
        pattern: { type: 'string', description: 'A regular expression the string matches.' },
        minimum: { type: 'number' },
        maximum: { type: 'number' },
        minItems: { type: 'integer', minimum: 0 },
        maxItems: { type: 'integer', minimum: 0 },
        minLength: { type: 'integer', minimum: 0 },
        maxLength: { type: 'integer', minimum: 0 },
        additionalProperties: { anyOf: [{ type: 'boolean' }, { $ref: '#/$defs/schema' }] },
        anyOf: { type: 'array', items: { $ref: '#/$defs/schema' } },
        oneOf: { type: 'array', items: { $ref: '#/$defs/schema' } },
        allOf: { type: 'array', items: { $ref: '#/$defs/schema' } },
        examples: { type: 'array' },
        'x-fake': {
          type: 'string',
          description: 'Draw the value from Faker: "module.method", e.g. "person.fullName" or "location.city".',
          examples: ['person.fullName', 'internet.email', 'location.city', 'company.name'],
        },
      },
    },
  },
};

export interface MonacoSchema {
  uri: string;
  fileMatch: string[];
  schema: JsonSchema;
}

export const JSON_SCHEMAS: MonacoSchema[] = [
  { uri: TOOL_DEFINITION_SCHEMA_URI, fileMatch: ['*.tool.json'], schema: TOOL_DEFINITION_SCHEMA },
  { uri: RETURNS_SCHEMA_URI, fileMatch: ['*.returns.json'], schema: RETURNS_EDITOR_SCHEMA },
];
