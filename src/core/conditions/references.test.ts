import { describe, expect, it } from 'vitest';
import { conditionCallIds, conditionReferences } from './references.ts';
import type { Condition } from './types.ts';

describe('conditionReferences', () => {
  it('finds every reference in values and operands, with the path of the string holding it', () => {
    const cond: Condition = {
      all: [
        { value: '{cal.events.length}', gt: '{limit}' },
        { not: { value: 'Room {book.room_id} at {time}', in: ['x', '{alt.name}'] } },
        { ran: 'prep' },
        { value: '{task}', exists: true },
      ],
    };
    const found = conditionReferences(cond, ['chains', 0, 'calls', 2, 'when']);
    expect(found.map((f) => [f.ref.source, f.at.join('/')])).toEqual([
      ['cal.events.length', 'chains/0/calls/2/when/all/0/value'],
      ['limit', 'chains/0/calls/2/when/all/0/gt'],
      ['book.room_id', 'chains/0/calls/2/when/all/1/not/value'],
      ['time', 'chains/0/calls/2/when/all/1/not/value'],
      ['alt.name', 'chains/0/calls/2/when/all/1/not/in/1'],
      ['task', 'chains/0/calls/2/when/all/3/value'],
    ]);
    expect(found[2].template).toBe('Room {book.room_id} at {time}');
  });

  it('does not count ids of ran / failed / declined, nor unknown keys', () => {
    expect(conditionReferences({ any: [{ ran: '{x}' }, { failed: 'b' }] } as Condition)).toEqual([]);
    expect(conditionReferences({ value: 1, eq: 1, note: '{x}' } as Condition)).toEqual([]);
  });

  it('tolerates malformed input', () => {
    expect(conditionReferences(null as unknown as Condition)).toEqual([]);
    expect(conditionReferences({ all: 'x' } as unknown as Condition)).toEqual([]);
  });
});

describe('conditionCallIds', () => {
  it('lists the ids ran / failed / declined name, each once, in order', () => {
    const cond = {
      any: [{ failed: 'book' }, { all: [{ ran: 'prep' }, { not: { declined: 'wipe' } }, { ran: 'book' }] }, { value: '{x.y}', exists: true }],
    } as Condition;
    expect(conditionCallIds(cond)).toEqual(['book', 'prep', 'wipe']);
    expect(conditionCallIds({ value: '{x}', eq: 1 })).toEqual([]);
  });
});
