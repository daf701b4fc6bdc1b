import type { JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { parseTemplate } from '../refs/parse.ts';
import { testOperators, type Condition, type Operator } from './types.ts';

/**
 * A condition in words, for the plan and the canvas:
 *
 *   cal.events.length > 0          task.priority is one of high, urgent
 *   tasks.tasks is empty           all of (a > 1; b exists)      not (…)
 *   prep ran    book failed        wipe was declined
 *
 * References are written without braces (with `braces: true`, as in the file, for
 * messages). A string is written bare when it reads as one word and is not a number,
 * `true`, `false` or `null`; otherwise quoted. Never throws, even on malformed input.
 */
export interface DescribeOptions {
  /** Write references as `{a.b}` instead of `a.b`. */
  braces?: boolean;
}

const SYMBOLS: { [op in Operator]?: string } = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };
const WORD = /^[\p{L}\p{N}_.:@/+-]+$/u;
const hasOwn = Object.prototype.hasOwnProperty;

export function describeCondition(cond: Condition, options: DescribeOptions = {}): string {
  const braces = options.braces ?? false;
  const c: unknown = cond;
  if (!isPlainObject(c)) return JSON.stringify(c) ?? String(c);
  const list = (key: 'all' | 'any') => {
    const items = c[key];
    return Array.isArray(items)
      ? `${key} of (${items.map((i) => describeCondition(i as Condition, options)).join('; ')})`
      : `${key} of ${JSON.stringify(items)}`;
  };
  if (hasOwn.call(c, 'all')) return list('all');
  if (hasOwn.call(c, 'any')) return list('any');
  if (hasOwn.call(c, 'not')) return `not (${describeCondition(c.not as Condition, options)})`;
  if (hasOwn.call(c, 'ran')) return `${word(c.ran)} ran`;
  if (hasOwn.call(c, 'failed')) return `${word(c.failed)} failed`;
  if (hasOwn.call(c, 'declined')) return `${word(c.declined)} was declined`;

  const value = hasOwn.call(c, 'value') ? formatValue(c.value, braces) : '(no value)';
  const operators = testOperators(c);
  if (operators.length === 0) return `${value} (no operator)`;
  return operators.map((op) => `${value} ${describeOperator(op, c[op], braces)}`).join(' and ');
}

function describeOperator(op: Operator, operand: JsonValue, braces: boolean): string {
  const symbol = SYMBOLS[op];
  if (symbol) return `${symbol} ${formatValue(operand, braces)}`;
  switch (op) {
    case 'in':
    case 'notIn': {
      const items = Array.isArray(operand)
        ? operand.length
          ? operand.map((o) => formatValue(o, braces)).join(', ')
          : 'nothing'
        : formatValue(operand, braces);
      return `${op === 'in' ? 'is one of' : 'is not one of'} ${items}`;
    }
    case 'contains':
      return `contains ${formatValue(operand, braces)}`;
    case 'empty':
      return operand === false ? 'is not empty' : operand === true ? 'is empty' : `empty ${formatValue(operand, braces)}`;
    default:
      return operand === false ? 'does not exist' : operand === true ? 'exists' : `exists ${formatValue(operand, braces)}`;
  }
}

function word(id: unknown): string {
  return typeof id === 'string' && id ? id : JSON.stringify(id);
}

/** A value or an operand: references without braces (or with), literals as short text. */
export function formatValue(value: unknown, braces = false): string {
  if (typeof value === 'string') {
    const parsed = parseTemplate(value);
    if (parsed.errors.length) return JSON.stringify(value);
    if (parsed.whole) return braces ? `{${parsed.whole.source}}` : parsed.whole.source;
    let text = '';
    let refs = false;
    for (const part of parsed.parts) {
      if (part.kind === 'text') text += part.text;
      else {
        refs = true;
        text += braces ? `{${part.ref.source}}` : part.ref.source;
      }
    }
    return refs || !isWord(text) ? JSON.stringify(text) : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, braces)).join(', ')}]`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}

function isWord(text: string): boolean {
  return WORD.test(text) && text !== 'true' && text !== 'false' && text !== 'null' && Number.isNaN(Number(text));
}
