import { OPERANDS } from '../conditions/shape.ts';
import { COMBINATOR_KEYS, OPERATORS, STATUS_KEYS } from '../conditions/types.ts';
import { call, callId, chain, chainId, confirm, failure, position, project, replyVariant, requests, schemaObject, slot, template, tool } from './format.ts';
import { DESCRIPTIONS } from './formatDescriptions.ts';
import type { AnyNode, Node, Test } from './formatKit.ts';
import { FORBIDDEN_KEYS } from './shape.ts';
import type { JsonValue } from './types.ts';
import { PROJECT_VERSION } from './types.ts';

/**
 * Writes the published JSON Schema of the project file from its definition (format.ts) and
 * the descriptions (formatDescriptions.ts). `npm run schema` (scripts/schema.ts) writes it to
 * public/schema/project-2.schema.json; schema.test.ts fails when the committed file differs.
 * Not imported by the app: the reader checks files with format.ts directly, without ajv.
 */

type Schema = { [key: string]: JsonValue };

export const SCHEMA_ID = `https://chainwright.dev/schema/project-${PROJECT_VERSION}.schema.json`;

/**
 * One whole reference (`{slot}`, `{call.path[0]}`…), as `parseTemplate(s).whole` reads it:
 * the operand of `in` / `notIn` may be one. The reader uses the parser; schema.test.ts holds
 * this pattern to it with a property test.
 */
const WHOLE_REFERENCE =
  '^\\{[A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+|\\[(?:\\*|[0-9]+|-[1-9][0-9]*|(?:min|max):[A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*|"[^"\\\\\\]}]*")\\])*\\}$';

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

/** The records published once under `$defs` (and described once, by that name); the rest is written where it is used. */
const NAMES = new Map<Node, string>([
  [template, 'template'],
  [requests, 'requests'],
  [callId, 'identifier'],
  [chainId, 'identifier'],
  [schemaObject, 'jsonSchemaObject'],
  [tool, 'tool'],
  [slot, 'slot'],
  [position, 'position'],
  [replyVariant, 'replyVariant'],
  [call, 'call'],
  [failure, 'failure'],
  [confirm, 'confirm'],
  [chain, 'chain'],
]);

export function projectSchema(): Schema {
  const defs: { [name: string]: Schema } = {};
  const used = new Set<string>();

  const describe = (path: string, required = true): { description?: string } => {
    const text = DESCRIPTIONS[path];
    used.add(path);
    if (text === undefined && required) throw new Error(`formatDescriptions.ts has no description for "${path}"`);
    return text === undefined ? {} : { description: text };
  };
  const define = (name: string, schema: Schema) => {
    defs[name] = { ...describe(name, false), ...schema };
  };
  const looseRest = { propertyNames: ref('allowedKey'), additionalProperties: ref('json') };
  const when = (test: Test): Schema => (test.has === undefined ? { type: test.type } : { type: test.type, required: [test.has] });

  /** The schema of `node`, which sits at `path` in the definition (the key of its description). */
  function emit(node: Node, path: string): Schema {
    const n = node as AnyNode;
    if (n.kind === 'custom') {
      if (n.name !== 'condition') throw new Error(`no schema for the custom record "${n.name}"`);
      if (!defs.condition) defineCondition();
      return ref('condition');
    }
    const name = NAMES.get(node);
    if (name === undefined) return body(n, path);
    if (!(name in defs)) {
      defs[name] = {}; // a reference to it from inside finds it
      define(name, body(n, name));
    } else if (JSON.stringify(defs[name]) !== JSON.stringify({ ...describe(name, false), ...body(n, name) })) {
      throw new Error(`two different records are named "${name}" in format.ts`);
    }
    return ref(name);
  }

  function body(n: AnyNode, path: string): Schema {
    switch (n.kind) {
      case 'text': {
        const s: Schema = { type: 'string' };
        if (n.pattern) s.pattern = n.pattern.source;
        if (n.format) s.format = n.format;
        return s;
      }
      case 'number': {
        const s: Schema = { type: n.integer ? 'integer' : 'number' };
        if (n.min !== undefined) s.minimum = n.min;
        if (n.max !== undefined) s.maximum = n.max;
        return s;
      }
      case 'values':
        return n.values.length === 1 ? { const: n.values[0] as JsonValue } : { enum: n.values as JsonValue[] };
      case 'list': {
        const s: Schema = { type: 'array', items: emit(n.item, `${path}[]`) };
        if (n.minItems !== undefined) s.minItems = n.minItems;
        return s;
      }
      case 'tuple':
        return { type: 'array', prefixItems: n.items.map((item, i) => emit(item, `${path}[${i}]`)), minItems: n.items.length, maxItems: n.items.length };
      case 'object': {
        const required = Object.entries(n.props)
          .filter(([, f]) => f.required)
          .map(([k]) => k);
        const properties: Schema = {};
        for (const [key, field] of Object.entries(n.props)) {
          const at = `${path}.${key}`;
          const schema = emit(field.node, at);
          properties[key] = { ...schema, ...describe(at), ...(field.default !== undefined ? { default: field.default } : {}) };
        }
        const s: Schema = { type: 'object' };
        if (required.length) s.required = required;
        s.properties = properties;
        if (n.oneKeyOf) s.oneOf = n.oneKeyOf.keys.map((k) => ({ required: [k] }));
        return n.closed ? { ...s, additionalProperties: false } : { ...s, ...looseRest };
      }
      case 'record': {
        const names: Schema = { ...ref('allowedKey'), ...describe(`${path}{}`, false) };
        if (n.key?.pattern) names.pattern = n.key.pattern.source;
        if (n.key?.minLength) names.minLength = n.key.minLength;
        return { type: 'object', propertyNames: names, additionalProperties: emit(n.value, `${path}.*`) };
      }
      case 'json':
        return ref('json');
      case 'custom':
        throw new Error(`no schema for the custom record "${n.name}"`);
      case 'variants': {
        // The reader takes the first variant whose test the value passes: so does the schema.
        let rest: Schema | boolean = n.otherwise ? emit(n.otherwise, path) : false;
        for (const v of [...n.variants].reverse()) rest = { if: when(v.is), then: emit(v.node, path), else: rest };
        return rest as Schema;
      }
    }
  }

  function defineCondition() {
    defs.condition = {};
    const operand = (op: keyof typeof OPERANDS): Schema =>
      OPERANDS[op] === 'list' ? ref('conditionList') : OPERANDS[op] === 'boolean' ? { type: 'boolean' } : ref('json');
    const test: Schema = {
      type: 'object',
      ...describe('condition.test'),
      required: ['value'],
      minProperties: 2,
      maxProperties: 2,
      properties: Object.fromEntries([
        ['value', { ...ref('json'), ...describe('condition.test.value') }],
        ...OPERATORS.map((op) => [op, { ...operand(op), ...describe(`condition.test.${op}`) }]),
      ]),
      additionalProperties: false,
    };
    const kinds = [...COMBINATOR_KEYS, ...STATUS_KEYS].map((kind): Schema => {
      const inner: Schema =
        kind === 'all' || kind === 'any'
          ? { type: 'array', minItems: 1, items: ref('condition') }
          : kind === 'not'
            ? ref('condition')
            : { type: 'string', minLength: 1 };
      return {
        type: 'object',
        ...describe(`condition.${kind}`),
        required: [kind],
        properties: { [kind]: { ...inner, ...describe(`condition.${kind}.${kind}`) } },
        additionalProperties: false,
      };
    });
    define('conditionList', {
      anyOf: [
        { type: 'array', items: ref('json') },
        { type: 'string', pattern: WHOLE_REFERENCE },
      ],
    });
    define('condition', { type: 'object', oneOf: [test, ...kinds] });
  }

  define('allowedKey', { not: { enum: [...FORBIDDEN_KEYS] } });
  define('json', { ...looseRest, items: ref('json') });
  const top = body(project as AnyNode, '$');
  const description = describe('$');
  const unused = Object.keys(DESCRIPTIONS).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`formatDescriptions.ts describes what format.ts does not define: ${unused.join(', ')}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: `Chainwright project, version ${PROJECT_VERSION}`,
    ...description,
    ...top,
    $defs: defs,
  };
}

/** The file's text: two-space JSON and a final newline. */
export function projectSchemaText(): string {
  return `${JSON.stringify(projectSchema(), null, 2)}\n`;
}
