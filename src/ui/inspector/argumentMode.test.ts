import { describe, expect, it } from 'vitest';
import { argumentMode, literalValue } from './argumentMode.ts';

const slots = new Set(['date', 'team_name']);

describe('argumentMode', () => {
  it('reads a missing value as empty', () => {
    expect(argumentMode(undefined, slots)).toEqual({ kind: 'empty' });
  });

  it('reads a whole reference to a slot as a slot', () => {
    expect(argumentMode('{date}', slots)).toEqual({ kind: 'slot', slot: 'date', template: '{date}' });
  });

  it('reads a whole reference to a call result as a reference', () => {
    expect(argumentMode('{rooms.rooms[0].room_id}', slots)).toEqual({ kind: 'reference', template: '{rooms.rooms[0].room_id}' });
  });

  it('reads text with an embedded reference, and escaped braces, as a literal', () => {
    expect(argumentMode('Room {rooms.rooms[0].name}', slots)).toEqual({ kind: 'literal', text: 'Room {rooms.rooms[0].name}' });
    expect(argumentMode('{{date}}', slots)).toEqual({ kind: 'literal', text: '{{date}}' });
  });

  it('shows non-string values as JSON', () => {
    expect(argumentMode(3, slots)).toEqual({ kind: 'literal', text: '3' });
    expect(argumentMode(['a', 1], slots)).toEqual({ kind: 'literal', text: '["a",1]' });
    expect(argumentMode(null, slots)).toEqual({ kind: 'literal', text: 'null' });
  });
});

describe('literalValue', () => {
  it('keeps text as is for a string parameter, even when it looks like JSON', () => {
    expect(literalValue('42', ['string'])).toEqual({ ok: true, value: '42' });
  });

  it('reads JSON for other types', () => {
    expect(literalValue('42', ['integer'])).toEqual({ ok: true, value: 42 });
    expect(literalValue('["x"]', ['array'])).toEqual({ ok: true, value: ['x'] });
  });

  it('falls back to text when the parameter accepts strings or says nothing', () => {
    expect(literalValue('hello', [])).toEqual({ ok: true, value: 'hello' });
    expect(literalValue('hello', ['string', 'null'])).toEqual({ ok: true, value: 'hello' });
  });

  it('refuses text that is not JSON for a non-string parameter, saying what is expected', () => {
    const r = literalValue('three', ['integer']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('integer');
  });
});
