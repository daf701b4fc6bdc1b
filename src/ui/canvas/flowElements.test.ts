import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../core/index.ts';
import { graphView } from '../../core/edit/graphView.ts';
import type { GraphView } from '../../core/edit/graphView.ts';
import { createFlowCache, edgeClass, edgeInLineage, toFlowEdges, toFlowNodes } from './flowElements.ts';
import type { CallFlowNode, Highlight } from './flowElements.ts';

function roomBooking(): GraphView {
  const parsed = parseProject(readFileSync(new URL('../../../public/examples/room-booking.chain.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return graphView(parsed.project, parsed.project.chains[0].id)!;
}

const none: Highlight = { selectedCallIds: new Set(), selectedEdgeIds: new Set(), focus: null, ancestors: new Set(), descendants: new Set() };
const focusOnBook: Highlight = {
  selectedCallIds: new Set(['book']),
  selectedEdgeIds: new Set(),
  focus: 'book',
  ancestors: new Set(['rooms']),
  descendants: new Set(['invite']),
};
const calls = (nodes: ReturnType<typeof toFlowNodes>) => nodes.filter((n): n is CallFlowNode => n.type === 'call');

describe('toFlowNodes', () => {
  it('puts one band per turn behind the calls, then one node per call at its position', () => {
    const view = roomBooking();
    const nodes = toFlowNodes(view, none, createFlowCache());
    const bands = nodes.filter((n) => n.type === 'band');
    expect(bands.map((b) => b.type === 'band' && b.data.band.title)).toEqual(['Turn 1 · 2 calls in parallel', 'Turn 2 · 1 call', 'Turn 3 · 1 call']);
    expect(bands.every((b) => b.selectable === false && b.draggable === false && (b.zIndex ?? 0) < 0)).toBe(true);
    expect(bands.map((b) => [b.ariaRole, b.ariaLabel])).toEqual(view.bands.map((b) => ['group', b.title]));
    expect(calls(nodes).map((n) => [n.id, n.position])).toEqual(view.nodes.map((n) => [n.id, n.position]));
    expect(calls(nodes).map((n) => n.ariaLabel)).toContain('Call book · book_room');
  });

  it('keeps the same objects when nothing changed, and renews only what changed', () => {
    const view = roomBooking();
    const cache = createFlowCache();
    const first = calls(toFlowNodes(view, none, cache));
    const again = calls(toFlowNodes(view, none, cache));
    again.forEach((n, i) => expect(n).toBe(first[i]));

    const dragged = calls(toFlowNodes(view, none, cache, new Map([['team', { x: 5, y: 7 }]])));
    for (const [i, n] of dragged.entries()) {
      if (n.id === 'team') {
        expect(n).not.toBe(first[i]);
        expect(n.position).toEqual({ x: 5, y: 7 });
        // The node component is memoised on its data: a move keeps the data object.
        expect(n.data).toBe(first[i].data);
      } else expect(n).toBe(first[i]);
    }
  });

  it('marks the focused call, its ancestors and its descendants, and leaves the others untouched', () => {
    const view = roomBooking();
    const cache = createFlowCache();
    const before = calls(toFlowNodes(view, none, cache));
    const after = calls(toFlowNodes(view, focusOnBook, cache));
    const byId = new Map(after.map((n) => [n.id, n]));
    expect(byId.get('book')!.className).toContain('lineage-focus');
    expect(byId.get('book')!.selected).toBe(true);
    expect(byId.get('rooms')!.className).toContain('lineage-ancestor');
    expect(byId.get('invite')!.className).toContain('lineage-descendant');
    expect(byId.get('team')).toBe(before.find((n) => n.id === 'team'));
  });
});

describe('toFlowEdges', () => {
  it('labels data edges with the reference and gives them the core handle ids', () => {
    const view = roomBooking();
    const edges = toFlowEdges(view, none, createFlowCache());
    const intoBook = edges.find((e) => e.target === 'book')!;
    expect(intoBook.sourceHandle).toBe('rooms[].room_id');
    expect(intoBook.targetHandle).toBe('room_id');
    expect(intoBook.ariaLabel).toBe('book.room_id ← {rooms.rooms[min:capacity].room_id}');
    expect(intoBook.className).toContain('edge-data');
  });

  it('classes order-only, mismatched and critical edges', () => {
    const base = roomBooking().edges[0];
    expect(edgeClass({ ...base, kind: 'order' })).toContain('edge-order');
    expect(edgeClass({ ...base, typeMismatch: true })).toContain('edge-mismatch');
    expect(edgeClass({ ...base, isOnCriticalPath: true })).toContain('edge-critical');
  });

  it('highlights an edge between two calls of the lineage, and hands React Flow the same edges when a call is selected', () => {
    expect(edgeInLineage('rooms', 'book', focusOnBook)).toBe(true);
    expect(edgeInLineage('book', 'invite', focusOnBook)).toBe(true);
    expect(edgeInLineage('team', 'invite', focusOnBook)).toBe(false);
    expect(edgeInLineage('rooms', 'book', none)).toBe(false);
    const view = roomBooking();
    const cache = createFlowCache();
    const before = toFlowEdges(view, none, cache);
    expect(toFlowEdges(view, focusOnBook, cache)).toBe(before);
    const intoBook = before.find((e) => e.target === 'book')!;
    const selected = toFlowEdges(view, { selectedEdgeIds: new Set([intoBook.id]) }, cache);
    expect(selected).not.toBe(before);
    expect(selected.find((e) => e.id === intoBook.id)!.selected).toBe(true);
  });
});
