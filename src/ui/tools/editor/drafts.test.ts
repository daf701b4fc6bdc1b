import { describe, expect, it } from 'vitest';
import type { Project, ToolDef } from '../../../core/index.ts';
import { emptyProject } from '../../../core/index.ts';
import { checkDefinition, checkReturns, definitionText, returnsText } from './drafts.ts';

const tool = (name: string, extra: Partial<ToolDef> = {}): ToolDef => ({
  type: 'function',
  function: { name, description: `Does ${name}.`, parameters: { type: 'object', properties: { id: { type: 'string' } }, required: [] } },
  ...extra,
});

const project = (): Project => ({
  ...emptyProject(),
  tools: [tool('find_rooms', { returns: { type: 'object', properties: { room_id: { type: 'string' } } } }), tool('book_room')],
});

describe('checkDefinition', () => {
  it('accepts the definition as the editor shows it', () => {
    const p = project();
    const r = checkDefinition(p, 'book_room', definitionText(p.tools[1]));
    expect(r.ok).toBe(true);
  });

  it('reports broken JSON with its line, and leaves the project as it was', () => {
    const p = project();
    const before = JSON.stringify(p);
    const text = definitionText(p.tools[1]).replace('"book_room",', '"book_room"');
    const r = checkDefinition(p, 'book_room', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toMatch(/not valid JSON/);
    expect(r.errors[0].line).toBeGreaterThan(1);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('refuses a name another tool has, naming the place', () => {
    const p = project();
    const r = checkDefinition(p, 'book_room', definitionText(p.tools[1]).replace('"book_room"', '"find_rooms"'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '$.function.name' });
  });
});

describe('checkReturns', () => {
  it('puts a valid result schema into the definition', () => {
    const r = checkReturns(project(), 'book_room', '{"type": "object", "properties": {"booking_id": {"type": "string"}}}');
    expect(r.ok && r.definition.returns).toEqual({ type: 'object', properties: { booking_id: { type: 'string' } } });
  });

  it('removes the result schema when the text is empty', () => {
    const p = project();
    const r = checkReturns(p, 'find_rooms', '  ');
    expect(r.ok && 'returns' in r.definition).toBe(false);
    expect(returnsText(p.tools[0])).toContain('room_id');
  });

  it('reports problems at paths and lines of the returns text', () => {
    const text = '{\n  "type": "object",\n  "properties": {\n    "constructor": {"type": "string"}\n  }\n}\n';
    const r = checkReturns(project(), 'find_rooms', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path === '$.properties.constructor' && e.line === 4)).toBe(true);
  });

  it('refuses a list, naming what a result schema is', () => {
    const r = checkReturns(project(), 'find_rooms', '[1, 2]');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/result schema is a JSON Schema object/);
  });
});
