/** Conditions (docs/project-format.md, "Conditions"): `when`, `where` and reply variants. */
export type {
  AllCondition,
  AnyCondition,
  CombinatorKey,
  ComparisonOperator,
  Condition,
  DeclinedCondition,
  FailedCondition,
  ListOperator,
  NotCondition,
  Operator,
  RanCondition,
  StatusKey,
  TestCondition,
} from './types.ts';
export { COMBINATOR_KEYS, OPERATORS, STATUS_KEYS, isOperator, isTestCondition, testOperators } from './types.ts';
export { checkConditionShape, describeJsonValue } from './shape.ts';
export { conditionCallIds, conditionReferences, type ConditionReference } from './references.ts';
export { compileCondition, testHolds, type CompiledCondition, type RunStatus, type TestValue } from './evaluate.ts';
export { checkCondition, type ConditionContext } from './check.ts';
export { describeCondition, formatValue, type DescribeOptions } from './describe.ts';
