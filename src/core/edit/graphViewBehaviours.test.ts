import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { bandTitle, graphView, nodeBehaviour } from './graphView.ts';
import { chainEdges, FOREACH_TARGET_HANDLE, ORDER_SOURCE_HANDLE, WHEN_TARGET_HANDLE } from './edges.ts';
import { disconnect } from './connect.ts';
import { setCallBehaviour } from './behaviours.ts';
import { nodeSize, stripCount, STRIP_HEIGHT } from '../layout/nodeSize.ts';
import { layoutNodes } from '../layout/autoLayout.ts';
import { callOf, chainOf, ok } from './testing.testutil.ts';

describe('the canvas of a fan-out', () => {
  const p = loadExample('task-reminders');
  const view = graphView(p, 'remind-high-priority')!;
  const remind = view.nodes.find((n) => n.id === 'remind')!;

  it('reads as one call with a "for each … where …" strip, the element’s name left out of the filter', () => {
    expect(remind.behaviour).toEqual({
      forEach: {
        text: 'for each task where priority = high',
        title: expect.stringMatching(/^once for each element of tasks\.tasks where task\.priority = high: 0 to 6 calls in parallel/),
      },
    });
    expect(remind.strips).toBe(1);
    const plain = nodeSize(remind.inputs.length, remind.outputs.length);
    expect(remind.height).toBe(plain.height + STRIP_HEIGHT);
  });

  it('draws the list’s edge from the list field to the strip, labelled "each"', () => {
    const each = view.edges.filter((e) => e.kind === 'each');
    expect(each).toEqual([
      expect.objectContaining({
        source: 'tasks',
        target: 'remind',
        sourceHandle: 'tasks',
        targetHandle: FOREACH_TARGET_HANDLE,
        label: 'each',
        reference: 'tasks.tasks[*]',
        brokenField: false,
      }),
    ]);
    const tasks = view.nodes.find((n) => n.id === 'tasks')!;
    expect(tasks.outputs.some((f) => f.path === 'tasks' && f.isList)).toBe(true);
  });

  it('titles the fan-out’s turn with its range', () => {
    expect(view.bands.map((b) => [b.title, b.varies])).toEqual([
      ['Turn 1 · 1 call', false],
      ['Turn 2 · 0–6 calls, varies per example', true],
    ]);
    expect(bandTitle('Turn 3 · 0 to 12 calls, varies per example')).toBe('Turn 3 · 0–12 calls, varies per example');
  });

  it('deleting the "each" edge makes the call an ordinary one; a condition’s edge cannot be deleted', () => {
    const edge = view.edges.find((e) => e.kind === 'each')!;
    const call = callOf(ok(disconnect(p, 'remind-high-priority', edge.id)).project, 'remind-high-priority', 'remind');
    expect([call.forEach, call.as, call.where]).toEqual([undefined, undefined, undefined]);
  });

  it('the layout sizes nodes with their strips', () => {
    const chain = chainOf(p, 'remind-high-priority');
    const sized = layoutNodes(p, chain, view.plan);
    expect(sized.find((n) => n.id === 'remind')!.height).toBe(remind.height);
    expect(stripCount({ forEach: '{x[*]}', when: { ran: 'a' }, confirm: { ask: ['?'], yes: ['y'], no: ['n'] } })).toBe(3);
  });
});

describe('the canvas of a condition', () => {
  const p = loadExample('meeting-prep');
  const view = graphView(p, 'prep-if-meetings')!;

  it('shows "only if …" on the call and a dashed edge from the field it tests', () => {
    const prep = view.nodes.find((n) => n.id === 'prep')!;
    expect(prep.behaviour?.when?.text).toBe('only if cal.events.length > 0');
    expect(prep.behaviour?.when?.title).toMatch(/about 50 % of the examples/);
    const edges = view.edges.filter((e) => e.kind === 'condition');
    expect(edges).toEqual([
      expect.objectContaining({
        source: 'cal',
        target: 'prep',
        sourceHandle: 'events',
        targetHandle: WHEN_TARGET_HANDLE,
        label: 'cal.events.length > 0',
        argPath: 'when.value',
      }),
    ]);
    const r = disconnect(p, 'prep-if-meetings', edges[0].id);
    expect(r.ok === false && r.reason).toMatch(/inspector/);
  });

  it('tests of one field share one edge, their words joined', () => {
    const q = ok(
      setCallBehaviour(p, 'prep-if-meetings', 'prep', {
        when: {
          all: [
            { value: '{cal.events.length}', gt: 0 },
            { value: '{cal.events.length}', lt: 4 },
          ],
        },
      }),
    ).project;
    const edges = chainEdges(q, chainOf(q, 'prep-if-meetings')).filter((e) => e.kind === 'condition');
    expect(edges.map((e) => e.label)).toEqual(['cal.events.length > 0; cal.events.length < 4']);
  });

  it('a status condition is drawn from the header of the call it asks about', () => {
    const q = ok(setCallBehaviour(p, 'prep-if-meetings', 'prep', { when: { not: { ran: 'cal' } } })).project;
    const edge = chainEdges(q, chainOf(q, 'prep-if-meetings')).find((e) => e.kind === 'condition')!;
    expect(edge).toMatchObject({ source: 'cal', sourceHandle: ORDER_SOURCE_HANDLE, label: 'cal ran', reference: 'cal ran' });
  });

  it('a filter that reads another call draws its edge to the "for each" strip, not for the element', () => {
    const t = loadExample('task-reminders');
    const q = ok(
      setCallBehaviour(t, 'remind-high-priority', 'remind', {
        where: {
          all: [
            { value: '{task.priority}', eq: 'high' },
            { value: '{task.due_date}', lte: '{tasks.due_before}' },
          ],
        },
      }),
    ).project;
    const edges = chainEdges(q, chainOf(q, 'remind-high-priority')).filter((e) => e.kind === 'condition');
    expect(edges.map((e) => [e.source, e.sourceHandle, e.targetHandle, e.label])).toEqual([
      ['tasks', 'due_before', FOREACH_TARGET_HANDLE, 'where task.due_date ≤ tasks.due_before'],
    ]);
  });
});

describe('failure and confirmation badges', () => {
  it('say which, and the rate', () => {
    const retry = graphView(loadExample('room-booking-retry'), 'book-retry-invite')!.nodes.find((n) => n.id === 'book')!;
    expect(retry.behaviour?.failure).toEqual({
      text: 'fails 20 %',
      title: 'fails in about 20 % of the examples, then retried in the next turn with other arguments',
    });
    expect(retry.strips).toBe(1);
    const wipe = graphView(loadExample('archive-cleanup'), 'delete-archived')!.nodes.find((n) => n.id === 'wipe')!;
    expect(wipe.behaviour?.confirm?.text).toBe('asks first · yes 70 %');
    expect(wipe.behaviour?.forEach?.text).toBe('for each project');
    expect(wipe.strips).toBe(2);
    expect(nodeBehaviour({ id: 'x', tool: 't', args: {}, failure: { rate: 0.05 } })?.failure?.title).toMatch(/reported, not retried/);
    expect(nodeBehaviour({ id: 'x', tool: 't', args: {} })).toBeUndefined();
  });
});
