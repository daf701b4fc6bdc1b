import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ToolDef } from '../project/types.ts';
import { loadExample } from '../testing/fixtures.ts';
import { argumentHandles, fieldPathOf, fieldPathSegments, fieldSchema, resultFields } from './fields.ts';

const tool = (returns: ToolDef['returns'], parameters: ToolDef['function']['parameters'] = { type: 'object', properties: {} }): ToolDef => ({
  type: 'function',
  function: { name: 't', parameters },
  ...(returns ? { returns } : {}),
});

describe('resultFields', () => {
  it('flattens nested lists into handles, the list itself and its elements included', () => {
    const rb = loadExample('room-booking');
    const find = rb.tools.find((t) => t.function.name === 'find_available_rooms')!;
    const fields = resultFields(find);
    const paths = fields.map((f) => f.path);
    expect(paths.slice(0, 1)).toEqual(['$']);
    expect(paths).toContain('rooms');
    expect(paths).toContain('rooms[]');
    expect(paths).toContain('rooms[].room_id');
    expect(paths.indexOf('rooms')).toBeLessThan(paths.indexOf('rooms[]'));
    expect(paths.indexOf('rooms[]')).toBeLessThan(paths.indexOf('rooms[].room_id'));
    const roomId = fields.find((f) => f.path === 'rooms[].room_id')!;
    expect(roomId).toMatchObject({ label: 'room_id', types: ['string'], inList: true, isList: false, depth: 3 });
    expect(fields.find((f) => f.path === 'rooms')).toMatchObject({ isList: true, inList: false });
  });

  it('follows $ref and anyOf branches and keeps descriptions', () => {
    const fields = resultFields(
      tool({
        $defs: { user: { type: 'object', properties: { email: { type: 'string', description: 'Where to write.' } } } },
        type: 'object',
        properties: {
          owner: { $ref: '#/$defs/user' },
          value: {
            anyOf: [
              { type: 'object', properties: { a: { type: 'integer' } } },
              { type: 'object', properties: { b: { type: 'boolean' } } },
            ],
          },
        },
      }),
    );
    expect(fields.find((f) => f.path === 'owner.email')).toMatchObject({ types: ['string'], description: 'Where to write.' });
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['value.a', 'value.b']));
  });

  it('stops on recursive schemas', () => {
    const fields = resultFields(
      tool({ $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' }, name: { type: 'string' } } } }, $ref: '#/$defs/node' }),
    );
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.length).toBeLessThan(50);
  });

  it('gives the generic result for a tool without returns', () => {
    expect(resultFields(tool(undefined)).map((f) => f.path)).toEqual(['$', 'ok']);
  });

  it('quotes keys a reference cannot spell plainly', () => {
    const fields = resultFields(tool({ type: 'object', properties: { 'content type': { type: 'string' } } }));
    const field = fields.find((f) => f.label === '["content type"]')!;
    expect(field.path).toBe('["content type"]');
    expect(fieldPathSegments(field.path)).toEqual([{ kind: 'key', key: 'content type' }]);
  });
});

describe('field paths', () => {
  it('round-trip through segments', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/).filter((k) => k !== 'length');
    const segment = fc.oneof(
      key.map((k) => ({ kind: 'key' as const, key: k })),
      fc.constant({ kind: 'all' as const }),
    );
    fc.assert(
      fc.property(key, fc.array(segment, { maxLength: 5 }), (first, rest) => {
        const path = [{ kind: 'key' as const, key: first }, ...rest];
        expect(fieldPathSegments(fieldPathOf(path))).toEqual(path);
      }),
    );
  });

  it('reach the field schema', () => {
    const rb = loadExample('room-booking');
    const find = rb.tools.find((t) => t.function.name === 'find_available_rooms')!;
    expect(fieldSchema(find.returns!, 'rooms[].capacity')).toMatchObject({ type: 'integer' });
    expect(fieldSchema(find.returns!, 'rooms[].nope')).toBeUndefined();
  });
});

describe('argumentHandles', () => {
  it('lists parameters with required flags, types and descriptions', () => {
    const rb = loadExample('room-booking');
    const invite = rb.tools.find((t) => t.function.name === 'send_invites')!;
    const handles = argumentHandles(invite);
    expect(handles.map((h) => [h.name, h.required, h.types]).slice(0, 2)).toEqual([
      ['booking_id', true, ['string']],
      ['attendees', true, ['array']],
    ]);
    expect(handles.find((h) => h.name === 'message')).toMatchObject({ required: false, known: true });
    expect(handles[0].description).toMatch(/book_room/);
  });
});
