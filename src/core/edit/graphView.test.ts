import { describe, it, expect } from 'vitest';
import { loadExample, miniProject, withSavedPositions } from '../testing/fixtures.ts';
import { graphView, type GraphView } from './graphView.ts';
import { handleTop } from '../layout/nodeSize.ts';
import { addOrder, connect } from './connect.ts';
import { moveCalls } from './calls.ts';
import { ok } from './testing.testutil.ts';
import { ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE } from './edges.ts';
import type { Project } from '../project/types.ts';

const CHAIN = 'book-and-invite';

function withoutPositions(p: Project): Project {
  return { ...p, chains: p.chains.map((c) => ({ ...c, calls: c.calls.map(({ position: _position, ...call }) => call) })) };
}

/** Edges whose straight line, from handle to handle, crosses a call drawn between the two ends. */
function edgesThroughCalls(view: GraphView): string[] {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (const e of view.edges) {
    const s = byId.get(e.source)!;
    const t = byId.get(e.target)!;
    const y1 = s.position.y + (e.kind === 'order' ? 0 : handleTop(s.outputs.findIndex((f) => f.path === e.sourceHandle)));
    const y2 = t.position.y + (e.kind === 'order' ? 0 : handleTop(t.inputs.findIndex((h) => h.name === e.targetHandle)));
    const x1 = s.position.x + s.width;
    const x2 = t.position.x;
    for (const n of view.nodes) {
      if (n === s || n === t || n.position.x < x1 || n.position.x + n.width > x2) continue;
      const y = y1 + ((y2 - y1) * (n.position.x + n.width / 2 - x1)) / (x2 - x1);
      if (y > n.position.y && y < n.position.y + n.height) out.push(`${e.id} through ${n.id}`);
    }
  }
  return out;
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
    expect(view.nodes.filter((n) => n.isOnCriticalPath).map((n) => n.id)).toEqual(
      view.criticalPath.slice().sort((a, b) => ['rooms', 'team', 'book', 'invite'].indexOf(a) - ['rooms', 'team', 'book', 'invite'].indexOf(b)),
    );
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
    expect(roomEdge).toMatchObject({
      kind: 'data',
      sourceHandle: 'rooms[].room_id',
      targetHandle: 'room_id',
      label: 'rooms.rooms[min:capacity].room_id',
      typeMismatch: false,
    });
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

  it('gives a multi-turn chain one band per call, side by side in turn order, that do not overlap', () => {
    // Every call with its own request: multi-turn (project format §9.2), one call per turn.
    const asked: Project = { ...rb, chains: rb.chains.map((c) => ({ ...c, calls: c.calls.map((call) => ({ ...call, requests: [`Now ${call.tool}.`] })) })) };
    const view = graphView(withoutPositions(asked), CHAIN)!;
    expect(view.plan!.multiTurn).toBe(true);
    expect(view.bands.map((b) => [b.title, b.callIds])).toEqual([
      ['Turn 1 · 1 call', ['rooms']],
      ['Turn 2 · 1 call', ['team']],
      ['Turn 3 · 1 call', ['book']],
      ['Turn 4 · 1 call', ['invite']],
    ]);
    expect(view.nodes.map((n) => [n.id, n.level, n.turn])).toEqual([
      ['rooms', 0, 0],
      ['team', 0, 1],
      ['book', 1, 2],
      ['invite', 2, 3],
    ]);
    for (let i = 1; i < view.bands.length; i += 1) expect(view.bands[i - 1].x + view.bands[i - 1].width).toBeLessThan(view.bands[i].x);
    for (const band of view.bands) {
      const n = view.nodes.find((x) => x.id === band.callIds[0])!;
      expect(n.position.x).toBeGreaterThanOrEqual(band.x);
      expect(n.position.y).toBeGreaterThanOrEqual(band.y);
      expect(n.position.x + n.width).toBeLessThanOrEqual(band.x + band.width);
      expect(n.position.y + n.height).toBeLessThanOrEqual(band.y + band.height);
    }
    // No edge runs through a call drawn between its two ends (rooms → book passes beside team).
    expect(edgesThroughCalls(view)).toEqual([]);
    // Saved positions stay where the user put them.
    expect(graphView(asked, CHAIN)!.nodes.map((n) => n.position)).toEqual(asked.chains[0].calls.map((c) => c.position));
  });

  it('draws the multi-turn plan-trip example without an edge through a call', () => {
    const trip = loadExample('trip-planning');
    const asked: Project = {
      ...trip,
      chains: trip.chains.map((c) => ({ ...c, calls: c.calls.map((call) => ({ ...call, requests: [`Now ${call.tool}.`] })) })),
    };
    const view = graphView(asked, 'plan-trip')!;
    expect(view.plan!.multiTurn).toBe(true);
    expect(view.bands).toHaveLength(6);
    expect(edgesThroughCalls(view)).toEqual([]);
  });

  it('keeps the single-turn bands by level, side by side', () => {
    const view = graphView(withoutPositions(rb), CHAIN)!;
    expect(view.bands.map((b) => b.callIds)).toEqual([['rooms', 'team'], ['book'], ['invite']]);
    for (let i = 1; i < view.bands.length; i += 1) expect(view.bands[i - 1].x + view.bands[i - 1].width).toBeLessThan(view.bands[i].x);
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
