import { describe, expect, it } from 'vitest';
import { checkConditionShape } from '../../core/conditions/shape.ts';
import type { Condition, ValueOption } from '../../core/index.ts';
import {
  conditionKind,
  convertCondition,
  defaultTest,
  operandText,
  operandValue,
  operatorChoice,
  shareInWords,
  withOperand,
  withOperator,
  withValue,
  KIND_CHOICES,
  OPERATOR_CHOICES,
} from './conditionForm.ts';

const test: Condition = { value: '{task.priority}', eq: 'high' };
const fallback = (): Condition => ({ value: '{x}', exists: true });
const wellFormed = (c: Condition) => expect(checkConditionShape(c, '$'), JSON.stringify(c)).toEqual([]);

describe('convertCondition', () => {
  it('wraps a test in a group, unwraps a group’s first test, negates, names a call', () => {
    expect(conditionKind(test)).toBe('test');
    expect(convertCondition(test, 'all', fallback, 'a')).toEqual({ all: [test] });
    expect(convertCondition({ all: [{ ran: 'a' }, test] }, 'any', fallback, 'a')).toEqual({ any: [{ ran: 'a' }, test] });
    expect(convertCondition({ all: [{ ran: 'a' }, test] }, 'test', fallback, 'a')).toEqual(test);
    expect(convertCondition({ all: [{ ran: 'a' }] }, 'test', fallback, 'a')).toEqual(fallback());
    expect(convertCondition(test, 'not', fallback, 'a')).toEqual({ not: test });
    expect(convertCondition({ not: test }, 'test', fallback, 'a')).toEqual(test);
    expect(convertCondition(test, 'ran', fallback, 'cal')).toEqual({ ran: 'cal' });
    expect(convertCondition({ ran: 'book' }, 'failed', fallback, 'cal')).toEqual({ failed: 'book' });
  });

  it('always gives a condition the reader accepts, from every form to every other', () => {
    const forms: Condition[] = [test, { all: [test] }, { any: [test, { ran: 'a' }] }, { not: test }, { ran: 'a' }, { failed: 'a' }, { declined: 'a' }];
    for (const from of forms) for (const { kind } of KIND_CHOICES) wellFormed(convertCondition(from, kind, fallback, 'a'));
  });
});

describe('operators and operands', () => {
  it('reads and changes the operator, keeping the operand where it fits', () => {
    expect(operatorChoice(test)).toBe('eq');
    expect(operatorChoice({ value: '{a}', empty: false })).toBe('empty:false');
    expect(withOperator(test, 'in')).toEqual({ value: '{task.priority}', in: ['high'] });
    expect(withOperator({ value: '{a}', in: ['x', 'y'] }, 'ne')).toEqual({ value: '{a}', ne: 'x' });
    expect(withOperator(test, 'exists:false')).toEqual({ value: '{task.priority}', exists: false });
    expect(withOperator({ value: '{a}', empty: true }, 'gt')).toEqual({ value: '{a}', gt: '' });
    expect(withOperator({ value: '{a}', eq: '{b}' }, 'in')).toEqual({ value: '{a}', in: '{b}' });
    for (const { value } of OPERATOR_CHOICES) wellFormed(withOperator(test, value));
    expect(withOperand(test, 'low')).toEqual({ value: '{task.priority}', eq: 'low' });
    expect(withOperand({ value: '{a}', empty: true }, 'x')).toEqual({ value: '{a}', empty: true });
    expect(withValue(test, '{task.title}')).toEqual({ value: '{task.title}', eq: 'high' });
  });

  it('reads a typed operand by the type of what is tested', () => {
    expect(operandValue('3', ['integer'])).toBe(3);
    expect(operandValue('3', ['string'])).toBe('3');
    expect(operandValue('3', [])).toBe(3);
    expect(operandValue('high', [])).toBe('high');
    expect(operandValue('true', ['boolean'])).toBe(true);
    expect(operandValue('{tasks.due_before}', ['string'])).toBe('{tasks.due_before}');
    expect(operandValue('2026-01-06', ['string'])).toBe('2026-01-06');
    expect(operandValue('abc', ['integer'])).toBe('abc');
    expect(operandValue('high, urgent', ['string'], true)).toEqual(['high', 'urgent']);
    expect(operandValue('1, 2', ['integer'], true)).toEqual([1, 2]);
    expect(operandValue('["a,b", "c"]', ['string'], true)).toEqual(['a,b', 'c']);
    expect(operandValue('', ['string'], true)).toEqual([]);
    expect(operandValue('{slot}', ['string'], true)).toBe('{slot}');
  });

  it('shows an operand as text that reads back the same', () => {
    for (const [value, types, list] of [
      ['high', ['string'], false],
      [3, ['integer'], false],
      [['high', 'urgent'], ['string'], true],
      [[1, 2], ['integer'], true],
      [['a,b'], ['string'], true],
    ] as const) {
      expect(operandValue(operandText(value as never), types, list)).toEqual(value);
    }
  });
});

describe('defaultTest', () => {
  const o = (reference: string, types: string[], values?: string[]): ValueOption => ({
    callId: 'c',
    tool: 't',
    field: 'f',
    reference,
    types,
    typeMismatch: false,
    ...(values ? { values } : {}),
  });
  it('prefers an element’s field with listed values, then a length, then listed values, then any single value', () => {
    const element = { ...o('{task.priority}', ['string'], ['low', 'medium', 'high']), tool: 'element of tasks.tasks' };
    expect(defaultTest([o('{task}', ['object']), o('{tasks.tasks.length}', ['integer']), element])).toEqual({ value: '{task.priority}', eq: 'high' });
    expect(defaultTest([o('{task}', ['object']), o('{task.priority}', ['string'], ['low', 'medium', 'high'])])).toEqual({
      value: '{task.priority}',
      eq: 'high',
    });
    expect(defaultTest([o('{cal}', ['object']), o('{cal.events.length}', ['integer'])])).toEqual({ value: '{cal.events.length}', gt: 0 });
    expect(defaultTest([o('{cal}', ['object']), o('{cal.date}', ['string'])])).toEqual({ value: '{cal.date}', exists: true });
    expect(defaultTest([])).toEqual({ value: '', exists: true });
  });
});

describe('shareInWords', () => {
  it('says a share as people do', () => {
    expect(shareInWords(0.5)).toBe('about 1 in 2 examples (50 %)');
    expect(shareInWords(0.2)).toBe('about 1 in 5 examples (20 %)');
    expect(shareInWords(0.35)).toBe('about 35 % of the examples');
    expect(shareInWords(0)).toBe('never (0 % of the examples)');
    expect(shareInWords(1)).toBe('always (100 % of the examples)');
  });
});
