import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { referenceOptions } from '../../core/index.ts';
import type { ReferenceOption } from '../../core/index.ts';
import { loadExample } from '../../core/testing/fixtures.ts';
import { MAX_SHOWN, searchReferences } from './referenceSearch.ts';

const option = (callId: string, field: string, tool = `${callId}_tool`): ReferenceOption => ({
  callId,
  tool,
  field,
  reference: `{${callId}${field === '$' ? '' : field.startsWith('[') ? field : `.${field}`}}`.replace(/\[\]/g, '[0]'),
  types: ['string'],
  typeMismatch: false,
});
const refs = (options: readonly ReferenceOption[]) => options.map((o) => o.reference);

/** The room-booking example's options for invite.message: rooms, team and book are upstream. */
const inviteOptions = () => referenceOptions(loadExample('room-booking'), 'book-and-invite', 'invite', 'message');

describe('searchReferences', () => {
  it('shows every option in call and field order, grouped by call, for an empty query', () => {
    const options = inviteOptions();
    const r = searchReferences(options, '  ');
    expect(r.shown).toEqual(options);
    expect(r.groups.map((g) => g.callId)).toEqual(['rooms', 'team', 'book']);
    expect(r.groups[0].tool).toBe('find_available_rooms');
    expect(r.matched).toBe(options.length);
    expect(r.hidden).toBe(0);
  });

  it('filters by call id or path substring, ignoring case', () => {
    const r = searchReferences(inviteOptions(), 'EMAIL');
    expect(refs(r.shown)).toEqual(['{team.members[0].email}']);
    expect(r.groups.map((g) => g.callId)).toEqual(['team']);
    expect(searchReferences(inviteOptions(), 'book').groups[0].callId).toBe('book');
  });

  it('reads a path written with braces, list indexes or none alike', () => {
    for (const query of ['rooms.room_id', 'rooms[0].room_id', '{rooms.rooms[0].room_id}', 'rooms[*].room_id']) {
      expect(refs(searchReferences(inviteOptions(), query).shown)[0], query).toBe('{rooms.rooms[0].room_id}');
    }
  });

  it('needs every word, in any order', () => {
    const options = [option('rooms', 'rooms[].room_id'), option('book', 'room_id'), option('book', 'booking_id')];
    expect(refs(searchReferences(options, 'room_id book').shown)).toEqual(['{book.room_id}']);
    expect(searchReferences(options, 'book nowhere').matched).toBe(0);
  });

  it('ranks a field named as typed before one that starts with it, before the call id, before a step, before anywhere', () => {
    const options = [
      option('a', 'thumbnail_id'), // "id" anywhere? no: after "_", the start of a step
      option('b', 'hidden'), // "id" inside a word
      option('c', 'ident'), // the field's name starts with it
      option('d', 'id'), // the field's own name
      option('id', 'other'), // the call id
    ];
    expect(refs(searchReferences(options, 'id').shown)).toEqual(['{d.id}', '{c.ident}', '{id.other}', '{a.thumbnail_id}', '{b.hidden}']);
  });

  it('orders groups by their best match and keeps the rest of a group with it', () => {
    const options = [option('first', 'note_title'), option('first', 'title_x'), option('second', 'title')];
    const r = searchReferences(options, 'title');
    expect(r.groups.map((g) => g.callId)).toEqual(['second', 'first']);
    expect(refs(r.groups[1].options)).toEqual(['{first.title_x}', '{first.note_title}']);
  });

  it(`renders at most ${MAX_SHOWN} of thousands of fields and counts the rest`, () => {
    const options = Array.from({ length: 20 }, (_, c) => Array.from({ length: 150 }, (_, f) => option(`call${c}`, `field${f}.value`))).flat();
    const all = searchReferences(options, '');
    expect(all.shown).toHaveLength(MAX_SHOWN);
    expect(all.matched).toBe(3000);
    expect(all.hidden).toBe(3000 - MAX_SHOWN);
    expect(all.groups.map((g) => g.callId)).toEqual(['call0', 'call1']);
    expect(all.groups[1].options).toHaveLength(50);

    const narrow = searchReferences(options, 'call7 field12');
    // field12 and field120…field129 of call7.
    expect(narrow.matched).toBe(11);
    expect(narrow.hidden).toBe(0);
    expect(narrow.shown[0].reference).toBe('{call7.field12.value}');
  });

  it('keeps its promises for any options and query', () => {
    const word = fc.stringMatching(/^[a-z_.[\]{}0-9]{0,6}$/);
    const anOption = fc.record({ callId: fc.constantFrom('a', 'b', 'rooms', 'book'), field: fc.stringMatching(/^[a-z_]{1,5}(\[\]\.?[a-z_]{1,4})?$/) });
    fc.assert(
      fc.property(
        fc.array(anOption, { maxLength: 40 }),
        fc.array(word, { maxLength: 3 }),
        word,
        fc.integer({ min: 1, max: 30 }),
        (raw, words, extra, limit) => {
          const options = raw.map((o) => option(o.callId, o.field));
          const query = words.join(' ');
          const r = searchReferences(options, query, limit);
          expect(r.shown.length).toBe(Math.min(limit, r.matched));
          expect(r.hidden).toBe(r.matched - r.shown.length);
          expect(r.groups.flatMap((g) => g.options)).toEqual(r.shown);
          for (const g of r.groups) expect(g.options.every((o) => o.callId === g.callId)).toBe(true);
          expect(new Set(r.groups.map((g) => g.callId)).size).toBe(r.groups.length);
          for (const o of r.shown) expect(options).toContain(o);
          // Another word only narrows.
          expect(searchReferences(options, `${query} ${extra}`, limit).matched).toBeLessThanOrEqual(r.matched);
        },
      ),
    );
  });
});
