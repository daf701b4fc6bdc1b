import { parseTemplate } from '../../core/index.ts';
import type { Condition, JsonValue, ValueOption } from '../../core/index.ts';

/**
 * The condition editor's model (pure): which form a condition has, how it turns into
 * another form, and how an operator and an operand are shown and read back. A condition
 * written by these functions always has the shape the file reader accepts.
 */

export type ConditionKind = 'test' | 'all' | 'any' | 'not' | 'ran' | 'failed' | 'declined';
type Test = { value: JsonValue; [op: string]: JsonValue };

export const KIND_CHOICES: { kind: ConditionKind; label: string }[] = [
  { kind: 'test', label: 'A value test' },
  { kind: 'all', label: 'All of these' },
  { kind: 'any', label: 'Any of these' },
  { kind: 'not', label: 'Not this' },
  { kind: 'ran', label: 'A call ran' },
  { kind: 'failed', label: 'A call failed' },
  { kind: 'declined', label: 'The user declined a call' },
];

const hasOwn = Object.prototype.hasOwnProperty;
const STATUS: ConditionKind[] = ['ran', 'failed', 'declined'];

export function conditionKind(c: Condition): ConditionKind {
  for (const k of ['all', 'any', 'not', 'ran', 'failed', 'declined'] as const) if (hasOwn.call(c, k)) return k;
  return 'test';
}

/** The condition in another form, keeping what can be kept: a test wrapped in a group, a group's first test taken out of it, a status's call. */
export function convertCondition(c: Condition, to: ConditionKind, fallback: () => Condition, firstCall: string): Condition {
  const from = conditionKind(c);
  if (from === to) return c;
  const record = c as Record<string, unknown>;
  switch (to) {
    case 'test': {
      if (from === 'all' || from === 'any') {
        const first = (record[from] as Condition[]).find((x) => conditionKind(x) === 'test');
        return first ?? fallback();
      }
      if (from === 'not' && conditionKind(record.not as Condition) === 'test') return record.not as Condition;
      return fallback();
    }
    case 'all':
    case 'any':
      if (from === 'all' || from === 'any') return { [to]: record[from] } as Condition;
      return { [to]: [c] } as Condition;
    case 'not':
      return { not: c };
    default: {
      const id = STATUS.includes(from) ? (record[from] as string) : firstCall;
      return { [to]: id } as Condition;
    }
  }
}

/** The operators as the editor offers them; `empty` and `exists` with their operand folded in. */
export type OperatorChoice =
  'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'notIn' | 'contains' | 'empty:true' | 'empty:false' | 'exists:true' | 'exists:false';

export const OPERATOR_CHOICES: { value: OperatorChoice; label: string }[] = [
  { value: 'eq', label: '= equals' },
  { value: 'ne', label: '≠ does not equal' },
  { value: 'gt', label: '> more than' },
  { value: 'gte', label: '≥ at least' },
  { value: 'lt', label: '< less than' },
  { value: 'lte', label: '≤ at most' },
  { value: 'in', label: 'is one of' },
  { value: 'notIn', label: 'is not one of' },
  { value: 'contains', label: 'contains' },
  { value: 'empty:true', label: 'is empty' },
  { value: 'empty:false', label: 'is not empty' },
  { value: 'exists:true', label: 'exists' },
  { value: 'exists:false', label: 'does not exist' },
];

const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains', 'empty', 'exists'];

/** The operator a test has (the first, should it have several), as an editor choice. */
export function operatorChoice(test: Condition): OperatorChoice {
  const t = test as Test;
  const op = OPERATORS.find((o) => hasOwn.call(t, o)) ?? 'eq';
  if (op === 'empty' || op === 'exists') return `${op}:${t[op] === false ? 'false' : 'true'}` as OperatorChoice;
  return op as OperatorChoice;
}

/** The operand of a test (undefined for empty/exists, which have none to type). */
export function operandOf(test: Condition): JsonValue | undefined {
  const choice = operatorChoice(test);
  if (choice.includes(':')) return undefined;
  return (test as Test)[choice];
}

/** Whether an operator takes an operand that is typed. */
export const takesOperand = (choice: OperatorChoice): boolean => !choice.includes(':');
/** Whether an operator takes a list. */
export const takesList = (choice: OperatorChoice): boolean => choice === 'in' || choice === 'notIn';

/** The test with another operator; the operand is kept where it still fits (a value into a list and back). */
export function withOperator(test: Condition, choice: OperatorChoice): Condition {
  const t = test as Test;
  const before = operandOf(test);
  const out: Test = { value: t.value };
  if (choice.includes(':')) {
    const [op, flag] = choice.split(':');
    out[op] = flag === 'true';
    return out as Condition;
  }
  let operand: JsonValue = before ?? '';
  if (takesList(choice) && !Array.isArray(operand) && !(typeof operand === 'string' && parseTemplate(operand).whole)) operand = operand === '' ? [] : [operand];
  if (!takesList(choice) && Array.isArray(operand)) operand = operand.length ? operand[0] : '';
  out[choice] = operand;
  return out as Condition;
}

/** The test with another operand. */
export function withOperand(test: Condition, operand: JsonValue): Condition {
  const choice = operatorChoice(test);
  if (!takesOperand(choice)) return test;
  return { ...(test as Test), [choice]: operand } as Condition;
}

/** The test with another value (what is tested). */
export function withValue(test: Condition, value: JsonValue): Condition {
  return { ...(test as Test), value } as Condition;
}

/** How an operand (or a literal value) is shown in a text box: strings as they are, lists comma-separated, the rest as JSON. */
export function operandText(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (
    Array.isArray(value) &&
    value.every((v) => (typeof v === 'string' && !v.includes(',')) || typeof v === 'number' || typeof v === 'boolean' || v === null)
  ) {
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  }
  return JSON.stringify(value);
}

const typeOf = (v: JsonValue): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
const fits = (v: JsonValue, types: readonly string[]) =>
  types.length === 0 || types.includes(typeOf(v)) || (typeOf(v) === 'integer' && types.includes('number'));

/**
 * An operand typed as text, read by what the tested value may be (`types`): a reference
 * stays a reference; for a text value the text stays text; otherwise a number, true, false,
 * null or JSON when it fits, else the text. For `in` / `notIn`, a comma-separated list
 * (or a JSON list, or a reference to a list).
 */
export function operandValue(text: string, types: readonly string[], list = false): JsonValue {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && parseTemplate(trimmed).whole) return trimmed;
  if (list) {
    if (trimmed.startsWith('[')) {
      try {
        const parsed = JSON.parse(trimmed) as JsonValue;
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // not JSON: split at commas
      }
    }
    return trimmed === '' ? [] : trimmed.split(',').map((item) => operandValue(item.trim(), types));
  }
  if (types.length > 0 && types.every((t) => t === 'string')) return text;
  try {
    const parsed = JSON.parse(trimmed) as JsonValue;
    if (fits(parsed, types)) return parsed;
  } catch {
    // plain text
  }
  return types.length === 0 || types.includes('string') ? text : trimmed;
}

/** A first test for a new condition: an element's field whose schema lists its values (compared with the last), else a list's length (more than 0), else another field with listed values, else the first single value, else the first option. */
export function defaultTest(options: readonly ValueOption[]): Condition {
  const scalar = (o: ValueOption) => o.types.length > 0 && o.types.every((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean');
  const hasValues = (o: ValueOption) => !!o.values && o.values.length > 1 && scalar(o);
  const compare = (o: ValueOption): Condition => ({ value: o.reference, eq: o.values![o.values!.length - 1] });
  // A filter tests the element first (its options come first, named after the element).
  const element = options.find((o) => o.tool.startsWith('element of') && hasValues(o));
  if (element) return compare(element);
  const length = options.find((o) => o.reference.endsWith('.length}'));
  if (length) return { value: length.reference, gt: 0 };
  const withValues = options.find(hasValues);
  if (withValues) return compare(withValues);
  const first = options.find(scalar) ?? options[0];
  return first ? { value: first.reference, exists: true } : { value: '', exists: true };
}

/** A share in words: "about 1 in 2 examples (50 %)". */
export function shareInWords(share: number, what = 'examples'): string {
  const pct = Math.round(share * 100);
  if (pct <= 0) return `never (0 % of the ${what})`;
  if (pct >= 100) return `always (100 % of the ${what})`;
  const nice: [number, string][] = [
    [50, '1 in 2'],
    [25, '1 in 4'],
    [75, '3 in 4'],
    [20, '1 in 5'],
    [10, '1 in 10'],
    [5, '1 in 20'],
    [33, '1 in 3'],
    [67, '2 in 3'],
    [40, '2 in 5'],
    [60, '3 in 5'],
    [80, '4 in 5'],
    [30, '3 in 10'],
    [70, '7 in 10'],
    [90, '9 in 10'],
  ];
  const words = nice.find(([p]) => p === pct)?.[1];
  return words ? `about ${words} ${what} (${pct} %)` : `about ${pct} % of the ${what}`;
}
