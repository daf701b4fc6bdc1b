import { describe, it, expect } from 'vitest';
import { referenceForConnection } from './reference.ts';

describe('referenceForConnection', () => {
  it('takes the first element into a single-value argument', () => {
    expect(referenceForConnection('rooms', 'rooms[].room_id', { type: 'string' })).toBe('{rooms.rooms[0].room_id}');
  });
  it('takes every element into a list argument', () => {
    expect(referenceForConnection('team', 'members[].email', { type: 'array', items: { type: 'string' } })).toBe('{team.members[*].email}');
  });
  it('passes a whole list or the whole result as it is', () => {
    expect(referenceForConnection('team', 'members', { type: 'array' })).toBe('{team.members}');
    expect(referenceForConnection('team', '$', { type: 'object' })).toBe('{team}');
  });
  it('treats an argument of unknown type as a single value', () => {
    expect(referenceForConnection('rooms', 'rooms[].room_id', undefined)).toBe('{rooms.rooms[0].room_id}');
    expect(referenceForConnection('rooms', 'rooms[].room_id', {})).toBe('{rooms.rooms[0].room_id}');
  });
  it('quotes odd keys', () => {
    expect(referenceForConnection('r', '["content type"]', { type: 'string' })).toBe('{r["content type"]}');
  });
});
