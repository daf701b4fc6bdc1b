import type { JsonValue } from '../project/types.ts';

/**
 * Conditions (docs/project-format.md, "Conditions"): one small JSON-native language used by
 * a call's `when`, a fan-out's `where` and reply variants.
 *
 *   { "value": "{cal.events.length}", "gt": 0 }     a test: a value and exactly one operator
 *   { "all": [ … ] }  { "any": [ … ] }  { "not": … }
 *   { "ran": "prep" }  { "failed": "book" }  { "declined": "wipe" }
 */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
export type ListOperator = 'in' | 'notIn';
export type Operator = ComparisonOperator | ListOperator | 'contains' | 'empty' | 'exists';

export const OPERATORS: readonly Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains', 'empty', 'exists'];

/** `{ value, <operator>: operand }`: the operand is a literal or a whole-string reference. */
export type TestCondition = { value: JsonValue } & { [op in Operator]?: JsonValue };
export type AllCondition = { all: Condition[] };
export type AnyCondition = { any: Condition[] };
export type NotCondition = { not: Condition };
export type RanCondition = { ran: string };
export type FailedCondition = { failed: string };
export type DeclinedCondition = { declined: string };

export type Condition = TestCondition | AllCondition | AnyCondition | NotCondition | RanCondition | FailedCondition | DeclinedCondition;

/** The keys that make a condition something other than a test, one per kind. */
export type CombinatorKey = 'all' | 'any' | 'not';
export type StatusKey = 'ran' | 'failed' | 'declined';
export const COMBINATOR_KEYS: readonly CombinatorKey[] = ['all', 'any', 'not'];
export const STATUS_KEYS: readonly StatusKey[] = ['ran', 'failed', 'declined'];

const hasOwn = Object.prototype.hasOwnProperty;

/** Whether `key` names an operator (an own-property check: `toString` is not one). */
export function isOperator(key: string): key is Operator {
  return (OPERATORS as readonly string[]).includes(key);
}

export function isTestCondition(cond: Condition): cond is TestCondition {
  return hasOwn.call(cond, 'value');
}

/** The operators a test holds, in the order of OPERATORS (a well-formed test has exactly one). */
export function testOperators(cond: object): Operator[] {
  return OPERATORS.filter((op) => hasOwn.call(cond, op));
}
