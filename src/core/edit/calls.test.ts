import { describe, it, expect } from 'vitest';
import { loadExample, withSavedPositions } from '../testing/fixtures.ts';
import { collectReferences } from '../refs/parse.ts';
import { addCall, callIdStem, deleteCalls, freshCallId, moveCalls, renameCall, setArgument, setCallRequests, setCallTool } from './calls.ts';
import { addOrder } from './connect.ts';
import { callOf, chainOf, deepFreeze, ok } from './testing.testutil.ts';
import type { Project } from '../project/types.ts';

const CHAIN = 'book-and-invite';
const base = () => deepFreeze(loadExample('room-booking'));
const roots = (p: Project) => collectReferences(chainOf(p, CHAIN)).map((r) => r.ref.root);

describe('call ids', () => {
  it('come from the tool name’s last word, then _2, _3', () => {
    expect(callIdStem('find_available_rooms')).toBe('rooms');
    expect(callIdStem('book_room')).toBe('room');
    expect(callIdStem('do-2')).toBe('do-2');
    const p = base();
    expect(freshCallId(p, CHAIN, 'find_available_rooms')).toBe('rooms_2');
    const one = ok(addCall(p, CHAIN, 'find_available_rooms', { x: 10.4, y: 20.6 }));
    expect(one.callId).toBe('rooms_2');
    expect(callOf(one.project, CHAIN, 'rooms_2')).toEqual({ id: 'rooms_2', tool: 'find_available_rooms', args: {}, position: { x: 10, y: 21 } });
    expect(ok(addCall(one.project, CHAIN, 'find_available_rooms')).callId).toBe('rooms_3');
  });

  it('avoid slot names', () => {
    const p = base();
    // room-booking has a slot "date"? use a tool whose stem is a slot
    const withSlot = { ...p, chains: p.chains.map((c) => ({ ...c, slots: { ...c.slots, room: 'x' } })) };
    expect(ok(addCall(withSlot, CHAIN, 'book_room')).callId).toBe('room_2');
  });

  it('refuse an unknown tool', () => {
    expect(addCall(base(), CHAIN, 'nope').ok).toBe(false);
  });
});

describe('renameCall', () => {
  it('updates every reference and after', () => {
    const p = ok(addOrder(base(), CHAIN, 'rooms', 'team')).project;
    const r = ok(renameCall(p, CHAIN, 'rooms', 'found'));
    expect(roots(r.project)).not.toContain('rooms');
    expect(callOf(r.project, CHAIN, 'book').args.room_id).toBe('{found.rooms[min:capacity].room_id}');
    expect(callOf(r.project, CHAIN, 'team').after).toEqual(['found']);
    expect(chainOf(r.project, CHAIN).reply).toContain('{found.rooms[min:capacity].name}');
  });

  it('refuses invalid, taken and slot names', () => {
    expect(renameCall(base(), CHAIN, 'rooms', '1abc').ok).toBe(false);
    expect(renameCall(base(), CHAIN, 'rooms', 'book').ok).toBe(false);
    const slot = Object.keys(chainOf(base(), CHAIN).slots ?? {})[0];
    const r = renameCall(base(), CHAIN, 'rooms', slot);
    expect(!r.ok && r.reason).toMatch(/slot/);
  });
});

describe('deleteCalls', () => {
  it('removes the calls, the references to them and after entries', () => {
    const p = ok(addOrder(base(), CHAIN, 'book', 'team')).project;
    const r = ok(deleteCalls(p, CHAIN, ['book']));
    const chain = chainOf(r.project, CHAIN);
    expect(chain.calls.map((c) => c.id)).toEqual(['rooms', 'team', 'invite']);
    expect(roots(r.project)).not.toContain('book');
    expect('booking_id' in callOf(r.project, CHAIN, 'invite').args).toBe(false);
    expect(callOf(r.project, CHAIN, 'team').after).toBeUndefined();
  });
});

describe('arguments, tools, requests, positions', () => {
  it('sets and removes an argument', () => {
    const p = ok(setArgument(base(), CHAIN, 'book', 'start_time', '10:00')).project;
    expect(callOf(p, CHAIN, 'book').args.start_time).toBe('10:00');
    expect('start_time' in callOf(ok(setArgument(p, CHAIN, 'book', 'start_time', undefined)).project, CHAIN, 'book').args).toBe(false);
    expect(setArgument(p, CHAIN, 'book', '__proto__', 1).ok).toBe(false);
  });

  it('changes the tool and keeps the arguments', () => {
    const r = ok(setCallTool(base(), CHAIN, 'book', 'send_invites'));
    expect(callOf(r.project, CHAIN, 'book').tool).toBe('send_invites');
    expect(callOf(r.project, CHAIN, 'book').args).toEqual(callOf(base(), CHAIN, 'book').args);
    expect(setCallTool(base(), CHAIN, 'book', 'nope').ok).toBe(false);
  });

  it('sets per-call requests', () => {
    const r = ok(setCallRequests(base(), CHAIN, 'book', ['Book it']));
    expect(callOf(r.project, CHAIN, 'book').requests).toEqual(['Book it']);
    expect(callOf(ok(setCallRequests(r.project, CHAIN, 'book', [])).project, CHAIN, 'book').requests).toBeUndefined();
  });

  it('moves calls, ignoring unknown ids and non-finite numbers, and returns the same project when nothing moves', () => {
    const p = deepFreeze(withSavedPositions(loadExample('room-booking')));
    const r = ok(moveCalls(p, CHAIN, { book: { x: 5, y: 6 }, ghost: { x: 1, y: 1 }, team: { x: NaN, y: 0 } }));
    expect(callOf(r.project, CHAIN, 'book').position).toEqual({ x: 5, y: 6 });
    expect(callOf(r.project, CHAIN, 'team')).toBe(callOf(p, CHAIN, 'team'));
    expect(ok(moveCalls(r.project, CHAIN, { book: { x: 5, y: 6 } })).project).toBe(r.project);
  });
});
