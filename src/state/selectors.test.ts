// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { loadExample } from '../core/testing/fixtures.ts';
import { compileProject } from '../core/index.ts';
import { createAppStore, selectExplanation } from './store.ts';

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
