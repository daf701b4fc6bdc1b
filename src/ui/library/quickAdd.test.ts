import { describe, expect, it } from 'vitest';
import { matchTools } from './quickAdd.ts';
import type { ToolEntry } from '../../state/store.ts';

const tools: ToolEntry[] = [
  { name: 'find_available_rooms', effect: 'read', description: 'Find meeting rooms that are free on a given day.' },
  { name: 'get_team_members', effect: 'read', description: 'List the members of a team.' },
  { name: 'book_room', effect: 'write', description: 'Book a meeting room for a time slot.' },
  { name: 'send_invites', effect: 'write', description: 'Send calendar invitations for a booking.' },
];

describe('matchTools', () => {
  it('lists every tool for an empty query', () => {
    expect(matchTools(tools, '  ').map((t) => t.name)).toEqual(tools.map((t) => t.name));
  });

  it('puts names that start with the query before names that contain it, then descriptions', () => {
    expect(matchTools(tools, 'room').map((t) => t.name)).toEqual(['find_available_rooms', 'book_room']);
    expect(matchTools(tools, 'book').map((t) => t.name)).toEqual(['book_room', 'send_invites']);
  });

  it('treats underscores, dashes and spaces alike and ignores case', () => {
    expect(matchTools(tools, 'Team Members').map((t) => t.name)).toEqual(['get_team_members']);
    expect(matchTools(tools, 'send-inv').map((t) => t.name)).toEqual(['send_invites']);
  });

  it('finds nothing for a query nothing contains', () => {
    expect(matchTools(tools, 'zebra')).toEqual([]);
  });
});
