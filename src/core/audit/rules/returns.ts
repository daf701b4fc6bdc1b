/**
 * The result schema: without one, every simulated result is `{"ok": true}` and no later call
 * can take a value from it; a result field without a type (or an object without properties,
 * an array without items) cannot be wired to a parameter, because nobody can tell what it holds.
 */
import { isPlainObject, type JsonValue } from '../../project/types.ts';
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditFinding, AuditRuleInfo } from '../types.ts';
import { auditFinding, type ToolRule } from './context.ts';

export const RETURNS_RULES: AuditRuleInfo[] = [
  { code: 'returns-missing', level: 'medium', title: 'The tool has no returns schema' },
  { code: 'result-field-undocumented', level: 'low', title: 'A result field has no type: nothing can be wired from it' },
];

const MAX_DEPTH = 24;
/** Keywords that say what a value is, besides `type`. */
const TYPED_BY = ['type', 'enum', 'const', '$ref', 'oneOf', 'anyOf', 'allOf', 'properties', 'items', 'x-fake'];

export const returnsRule: ToolRule = ({ tool, path }) => {
  const name = tool.function.name;
  if (tool.returns === undefined) {
    return [
      auditFinding(
        'returns-missing',
        'medium',
        path,
        `"${name}" has no returns schema: every simulated result is {"ok": true}, so the examples teach nothing about its result and no later call can take a value from it.`,
        'Add a returns schema: paste a real result into "Infer from a sample" and edit what it gives.',
        name,
      ),
    ];
  }
  const out: AuditFinding[] = [];
  walk(tool.returns, jsonPath(path, 'returns'), 'the result', 0);
  return out;

  function walk(schema: JsonValue, at: string, what: string, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (!isPlainObject(schema)) {
      if (schema === true) out.push(undocumented(at, what, `${what} accepts any value (the schema is true)`));
      return;
    }
    const described = typeof schema.description === 'string' && schema.description.trim() !== '';
    if (!TYPED_BY.some((k) => Object.hasOwn(schema, k))) {
      out.push(undocumented(at, what, `${what} has no type${described ? '' : ' and no description'}`));
      return;
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (
      types.includes('object') &&
      !isPlainObject(schema.properties) &&
      !isPlainObject(schema.additionalProperties) &&
      !isPlainObject(schema.patternProperties)
    ) {
      out.push(undocumented(at, what, `${what} is an object whose fields are not described`));
    }
    if (types.includes('array') && schema.items === undefined && schema.prefixItems === undefined) {
      out.push(undocumented(at, what, `${what} is a list whose elements are not described`));
    }
    if (isPlainObject(schema.properties))
      for (const [key, sub] of Object.entries(schema.properties)) walk(sub, jsonPath(at, 'properties', key), `the result field "${key}"`, depth + 1);
    if (isPlainObject(schema.items)) walk(schema.items, jsonPath(at, 'items'), `the elements of ${what}`, depth + 1);
  }

  function undocumented(at: string, _what: string, found: string): AuditFinding {
    return auditFinding(
      'result-field-undocumented',
      'low',
      at,
      `In "${name}", ${found}: a parameter can be wired from it only when its type is known, and the simulator makes up any value.`,
      'Give it a "type" (and "properties" for an object, "items" for a list) and a short description.',
      name,
    );
  }
};
