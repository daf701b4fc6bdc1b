// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { loadExample } from '../../core/testing/fixtures.ts';
import { importTools, toolDefinitionText } from '../../core/index.ts';
import { createAppStore, selectCanUndo, selectGraphView } from '../store.ts';
import { toolActions } from './tools.ts';

const seeded = () => {
  const store = createAppStore({ project: loadExample('room-booking') });
  return { store, tools: toolActions(store) };
};
const toolNames = (store: ReturnType<typeof seeded>['store']) => store.getState().project.tools.map((t) => t.function.name);
const nodeOf = (store: ReturnType<typeof seeded>['store'], id: string) => selectGraphView(store.getState())!.nodes.find((n) => n.id === id)!;

describe('tool actions on the store', () => {
  it('applies a valid definition as one undo step; the canvas node gets the new result field', () => {
    const { store, tools } = seeded();
    const before = store.getState().project;
    const book = before.tools.find((t) => t.function.name === 'book_room')!;
    const text = toolDefinitionText(book).replace('"booking_id": {', '"confirmation_code": {"type": "string"},\n      "booking_id": {');
    const r = tools.updateTool('book_room', text);
    expect(r.ok).toBe(true);
    expect(nodeOf(store, 'book').outputs.map((o) => o.path)).toContain('confirmation_code');
    expect(selectCanUndo(store.temporal.getState())).toBe(true);
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('never applies an invalid definition: the project object stays the same, and no undo step is made', () => {
    const { store, tools } = seeded();
    const before = store.getState().project;
    const r = tools.updateTool('book_room', '{"type": "function", "function": {"name": "book_room"');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/not valid JSON/);
    expect(store.getState().project).toBe(before);
    expect(selectCanUndo(store.temporal.getState())).toBe(false);
  });

  it('renames a tool and every call of it', () => {
    const { store, tools } = seeded();
    const r = tools.renameTool('book_room', 'reserve_room');
    expect(r.ok && r.calls.map((c) => c.callId)).toEqual(['book']);
    expect(nodeOf(store, 'book').tool).toBe('reserve_room');
    expect(toolNames(store)).toContain('reserve_room');
  });

  it('refuses to delete a used tool unless forced, then removes its calls and the selection of them', () => {
    const { store, tools } = seeded();
    store.getState().selectCalls(['invite']);
    const asked = tools.deleteTool('send_invites');
    expect(asked.ok).toBe(false);
    if (!asked.ok) expect(asked.usedBy.map((c) => c.callId)).toEqual(['invite']);
    expect(toolNames(store)).toContain('send_invites');
    const forced = tools.deleteTool('send_invites', { force: true });
    expect(forced.ok).toBe(true);
    expect(toolNames(store)).not.toContain('send_invites');
    expect(selectGraphView(store.getState())!.nodes.map((n) => n.id)).not.toContain('invite');
    expect(store.getState().selectedCallIds).toEqual([]);
  });

  it('merges imported tools with the decisions given; skipping everything changes nothing', () => {
    const { store, tools } = seeded();
    const before = store.getState().project;
    const imported = importTools(JSON.stringify([{ name: 'get_team_members', description: 'Other.', input_schema: { type: 'object', properties: {} } }]));
    if (!imported.ok) throw new Error('fixture');
    expect(tools.mergeTools({ tools: imported.tools }, 'skip').skipped).toEqual(['get_team_members']);
    expect(store.getState().project).toBe(before);
    const kept = tools.mergeTools({ tools: imported.tools }, { get_team_members: 'keep-both' });
    expect(kept.renamed).toEqual([{ from: 'get_team_members', to: 'get_team_members_2' }]);
    expect(toolNames(store)).toContain('get_team_members_2');
  });
});
