import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../project/types.ts';
import { schemaAtPath } from '../refs/schemaPath.ts';
import type { Reference } from '../refs/types.ts';
import { checkCondition, type ConditionContext } from './check.ts';
import type { Condition } from './types.ts';

const SCHEMAS: { [root: string]: JsonSchema } = {
  cal: {
    type: 'object',
    required: ['events'],
    properties: {
      events: {
        type: 'array',
        maxItems: 3,
        items: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, start: { type: 'string', format: 'date-time' } } },
      },
      busy: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  },
  task: {
    type: 'object',
    required: ['priority', 'done', 'estimate', 'title', 'tags'],
    properties: {
      priority: { type: 'string', enum: ['low', 'normal', 'high'] },
      done: { type: 'boolean' },
      estimate: { type: 'integer', minimum: 1, maximum: 5 },
      score: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      title: { type: 'string', minLength: 1 },
      tags: { type: 'array', items: { type: 'string', enum: ['home', 'work'] } },
      owner: { type: 'object', properties: { name: { type: 'string' } } },
      note: { type: ['string', 'null'] },
      kind: { const: 'task' },
      due: { type: 'string', format: 'date' },
    },
  },
  prios: { type: 'array', items: { type: 'string' } },
};

const P = '$.chains[0].calls[1].when';

function context(present: string[] = ['cal', 'task'], asked?: string[]): ConditionContext {
  return {
    schemaOf(ref: Reference) {
      asked?.push(ref.source);
      if (ref.root === 'slot') return undefined;
      const root = SCHEMAS[ref.root];
      if (!root) return 'unknown-root';
      const r = schemaAtPath(root, ref.path);
      return r.ok ? r.schema : undefined;
    },
    rootPresent: (root) => present.includes(root),
    chainId: 'plan',
    callId: 'prep',
  };
}

const check = (cond: Condition, ctx = context()) => checkCondition(cond, P, ctx);
const codes = (cond: Condition, ctx = context()) => check(cond, ctx).map((d) => `${d.code} @ ${d.path}`);

describe('condition-type', () => {
  it('gt / gte / lt / lte on a boolean, an object or a list', () => {
    expect(codes({ value: '{task.done}', gt: 0 })).toEqual([`condition-type @ ${P}.value`]);
    expect(codes({ value: '{task.owner}', lte: 1 })).toEqual([`condition-type @ ${P}.value`]);
    expect(codes({ value: '{cal.events}', gte: 1 })).toEqual([`condition-type @ ${P}.value`]);
    expect(codes({ value: '{cal.events[*].title}', gt: 'a' })).toEqual([`condition-type @ ${P}.value`]);
    const [d] = check({ value: '{task.done}', gt: 0 });
    expect(d).toMatchObject({ severity: 'error', chainId: 'plan', callId: 'prep' });
    expect(d.message).toBe('"{task.done} > 0": "gt" compares numbers, or strings as text (dates), but {task.done} is a boolean');
  });

  it('an operand of the wrong type, or a number compared with a string', () => {
    expect(codes({ value: '{task.estimate}', gt: true })).toEqual([`condition-type @ ${P}.gt`]);
    expect(codes({ value: '{task.estimate}', lt: '3' })).toEqual([`condition-type @ ${P}`]);
    expect(check({ value: '{task.estimate}', lt: '3' })[0].message).toContain('{task.estimate} is a number and "3" is a string');
    expect(codes({ value: '{task.due}', lt: '{cal.events[0].start}' })).toEqual([]);
    expect(codes({ value: '{task.due}', lt: '{task.estimate}' })).toEqual([`condition-type @ ${P}`]);
  });

  it('contains on a number, or a non-string in a string', () => {
    expect(codes({ value: '{task.estimate}', contains: 1 })).toEqual([`condition-type @ ${P}.value`]);
    expect(check({ value: '{task.estimate}', contains: 1 })[0].message).toContain('looks inside a list or a string');
    expect(codes({ value: '{task.title}', contains: 1 })).toEqual([`condition-type @ ${P}.contains`]);
    expect(codes({ value: '{task.title}', contains: 'x' })).toEqual([]);
    expect(codes({ value: '{task.tags}', contains: 'home' })).toEqual([]);
  });

  it('in / notIn with a reference that is not a list', () => {
    expect(codes({ value: 'high', in: '{task.priority}' })).toEqual([`condition-type @ ${P}.in`]);
    expect(codes({ value: '{task.priority}', notIn: '{prios}' })).toEqual([]);
  });

  it('nothing when the type is not known', () => {
    expect(codes({ value: '{slot}', gt: 0 })).toEqual([]);
    expect(codes({ value: '{slot.x}', contains: 1 })).toEqual([]);
    expect(codes({ value: '{task.priority}', in: '{slot}' })).toEqual([]);
  });
});

describe('condition-never', () => {
  it('eq / in an operand outside the enum or const', () => {
    const [d] = check({ value: '{task.priority}', eq: 'urgent' });
    expect(d).toMatchObject({ code: 'condition-never', severity: 'warning', path: P, chainId: 'plan', callId: 'prep' });
    expect(d.message).toBe('"{task.priority} = urgent" can never hold: {task.priority} is one of low, normal, high (its "enum")');
    expect(codes({ value: '{task.priority}', in: ['urgent', 'asap'] })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.priority}', in: ['urgent', 'high'] })).toEqual([]);
    expect(codes({ value: '{task.kind}', eq: 'note' })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.priority}', gt: 'z' })).toEqual([`condition-never @ ${P}`]);
  });

  it('a bound beyond minimum / maximum', () => {
    const [d] = check({ value: '{task.estimate}', gt: 10 });
    expect(d.code).toBe('condition-never');
    expect(d.message).toContain('{task.estimate} is at least 1 (minimum: 1) and at most 5 (maximum: 5)');
    expect(codes({ value: '{task.estimate}', gt: 5 })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.estimate}', gt: 4 })).toEqual([]);
    expect(codes({ value: '{task.estimate}', lt: 1 })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.estimate}', eq: 7 })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.estimate}', in: [0, 6, 'x'] })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.score}', gte: 1 })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.score}', lte: 0 })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.score}', lt: 1 })).toEqual([]); // always when there, but score is optional
  });

  it('.length beyond maxItems', () => {
    const [d] = check({ value: '{cal.events.length}', gt: 3 });
    expect(d.code).toBe('condition-never');
    expect(d.message).toBe('"{cal.events.length} > 3" can never hold: {cal.events} has at least 0 items and at most 3 (maxItems: 3)');
    expect(codes({ value: '{cal.events.length}', gt: 2 })).toEqual([]);
    expect(codes({ value: '{cal.busy.length}', eq: 0 })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.title.length}', lt: 1 })).toEqual([`condition-never @ ${P}`]);
  });

  it('an operand of a type the value never has', () => {
    expect(codes({ value: '{cal.events.length}', eq: '0' })).toEqual([`condition-never @ ${P}`]);
    expect(check({ value: '{cal.events.length}', eq: '0' })[0].message).toContain('is a number, never the string "0"');
    expect(codes({ value: '{task.title}', in: [1, 2] })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.done}', eq: 'yes' })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{slot}', in: [] })).toEqual([`condition-never @ ${P}`]);
  });

  it('exists false / empty true on a required field that cannot be empty', () => {
    expect(codes({ value: '{task.title}', exists: false })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.title}', empty: true })).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{cal.busy}', empty: true })).toEqual([]); // busy is not required
    expect(codes({ value: '{cal.events}', empty: true })).toEqual([]); // no minItems
  });

  it('contains an item outside the items enum', () => {
    expect(codes({ value: '{task.tags}', contains: 'garden' })).toEqual([`condition-never @ ${P}`]);
  });
});

describe('condition-always', () => {
  it('.length gte 0, ne outside the enum, exists on a required field', () => {
    expect(codes({ value: '{cal.events.length}', gte: 0 })).toEqual([`condition-always @ ${P}`]);
    expect(check({ value: '{cal.events.length}', gte: 0 })[0].message).toContain('always holds');
    expect(codes({ value: '{cal.events.length}', lte: 3 })).toEqual([`condition-always @ ${P}`]);
    expect(codes({ value: '{task.priority}', ne: 'urgent' })).toEqual([`condition-always @ ${P}`]);
    expect(codes({ value: '{task.priority}', notIn: ['urgent'] })).toEqual([`condition-always @ ${P}`]);
    expect(codes({ value: '{task.estimate}', gte: 1 })).toEqual([`condition-always @ ${P}`]);
    const [d] = check({ value: '{task.done}', exists: true });
    expect(d.code).toBe('condition-always');
    expect(codes({ value: '{task.title}', exists: true })).toEqual([`condition-always @ ${P}`]);
    expect(check({ value: '{task.title}', exists: true })[0].message).toContain('required');
    expect(codes({ value: '{task.title}', empty: false })).toEqual([`condition-always @ ${P}`]);
    expect(codes({ value: '{cal.events[0].title}', exists: true })).toEqual([]); // events may be empty
  });

  it('a literal compared with a literal', () => {
    expect(codes({ value: 1, eq: 1 })).toEqual([`condition-always @ ${P}`]);
    expect(codes({ value: 1, eq: 2 })).toEqual([`condition-never @ ${P}`]);
    expect(check({ value: 1, eq: 2 })[0].message).toContain('1 is a fixed value');
  });

  it('claims needing the value there only when the root is sure to be there', () => {
    const maybe = context([]);
    expect(codes({ value: '{cal.events.length}', gte: 0 }, maybe)).toEqual([]);
    expect(codes({ value: '{task.title}', exists: true }, maybe)).toEqual([]);
    expect(codes({ value: '{task.priority}', ne: 'urgent' }, maybe)).toEqual([]);
    // Never-claims hold for an absent value too.
    expect(codes({ value: '{cal.events.length}', gt: 3 }, maybe)).toEqual([`condition-never @ ${P}`]);
    expect(codes({ value: '{task.priority}', eq: 'urgent' }, maybe)).toEqual([`condition-never @ ${P}`]);
    expect(check({ value: '{task.priority}', eq: 'urgent' }, maybe)[0].message).toContain('or absent');
  });

  it('nothing the schema does not prove: optional, nullable, unbounded', () => {
    expect(codes({ value: '{task.owner.name}', exists: true })).toEqual([]);
    expect(codes({ value: '{task.note}', exists: true })).toEqual([]);
    expect(codes({ value: '{task.estimate}', gt: 2 })).toEqual([]);
    expect(codes({ value: '{task.priority}', in: ['high', 'low'] })).toEqual([]);
    expect(codes({ value: '{cal.events.length}', gt: '{slot}' })).toEqual([]);
  });
});

describe('checkCondition', () => {
  it('walks all / any / not with their paths', () => {
    const cond: Condition = { all: [{ ran: 'x' }, { not: { value: '{task.done}', gt: 1 } }, { any: [{ value: '{task.priority}', eq: 'urgent' }] }] };
    expect(codes(cond)).toEqual([`condition-type @ ${P}.all[1].not.value`, `condition-never @ ${P}.all[2].any[0]`]);
  });

  it('skips a test whose root names nothing (the caller reports it)', () => {
    expect(codes({ value: '{nobody.x}', gt: 'a' })).toEqual([]);
    expect(codes({ value: '{task.done}', gt: '{nobody}' })).toEqual([]);
  });

  it('reports braces that do not parse', () => {
    expect(codes({ value: 'a {b', eq: 'x' })).toEqual([`bad-reference @ ${P}.value`]);
    expect(codes({ value: '{x}', in: ['ok', 'bad }'] })).toEqual([`bad-reference @ ${P}.in`]);
  });

  it('looks every reference up once (without a rootPresent, prefixes only for .length bounds)', () => {
    const asked: string[] = [];
    const ctx = { ...context([], asked) };
    delete ctx.rootPresent;
    checkCondition(
      {
        all: [
          { value: '{task.priority} at {cal.events[0].title}', eq: '{slot}' },
          { value: '{task.estimate}', in: ['{slot}', 2] },
          { value: '{cal.events.length}', gt: 1 },
        ],
      },
      P,
      ctx,
    );
    expect(asked).toEqual(['task.priority', 'cal.events[0].title', 'slot', 'task.estimate', 'slot', 'cal.events.length', 'cal.events']);
  });
});
