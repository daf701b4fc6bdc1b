import { describe, it, expect } from 'vitest';
import { loadExample, miniProject, withSavedPositions } from '../testing/fixtures.ts';
import { graphView } from './graphView.ts';
import { addOrder, connect } from './connect.ts';
import { moveCalls } from './calls.ts';
import { ok } from './testing.testutil.ts';
import { ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE } from './edges.ts';
import type { Project } from '../project/types.ts';

const CHAIN = 'book-and-invite';

function withoutPositions(p: Project): Project {
  return { ...p, chains: p.chains.map((c) => ({ ...c, calls: c.calls.map(({ position: _position, ...call }) => call) })) };
}

describe('graphView', () => {
  const rb = withSavedPositions(loadExample('room-booking'));

  it('gives nodes with levels, turns, handles and the critical path', () => {
    const view = graphView(rb, CHAIN)!;
    expect(view.nodes.map((n) => [n.id, n.level, n.turn])).toEqual([
      ['rooms', 0, 0],
      ['team', 0, 0],
      ['book', 1, 1],
      ['invite', 2, 2],
    ]);
    const book = view.nodes.find((n) => n.id === 'book')!;
    expect(book.inputs.filter((h) => h.required).map((h) => h.name)).toEqual(['room_id', 'date', 'start_time']);
    expect(book.outputs.map((f) => f.path)).toContain('booking_id');
    expect(book.effect).toBe('write');
    expect(book.positionSaved).toBe(true);
    expect(view.criticalPath).toEqual(view.plan!.criticalPath);
    expect(view.nodes.filter((n) => n.isOnCriticalPath).map((n) => n.id)).toEqual(view.criticalPath.slice().sort((a, b) => ['rooms', 'team', 'book', 'invite'].indexOf(a) - ['rooms', 'team', 'book', 'invite'].indexOf(b)));
    expect(view.cycle).toBeNull();
  });

  it('gives edges whose handles exist on their nodes, labelled with the reference', () => {
    const view = graphView(rb, CHAIN)!;
    const nodes = new Map(view.nodes.map((n) => [n.id, n]));
    for (const e of view.edges) {
      expect(nodes.get(e.source)!.outputs.map((f) => f.path)).toContain(e.sourceHandle);
      expect(nodes.get(e.target)!.inputs.map((h) => h.name)).toContain(e.targetHandle);
    }
    const roomEdge = view.edges.find((e) => e.source === 'rooms' && e.target === 'book')!;
    expect(roomEdge).toMatchObject({ kind: 'data', sourceHandle: 'rooms[].room_id', targetHandle: 'room_id', label: 'rooms.rooms[0].room_id', typeMismatch: false });
  });

  it('labels turn bands and makes them cover their calls', () => {
    const view = graphView(rb, CHAIN)!;
    expect(view.bands.map((b) => b.title)).toEqual(['Turn 1 · 2 calls in parallel', 'Turn 2 · 1 call', 'Turn 3 · 1 call']);
    for (const band of view.bands) {
      for (const id of band.callIds) {
        const n = view.nodes.find((x) => x.id === id)!;
        expect(n.position.x).toBeGreaterThanOrEqual(band.x);
        expect(n.position.x + n.width).toBeLessThanOrEqual(band.x + band.width);
      }
    }
  });

  it('flags a type mismatch on the edge', () => {
    const p = ok(connect(rb, CHAIN, { callId: 'team', field: 'members' }, { callId: 'book', arg: 'room_id' })).project;
    const edge = graphView(p, CHAIN)!.edges.find((e) => e.source === 'team' && e.target === 'book')!;
    expect(edge.typeMismatch).toBe(true);
    expect(edge.mismatch).toMatch(/a list/);
  });

  it('draws order edges between the header handles', () => {
    const p = ok(addOrder(rb, CHAIN, 'team', 'rooms')).project;
    const edge = graphView(p, CHAIN)!.edges.find((e) => e.kind === 'order')!;
    expect(edge).toMatchObject({ source: 'team', target: 'rooms', sourceHandle: ORDER_SOURCE_HANDLE, targetHandle: ORDER_TARGET_HANDLE });
  });

  it('counts diagnostics per node', () => {
    const p = miniProject();
    p.chains[0].calls[1].args = { project_id: '{project.nope}' };
    const task = graphView(p, 'plan')!.nodes.find((n) => n.id === 'task')!;
    expect(task.diagnostics.severity).toBe('error');
    expect(task.diagnostics.errors).toBeGreaterThanOrEqual(2); // unknown field + missing title
  });

  it('still gives nodes and edges for a chain with a cycle, with the cycle', () => {
    const p = miniProject();
    p.chains[0].calls[0].after = ['task'];
    const view = graphView(p, 'plan')!;
    expect(view.cycle).toEqual(expect.arrayContaining(['project', 'task']));
    expect(view.nodes.map((n) => n.level)).toEqual([null, null]);
    expect(view.edges).toHaveLength(2);
    expect(view.bands).toEqual([]);
  });

  it('computes positions when none are saved, keeps saved ones', () => {
    const view = graphView(withoutPositions(rb), CHAIN)!;
    const x = (id: string) => view.nodes.find((n) => n.id === id)!.position.x;
    expect(x('rooms')).toBe(x('team'));
    expect(x('book')).toBeGreaterThan(x('rooms'));
    expect(x('invite')).toBeGreaterThan(x('book'));
    expect(view.nodes.every((n) => !n.positionSaved)).toBe(true);
    const moved = ok(moveCalls(rb, CHAIN, { book: { x: 1234, y: 55 } })).project;
    expect(graphView(moved, CHAIN)!.nodes.find((n) => n.id === 'book')!.position).toEqual({ x: 1234, y: 55 });
  });

  it('is null for an unknown chain', () => {
    expect(graphView(rb, 'nope')).toBeNull();
  });
});
