import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { validateProject } from '../compile/compileProject.ts';
import type { Project } from '../project/types.ts';
import { addTool, deleteTool, duplicateTool, patchTool, renameTool, toolDefinitionText, updateTool } from './edit.ts';

const snapshot = (p: Project) => JSON.parse(JSON.stringify(p)) as Project;
const errorsOf = (p: Project) => validateProject(p).filter((d) => d.severity === 'error');

describe('addTool / duplicateTool', () => {
  it('adds a blank tool named new_tool, then new_tool_2', () => {
    const project = loadExample('room-booking');
    const a = addTool(project);
    if (!a.ok) throw new Error(a.reason);
    expect(a.name).toBe('new_tool');
    const b = addTool(a.project);
    expect(b.ok && b.name).toBe('new_tool_2');
    expect(project.tools).toHaveLength(4);
  });

  it('refuses an invalid definition', () => {
    const r = addTool(loadExample('room-booking'), '{"type": "function", "function": {"name": "x"}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '$.function.parameters', line: 1 });
  });

  it('duplicates right after the original with a fresh name', () => {
    const project = loadExample('room-booking');
    const r = duplicateTool(project, 'book_room');
    if (!r.ok) throw new Error(r.reason);
    expect(r.project.tools.map((t) => t.function.name)).toEqual(['find_available_rooms', 'get_team_members', 'book_room', 'book_room_2', 'send_invites']);
    expect(r.project.tools[3].returns).toEqual(project.tools[2].returns);
    expect(r.project.tools[3].returns).not.toBe(project.tools[2].returns);
  });
});

describe('renameTool', () => {
  it('every call of the tool follows; the project still validates; the input is unchanged', () => {
    const project = loadExample('room-booking');
    const before = snapshot(project);
    const r = renameTool(project, 'book_room', 'reserve_room');
    if (!r.ok) throw new Error(r.reason);
    expect(project).toEqual(before);
    expect(r.calls).toEqual([{ chainId: 'book-and-invite', callId: 'book', path: '$.chains[0].calls[2]' }]);
    expect(r.project.chains[0].calls[2].tool).toBe('reserve_room');
    expect(r.project.chains[0].calls[0]).toBe(project.chains[0].calls[0]);
    expect(errorsOf(r.project)).toEqual([]);
  });

  it('refuses an unknown tool, a bad name, a taken name', () => {
    const project = loadExample('room-booking');
    expect(renameTool(project, 'nope', 'x')).toMatchObject({ ok: false, errors: [{ path: '$.tools' }] });
    expect(renameTool(project, 'book_room', 'book room')).toMatchObject({ ok: false, errors: [{ path: '$.tools[2].function.name' }] });
    const taken = renameTool(project, 'book_room', 'send_invites');
    expect(taken).toMatchObject({ ok: false, reason: expect.stringMatching(/already named "send_invites"/) });
  });
});

describe('updateTool', () => {
  it("applies a valid definition from the editor's text; a new name renames the calls", () => {
    const project = loadExample('room-booking');
    const def = {
      ...project.tools[2],
      function: { ...project.tools[2].function, name: 'reserve_room', description: 'Reserve a meeting room for a time slot.' },
    };
    const r = updateTool(project, 'book_room', toolDefinitionText(def));
    if (!r.ok) throw new Error(r.reason);
    expect(r.project.tools[2]).toEqual(def);
    expect(r.project.chains[0].calls[2].tool).toBe('reserve_room');
    expect(errorsOf(r.project)).toEqual([]);
  });

  it('never applies broken JSON or an invalid definition: errors with lines and paths', () => {
    const project = loadExample('room-booking');
    const text = toolDefinitionText(project.tools[2]);
    const broken = updateTool(project, 'book_room', text.replace('"function": {', '"function": {,'));
    expect(broken).toMatchObject({ ok: false, errors: [{ path: '$', line: 3, message: expect.stringMatching(/not valid JSON/) }] });
    const cases: [string, string][] = [
      [text.replace('"type": "object"', '"type": "array"'), '$.function.parameters.type'],
      [text.replace('"effect": "write"', '"effect": "sometimes"'), '$.effect'],
      [text.replace('"latencyMs": 600', '"latencyMs": -1'), '$.latencyMs'],
      [text.replace('"name": "book_room"', '"name": "book room"'), '$.function.name'],
      [text.replace('"type": "function"', '"type": "tool"'), '$.type'],
      [text.replace('"returns": {', '"returns": {"minLength": "long",'), '$.returns'],
      [text.replace('"returns": {', '"returns": {"__proto__": {},'), '$.returns.__proto__'],
    ];
    for (const [t, path] of cases) {
      const r = updateTool(project, 'book_room', t);
      expect(r.ok, path).toBe(false);
      if (!r.ok) {
        expect(
          r.errors.map((e) => e.path),
          path,
        ).toContain(path);
        expect(
          r.errors.every((e) => typeof e.line === 'number'),
          path,
        ).toBe(true);
      }
    }
    expect(updateTool(project, 'book_room', { ...project.tools[2], function: { ...project.tools[2].function, name: 'send_invites' } })).toMatchObject({
      ok: false,
      errors: [{ path: '$.function.name' }],
    });
  });
});

describe('patchTool', () => {
  it('sets and removes the quick fields', () => {
    const project = loadExample('room-booking');
    const r = patchTool(project, 'book_room', { description: 'Book it.', effect: undefined, latencyMs: 50 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.project.tools[2].function.description).toBe('Book it.');
    expect('effect' in r.project.tools[2]).toBe(false);
    expect(r.project.tools[2].latencyMs).toBe(50);
    expect(patchTool(project, 'book_room', { latencyMs: -5 })).toMatchObject({ ok: false, errors: [{ path: '$.latencyMs' }] });
    const renamed = patchTool(project, 'book_room', { name: 'reserve' });
    expect(renamed.ok && renamed.project.chains[0].calls[2].tool).toBe('reserve');
  });
});

describe('deleteTool', () => {
  it('an unused tool goes at once', () => {
    const project = loadExample('room-booking');
    const added = addTool(project);
    if (!added.ok) throw new Error(added.reason);
    const r = deleteTool(added.project, 'new_tool');
    expect(r.ok && r.project.tools).toEqual(project.tools);
  });

  it('a used tool: nothing is deleted, the calls that use it are named', () => {
    const project = loadExample('room-booking');
    const r = deleteTool(project, 'book_room');
    expect(r).toMatchObject({
      ok: false,
      usedBy: [{ chainId: 'book-and-invite', callId: 'book' }],
      reason: expect.stringMatching(/used by 1 call \(book-and-invite\/book\)/),
    });
  });

  it('force removes the calls, cleans after lists, and reports the references left dangling', () => {
    const project = loadExample('room-booking');
    const before = snapshot(project);
    const r = deleteTool(project, 'book_room', { force: true });
    if (!r.ok) throw new Error(r.reason);
    expect(project).toEqual(before);
    expect(r.project.tools.map((t) => t.function.name)).not.toContain('book_room');
    expect(r.project.chains[0].calls.map((c) => c.id)).toEqual(['rooms', 'team', 'invite']);
    expect(r.removedCalls.map((c) => c.callId)).toEqual(['book']);
    expect(r.danglingReferences).toEqual([
      { chainId: 'book-and-invite', callId: 'invite', path: '$.chains[0].calls[2].args.booking_id', reference: 'book.booking_id' },
      { chainId: 'book-and-invite', path: '$.chains[0].reply', reference: 'book.start_time' },
    ]);
    // Validation names the same places.
    const paths = errorsOf(r.project).map((d) => d.path);
    for (const d of r.danglingReferences) expect(paths).toContain(d.path);
  });

  it('force drops the removed calls from after lists', () => {
    const project = loadExample('incident-response');
    const withAfter = project.chains[0].calls.find((c) => c.after?.length);
    if (!withAfter?.after) throw new Error('the incident example has an order-only dependency');
    const target = project.chains[0].calls.find((c) => c.id === withAfter.after?.[0]);
    const r = deleteTool(project, target?.tool ?? '', { force: true });
    if (!r.ok) throw new Error(r.reason);
    const after = r.project.chains[0].calls.find((c) => c.id === withAfter.id);
    expect(after?.after ?? []).not.toContain(target?.id);
  });
});
