// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadExample } from '../core/testing/fixtures.ts';
import { createAppStore, makeSelectForEachOptions, makeSelectValueOptions, selectChain, selectGraphView, selectVariations } from './store.ts';

const seeded = () => createAppStore({ project: loadExample('task-reminders') });
const remind = (store: ReturnType<typeof seeded>) => selectChain(store.getState())!.calls.find((c) => c.id === 'remind')!;
const steps = (store: ReturnType<typeof seeded>) => store.temporal.getState().pastStates.length;

describe('store actions for call behaviours', () => {
  it('each behaviour edit is one undo step, and undo brings the call back', () => {
    const store = seeded();
    const before = remind(store);
    expect(store.getState().setCallBehaviour('remind', { when: { value: '{tasks.tasks.length}', gt: 0 } }).ok).toBe(true);
    expect(store.getState().setCallBehaviour('remind', { whenRate: 0.3 }).ok).toBe(true);
    expect(steps(store)).toBe(2);
    expect(remind(store)).toMatchObject({ when: { value: '{tasks.tasks.length}', gt: 0 }, whenRate: 0.3 });
    expect(selectVariations(store.getState()).get('remind')!.words).toMatch(/about 30 % of the examples/);
    store.getState().undo();
    store.getState().undo();
    expect(remind(store)).toBe(before);
  });

  it('a refused edit changes nothing and says why', () => {
    const store = seeded();
    const project = store.getState().project;
    const refused = store.getState().setCallBehaviour('remind', { as: 'time' });
    expect(refused.ok).toBe(false);
    expect(store.getState().project).toBe(project);
    expect(!refused.ok && refused.error).toMatch(/slot/);
    expect(steps(store)).toBe(0);
  });

  it('a list dropped on a call makes a fan-out and selects it; reply variants are one step', () => {
    const store = seeded();
    expect(store.getState().setCallBehaviour('remind', { forEach: undefined }).ok).toBe(true);
    expect(selectGraphView(store.getState())!.edges.some((e) => e.kind === 'each')).toBe(false);
    expect(store.getState().setForEachFrom({ callId: 'tasks', field: 'tasks' }, 'remind').ok).toBe(true);
    expect(store.getState().selectedCallIds).toEqual(['remind']);
    expect(remind(store)).toMatchObject({ forEach: '{tasks.tasks[*]}', as: 'task' });
    const n = steps(store);
    expect(store.getState().setReplyVariants([{ when: { ran: 'remind' }, text: 'Done.' }, { text: 'Nothing to do.' }]).ok).toBe(true);
    expect(steps(store)).toBe(n + 1);
    expect(selectChain(store.getState())!.reply).toEqual([{ when: { ran: 'remind' }, text: 'Done.' }, { text: 'Nothing to do.' }]);
  });

  it('selectors offer the lists and values a call may read, the same array while the project is unchanged', () => {
    const store = seeded();
    const lists = makeSelectForEachOptions('remind');
    expect(lists(store.getState()).map((o) => o.reference)).toEqual(['{tasks.tasks[*]}', '{time}']);
    expect(lists(store.getState())).toBe(lists(store.getState()));
    const values = makeSelectValueOptions({ kind: 'where', callId: 'remind' });
    expect(values(store.getState())[0].reference).toBe('{task}');
  });
});
