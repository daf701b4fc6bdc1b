/**
 * The parameters: each needs a description (it shapes every generated argument), the schema
 * needs `required` (without it every parameter is optional), and a string that is a choice
 * from a fixed set needs `enum` (or the model and the simulator invent values).
 */
import { isPlainObject, type JsonValue } from '../../project/types.ts';
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditFinding, AuditRuleInfo } from '../types.ts';
import { nameWords } from '../text.ts';
import { auditFinding, type ToolRule } from './context.ts';

export const PARAMETER_RULES: AuditRuleInfo[] = [
  { code: 'parameter-description-missing', level: 'medium', title: 'A parameter has no description' },
  { code: 'required-missing', level: 'low', title: 'The parameters do not say which are required' },
  { code: 'enum-missing', level: 'low', title: 'A choice from a fixed set is written as a free string' },
];

/** Parameter names (their last word) that usually take one of a few values. */
export const ENUM_LIKE_NAMES = new Set([
  'status',
  'state',
  'priority',
  'type',
  'kind',
  'mode',
  'level',
  'severity',
  'category',
  'direction',
  'unit',
  'units',
  'visibility',
  'channel',
  'frequency',
  'period',
  'order',
  'sort',
]);

/** Descriptions that list the allowed values. */
const LISTS_VALUES = [
  /\bone of\b/i,
  /\beither\b[^.]*\bor\b/i,
  /\b(?:possible|allowed|valid|accepted|supported) values\b/i,
  /["'`][\w-]+["'`]\s*(?:,|\bor\b|\|)\s*["'`][\w-]+["'`]/,
  /\b[\w-]+\s*\|\s*[\w-]+\b/,
];

const hasType = (schema: Record<string, JsonValue>, type: string) => schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));

function isEnumLikeName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? '';
  const joined = words.join('_');
  return ENUM_LIKE_NAMES.has(last) || /^(?:sort|order)_by$/.test(joined) || /(?:^|_)(?:sort|order)_by$/.test(joined);
}

/** The values listed after "one of" / "either", when they are simple words. */
export function listedValues(description: string): string[] {
  const m = /\b(?:one of|either|values(?: are)?)\s*:?\s*([^.;()]*)/i.exec(description);
  if (!m) return [];
  const values = m[1]
    .split(/\s*(?:,|\bor\b|\band\b|\|)\s*/)
    .map((v) => v.trim().replace(/^["'`]|["'`]$/g, ''))
    .filter((v) => /^[\w-]+$/.test(v));
  return values.length >= 2 ? values : [];
}

export const parametersRule: ToolRule = ({ tool, path }) => {
  const out: AuditFinding[] = [];
  const name = tool.function.name;
  const paramsPath = jsonPath(path, 'function', 'parameters');
  const params = tool.function.parameters;
  const properties = isPlainObject(params) && isPlainObject(params.properties) ? params.properties : {};
  const names = Object.keys(properties);
  for (const param of names) {
    const schema = properties[param];
    const at = jsonPath(paramsPath, 'properties', param);
    const description = isPlainObject(schema) && typeof schema.description === 'string' ? schema.description.trim() : '';
    if (!description) {
      out.push(
        auditFinding(
          'parameter-description-missing',
          'medium',
          at,
          `The parameter "${param}" of "${name}" has no description: the model has to guess what to pass from its name alone.`,
          'Describe it: what it means, its format or unit, and an example value.',
          name,
        ),
      );
    }
    if (!isPlainObject(schema) || !hasType(schema, 'string')) continue;
    if ('enum' in schema || 'const' in schema || 'format' in schema || 'pattern' in schema || 'oneOf' in schema || 'anyOf' in schema) continue;
    const listed = LISTS_VALUES.some((re) => re.test(description));
    if (!listed && !isEnumLikeName(param)) continue;
    const values = listedValues(description);
    out.push(
      auditFinding(
        'enum-missing',
        'low',
        at,
        listed
          ? `The parameter "${param}" of "${name}" lists its allowed values in the description but has no "enum": generated calls may use other values, and nothing checks them.`
          : `The parameter "${param}" of "${name}" looks like a choice from a fixed set but is a free string: the model and the simulator will invent values.`,
        values.length ? `Add "enum": ${JSON.stringify(values)}.` : 'List the allowed values in "enum" (or, if any text is allowed, say so in the description).',
        name,
      ),
    );
  }
  if (names.length > 0 && isPlainObject(params) && !Array.isArray(params.required)) {
    out.push(
      auditFinding(
        'required-missing',
        'low',
        paramsPath,
        `The parameters of "${name}" have no "required" list, so every parameter is optional: the model may leave out what the tool needs.`,
        `Add "required" with the parameters every call must give (write [] if all are optional).`,
        name,
      ),
    );
  }
  return out;
};
