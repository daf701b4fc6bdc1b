import { describe, expect, it } from 'vitest';
import { idPrefixFor, isIdField, makeId } from './ids.ts';
import { createRng } from './rng.ts';

describe('ids', () => {
  it('recognises id fields', () => {
    for (const name of ['id', 'room_id', 'roomId', 'RoomID', 'team_member_id', 'ID']) expect(isIdField(name), name).toBe(true);
    for (const name of ['idea', 'paid', 'identity', 'ids', 'room', 'valid', 'width']) expect(isIdField(name), name).toBe(false);
  });

  it('derives the prefix from the last word before _id', () => {
    expect(idPrefixFor('room_id')).toBe('room');
    expect(idPrefixFor('team_member_id')).toBe('member');
    expect(idPrefixFor('teamMemberId')).toBe('member');
    expect(idPrefixFor('id')).toBe('id');
    expect(idPrefixFor('_id')).toBe('id');
    expect(idPrefixFor('reservation_confirmation_id')).toBe('confirmati');
    expect(idPrefixFor('Booking-ID')).toBe('booking');
  });

  it('makes ids like room_7Kq2Lm9x, seeded', () => {
    const rng = createRng(1);
    const id = makeId('room_id', rng);
    expect(id).toMatch(/^room_[A-Za-z0-9]{8}$/);
    expect(makeId('id', rng)).toMatch(/^id_[A-Za-z0-9]{8}$/);
    expect(makeId('room_id', createRng(1))).toBe(id);
    const many = new Set(Array.from({ length: 1000 }, () => makeId('x_id', rng)));
    expect(many.size).toBe(1000);
  });
});
