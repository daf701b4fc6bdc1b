import type { JsonValue } from '../project/types.ts';
import { compileValue, UNRESOLVED, type Rendered, type Scope } from '../generate/compiled.ts';
import { jsonEqual } from '../simulate/json.ts';
import { isOperator, testOperators, type Condition, type Operator } from './types.ts';

/**
 * Evaluating conditions (docs/project-format.md, "Conditions"). A condition is compiled once
 * (its templates parsed, its operator chosen) and the result evaluated for every example.
 *
 * Values and operands: a string that is exactly one reference takes the referenced value
 * with its type; a string with references inside is rendered as text; anything else is
 * itself (references in strings nested in a list or an object are filled in too). A
 * reference whose root is not in scope, or whose path does not resolve, makes the value
 * *absent* (so does a template whose braces do not parse: validation reports those).
 */

/** What happened to the calls of the example so far (for `ran`, `failed`, `declined`). */
export interface RunStatus {
  /** The call ran (a fan-out call: at least once). */
  ran(callId: string): boolean;
  /** The call failed and was not retried successfully (`recover: "report"`). */
  failed(callId: string): boolean;
  /** The user said no when asked to confirm the call. */
  declined(callId: string): boolean;
}

export type CompiledCondition = (scope: Scope, status: RunStatus) => boolean;

/** A value as a test sees it: a JSON value, or UNRESOLVED (absent). */
export type TestValue = Rendered;

const hasOwn = Object.prototype.hasOwnProperty;

function isEmptyValue(v: TestValue): boolean {
  if (v === UNRESOLVED || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') {
    for (const k in v) if (hasOwn.call(v, k)) return false;
    return true;
  }
  return false;
}

/** Both numbers, or both strings (compared as text, by UTF-16 code units: ISO dates of one format compare as dates). */
function ordered(a: TestValue, b: TestValue): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

function listHolds(list: JsonValue[], v: JsonValue): boolean {
  for (let i = 0; i < list.length; i += 1) if (jsonEqual(list[i], v)) return true;
  return false;
}

type Test = (v: TestValue, o: TestValue) => boolean;

/** The operators, on a value and an operand that may each be absent. Every comparison with an absent side is false. */
const TESTS: { [op in Operator]: Test } = {
  eq: (v, o) => v !== UNRESOLVED && o !== UNRESOLVED && jsonEqual(v, o),
  ne: (v, o) => v !== UNRESOLVED && o !== UNRESOLVED && !jsonEqual(v, o),
  gt: (v, o) => ordered(v, o) && (v as number | string) > (o as number | string),
  gte: (v, o) => ordered(v, o) && (v as number | string) >= (o as number | string),
  lt: (v, o) => ordered(v, o) && (v as number | string) < (o as number | string),
  lte: (v, o) => ordered(v, o) && (v as number | string) <= (o as number | string),
  in: (v, o) => v !== UNRESOLVED && Array.isArray(o) && listHolds(o, v),
  notIn: (v, o) => v !== UNRESOLVED && Array.isArray(o) && !listHolds(o, v),
  contains: (v, o) => {
    if (o === UNRESOLVED) return false;
    if (Array.isArray(v)) return listHolds(v, o);
    return typeof v === 'string' && typeof o === 'string' && v.includes(o);
  },
  empty: (v, o) => (o === true ? isEmptyValue(v) : o === false ? !isEmptyValue(v) : false),
  // null does not exist: a field set to null carries no value, as an absent one (and `{ "exists": false }` is how a design asks for either).
  exists: (v, o) => (o === true ? v !== UNRESOLVED && v !== null : o === false ? v === UNRESOLVED || v === null : false),
};

/** Whether `value <op> operand` holds, for values already rendered (UNRESOLVED is absent). */
export function testHolds(op: Operator, value: TestValue, operand: TestValue): boolean {
  return TESTS[op](value, operand);
}

/**
 * Compiles a condition. The condition must have the structure `checkConditionShape`
 * accepts; otherwise this throws an Error saying what is wrong (a generator never sees
 * such a condition: the reader refuses it).
 */
export function compileCondition(cond: Condition): CompiledCondition {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) throw new Error(`not a condition: ${JSON.stringify(cond)}`);
  const c = cond as { [key: string]: unknown };
  if (hasOwn.call(c, 'all') || hasOwn.call(c, 'any')) {
    const key = hasOwn.call(c, 'all') ? 'all' : 'any';
    const list = c[key];
    if (!Array.isArray(list)) throw new Error(`"${key}" must be a list of conditions`);
    const parts = list.map((item) => compileCondition(item as Condition));
    const n = parts.length;
    if (key === 'all') {
      return (scope, status) => {
        for (let i = 0; i < n; i += 1) if (!parts[i](scope, status)) return false;
        return true;
      };
    }
    return (scope, status) => {
      for (let i = 0; i < n; i += 1) if (parts[i](scope, status)) return true;
      return false;
    };
  }
  if (hasOwn.call(c, 'not')) {
    const inner = compileCondition(c.not as Condition);
    return (scope, status) => !inner(scope, status);
  }
  if (typeof c.ran === 'string') {
    const id = c.ran;
    return (_scope, status) => status.ran(id);
  }
  if (typeof c.failed === 'string') {
    const id = c.failed;
    return (_scope, status) => status.failed(id);
  }
  if (typeof c.declined === 'string') {
    const id = c.declined;
    return (_scope, status) => status.declined(id);
  }
  if (!hasOwn.call(c, 'value')) throw new Error(`not a condition: ${JSON.stringify(cond)}`);
  const operators = testOperators(c);
  if (operators.length !== 1) throw new Error(`a test needs exactly one operator, found ${operators.length ? operators.join(', ') : 'none'}`);
  const op = operators[0];
  if (!isOperator(op)) throw new Error(`unknown operator ${op}`);
  return compileTest(op, c.value as JsonValue, c[op] as JsonValue);
}

function compileTest(op: Operator, value: JsonValue, operand: JsonValue): CompiledCondition {
  const test = TESTS[op];
  const renderValue = compileValue(value).render;
  if (op === 'empty' || op === 'exists') {
    // The operand is a boolean literal (the reader makes sure of it).
    const o = operand;
    return (scope) => test(renderValue(scope), o);
  }
  const renderOperand = compileValue(operand).render;
  return (scope) => test(renderValue(scope), renderOperand(scope));
}
