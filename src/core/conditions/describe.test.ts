import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe.ts';
import type { Condition } from './types.ts';

describe('describeCondition', () => {
  it('writes tests in words, references without braces', () => {
    expect(describeCondition({ value: '{cal.events.length}', gt: 0 })).toBe('cal.events.length > 0');
    expect(describeCondition({ value: '{task.priority}', eq: 'high' })).toBe('task.priority = high');
    expect(describeCondition({ value: '{task.priority}', in: ['high', 'urgent'] })).toBe('task.priority is one of high, urgent');
    expect(describeCondition({ value: '{task.priority}', notIn: '{prios}' })).toBe('task.priority is not one of prios');
    expect(describeCondition({ value: '{tasks.tasks}', empty: true })).toBe('tasks.tasks is empty');
    expect(describeCondition({ value: '{tasks.tasks}', empty: false })).toBe('tasks.tasks is not empty');
    expect(describeCondition({ value: '{a.b}', exists: true })).toBe('a.b exists');
    expect(describeCondition({ value: '{a.b}', exists: false })).toBe('a.b does not exist');
    expect(describeCondition({ value: '{t.due}', lt: '{today}' })).toBe('t.due < today');
    expect(describeCondition({ value: '{t.tags}', contains: 'home' })).toBe('t.tags contains home');
    expect(describeCondition({ value: '{n}', ne: 1 })).toBe('n ≠ 1');
    expect(describeCondition({ value: '{n}', gte: 1 })).toBe('n ≥ 1');
    expect(describeCondition({ value: '{n}', lte: 1.5 })).toBe('n ≤ 1.5');
  });

  it('quotes strings that would not read as one word', () => {
    expect(describeCondition({ value: '{x}', eq: 'two words' })).toBe('x = "two words"');
    expect(describeCondition({ value: '{x}', eq: '' })).toBe('x = ""');
    expect(describeCondition({ value: '{x}', eq: '3' })).toBe('x = "3"');
    expect(describeCondition({ value: '{x}', eq: 3 })).toBe('x = 3');
    expect(describeCondition({ value: '{x}', eq: 'true' })).toBe('x = "true"');
    expect(describeCondition({ value: '{x}', eq: true })).toBe('x = true');
    expect(describeCondition({ value: '{x}', eq: null })).toBe('x = null');
    expect(describeCondition({ value: '{x}', lt: '2026-01-05' })).toBe('x < 2026-01-05');
    expect(describeCondition({ value: 'Room {r.id}', eq: 'a, b' })).toBe('"Room r.id" = "a, b"');
    expect(describeCondition({ value: '{x}', eq: { a: 1 } })).toBe('x = {"a":1}');
    expect(describeCondition({ value: '{x}', in: [] })).toBe('x is one of nothing');
  });

  it('all, any, not and run status', () => {
    const cond: Condition = { all: [{ value: '{a}', gt: 1 }, { any: [{ ran: 'prep' }, { not: { failed: 'book' } }] }, { declined: 'wipe' }] };
    expect(describeCondition(cond)).toBe('all of (a > 1; any of (prep ran; not (book failed)); wipe was declined)');
    expect(describeCondition({ all: [] })).toBe('all of ()');
  });

  it('with braces, references as in the file', () => {
    expect(describeCondition({ value: '{cal.events.length}', gt: '{n}' }, { braces: true })).toBe('{cal.events.length} > {n}');
  });

  it('never throws on malformed input', () => {
    expect(describeCondition({ value: 1 } as Condition)).toBe('1 (no operator)');
    expect(describeCondition({ value: 1, gt: 0, lt: 2 } as Condition)).toBe('1 > 0 and 1 < 2');
    expect(describeCondition(null as unknown as Condition)).toBe('null');
    expect(describeCondition({ ran: 3 } as unknown as Condition)).toBe('3 ran');
  });
});
