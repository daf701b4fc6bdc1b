import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import type { Scope } from '../generate/compiled.ts';
import { compileCondition, testHolds, type RunStatus } from './evaluate.ts';
import { OPERATORS, type Condition, type Operator } from './types.ts';

const NOTHING_RAN: RunStatus = { ran: () => false, failed: () => false, declined: () => false };

const scope: Scope = {
  cal: {
    events: [
      { title: 'Standup', start: '2026-01-05T09:00' },
      { title: 'Review', start: '2026-01-05T14:00' },
    ],
  },
  empty: { events: [], note: '', meta: {}, gone: null },
  task: { id: 't1', priority: 'high', tags: ['home', 'urgent'], estimate: 3, done: false, owner: { name: 'Ada' } },
  today: '2026-01-05',
  limit: 2,
  prios: ['high', 'urgent'],
  n: 0,
};

const holds = (cond: Condition, s: Scope = scope, status: RunStatus = NOTHING_RAN) => compileCondition(cond)(s, status);
const test = (value: JsonValue, op: Operator, operand: JsonValue, s: Scope = scope) => holds({ value, [op]: operand } as Condition, s);

describe('values and operands', () => {
  it('takes a whole-string reference with its type', () => {
    expect(test('{cal.events.length}', 'eq', 2)).toBe(true);
    expect(test('{cal.events.length}', 'eq', '2')).toBe(false);
    expect(test('{task.owner}', 'eq', { name: 'Ada' })).toBe(true);
    expect(test('{task.done}', 'eq', false)).toBe(true);
  });

  it('renders a string with embedded references as text', () => {
    expect(test('{task.id}-{task.estimate}', 'eq', 't1-3')).toBe(true);
    expect(test('n={limit}', 'eq', 'n=2')).toBe(true);
    expect(test('{{literal}}', 'eq', '{{literal}}')).toBe(true);
    expect(test('{{literal}}', 'contains', 'l}}')).toBe(true);
  });

  it('takes a literal as itself, and references in operands too', () => {
    expect(test(5, 'gt', 3)).toBe(true);
    expect(test('{cal.events.length}', 'eq', '{limit}')).toBe(true);
    expect(test('{task.priority}', 'in', '{prios}')).toBe(true);
    expect(test('{task.priority}', 'in', ['low', '{task.priority}'])).toBe(true);
    expect(test('{cal.events[0].start}', 'lt', '{today}T12:00')).toBe(true);
  });
});

describe('absent values', () => {
  const absent = ['{nobody}', '{nobody.x}', '{task.missing}', '{cal.events[5].title}', '{task.priority.x}', 'Hi {nobody}', ['{nobody}'], 'bad {'];
  it.each(absent)('%j: exists false, empty true, every comparison false', (value) => {
    expect(test(value, 'exists', true)).toBe(false);
    expect(test(value, 'exists', false)).toBe(true);
    expect(test(value, 'empty', true)).toBe(true);
    expect(test(value, 'empty', false)).toBe(false);
    for (const op of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains'] as const)
      for (const operand of [0, 'x', null, [], {}]) expect(test(value, op, operand)).toBe(false);
    expect(test(value, 'in', [null, 'x'])).toBe(false);
    expect(test(value, 'notIn', [null, 'x'])).toBe(false);
  });

  it('an absent operand makes every comparison false', () => {
    for (const op of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains'] as const) expect(test('{task.priority}', op, '{nobody.x}')).toBe(false);
    expect(test('{task.tags}', 'contains', '{nobody}')).toBe(false);
  });

  it('null exists as no value, and is empty', () => {
    expect(test('{empty.gone}', 'exists', true)).toBe(false);
    expect(test('{empty.gone}', 'exists', false)).toBe(true);
    expect(test('{empty.gone}', 'empty', true)).toBe(true);
    expect(test('{empty.gone}', 'eq', null)).toBe(true);
    expect(test('{empty.gone}', 'ne', null)).toBe(false);
  });
});

describe('operators', () => {
  it('eq / ne: deep JSON equality (key order does not matter)', () => {
    expect(test({ a: 1, b: [1, { c: 2 }] }, 'eq', { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(test([1, 2], 'eq', [2, 1])).toBe(false);
    expect(test([1, 2], 'ne', [2, 1])).toBe(true);
    expect(test('{task.priority}', 'ne', 'low')).toBe(true);
    expect(test('{task.priority}', 'ne', 'high')).toBe(false);
    expect(test(1, 'eq', 1.0)).toBe(true);
    expect(test(1, 'eq', '1')).toBe(false);
    expect(test(1, 'ne', '1')).toBe(true);
  });

  it('gt / gte / lt / lte: numbers, or strings as text; mixed types false', () => {
    expect([test(3, 'gt', 2), test(2, 'gt', 2), test(2, 'gte', 2), test(1, 'lt', 2), test(2, 'lte', 2), test(3, 'lte', 2)]).toEqual([
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(test(-1.5, 'lt', 0)).toBe(true);
    expect(test('2026-01-04', 'lt', '2026-01-05')).toBe(true);
    expect(test('{cal.events[1].start}', 'gt', '{cal.events[0].start}')).toBe(true);
    expect(test('b', 'gt', 'a')).toBe(true);
    expect(test('B', 'gt', 'a')).toBe(false);
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      expect(test(2, op, '2')).toBe(false);
      expect(test('2', op, 2)).toBe(false);
      expect(test(true, op, false)).toBe(false);
      expect(test(null, op, 0)).toBe(false);
      expect(test([1], op, [1])).toBe(false);
      expect(test({}, op, {})).toBe(false);
    }
  });

  it('in / notIn: the list holds the value (deep equality)', () => {
    expect(test('{task.priority}', 'in', ['high', 'urgent'])).toBe(true);
    expect(test('{task.priority}', 'notIn', ['high', 'urgent'])).toBe(false);
    expect(test('{task.owner}', 'in', [{ name: 'Ada' }])).toBe(true);
    expect(test(1, 'in', ['1'])).toBe(false);
    expect(test(1, 'notIn', ['1'])).toBe(true);
    expect(test('x', 'in', [])).toBe(false);
    expect(test('x', 'notIn', [])).toBe(true);
    // An operand reference that is not a list: neither holds.
    expect(test('high', 'in', '{task.priority}')).toBe(false);
    expect(test('high', 'notIn', '{task.priority}')).toBe(false);
  });

  it('contains: an array holds the operand, or a string contains it', () => {
    expect(test('{task.tags}', 'contains', 'urgent')).toBe(true);
    expect(test('{task.tags}', 'contains', 'work')).toBe(false);
    expect(test('{cal.events}', 'contains', { start: '2026-01-05T09:00', title: 'Standup' })).toBe(true);
    expect(test('{cal.events[0].title}', 'contains', 'stand')).toBe(false);
    expect(test('{cal.events[0].title}', 'contains', 'Stand')).toBe(true);
    expect(test('abc', 'contains', '')).toBe(true);
    expect(test('a1', 'contains', 1)).toBe(false);
    expect(test(123, 'contains', 2)).toBe(false);
    expect(test({ a: 1 }, 'contains', 'a')).toBe(false);
    expect(test([[1]], 'contains', [1])).toBe(true);
  });

  it('empty: null, absent, "", [] or {}', () => {
    for (const v of ['{empty.events}', '{empty.note}', '{empty.meta}', '{empty.gone}', '{nope}', '', [], {}, null]) {
      expect(test(v, 'empty', true)).toBe(true);
      expect(test(v, 'empty', false)).toBe(false);
    }
    for (const v of ['{cal.events}', '{task.owner}', 0, false, ' ', [null], { a: null }, '{n}']) {
      expect(test(v, 'empty', true)).toBe(false);
      expect(test(v, 'empty', false)).toBe(true);
    }
  });

  it('exists: present and not null (0, false, "" and [] exist)', () => {
    for (const v of ['{n}', '{task.done}', '{empty.note}', '{empty.events}', 0, false, '']) expect(test(v, 'exists', true)).toBe(true);
    for (const v of ['{nope}', '{task.nope}', '{empty.gone}', null]) expect(test(v, 'exists', true)).toBe(false);
  });
});

describe('all, any, not and run status', () => {
  const yes: Condition = { value: 1, eq: 1 };
  const no: Condition = { value: 1, eq: 2 };

  it('all / any / not, nested', () => {
    expect(holds({ all: [yes, yes] })).toBe(true);
    expect(holds({ all: [yes, no] })).toBe(false);
    expect(holds({ any: [no, yes] })).toBe(true);
    expect(holds({ any: [no, no] })).toBe(false);
    expect(holds({ not: no })).toBe(true);
    expect(holds({ not: { not: yes } })).toBe(true);
    expect(holds({ all: [{ any: [no, { not: no }] }, { not: { all: [yes, no] } }] })).toBe(true);
    expect(holds({ any: [{ all: [yes, no] }, { not: { any: [yes] } }] })).toBe(false);
  });

  it('all of nothing holds, any of nothing does not', () => {
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
  });

  it('all and any stop at the first deciding part', () => {
    let asked = 0;
    const status: RunStatus = { ran: () => (asked++, true), failed: () => false, declined: () => false };
    expect(holds({ any: [yes, { ran: 'x' }] }, scope, status)).toBe(true);
    expect(holds({ all: [no, { ran: 'x' }] }, scope, status)).toBe(false);
    expect(asked).toBe(0);
  });

  it('ran / failed / declined ask the run status', () => {
    const status: RunStatus = { ran: (id) => id === 'prep', failed: (id) => id === 'book', declined: (id) => id === 'wipe' };
    expect(holds({ ran: 'prep' }, scope, status)).toBe(true);
    expect(holds({ ran: 'book' }, scope, status)).toBe(false);
    expect(holds({ failed: 'book' }, scope, status)).toBe(true);
    expect(holds({ declined: 'wipe' }, scope, status)).toBe(true);
    expect(holds({ declined: 'prep' }, scope, status)).toBe(false);
    expect(holds({ all: [{ ran: 'prep' }, { not: { failed: 'prep' } }] }, scope, status)).toBe(true);
  });

  it('compiles once and evaluates against any scope', () => {
    const compiled = compileCondition({ value: '{cal.events.length}', gt: 0 });
    expect(compiled(scope, NOTHING_RAN)).toBe(true);
    expect(compiled({ cal: { events: [] } }, NOTHING_RAN)).toBe(false);
    expect(compiled({}, NOTHING_RAN)).toBe(false);
  });

  it('refuses a condition without the structure the reader accepts', () => {
    expect(() => compileCondition({ value: 1, gt: 0, lt: 2 } as Condition)).toThrow(/exactly one operator/);
    expect(() => compileCondition({ value: 1 } as Condition)).toThrow(/exactly one operator/);
    expect(() => compileCondition({ nope: 1 } as unknown as Condition)).toThrow(/not a condition/);
    expect(() => compileCondition({ all: 'x' } as unknown as Condition)).toThrow(/list/);
  });
});

describe('properties', () => {
  const COMPARISONS: Operator[] = OPERATORS.filter((op) => op !== 'empty' && op !== 'exists');
  const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;
  // Values drawn from a small pool often meet (equal, contained, ordered both ways).
  const small = fc.oneof(json, fc.constantFrom<JsonValue>(0, 1, -1, 2.5, '', 'a', 'b', 'ab', true, false, null, [], {}, [1], ['a'], { a: 1 }));
  const side = fc.oneof(small, fc.constant('{x}'), fc.constant('{y}'), fc.constant('{x.a}'), fc.constant('{missing}'));
  const test = fc.oneof(
    fc
      .tuple(side, fc.constantFrom(...COMPARISONS), fc.oneof(side, fc.array(side, { maxLength: 4 })))
      .map(([value, op, operand]) => ({ value, [op]: operand }) as Condition),
    fc.tuple(side, fc.constantFrom<Operator>('empty', 'exists'), fc.boolean()).map(([value, op, flag]) => ({ value, [op]: flag }) as Condition),
    fc.constantFrom<Condition>({ ran: 'a' }, { failed: 'a' }, { declined: 'b' }),
  );
  const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      test,
      fc.array(tie('c'), { maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('c'), { maxLength: 3 }).map((any) => ({ any })),
      tie('c').map((not) => ({ not })),
    ),
  })).c;
  const scopes = fc.record({ x: small, y: small }, { requiredKeys: [] }) as fc.Arbitrary<Scope>;
  const statuses = fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()).map(([r, f, d]): RunStatus => ({ ran: () => r, failed: () => f, declined: () => d }));

  it('not flips the result', () => {
    fc.assert(
      fc.property(condition, scopes, statuses, (cond, s, status) => {
        expect(compileCondition({ not: cond })(s, status)).toBe(!compileCondition(cond)(s, status));
      }),
    );
  });

  it('ne is not eq, and notIn is not in, for present values', () => {
    fc.assert(
      fc.property(json, json, fc.array(json, { maxLength: 4 }), (v, o, list) => {
        expect(testHolds('ne', v, o)).toBe(!testHolds('eq', v, o));
        expect(testHolds('notIn', v, list)).toBe(!testHolds('in', v, list));
        const s: Scope = { v, o, list };
        expect(compileCondition({ value: '{v}', ne: '{o}' })(s, NOTHING_RAN)).toBe(!compileCondition({ value: '{v}', eq: '{o}' })(s, NOTHING_RAN));
        expect(compileCondition({ value: '{v}', notIn: '{list}' })(s, NOTHING_RAN)).toBe(!compileCondition({ value: '{v}', in: '{list}' })(s, NOTHING_RAN));
      }),
    );
  });

  it('exists false is not exists true, and a non-empty value exists', () => {
    fc.assert(
      fc.property(side, scopes, (value, s) => {
        const exists = compileCondition({ value, exists: true })(s, NOTHING_RAN);
        const notEmpty = compileCondition({ value, empty: false })(s, NOTHING_RAN);
        if (notEmpty) expect(exists).toBe(true);
        expect(compileCondition({ value, exists: false })(s, NOTHING_RAN)).toBe(!exists);
      }),
    );
  });

  it('ordering is antisymmetric, and total on two numbers or two strings only', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        if (testHolds('lt', a, b)) expect(testHolds('gte', a, b)).toBe(false);
        if (testHolds('gt', a, b)) expect(testHolds('lt', b, a)).toBe(true);
        expect(testHolds('lte', a, b) || testHolds('gt', a, b)).toBe(
          (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'),
        );
      }),
    );
  });
});
