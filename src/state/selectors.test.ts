// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { loadExample } from '../core/testing/fixtures.ts';
import { compileProject } from '../core/index.ts';
import {
  createAppStore,
  makeSelectForEachOptions,
  makeSelectReferenceOptions,
  makeSelectTemplateCompletions,
  makeSelectValueOptions,
  selectChain,
  selectDiagnostics,
  selectExplanation,
  selectGraphView,
  selectPlan,
  selectVariations,
} from './store.ts';

describe('selectExplanation', () => {
  it('is the compiled chain’s explanation: a fan-out’s turn says it varies per example', () => {
    const store = createAppStore({ project: loadExample('task-reminders') });
    const state = store.getState();
    const explanation = selectExplanation(state)!;
    expect(explanation).toBe(compileProject(state.project).chain(state.chainId!)!.explanation);
    expect(explanation.turns.some((t) => /varies per example/.test(t.title))).toBe(true);
  });

  it('is the same object until the project changes', () => {
    const store = createAppStore({ project: loadExample('room-booking') });
    const first = selectExplanation(store.getState());
    expect(selectExplanation(store.getState())).toBe(first);
    expect(first!.turns.length).toBeGreaterThan(1);
    store.getState().newProject();
    expect(selectExplanation(store.getState())!.turns).toEqual([]);
  });
});

describe('moving calls does not compile the project again', () => {
  it('keeps the plan, the explanation, the variations and the findings when a drag moves a call; the canvas shows it moved', () => {
    const store = createAppStore({ project: loadExample('task-reminders') });
    const before = store.getState();
    const plan = selectPlan(before);
    const explanation = selectExplanation(before);
    const variations = selectVariations(before);
    const diagnostics = selectDiagnostics(before);
    store.getState().moveCalls({ remind: { x: 987, y: 654 } });
    const during = store.getState();
    expect(during.project).not.toBe(before.project);
    expect(selectPlan(during)).toBe(plan);
    expect(selectExplanation(during)).toBe(explanation);
    expect(selectVariations(during)).toBe(variations);
    expect(selectDiagnostics(during)).toBe(diagnostics);
    expect(selectGraphView(during)!.nodes.find((n) => n.id === 'remind')!.position).toEqual({ x: 987, y: 654 });
  });

  it('compiles again when the meaning changes', () => {
    const store = createAppStore({ project: loadExample('task-reminders') });
    const plan = selectPlan(store.getState());
    expect(store.getState().deleteCalls(['remind']).ok).toBe(true);
    const after = selectPlan(store.getState());
    expect(after).not.toBe(plan);
    expect(after?.ok && after.plan.turns.flatMap((t) => t.callIds)).toEqual(['tasks']);
  });
});

describe('the inspector’s pickers', () => {
  it('offer the upstream results of a call, and nothing once the call is deleted (its inspector is closing)', () => {
    const store = createAppStore({ project: loadExample('room-booking') });
    const references = makeSelectReferenceOptions('book', 'room_id');
    const values = makeSelectValueOptions({ kind: 'when', callId: 'book' });
    const lists = makeSelectForEachOptions('book');
    const completions = makeSelectTemplateCompletions('book');
    expect(references(store.getState()).some((o) => o.reference.startsWith('{rooms'))).toBe(true);
    expect(values(store.getState()).length).toBeGreaterThan(0);
    expect(completions(store.getState()).some((c) => c.startsWith('{rooms'))).toBe(true);
    expect(store.getState().deleteCalls(['book']).ok).toBe(true);
    expect(references(store.getState())).toEqual([]);
    expect(values(store.getState())).toEqual([]);
    expect(lists(store.getState())).toEqual([]);
    expect(completions(store.getState())).toEqual([]);
    // The chain's own pickers still answer.
    expect(makeSelectTemplateCompletions()(store.getState()).some((c) => c.startsWith('{rooms'))).toBe(true);
    expect(makeSelectValueOptions({ kind: 'reply' })(store.getState()).length).toBeGreaterThan(0);
  });
});

describe('each store remembers its own answers', () => {
  it('two stores asked in turn keep their own graph view, findings and chain (a shared memo would recompute each time)', () => {
    const a = createAppStore({ project: loadExample('room-booking') });
    const b = createAppStore({ project: loadExample('task-reminders') });
    const viewA = selectGraphView(a.getState());
    const diagnosticsA = selectDiagnostics(a.getState());
    const viewB = selectGraphView(b.getState());
    const diagnosticsB = selectDiagnostics(b.getState());
    expect(viewA!.chainId).not.toBe(viewB!.chainId);
    expect(selectGraphView(a.getState())).toBe(viewA);
    expect(selectDiagnostics(a.getState())).toBe(diagnosticsA);
    expect(selectGraphView(b.getState())).toBe(viewB);
    expect(selectDiagnostics(b.getState())).toBe(diagnosticsB);
  });

  it('a drag in one store reuses that store’s compiled form even after another store was asked', () => {
    const a = createAppStore({ project: loadExample('task-reminders') });
    const b = createAppStore({ project: loadExample('room-booking') });
    const planA = selectPlan(a.getState());
    selectPlan(b.getState());
    const [first] = selectChain(a.getState())!.calls;
    a.getState().moveCalls({ [first.id]: { x: 900, y: 900 } });
    expect(selectPlan(a.getState())).toBe(planA);
  });
});
