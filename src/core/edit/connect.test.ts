import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { addOrder, connect, disconnect, removeOrder } from './connect.ts';
import { chainEdges } from './edges.ts';
import { callOf, chainOf, deepFreeze, ok } from './testing.testutil.ts';
import { setArgument } from './calls.ts';

const CHAIN = 'book-and-invite';
const base = () => deepFreeze(loadExample('room-booking'));

describe('connect', () => {
  it('writes the reference into the argument, leaves the input untouched, shares the rest', () => {
    const p = ok(setArgument(base(), CHAIN, 'book', 'room_id', undefined)).project;
    deepFreeze(p);
    const r = ok(connect(p, CHAIN, { callId: 'rooms', field: 'rooms[].room_id' }, { callId: 'book', arg: 'room_id' }));
    expect(callOf(r.project, CHAIN, 'book').args.room_id).toBe('{rooms.rooms[0].room_id}');
    expect(callOf(p, CHAIN, 'book').args.room_id).toBeUndefined();
    expect(r.reference).toBe('{rooms.rooms[0].room_id}');
    expect(r.warnings).toEqual([]);
    expect(r.project.tools).toBe(p.tools);
    expect(callOf(r.project, CHAIN, 'team')).toBe(callOf(p, CHAIN, 'team'));
    expect(chainEdges(r.project, chainOf(r.project, CHAIN)).map((e) => e.id)).toContain(r.edgeId);
  });

  it('writes [*] from a list field into a list argument', () => {
    const r = ok(connect(base(), CHAIN, { callId: 'team', field: 'members[].email' }, { callId: 'invite', arg: 'attendees' }));
    expect(callOf(r.project, CHAIN, 'invite').args.attendees).toBe('{team.members[*].email}');
  });

  it('refuses a connection that closes a cycle, naming it in order', () => {
    const r = connect(base(), CHAIN, { callId: 'invite', field: 'invitation_id' }, { callId: 'book', arg: 'room_id' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.cycle).toEqual(['invite', 'book']);
    expect(r.reason).toBe('this connection would close the cycle invite → book → invite');
    const longer = connect(base(), CHAIN, { callId: 'invite', field: 'invitation_id' }, { callId: 'rooms', arg: 'date' });
    expect(!longer.ok && longer.cycle).toEqual(['invite', 'rooms', 'book']);
  });

  it('refuses a self-connection', () => {
    const r = connect(base(), CHAIN, { callId: 'book', field: 'booking_id' }, { callId: 'book', arg: 'room_id' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/own result/);
  });

  it('allows a type mismatch with a warning', () => {
    const r = ok(connect(base(), CHAIN, { callId: 'team', field: 'members' }, { callId: 'book', arg: 'room_id' }));
    expect(callOf(r.project, CHAIN, 'book').args.room_id).toBe('{team.members}');
    expect(r.warnings.join()).toMatch(/gives a list, but book.room_id expects a string/);
  });

  it('refuses a field the result does not have and unknown calls', () => {
    expect(connect(base(), CHAIN, { callId: 'rooms', field: 'nope' }, { callId: 'book', arg: 'room_id' }).ok).toBe(false);
    expect(connect(base(), CHAIN, { callId: 'ghost', field: '$' }, { callId: 'book', arg: 'room_id' }).ok).toBe(false);
    expect(connect(base(), 'no-chain', { callId: 'rooms', field: '$' }, { callId: 'book', arg: 'room_id' }).ok).toBe(false);
  });
});

describe('disconnect', () => {
  it('removes an argument that was exactly the reference', () => {
    const p = base();
    const edge = chainEdges(p, chainOf(p, CHAIN)).find((e) => e.source === 'rooms' && e.target === 'book')!;
    const r = ok(disconnect(p, CHAIN, edge.id));
    expect('room_id' in callOf(r.project, CHAIN, 'book').args).toBe(false);
    expect(chainEdges(r.project, chainOf(r.project, CHAIN)).some((e) => e.id === edge.id)).toBe(false);
  });

  it('cuts an embedded reference out of a longer text', () => {
    const p = ok(setArgument(base(), CHAIN, 'invite', 'message', 'Room {rooms.rooms[0].name} on {date}')).project;
    const edge = chainEdges(p, chainOf(p, CHAIN)).find((e) => e.target === 'invite' && e.label === 'rooms.rooms[0].name')!;
    expect(edge.whole).toBe(false);
    const r = ok(disconnect(p, CHAIN, edge.id));
    expect(callOf(r.project, CHAIN, 'invite').args.message).toBe('Room  on {date}');
  });

  it('refuses an unknown edge', () => {
    expect(disconnect(base(), CHAIN, 'data:nope->x:y').ok).toBe(false);
  });
});

describe('order edges', () => {
  it('adds and removes an after entry, refusing cycles', () => {
    const p = base();
    const added = ok(addOrder(p, CHAIN, 'team', 'rooms'));
    expect(callOf(added.project, CHAIN, 'rooms').after).toEqual(['team']);
    const edge = chainEdges(added.project, chainOf(added.project, CHAIN)).find((e) => e.id === added.edgeId)!;
    expect(edge.kind).toBe('order');
    const cyc = addOrder(added.project, CHAIN, 'invite', 'team');
    expect(!cyc.ok && cyc.reason).toBe('this order would close the cycle invite → team → invite');
    const removed = ok(removeOrder(added.project, CHAIN, 'team', 'rooms'));
    expect('after' in callOf(removed.project, CHAIN, 'rooms')).toBe(false);
    const viaEdge = ok(disconnect(added.project, CHAIN, added.edgeId));
    expect(viaEdge.project.chains).toEqual(p.chains);
  });
});
