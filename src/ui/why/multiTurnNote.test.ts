import { describe, it, expect } from 'vitest';
import { planChain } from '../../core/index.ts';
import type { Project } from '../../core/index.ts';
import { loadExample } from '../../core/testing/fixtures.ts';
import { multiTurnNote } from './multiTurnNote.ts';

function plan(p: Project) {
  const planned = planChain(p, p.chains[0]);
  if (!planned.ok) throw new Error('cycle');
  return planned.plan;
}

const everyCallAsked = (p: Project): Project => ({
  ...p,
  chains: p.chains.map((c) => ({ ...c, calls: c.calls.map((call) => ({ ...call, requests: [`Now ${call.tool}.`] })) })),
});

describe('multiTurnNote', () => {
  it('says nothing for a single-turn chain', () => {
    expect(multiTurnNote(plan(loadExample('room-booking')))).toBeNull();
  });

  it('names the calls that could run in parallel and why they do not', () => {
    const note = multiTurnNote(plan(everyCallAsked(loadExample('room-booking'))))!;
    expect(note).toMatch(/^Multi-turn: every call has its own user request/);
    expect(note).toContain('rooms and team could run in parallel (neither needs the other’s result), but each waits for its own user turn');
  });

  it('only explains the turns when no two calls could run together', () => {
    const p = everyCallAsked(loadExample('room-booking'));
    // book also waits for team: every level holds one call.
    p.chains[0].calls.find((c) => c.id === 'book')!.after = ['team'];
    p.chains[0].calls.find((c) => c.id === 'team')!.after = ['rooms'];
    const note = multiTurnNote(plan(p))!;
    expect(note).toContain('each call is a turn of its own');
    expect(note).not.toContain('parallel');
  });
});
