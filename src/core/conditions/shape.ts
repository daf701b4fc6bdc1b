import { isPlainObject } from '../project/types.ts';
import { parseTemplate } from '../refs/parse.ts';
import { error, jsonPath, type Diagnostic } from '../validate/diagnostics.ts';
import { COMBINATOR_KEYS, OPERATORS, STATUS_KEYS, isOperator, testOperators, type Operator } from './types.ts';

/**
 * The structure of a condition, as the file reader checks it (docs/project-format.md,
 * "Conditions"): which keys it has and what JSON types their values are. Nothing here
 * looks at slots, calls or schemas; that is `checkCondition` (check.ts).
 *
 * Codes: `condition-operator` when a test has no operator or more than one, and
 * `invalid-condition` for every other structural fault. Never throws.
 */
export function checkConditionShape(value: unknown, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(value, path, out);
  return out;
}

/**
 * What each operator takes: `list`, a list of values or one whole reference to a list;
 * `boolean`, true or false; `value`, any literal or a whole-string reference. The published
 * JSON Schema's condition (project/formatSchema.ts) is written from this table too.
 */
export const OPERANDS: { readonly [op in Operator]: 'value' | 'list' | 'boolean' } = {
  eq: 'value',
  ne: 'value',
  gt: 'value',
  gte: 'value',
  lt: 'value',
  lte: 'value',
  in: 'list',
  notIn: 'list',
  contains: 'value',
  empty: 'boolean',
  exists: 'boolean',
};

const hasOwn = Object.prototype.hasOwnProperty;
const KINDS = [...COMBINATOR_KEYS, ...STATUS_KEYS] as const;
const FORMS = `a test { "value": …, "<operator>": … }, or one of ${KINDS.map((k) => `"${k}"`).join(', ')}`;
const ALLOWED = OPERATORS.join(', ');

/** Keys people write for an operator or a kind, and what they meant. */
const ALIASES: { [alias: string]: string } = {
  equals: 'eq',
  equal: 'eq',
  is: 'eq',
  '=': 'eq',
  '==': 'eq',
  '===': 'eq',
  neq: 'ne',
  not_eq: 'ne',
  '!=': 'ne',
  '!==': 'ne',
  '<>': 'ne',
  '>': 'gt',
  '>=': 'gte',
  ge: 'gte',
  '<': 'lt',
  '<=': 'lte',
  le: 'lte',
  nin: 'notIn',
  not_in: 'notIn',
  oneOf: 'in',
  one_of: 'in',
  has: 'contains',
  includes: 'contains',
  exist: 'exists',
  isEmpty: 'empty',
  and: 'all',
  or: 'any',
  allOf: 'all',
  anyOf: 'any',
};

const KNOWN_KEYS = ['value', ...OPERATORS, ...KINDS];

function suggestion(key: string): string {
  const alias = hasOwn.call(ALIASES, key) ? ALIASES[key] : KNOWN_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  return alias && alias !== key ? ` (did you mean "${alias}"?)` : '';
}

function listKeys(keys: readonly string[]): string {
  return keys.map((k) => `"${k}"${suggestion(k)}`).join(', ');
}

/** A few words for a JSON value of the wrong kind: `the number 3`, `a list`, `null`. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function walk(value: unknown, path: string, out: Diagnostic[]): void {
  if (!isPlainObject(value)) {
    out.push(error('invalid-condition', path, `a condition must be an object (${FORMS}), not ${describeJsonValue(value)}`));
    return;
  }
  const keys = Object.keys(value);
  const kinds = KINDS.filter((k) => hasOwn.call(value, k));
  const operators = testOperators(value);
  const isTest = hasOwn.call(value, 'value') || operators.length > 0;
  const forms: string[] = [...kinds, ...(isTest ? ['a test'] : [])];

  if (forms.length === 0) {
    out.push(
      error(
        'invalid-condition',
        path,
        keys.length
          ? `not a condition: unknown key${keys.length > 1 ? 's' : ''} ${listKeys(keys)}; a condition is ${FORMS}`
          : `an empty object is not a condition; a condition is ${FORMS}`,
      ),
    );
    return;
  }
  if (forms.length > 1) {
    out.push(
      error(
        'invalid-condition',
        path,
        `a condition is one thing, but this one mixes ${forms.map((f) => (f === 'a test' ? 'a test' : `"${f}"`)).join(' and ')}; put the parts in an "all" or "any" list`,
      ),
    );
    return;
  }

  if (isTest) {
    checkTest(value, keys, operators, path, out);
    return;
  }

  const kind = kinds[0];
  const unknown = keys.filter((k) => k !== kind);
  if (unknown.length)
    out.push(error('invalid-condition', path, `unknown key${unknown.length > 1 ? 's' : ''} ${listKeys(unknown)} beside "${kind}"; "${kind}" stands alone`));
  const operand = value[kind];
  const at = jsonPath(path, kind);
  switch (kind) {
    case 'all':
    case 'any':
      if (!Array.isArray(operand)) {
        out.push(error('invalid-condition', at, `"${kind}" takes a list of conditions, not ${describeJsonValue(operand)}`));
      } else if (operand.length === 0) {
        out.push(
          error(
            'invalid-condition',
            at,
            `"${kind}" takes a non-empty list of conditions (an empty "${kind}" ${kind === 'all' ? 'always' : 'never'} holds; leave the condition out instead)`,
          ),
        );
      } else {
        operand.forEach((item, i) => walk(item, jsonPath(path, kind, i), out));
      }
      break;
    case 'not':
      walk(operand, at, out);
      break;
    default:
      if (typeof operand !== 'string' || operand.length === 0) {
        out.push(error('invalid-condition', at, `"${kind}" takes the id of a call of the chain, not ${describeJsonValue(operand)}`));
      }
  }
}

function checkTest(value: { [key: string]: unknown }, keys: string[], operators: Operator[], path: string, out: Diagnostic[]): void {
  const unknown = keys.filter((k) => k !== 'value' && !isOperator(k));
  if (operators.length !== 1) {
    const found = operators.length === 0 ? 'none' : `${operators.length} (${operators.join(', ')})`;
    const others = operators.length === 0 && unknown.length ? `; its other keys are ${listKeys(unknown)}` : '';
    const combine = operators.length > 1 ? '; to test several things, put one test per operator in an "all" list' : '';
    out.push(
      error('condition-operator', path, `the test at ${path} needs exactly one operator, found ${found}${others}; the operators are ${ALLOWED}${combine}`),
    );
  } else if (unknown.length) {
    out.push(
      error('invalid-condition', path, `unknown key${unknown.length > 1 ? 's' : ''} ${listKeys(unknown)} in a test; a test has "value" and one of ${ALLOWED}`),
    );
  }
  if (!hasOwn.call(value, 'value')) {
    out.push(error('invalid-condition', path, `a test needs "value": what is tested, a literal or a reference such as "{cal.events.length}"`));
  }
  for (const op of operators) {
    const operand = value[op];
    const at = jsonPath(path, op);
    if (OPERANDS[op] === 'list') {
      const wholeRef = typeof operand === 'string' && parseTemplate(operand).whole !== null;
      if (!Array.isArray(operand) && !wholeRef) {
        out.push(error('invalid-condition', at, `"${op}" takes a list of values (or a reference to one, such as "{slot}"), not ${describeJsonValue(operand)}`));
      }
    } else if (OPERANDS[op] === 'boolean') {
      if (typeof operand !== 'boolean') {
        out.push(error('invalid-condition', at, `"${op}" takes true or false, not ${describeJsonValue(operand)}`));
      }
    }
  }
}
