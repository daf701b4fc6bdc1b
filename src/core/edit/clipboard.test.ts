import { describe, it, expect } from 'vitest';
import { loadExample, withSavedPositions } from '../testing/fixtures.ts';
import { copyCalls, pasteCalls } from './clipboard.ts';
import { deleteCalls } from './calls.ts';
import { addChain } from './chains.ts';
import { callOf, chainOf, deepFreeze, ok } from './testing.testutil.ts';

const CHAIN = 'book-and-invite';
const base = () => deepFreeze(withSavedPositions(loadExample('room-booking')));

describe('copy and paste', () => {
  it('makes ids unique and keeps references inside the pasted group', () => {
    const p = base();
    const clip = copyCalls(chainOf(p, CHAIN), ['book', 'invite']);
    const r = ok(pasteCalls(p, CHAIN, clip, { x: 10, y: 20 }));
    expect(r.callIds).toEqual(['book_2', 'invite_2']);
    expect(callOf(r.project, CHAIN, 'invite_2').args.booking_id).toBe('{book_2.booking_id}');
    // outside the group, the call exists here: kept
    expect(callOf(r.project, CHAIN, 'book_2').args.room_id).toBe('{rooms.rooms[min:capacity].room_id}');
    const before = callOf(p, CHAIN, 'book').position!;
    expect(callOf(r.project, CHAIN, 'book_2').position).toEqual({ x: before.x + 10, y: before.y + 20 });
    expect(r.warnings).toEqual([]);
  });

  it('removes references to calls that do not exist in the target chain', () => {
    const p = base();
    const clip = copyCalls(chainOf(p, CHAIN), ['invite']);
    const withChain = ok(addChain(p, { id: 'other' }));
    const r = ok(pasteCalls(withChain.project, 'other', clip));
    const invite = callOf(r.project, 'other', 'invite');
    expect(invite.args.booking_id).toBeUndefined();
    expect(invite.args.attendees).toBeUndefined();
    expect(r.warnings.join()).toMatch(/book/);
    // slots are kept as they are
    expect(JSON.stringify(invite.args)).not.toMatch(/\{book|\{team/);
  });

  it('pastes after the originals were deleted, keeping group references', () => {
    const p = base();
    const clip = copyCalls(chainOf(p, CHAIN), ['book', 'invite']);
    const gone = ok(deleteCalls(p, CHAIN, ['book', 'invite'])).project;
    const r = ok(pasteCalls(gone, CHAIN, clip));
    expect(r.callIds).toEqual(['book', 'invite']);
    expect(callOf(r.project, CHAIN, 'invite').args.booking_id).toBe('{book.booking_id}');
  });

  it('refuses text that is not copied calls', () => {
    expect(pasteCalls(base(), CHAIN, 'hello').ok).toBe(false);
    expect(pasteCalls(base(), CHAIN, '{"format":"chainwright-calls","version":1,"calls":[{"id":"x"}]}').ok).toBe(false);
    expect(pasteCalls(base(), CHAIN, '{"format":"chainwright-calls","version":1,"calls":[{"id":"x","tool":"t","args":{"__proto__":1}}]}').ok).toBe(false);
  });
});
