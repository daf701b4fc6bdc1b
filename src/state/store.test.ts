// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { loadExample, withSavedPositions } from '../core/testing/fixtures.ts';
import { serializeProject } from '../core/index.ts';
import { heldDraft, heldDraftKey, holdDraft, setHeldDraftStorage } from './drafts.ts';
import { createAppStore, makeSelectNode, selectCanRedo, selectCanUndo, selectGraphView, selectLineage, selectChain } from './store.ts';

const CHAIN = 'book-and-invite';
const seeded = () => createAppStore({ project: withSavedPositions(loadExample('room-booking')) });
const call = (store: ReturnType<typeof seeded>, id: string) => selectChain(store.getState())!.calls.find((c) => c.id === id);

describe('the app store', () => {
  it('starts on the first chain of the seeded project', () => {
    const store = seeded();
    expect(store.getState().chainId).toBe(CHAIN);
    expect(selectGraphView(store.getState())!.nodes).toHaveLength(4);
  });

  it('connects, disconnects, undoes and redoes', () => {
    const store = seeded();
    const original = store.getState().project;
    expect(store.getState().connect({ callId: 'team', field: 'members[].name' }, { callId: 'invite', arg: 'message' }).ok).toBe(true);
    expect(call(store, 'invite')!.args.message).toBe('{team.members[0].name}');
    expect(selectCanUndo(store.temporal.getState())).toBe(true);
    const edge = selectGraphView(store.getState())!.edges.find((e) => e.label === 'team.members[0].name')!;
    expect(store.getState().disconnect([edge.id]).ok).toBe(true);
    expect(call(store, 'invite')!.args.message).toBeUndefined();
    store.getState().undo();
    expect(call(store, 'invite')!.args.message).toBe('{team.members[0].name}');
    store.getState().undo();
    expect(store.getState().project).toBe(original);
    expect(selectCanRedo(store.temporal.getState())).toBe(true);
    store.getState().redo();
    expect(call(store, 'invite')!.args.message).toBe('{team.members[0].name}');
  });

  it('refuses a cycle with a notice naming it, and changes nothing', () => {
    const store = seeded();
    const before = store.getState().project;
    const refused = store.getState().connect({ callId: 'invite', field: 'invitation_id' }, { callId: 'book', arg: 'room_id' });
    expect(refused).toEqual({ ok: false, error: 'this connection would close the cycle invite → book → invite' });
    expect(store.getState().project).toBe(before);
    expect(store.getState().notice).toMatchObject({ kind: 'refused', message: 'Refused: this connection would close the cycle invite → book → invite' });
    expect(selectCanUndo(store.temporal.getState())).toBe(false);
  });

  it('reports a type mismatch as a warning', () => {
    const store = seeded();
    const done = store.getState().connect({ callId: 'team', field: 'members' }, { callId: 'book', arg: 'room_id' });
    expect(done.ok && done.warnings.join('; ')).toMatch(/type mismatch/);
    expect(store.getState().notice).toMatchObject({ kind: 'warning', message: expect.stringMatching(/type mismatch/) });
  });

  it('makes a node drag one undo step (the canvas moves the calls once, when the drag stops)', () => {
    const store = seeded();
    store.getState().moveCalls({ book: { x: 400, y: 10 } });
    expect(call(store, 'book')!.position).toEqual({ x: 400, y: 10 });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(call(store, 'book')!.position).toEqual(withSavedPositions(loadExample('room-booking')).chains[0].calls.find((c) => c.id === 'book')!.position);
    expect(store.temporal.getState().isTracking).toBe(true);
  });

  it('does not make steps for selection, viewport or preview changes', () => {
    const store = seeded();
    store.getState().selectCalls(['book']);
    store.getState().setViewport(CHAIN, { x: 1, y: 2, zoom: 1.5 });
    store.getState().nextExample();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('copies and pastes the selection with fresh ids', () => {
    const store = seeded();
    store.getState().selectCalls(['book', 'invite']);
    const text = store.getState().copySelection();
    expect(text).toContain('chainwright-calls');
    expect(store.getState().paste().ok).toBe(true);
    expect(store.getState().selectedCallIds).toEqual(['book_2', 'invite_2']);
    expect(call(store, 'invite_2')!.args.booking_id).toBe('{book_2.booking_id}');
  });

  it('deletes the selection (calls and edges) in one step', () => {
    const store = seeded();
    const edge = selectGraphView(store.getState())!.edges.find((e) => e.source === 'team')!;
    store.getState().setSelection({ callIds: ['rooms'], edgeIds: [edge.id] });
    expect(store.getState().deleteSelection().ok).toBe(true);
    expect(call(store, 'rooms')).toBeUndefined();
    expect(call(store, 'invite')!.args.attendees).toBeUndefined();
    expect(store.getState().selectedCallIds).toEqual([]);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('opening a broken file keeps the project exactly as it was and exposes the errors', () => {
    const store = seeded();
    const before = store.getState().project;
    const text = serializeProject(before).replace('"version": 2,', '"version": 2,,');
    expect(store.getState().openProjectText(text, 'broken.chain.json')).toBe(false);
    expect(store.getState().project).toBe(before);
    const failure = store.getState().openFailure!;
    expect(failure.fileName).toBe('broken.chain.json');
    expect(failure.error.kind).toBe('not-json');
    expect(failure.error.line).toBe(3);
    const invalid = serializeProject(before).replace('"tool": "book_room"', '"tool": 5');
    expect(store.getState().openProjectText(invalid, 'b.chain.json')).toBe(false);
    expect(store.getState().openFailure!.error.path).toMatch(/^\$\.chains\[0\]\.calls\[\d\]\.tool$/);
    expect(store.getState().project).toBe(before);
  });

  it('forgets the text held for fields of the project it replaces (opening a file, a new project)', () => {
    setHeldDraftStorage(null);
    const key = heldDraftKey('book-and-invite', 'call', 'book', 'id');
    const store = seeded();
    holdDraft(key, { text: 'rooms', problem: 'a call "rooms" already exists' });
    expect(store.getState().openProjectText('{', 'broken.chain.json')).toBe(false);
    expect(heldDraft(key)).toBeDefined();
    expect(store.getState().openProjectText(serializeProject(loadExample('room-booking')), 'again.chain.json')).toBe(true);
    expect(heldDraft(key)).toBeUndefined();
    holdDraft(key, { text: 'rooms', problem: 'p' });
    store.getState().newProject();
    expect(heldDraft(key)).toBeUndefined();
  });

  it('opens a good file', () => {
    const store = seeded();
    const q4 = serializeProject(loadExample('q4-planning'));
    expect(store.getState().openProjectText(q4, 'q4.chain.json')).toBe(true);
    expect(store.getState().fileName).toBe('q4.chain.json');
    expect(store.getState().chainId).toBe(loadExample('q4-planning').chains[0].id);
    expect(store.getState().openFailure).toBeNull();
  });

  it('keeps node objects of unmoved nodes across a move', () => {
    const store = seeded();
    const selectTeam = makeSelectNode('team');
    const selectBook = makeSelectNode('book');
    const team = selectTeam(store.getState());
    const book = selectBook(store.getState());
    store.getState().moveCalls({ book: { x: 999, y: 9 } });
    expect(selectTeam(store.getState())).toBe(team);
    expect(selectBook(store.getState())).not.toBe(book);
  });

  it('gives the lineage of the selected call', () => {
    const store = seeded();
    store.getState().selectCalls(['book']);
    expect(selectLineage(store.getState())).toEqual({ focus: 'book', ancestors: ['rooms'], descendants: ['invite'] });
  });

  it('adds, renames and deletes chains and calls', () => {
    const store = seeded();
    const added = store.getState().addChain({ name: 'Two' });
    if (!added.ok) throw new Error(added.error);
    const id = added.chainId;
    expect(store.getState().chainId).toBe(id);
    expect(store.getState().addCall('book_room', { x: 0, y: 0 })).toEqual({ ok: true, warnings: [], callId: 'room' });
    expect(store.getState().renameCall('room', 'b').ok).toBe(true);
    expect(store.getState().selectedCallIds).toEqual(['b']);
    expect(store.getState().renameChain(id, { id: 'two' }).ok).toBe(true);
    expect(store.getState().chainId).toBe('two');
    expect(store.getState().deleteChain('two').ok).toBe(true);
    expect(store.getState().chainId).toBe(CHAIN);
  });

  it('starts a new project keeping the tools when asked', () => {
    const store = seeded();
    store.getState().newProject({ keepTools: true });
    expect(store.getState().project.tools).toHaveLength(4);
    expect(store.getState().project.chains[0].calls).toEqual([]);
    store.getState().newProject();
    expect(store.getState().project.tools).toEqual([]);
  });
});
