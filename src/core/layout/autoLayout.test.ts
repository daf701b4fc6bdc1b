import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadExample, exampleTexts, withSavedPositions } from '../testing/fixtures.ts';
import { planChain } from '../graph/plan.ts';
import { applyAutoLayout, autoLayout, layoutNodes, resolvePositions } from './autoLayout.ts';
import { addCall, moveCalls } from '../edit/calls.ts';
import { connect } from '../edit/connect.ts';
import { ok } from '../edit/testing.testutil.ts';
import { COLUMN_GAP, layoutColumns, placeMissing, ROW_GAP } from './columns.ts';
import { NODE_WIDTH, nodeSize } from './nodeSize.ts';
import { turnColumns } from './turnColumns.ts';
import type { Project } from '../project/types.ts';

/** The project with a request on every call of every chain: each chain is multi-turn (project format §9.2). */
function everyCallAsked(p: Project): Project {
  return { ...p, chains: p.chains.map((c) => ({ ...c, calls: c.calls.map((call) => ({ ...call, requests: [`Now ${call.tool}.`] })) })) };
}

describe('autoLayout', () => {
  it('puts each turn in its own column, left to right, for every example, single- and multi-turn', () => {
    let multiTurnChains = 0;
    for (const name of Object.keys(exampleTexts)) {
      for (const p of [loadExample(name), everyCallAsked(loadExample(name))]) {
        for (const chain of p.chains) {
          const planned = planChain(p, chain);
          if (!planned.ok) continue;
          if (planned.plan.multiTurn) multiTurnChains += 1;
          const turnOf = turnColumns(planned.plan)!;
          const pos = autoLayout(p, chain.id);
          for (const call of chain.calls) {
            for (const other of chain.calls) {
              if (turnOf[call.id] === turnOf[other.id]) expect(pos[call.id].x).toBe(pos[other.id].x);
              if (turnOf[call.id] < turnOf[other.id]) expect(pos[call.id].x + NODE_WIDTH).toBeLessThan(pos[other.id].x);
            }
          }
        }
      }
    }
    expect(multiTurnChains).toBeGreaterThan(10);
  });

  it('gives a multi-turn chain one column per call, in turn order; calls of one level keep their heights (a staircase)', () => {
    const single = loadExample('room-booking');
    const p = everyCallAsked(single);
    const planned = planChain(p, p.chains[0]);
    expect(planned.ok && planned.plan.levels[0]).toEqual(['rooms', 'team']);
    const pos = autoLayout(p, p.chains[0].id);
    const byX = Object.keys(pos).sort((a, b) => pos[a].x - pos[b].x);
    expect(byX).toEqual(planned.ok ? planned.plan.turns.map((t) => t.callIds[0]) : []);
    expect(new Set(Object.values(pos).map((q) => q.x)).size).toBe(4);
    // rooms and team, one above the other when they run together, stay at those heights in their own columns.
    const together = autoLayout(single, single.chains[0].id);
    for (const id of byX) expect(pos[id].y).toBe(together[id].y);
    expect(together.rooms.x).toBe(together.team.x);
  });

  it('columns are the levels in a single-turn chain (the layout is by level, as before)', () => {
    for (const name of Object.keys(exampleTexts)) {
      const p = loadExample(name);
      for (const chain of p.chains) {
        const planned = planChain(p, chain);
        if (!planned.ok || planned.plan.multiTurn) continue;
        expect(turnColumns(planned.plan)).toEqual(planned.plan.levelOf);
      }
    }
    expect(turnColumns(null)).toBeNull();
  });

  it('never overlaps two nodes of a column, and puts each node in its column (random DAGs, by level or one call per column)', () => {
    const dag = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }),
          fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n }),
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(dag, ([n, pairs, rows, oneByOne]) => {
        const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ source: `c${a}`, target: `c${b}` }));
        const level: number[] = [];
        for (let i = 0; i < n; i += 1) level[i] = Math.max(0, ...edges.filter((e) => e.target === `c${i}`).map((e) => level[Number(e.source.slice(1))] + 1));
        // One call per column: the calls by level, then index (a topological order, as the plan's turns of a multi-turn chain).
        const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => level[a] - level[b] || a - b);
        const column = oneByOne ? order.map((_, i) => order.indexOf(i)) : level;
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, column: column[i], level: level[i], ...nodeSize(rows[i], 2) }));
        const pos = layoutColumns(nodes, edges);
        for (const a of nodes) {
          for (const b of nodes) {
            if (a === b || pos[a.id].x !== pos[b.id].x) continue;
            const apart = pos[a.id].y + a.height + ROW_GAP <= pos[b.id].y || pos[b.id].y + b.height + ROW_GAP <= pos[a.id].y;
            expect(apart).toBe(true);
          }
          expect(pos[a.id].x).toBe(column[Number(a.id.slice(1))] * (NODE_WIDTH + COLUMN_GAP));
        }
      }),
    );
  });
});

describe('resolvePositions', () => {
  it('keeps saved positions and places a new call below its column', () => {
    const p = withSavedPositions(loadExample('room-booking'));
    const chain = p.chains[0];
    const saved = Object.fromEntries(chain.calls.map((c) => [c.id, c.position]));
    const withNew = { ...p, chains: [{ ...chain, calls: [...chain.calls, { id: 'extra', tool: chain.calls[0].tool, args: {} }] }] };
    const pos = resolvePositions(withNew, chain.id);
    for (const c of chain.calls) expect(pos[c.id]).toEqual(saved[c.id]);
    expect(pos.extra.x).toBe(0);
    expect(pos.extra.y).toBeGreaterThan(Math.max(...chain.calls.filter((c) => c.position!.x === 0).map((c) => c.position!.y)));
  });

  it("'all' lays out everything again; applyAutoLayout forgets saved positions, so every call is drawn by the layout", () => {
    const p = withSavedPositions(loadExample('room-booking'));
    const id = p.chains[0].id;
    const auto = autoLayout(p, id);
    expect(resolvePositions(p, id, 'all')).toEqual(auto);
    const laid = applyAutoLayout(p, id);
    expect(laid.chains[0].calls.every((c) => c.position === undefined)).toBe(true);
    expect(resolvePositions(laid, id)).toEqual(auto);
    expect(applyAutoLayout(laid, id)).toBe(laid);
  });

  it('Auto layout of a design built from an empty project gives each turn its own column', () => {
    const ex = loadExample('room-booking');
    const chainId = ex.chains[0].id;
    let p: Project = { ...ex, chains: [{ ...ex.chains[0], calls: [] }] };
    // Dropped where the user let go: all at one spot.
    for (const tool of ['find_available_rooms', 'get_team_members', 'book_room', 'send_invites']) p = ok(addCall(p, chainId, tool, { x: 10, y: 10 })).project;
    p = ok(connect(p, chainId, { callId: 'rooms', field: 'rooms[].room_id' }, { callId: 'room', arg: 'room_id' })).project;
    p = ok(connect(p, chainId, { callId: 'members', field: 'members[].email' }, { callId: 'invites', arg: 'attendees' })).project;
    p = ok(connect(p, chainId, { callId: 'room', field: 'booking_id' }, { callId: 'invites', arg: 'booking_id' })).project;
    const pos = resolvePositions(applyAutoLayout(p, chainId), chainId);
    const column = (id: string) => pos[id].x / (NODE_WIDTH + COLUMN_GAP);
    expect([column('rooms'), column('members'), column('room'), column('invites')]).toEqual([0, 0, 1, 2]);
  });
});

describe('drawnPositions: calls the user has not placed follow the layout', () => {
  const chainOfRooms = () => {
    const ex = loadExample('room-booking');
    return { p: ex, chainId: ex.chains[0].id };
  };

  it('a new call lands in its turn’s column, in a free spot below a call the user placed there', () => {
    const { p: ex, chainId } = chainOfRooms();
    // The user dragged rooms (first column) down a little; team is where the layout put it.
    let p = ok(moveCalls(ex, chainId, { rooms: { x: 0, y: 40 } })).project;
    p = ok(addCall(p, chainId, 'find_available_rooms')).project;
    const pos = resolvePositions(p, chainId);
    const sizes = new Map(layoutNodes(p, p.chains[0], null).map((n) => [n.id, n]));
    expect(pos.rooms_2.x).toBe(0);
    for (const other of ['rooms', 'team']) {
      const a = { ...pos.rooms_2, h: sizes.get('rooms_2')!.height };
      const b = { ...pos[other], h: sizes.get(other)!.height };
      expect(a.y + a.h + ROW_GAP <= b.y || b.y + b.h + ROW_GAP <= a.y, `rooms_2 clear of ${other}`).toBe(true);
    }
  });

  it('a new connection moves an unplaced call to its turn’s column; a placed call stays where the user put it', () => {
    const { p: ex, chainId } = chainOfRooms();
    let p = ok(addCall(ex, chainId, 'book_room')).project; // room: no inputs yet, so in the first column
    expect(resolvePositions(p, chainId).room.x).toBe(0);
    const wired = ok(connect(p, chainId, { callId: 'rooms', field: 'rooms[].room_id' }, { callId: 'room', arg: 'room_id' })).project;
    expect(resolvePositions(wired, chainId).room.x).toBe(NODE_WIDTH + COLUMN_GAP);
    // The same, after the user placed it: it stays.
    p = ok(moveCalls(p, chainId, { room: { x: -500, y: 700 } })).project;
    const placedWired = ok(connect(p, chainId, { callId: 'rooms', field: 'rooms[].room_id' }, { callId: 'room', arg: 'room_id' })).project;
    expect(resolvePositions(placedWired, chainId).room).toEqual({ x: -500, y: 700 });
  });

  it('moving one call leaves the others where they were drawn (random moves)', () => {
    const { p: ex, chainId } = chainOfRooms();
    const before = resolvePositions(ex, chainId);
    fc.assert(
      fc.property(
        fc.constantFrom('rooms', 'team', 'book', 'invite'),
        fc.integer({ min: -2000, max: 2000 }),
        fc.integer({ min: -2000, max: 2000 }),
        (id, x, y) => {
          const after = resolvePositions(ok(moveCalls(ex, chainId, { [id]: { x, y } })).project, chainId);
          expect(after[id]).toEqual({ x, y });
          for (const other of Object.keys(before)) {
            if (other === id) continue;
            // Unchanged, unless the moved call now sits in its way: then further down its own column.
            expect(after[other].x).toBe(before[other].x);
            expect(after[other].y).toBeGreaterThanOrEqual(before[other].y);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('resolvePositions (saved positions)', () => {
  it('keeps saved positions of a multi-turn chain, and places a new call in its turn column', () => {
    const p = everyCallAsked(withSavedPositions(loadExample('room-booking')));
    const chain = p.chains[0];
    const extra = { id: 'extra', tool: chain.calls[0].tool, args: {}, requests: ['And more rooms.'] };
    const withNew = { ...p, chains: [{ ...chain, calls: [...chain.calls, extra] }] };
    const planned = planChain(withNew, withNew.chains[0]);
    // A first-level call: its turn comes after rooms and team, before book.
    expect(planned.ok && planned.plan.turns.map((t) => t.callIds)).toEqual([['rooms'], ['team'], ['extra'], ['book'], ['invite']]);
    const pos = resolvePositions(withNew, chain.id);
    for (const c of chain.calls) expect(pos[c.id]).toEqual(c.position);
    expect(pos.extra.x).toBe(2 * (NODE_WIDTH + COLUMN_GAP));
  });

  it('places missing nodes in their column', () => {
    const pos = placeMissing([{ id: 'a', width: 10, height: 10, column: 2 }]);
    expect(pos.a.y).toBe(0);
    expect(pos.a.x).toBeGreaterThan(0);
  });
});
