import { describe, it, expect } from 'vitest';
import { completionOptions, SLOT_GROUP } from './completionOptions.ts';
import { searchReferences } from './referenceSearch.ts';

const tools = new Map([
  ['rooms', 'find_available_rooms'],
  ['team', 'get_team_members'],
]);
const tokens = ['{date}', '{team_name}', '{rooms}', '{rooms.date}', '{rooms.rooms[0].room_id}', '{rooms.rooms[0].name}', '{team.members[0].email}'];

describe('completionOptions', () => {
  it('puts call results under their call, with its tool, and slots in one group', () => {
    const options = completionOptions(tokens, tools);
    expect(options.map((o) => [o.callId, o.tool, o.field, o.reference])).toEqual([
      [SLOT_GROUP, 'slot', 'date', '{date}'],
      [SLOT_GROUP, 'slot', 'team_name', '{team_name}'],
      ['rooms', 'find_available_rooms', '', '{rooms}'],
      ['rooms', 'find_available_rooms', 'date', '{rooms.date}'],
      ['rooms', 'find_available_rooms', 'rooms[0].room_id', '{rooms.rooms[0].room_id}'],
      ['rooms', 'find_available_rooms', 'rooms[0].name', '{rooms.rooms[0].name}'],
      ['team', 'get_team_members', 'members[0].email', '{team.members[0].email}'],
    ]);
  });

  it('lets the reference search find every completion by its own text', () => {
    const options = completionOptions(tokens, tools);
    for (const token of tokens) {
      const found = searchReferences(options, token).shown.map((o) => o.reference);
      expect(found[0]).toBe(token);
    }
  });

  it('finds fields by the tool name and a field name, slots by "slot"', () => {
    const options = completionOptions(tokens, tools);
    expect(searchReferences(options, 'get_team email').shown.map((o) => o.reference)).toEqual(['{team.members[0].email}']);
    expect(searchReferences(options, 'room_id').shown.map((o) => o.reference)).toEqual(['{rooms.rooms[0].room_id}']);
    expect(searchReferences(options, 'slot').shown.map((o) => o.reference)).toEqual(['{date}', '{team_name}']);
    // Empty query: every completion, slots first, then calls in order.
    const all = searchReferences(options, '');
    expect(all.shown.map((o) => o.reference)).toEqual(tokens);
    expect(all.groups.map((g) => g.callId)).toEqual([SLOT_GROUP, 'rooms', 'team']);
  });
});
