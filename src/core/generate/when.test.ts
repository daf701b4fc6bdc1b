import { describe, expect, it } from 'vitest';
import type { Chain, JsonValue } from '../project/types.ts';
import { loadExample } from '../testing/fixtures.ts';
import { isCallsMessage, type Example } from './types.ts';
import { CALENDAR_TOOLS, callMessages, callsOf, generatorOf, prepChain, project, range, ran, replyOf, resultsOf } from './resultAware.testutil.ts';

/** The shape of an example: user, calls:a+b, tool:a, reply. */
const shape = (ex: Example) =>
  ex.messages.map((m) =>
    m.role === 'user' ? 'user' : m.role === 'tool' ? `tool:${m.callId}` : isCallsMessage(m) ? `calls:${m.calls.map((c) => c.callId).join('+')}` : 'reply',
  );
const events = (ex: Example) => (resultsOf(ex, 'cal')[0] as { events: { title: string; start: string; start_time: string }[] }).events;

describe('when: a call that runs only in some examples (meeting-prep)', () => {
  const g = generatorOf(loadExample('meeting-prep'));
  const examples = range(400).map((i) => g.example(3, i));
  const runs = examples.filter((ex) => ran(ex, 'prep'));
  const skips = examples.filter((ex) => !ran(ex, 'prep'));

  it('both cases happen, and prep runs exactly when the calendar it read has events', () => {
    expect(runs.length).toBeGreaterThan(100);
    expect(skips.length).toBeGreaterThan(100);
    for (const ex of examples) expect(ran(ex, 'prep'), JSON.stringify(events(ex))).toBe(events(ex).length > 0);
  });

  it('a call whose when fails is not in the conversation at all, and the reply is the fallback variant', () => {
    const fallback = [
      "Your calendar is clear tomorrow, so there is nothing to prepare and I didn't add a task.",
      'You have no meetings tomorrow, so no prep task was needed.',
    ];
    for (const ex of skips) {
      expect(shape(ex)).toEqual(['user', 'calls:cal', 'tool:cal', 'reply']);
      expect(ex.messages.some((m) => (m.role === 'tool' || isCallsMessage(m)) && JSON.stringify(m).includes('create_task'))).toBe(false);
      expect(fallback).toContain(replyOf(ex));
    }
    // Both phrasings of the variant are drawn.
    expect(new Set(skips.map(replyOf)).size).toBe(2);
  });

  it('a call that ran: its arguments read the result, and the reply is the first variant, filled from its result', () => {
    for (const ex of runs) {
      expect(shape(ex)).toEqual(['user', 'calls:cal', 'tool:cal', 'calls:prep', 'tool:prep', 'reply']);
      const list = events(ex);
      const [prep] = callsOf(ex, 'prep');
      expect(prep.args.title).toBe(`Prepare for tomorrow: ${listInWords(list.map((e) => e.title))}`);
      const created = resultsOf(ex, 'prep')[0] as { title: string };
      const reply = replyOf(ex);
      expect(reply).toContain(`"${created.title}"`);
      expect(reply).toContain(list[0].start_time);
      expect(reply.startsWith(`You have ${list.length} meeting(s) tomorrow`) || reply.startsWith('Tomorrow holds ')).toBe(true);
    }
    expect(new Set(runs.map((ex) => replyOf(ex).slice(0, 8))).size).toBe(2);
  });
});

/** "A", "A and B", "A, B and C" (design §5). */
function listInWords(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

describe('when: what depends on a skipped call, and empty turns', () => {
  const single = project(CALENDAR_TOOLS, [prepChain()]);

  it("a call that depends on a skipped call is skipped too; when both run, it reads the first one's result", () => {
    const g = generatorOf(single);
    let both = 0;
    let none = 0;
    for (const i of range(300)) {
      const ex = g.example(5, i);
      expect(ran(ex, 'note')).toBe(ran(ex, 'prep'));
      if (ran(ex, 'prep')) {
        both += 1;
        const task = resultsOf(ex, 'prep')[0] as { task_id: string };
        expect(callsOf(ex, 'note')[0].args.task_id).toBe(task.task_id);
        expect(replyOf(ex)).toBe(`Added ${task.task_id} and note ${(resultsOf(ex, 'note')[0] as { note_id: string }).note_id}.`);
      } else {
        none += 1;
        expect(replyOf(ex)).toBe('Nothing tomorrow.');
      }
    }
    expect(both).toBeGreaterThan(50);
    expect(none).toBeGreaterThan(50);
  });

  it('a turn left with no calls is not written: the number of tool-call messages shrinks, none is empty', () => {
    const g = generatorOf(single);
    const counts = new Set<number>();
    for (const i of range(200)) {
      const ex = g.example(6, i);
      const messages = callMessages(ex);
      for (const calls of messages) expect(calls.length).toBeGreaterThan(0);
      expect(messages.length).toBe(ran(ex, 'prep') ? 3 : 1);
      expect(shape(ex)).toEqual(
        ran(ex, 'prep')
          ? ['user', 'calls:cal', 'tool:cal', 'calls:prep', 'tool:prep', 'calls:note', 'tool:note', 'reply']
          : ['user', 'calls:cal', 'tool:cal', 'reply'],
      );
      counts.add(messages.length);
    }
    expect([...counts].sort()).toEqual([1, 3]);
  });

  it('multi-turn: a dropped turn takes its user request with it', () => {
    const chain = prepChain();
    delete chain.requests;
    chain.calls[0].requests = ['What is on my calendar tomorrow?'];
    chain.calls[1].requests = ['Add a prep task if there is anything.'];
    chain.calls[2].requests = ['And a note with the start time.'];
    const g = generatorOf(project(CALENDAR_TOOLS, [chain]));
    expect(g.plan.multiTurn).toBe(true);
    const seen = new Set<string>();
    for (const i of range(100)) {
      const ex = g.example(2, i);
      const expected = ran(ex, 'prep')
        ? ['user', 'calls:cal', 'tool:cal', 'user', 'calls:prep', 'tool:prep', 'user', 'calls:note', 'tool:note', 'reply']
        : ['user', 'calls:cal', 'tool:cal', 'reply'];
      expect(shape(ex)).toEqual(expected);
      seen.add(String(ran(ex, 'prep')));
    }
    expect(seen.size).toBe(2);
  });

  it('an order-only dependency (after) on a skipped call: the call is skipped as well (it waits for it)', () => {
    const chain = prepChain();
    chain.calls.push({ id: 'ping', tool: 'notify', after: ['prep'], args: { message: 'done' } });
    chain.reply = [{ when: { ran: 'prep' }, text: 'Added {prep.task_id}.' }, { text: 'Nothing tomorrow.' }];
    const g = generatorOf(project(CALENDAR_TOOLS, [chain]));
    for (const i of range(100)) {
      const ex = g.example(4, i);
      expect(ran(ex, 'ping')).toBe(ran(ex, 'prep'));
    }
  });
});

describe('reply variants', () => {
  it('the first variant whose condition holds wins, in order; an unreachable one is never used; texts draws every phrasing', () => {
    const chain: Chain = {
      id: 'look',
      requests: ['What is on tomorrow?'],
      calls: [{ id: 'cal', tool: 'get_calendar', args: { date: '2026-01-06' } }],
      reply: [
        { when: { value: '{cal.events.length}', gte: 3 }, text: 'MANY {cal.events.length}' },
        { when: { value: '{cal.events.length}', gte: 1 }, text: 'SOME {cal.events.length}' },
        { when: { value: '{cal.events.length}', gte: 2 }, text: 'NEVER' },
        { texts: ['NONE a', 'NONE b', 'NONE c'] },
      ],
    };
    const g = generatorOf(project(CALENDAR_TOOLS, [chain]));
    const classes = new Map<string, number>();
    const phrasings = new Set<string>();
    for (const i of range(300)) {
      const ex = g.example(9, i);
      const list = events(ex);
      const reply = replyOf(ex);
      let expected: string;
      if (list.length >= 3) expected = `MANY ${list.length}`;
      else if (list.length >= 1) expected = `SOME ${list.length}`;
      else expected = reply.startsWith('NONE ') ? reply : 'NONE *';
      expect(reply, JSON.stringify(list)).toBe(expected);
      // The example says which variant it drew (its index in the list).
      expect(ex.replyVariant).toBe(list.length >= 3 ? 0 : list.length >= 1 ? 1 : 3);
      if (list.length === 0) phrasings.add(reply);
      const cls = reply.split(' ')[0];
      classes.set(cls, (classes.get(cls) ?? 0) + 1);
    }
    expect([...classes.keys()].sort()).toEqual(['MANY', 'NONE', 'SOME']);
    expect([...phrasings].sort()).toEqual(['NONE a', 'NONE b', 'NONE c']);
  });

  it('a reply variant may test a call that ran ({ ran }) and a value ({ value, op }) together', () => {
    const chain = prepChain();
    chain.reply = [
      { when: { all: [{ ran: 'prep' }, { value: '{cal.events.length}', eq: 1 }] }, text: 'ONE {prep.task_id}' },
      { when: { ran: 'prep' }, text: 'SEVERAL {cal.events.length}' },
      { text: 'NONE' },
    ];
    const g = generatorOf(project(CALENDAR_TOOLS, [chain]));
    const seen = new Set<string>();
    for (const i of range(300)) {
      const ex = g.example(12, i);
      const n = events(ex).length;
      const expected: JsonValue = !ran(ex, 'prep') ? 'NONE' : n === 1 ? `ONE ${(resultsOf(ex, 'prep')[0] as { task_id: string }).task_id}` : `SEVERAL ${n}`;
      expect(replyOf(ex)).toBe(expected);
      seen.add(replyOf(ex).split(' ')[0]);
    }
    expect([...seen].sort()).toEqual(['NONE', 'ONE', 'SEVERAL']);
  });

  it('a plain reply (one template, or none: the default reply) leaves replyVariant absent', () => {
    const plain = prepChain();
    plain.reply = 'Done: {cal.events.length}';
    const none = prepChain();
    delete none.reply;
    for (const chain of [plain, none]) {
      const g = generatorOf(project(CALENDAR_TOOLS, [chain]));
      for (const i of range(20)) expect('replyVariant' in g.example(4, i)).toBe(false);
    }
  });
});
