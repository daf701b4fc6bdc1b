import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { planChain } from './plan.ts';
import { explainPlan } from './explain.ts';

function explain(name: string) {
  const project = loadExample(name);
  const chain = project.chains[0];
  const planned = planChain(project, chain);
  if (!planned.ok) throw new Error('expected a plan');
  return explainPlan(chain, planned.plan);
}

describe('explainPlan', () => {
  const e = explain('room-booking');

  it('titles each turn with its number and how many calls run together', () => {
    expect(e.turns.map((t) => t.title)).toEqual(['Turn 1 · 2 calls in parallel', 'Turn 2 · 1 call', 'Turn 3 · 1 call']);
  });

  it('says which field a call waits for, and from which part of the result when the names differ', () => {
    const book = e.turns[1].calls[0];
    expect(book.waits).toEqual(['waits for rooms: room_id comes from its result']);
    const invite = e.turns[2].calls[0];
    expect(invite.waits).toContain('waits for team: attendees (members[*].email) comes from its result');
  });

  it('says why calls run together', () => {
    expect(e.turns[0].calls[0].parallelNote).toBe("runs together with team: neither needs the other's result");
  });

  it('explains an order-only dependency', () => {
    const incident = explain('incident-response');
    const waits = incident.turns.flatMap((t) => t.calls.flatMap((c) => c.waits));
    expect(waits.some((w) => /it is set to run after it \(no data flows\)/.test(w))).toBe(true);
  });

  it('states the critical path and the latency saved', () => {
    expect(e.criticalPath).toBe('rooms → book → invite (1300 ms): no order of calls can finish faster');
    expect(e.latency).toBe('one by one 1550 ms; as planned 1300 ms (250 ms saved by running calls together)');
  });
});
