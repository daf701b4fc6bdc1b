import { describe, expect, it } from 'vitest';
import { checkConditionShape } from './shape.ts';

const P = '$.chains[0].calls[2].when';
const codes = (value: unknown) => checkConditionShape(value, P).map((d) => `${d.code} @ ${d.path}`);

describe('checkConditionShape', () => {
  it('accepts every form', () => {
    const good: unknown[] = [
      { value: '{cal.events.length}', gt: 0 },
      { value: '{task.priority}', in: ['high', 'urgent'] },
      { value: '{task.priority}', notIn: '{prios}' },
      { value: '{t.due}', lt: '{today}' },
      { value: '{x}', empty: true },
      { value: null, exists: false },
      { value: '{x}', contains: { a: 1 } },
      { value: '{x}', eq: null },
      { all: [{ ran: 'prep' }, { not: { failed: 'book' } }] },
      { any: [{ declined: 'wipe' }, { value: 1, ne: 2 }] },
    ];
    for (const cond of good) expect(checkConditionShape(cond, P)).toEqual([]);
  });

  it('a test with no operator or two: condition-operator naming the path, the operators found and the allowed ones', () => {
    const [none] = checkConditionShape({ value: '{x}' }, P);
    expect(none).toMatchObject({ code: 'condition-operator', severity: 'error', path: P });
    expect(none.message).toContain(P);
    expect(none.message).toContain('found none');
    expect(none.message).toContain('eq, ne, gt, gte, lt, lte, in, notIn, contains, empty, exists');
    const [two] = checkConditionShape({ value: '{x}', gt: 1, lt: 5 }, P);
    expect(two).toMatchObject({ code: 'condition-operator', path: P });
    expect(two.message).toContain('found 2 (gt, lt)');
    expect(two.message).toContain('"all"');
  });

  it('names a misspelt operator', () => {
    const ds = checkConditionShape({ value: '{x}', equals: 1 }, P);
    expect(ds).toHaveLength(1);
    expect(ds[0].code).toBe('condition-operator');
    expect(ds[0].message).toContain('"equals" (did you mean "eq"?)');
    expect(checkConditionShape({ value: '{x}', notin: [1] }, P)[0].message).toContain('did you mean "notIn"?');
  });

  it('a test without value', () => {
    expect(codes({ gt: 1 })).toEqual([`invalid-condition @ ${P}`]);
  });

  it('checks operands: in / notIn a list or a whole reference, empty / exists a boolean', () => {
    expect(codes({ value: '{x}', in: 'high' })).toEqual([`invalid-condition @ ${P}.in`]);
    expect(codes({ value: '{x}', notIn: 'a {b}' })).toEqual([`invalid-condition @ ${P}.notIn`]);
    expect(codes({ value: '{x}', in: 3 })).toEqual([`invalid-condition @ ${P}.in`]);
    expect(codes({ value: '{x}', empty: 'yes' })).toEqual([`invalid-condition @ ${P}.empty`]);
    expect(codes({ value: '{x}', exists: 1 })).toEqual([`invalid-condition @ ${P}.exists`]);
    expect(checkConditionShape({ value: '{x}', exists: 1 }, P)[0].message).toContain('true or false, not the number 1');
  });

  it('all / any: a non-empty list of conditions, checked inside with their paths', () => {
    expect(codes({ all: [] })).toEqual([`invalid-condition @ ${P}.all`]);
    expect(codes({ any: {} })).toEqual([`invalid-condition @ ${P}.any`]);
    expect(codes({ all: [{ ran: 'a' }, { value: 1 }, 'x'] })).toEqual([`condition-operator @ ${P}.all[1]`, `invalid-condition @ ${P}.all[2]`]);
    expect(codes({ any: [{ all: [{ not: { value: 1, gt: 1, gte: 1 } }] }] })).toEqual([`condition-operator @ ${P}.any[0].all[0].not`]);
  });

  it('not: a condition', () => {
    expect(codes({ not: [] })).toEqual([`invalid-condition @ ${P}.not`]);
    expect(codes({ not: null })).toEqual([`invalid-condition @ ${P}.not`]);
  });

  it('ran / failed / declined: a non-empty string', () => {
    expect(codes({ ran: '' })).toEqual([`invalid-condition @ ${P}.ran`]);
    expect(codes({ failed: 3 })).toEqual([`invalid-condition @ ${P}.failed`]);
    expect(codes({ declined: ['a'] })).toEqual([`invalid-condition @ ${P}.declined`]);
  });

  it('unknown keys are errors naming them', () => {
    const [test] = checkConditionShape({ value: 1, eq: 1, note: 'x', rate: 2 }, P);
    expect(test).toMatchObject({ code: 'invalid-condition', path: P });
    expect(test.message).toContain('"note", "rate"');
    expect(checkConditionShape({ ran: 'a', why: 'x' }, P)[0].message).toContain('"why"');
    const [lone] = checkConditionShape({ and: [] }, P);
    expect(lone.message).toContain('"and" (did you mean "all"?)');
    expect(codes({})).toEqual([`invalid-condition @ ${P}`]);
  });

  it('a condition is one thing: mixing kinds is an error', () => {
    expect(codes({ all: [{ ran: 'a' }], any: [{ ran: 'b' }] })).toEqual([`invalid-condition @ ${P}`]);
    const [mixed] = checkConditionShape({ value: 1, eq: 1, ran: 'a' }, P);
    expect(mixed.message).toContain('"ran" and a test');
  });

  it('a non-object is an error', () => {
    for (const v of [null, 3, 'x', [], true, undefined]) expect(codes(v)).toEqual([`invalid-condition @ ${P}`]);
    expect(checkConditionShape('{x}', P)[0].message).toContain('not the string "{x}"');
  });
});
