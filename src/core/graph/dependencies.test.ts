import { describe, expect, it } from 'vitest';
import type { Chain } from '../project/types.ts';
import { chainDependencies } from './dependencies.ts';

const chain: Chain = {
  id: 'book',
  requests: ['Book a room for {team}.'],
  slots: { team: { oneOf: ['a', 'b'] } },
  calls: [
    { id: 'rooms', tool: 'find_rooms', args: { size: '{team}' } },
    { id: 'book', tool: 'book_room', args: { room_id: '{rooms.rooms[0].room_id}', notes: ['{rooms.count}'] } },
    { id: 'invite', tool: 'send_invites', args: { booking: '{book.id}' }, after: ['rooms'], when: { ran: 'book' } },
  ],
};

const edges = (c: Chain) =>
  chainDependencies(c).map((d) => `${d.from}->${d.to} ${d.kind}${d.status ? ' status' : ''} ${d.fields.map((f) => `${f.arg}=${f.field}`).join(',')}`);

describe('chainDependencies', () => {
  it('finds every reference with the argument it fills and the field it reads; slots are not calls', () => {
    expect(edges(chain)).toEqual(['rooms->book data room_id=room_id,notes[0]=count', 'book->invite data booking=id', 'rooms->invite order ']);
  });

  it('answers for the chain as it is after an edit (a new chain object, or its calls changed in place)', () => {
    const first = chainDependencies(chain);
    expect(chainDependencies(chain)).toBe(first);
    const withoutBook: Chain = { ...chain, calls: chain.calls.filter((c) => c.id !== 'book') };
    expect(edges(withoutBook)).toEqual(['rooms->invite order ']);
    const copy: Chain = { ...chain, calls: [...chain.calls] };
    expect(edges(copy)).toEqual(edges(chain));
    copy.calls.pop();
    expect(edges(copy)).toEqual(['rooms->book data room_id=room_id,notes[0]=count']);
    const namedLikeSlot: Chain = { ...chain, calls: [...chain.calls, { id: 'team', tool: 'get_team', args: {} }] };
    expect(edges(namedLikeSlot)).toEqual(edges(chain));
  });
});
