import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { toOpenAIRecord, type OpenAIMessage } from '../formats/openai.ts';
import { allChains, generatorFor, project } from '../formats/formats.testutil.ts';
import { buildGoldCase } from './gold.ts';
import { evaluate, formatReport, reportJson } from './report.ts';
import { scoreCase } from './score.ts';
import { assistantCalls, evalProject, handMadeExample, handMadeGold, perfectPrediction, toolMessage } from './fixtures.testutil.ts';
import type { Metrics, Prediction } from './types.ts';

/*
 * Hand-made transcripts of the "remind and prepare" design (fixtures.testutil.ts), with a
 * meeting: turn 1 lists the tasks and reads the calendar (1 same-turn pair); turn 2 makes a
 * reminder for each of the 3 high-priority tasks of 5, and the prep task (4 calls: 6 pairs).
 * 6 calls, 7 pairs, 7 data edges (task_id and note of each reminder, the prep title), 4
 * dependent pairs, 4 links (tasks → each reminder, calendar → prep), 5 values the reply must
 * mention (3 reminders, their 3 task ids, the prep title), 1 fan-out, 1 condition.
 */

const SYSTEM: OpenAIMessage = { role: 'system', content: 'You help.' };
const USER: OpenAIMessage = { role: 'user', content: 'Remind me at 09:00 of my high-priority tasks, and add a prep task if I have meetings tomorrow.' };
const TASKS = {
  tasks: [
    { task_id: 'T-001', title: 'Budget', priority: 'high' },
    { task_id: 'T-002', title: 'Slides', priority: 'low' },
    { task_id: 'T-003', title: 'Invoice', priority: 'high' },
    { task_id: 'T-004', title: 'Roadmap', priority: 'low' },
    { task_id: 'T-005', title: 'Report', priority: 'high' },
  ],
};
const CAL = { events: [{ title: 'Standup' }] };

type Call = { id: string; name: string; args: JsonValue; result: JsonValue };
const tasks: Call = { id: 'a1', name: 'list_tasks', args: { due_before: '2026-01-11' }, result: TASKS };
const cal: Call = { id: 'a2', name: 'get_calendar', args: { date: '2026-01-06' }, result: CAL };
const remind = (id: string, taskId: string, title: string, n: number): Call => ({
  id,
  name: 'create_reminder',
  args: { task_id: taskId, note: `${title} at 09:00` },
  result: { reminder_id: `R-10${n}`, task_id: taskId },
});
const r1 = remind('b1', 'T-001', 'Budget', 1);
const r3 = remind('b2', 'T-003', 'Invoice', 2);
const r5 = remind('b3', 'T-005', 'Report', 3);
const prep: Call = { id: 'b4', name: 'create_task', args: { title: 'Prepare for Standup' }, result: { task_id: 'T-900', title: 'Prepare for Standup' } };
const REPLY = 'I set 3 reminders (T-001, T-003 and T-005) and added "Prepare for Standup".';

/** A transcript: turns of calls (each answered with its result), then the reply. */
function transcript(turns: Call[][], reply: string | null = REPLY): OpenAIMessage[] {
  const out: OpenAIMessage[] = [SYSTEM, USER];
  for (const turn of turns) {
    out.push(assistantCalls(turn.map((c) => ({ id: c.id, name: c.name, args: c.args }))));
    for (const c of turn) out.push(toolMessage(c.id, c.result));
  }
  if (reply !== null) out.push({ role: 'assistant', content: reply });
  return out;
}

const gold = handMadeGold(true);
const score = (messages: OpenAIMessage[], g = gold) => scoreCase(g, { id: g.id, messages });

function expectMetrics(m: Metrics, expected: Partial<Metrics>): void {
  for (const [k, v] of Object.entries(expected)) {
    if (v === null) expect(m[k as keyof Metrics], k).toBeNull();
    else expect(m[k as keyof Metrics], k).toBeCloseTo(v as number, 10);
  }
}

const PERFECT: Metrics = {
  chain_completion: 1,
  dependency_accuracy: 1,
  parallel_recognition: 1,
  over_serialization: 0,
  dependency_violations: 0,
  node_f1: 1,
  edge_f1: 1,
  call_match: 1,
  synthesis: 1,
  loops: 1,
  conditions: 1,
};

describe('scoring hand-made transcripts', () => {
  it('perfect: the example itself scores 100 % on every metric, with no problem', () => {
    const s = score(
      transcript([
        [tasks, cal],
        [r1, r3, r5, prep],
      ]),
    );
    expect(s.metrics).toEqual(PERFECT);
    expect(s.problems).toEqual([]);
    expect(s.counts).toMatchObject({
      expectedCalls: 6,
      matchedCalls: 6,
      edges: 7,
      pairs: 7,
      dependentPairs: 4,
      goldLinks: 4,
      predLinks: 4,
      mentions: 5,
      fanOuts: 1,
      conditions: 1,
    });
    // The generated example's own transcript is the same conversation.
    expect(scoreCase(gold, perfectPrediction(gold, handMadeExample(true), evalProject())).metrics).toEqual(PERFECT);
  });

  it('serialised parallel calls: the first pair split across turns', () => {
    const s = score(transcript([[tasks], [cal], [r1, r3, r5, prep]]));
    expectMetrics(s.metrics, { ...PERFECT, parallel_recognition: 6 / 7, over_serialization: 1 / 7 });
    expect(s.problems.map((p) => p.kind)).toEqual(['serialized']);
    expect(s.problems[0].message).toBe('tasks (list_tasks) and cal (get_calendar) could run together but were made in turns 1 and 2');
  });

  it('every call in its own turn: no pair taken, every pair over-serialised', () => {
    const s = score(transcript([[tasks], [cal], [r1], [r3], [r5], [prep]]));
    expectMetrics(s.metrics, { ...PERFECT, parallel_recognition: 0, over_serialization: 1 });
  });

  it('a call made in the same turn as the call it needs: a dependency violation', () => {
    const s = score(
      transcript([
        [tasks, cal, prep],
        [r1, r3, r5],
      ]),
    );
    // prep with tasks and cal; the reminders together; prep apart from the reminders.
    expectMetrics(s.metrics, { ...PERFECT, dependency_violations: 1 / 4, parallel_recognition: 4 / 7, over_serialization: 3 / 7, edge_f1: 6 / 7 });
    expect(s.problems.find((p) => p.kind === 'dependency-violation')?.message).toBe(
      'prep (create_task) was made in turn 1, not after cal (get_calendar) (turn 1), whose result it needs',
    );
  });

  it('a wrong id: one data edge of seven and one call of six wrong', () => {
    const wrong = { ...r3, args: { task_id: 'T-004', note: 'Invoice at 09:00' } };
    const s = score(
      transcript([
        [tasks, cal],
        [r1, wrong, r5, prep],
      ]),
    );
    expectMetrics(s.metrics, { ...PERFECT, dependency_accuracy: 6 / 7, call_match: 5 / 6 });
    expect(s.problems).toEqual([
      {
        kind: 'wrong-reference',
        message: 'remind (create_reminder, element 2): task_id is "T-004"; expected "T-003" (task.task_id in the result it received)',
      },
    ]);
  });

  it('a missing call: the chain is not complete, and the fan-out is one short', () => {
    const s = score(
      transcript(
        [
          [tasks, cal],
          [r1, r3, prep],
        ],
        'I set 2 reminders (T-001 and T-003) and added "Prepare for Standup".',
      ),
    );
    expectMetrics(s.metrics, {
      chain_completion: 0,
      dependency_accuracy: 5 / 7,
      parallel_recognition: 4 / 7,
      over_serialization: 0,
      dependency_violations: 0,
      node_f1: 10 / 11,
      edge_f1: 6 / 7,
      call_match: 5 / 6,
      synthesis: 1,
      loops: 0,
      conditions: 1,
    });
    expect(s.problems.map((p) => p.message)).toEqual([
      'missing: remind (create_reminder, element 4) with {"task_id":"T-005","note":"Report at 09:00"}',
      'remind: 2 calls; the design asks for 3 (3 of 5 elements passed the filter)',
    ]);
  });

  it('an extra call: a reminder for a low-priority task', () => {
    const extra = remind('b5', 'T-002', 'Slides', 5);
    const s = score(
      transcript([
        [tasks, cal],
        [r1, r3, r5, extra, prep],
      ]),
    );
    expectMetrics(s.metrics, { ...PERFECT, node_f1: 12 / 13, edge_f1: 8 / 9, loops: 0 });
    expect(s.problems.map((p) => p.kind)).toEqual(['extra-call', 'fan-out-count']);
    expect(s.problems[0].message).toBe('extra call: create_reminder({"task_id":"T-002","note":"Slides at 09:00"}) in turn 2');
  });

  it('a wrong fan-out count: a reminder for every task, the filter ignored', () => {
    const all = [r1, remind('b6', 'T-002', 'Slides', 6), r3, remind('b7', 'T-004', 'Roadmap', 7), r5];
    const s = score(
      transcript([
        [tasks, cal],
        [...all, prep],
      ]),
    );
    expectMetrics(s.metrics, { ...PERFECT, node_f1: 6 / 7, edge_f1: 0.8, loops: 0 });
    expect(s.problems.find((p) => p.kind === 'fan-out-count')?.message).toBe('remind: 5 calls; the design asks for 3 (3 of 5 elements passed the filter)');
  });

  it('a skipped condition: no prep task although the calendar has a meeting', () => {
    const s = score(
      transcript(
        [
          [tasks, cal],
          [r1, r3, r5],
        ],
        'I set 3 reminders (T-001, T-003 and T-005); your calendar is clear tomorrow.',
      ),
    );
    expectMetrics(s.metrics, {
      chain_completion: 0,
      dependency_accuracy: 6 / 7,
      parallel_recognition: 4 / 7,
      over_serialization: 0,
      dependency_violations: 0,
      node_f1: 10 / 11,
      edge_f1: 6 / 7,
      call_match: 5 / 6,
      synthesis: 1,
      loops: 1,
      conditions: 0,
    });
    expect(s.problems.map((p) => p.message)).toContain('prep: not made, but cal.events.length > 0 was true');
  });

  it('a call its condition forbids: a prep task on an empty calendar', () => {
    const noMeetings = handMadeGold(false);
    const empty = { ...cal, result: { events: [] } };
    const s = score(
      transcript(
        [
          [tasks, empty],
          [r1, r3, r5, { ...prep, args: { title: 'Prepare for the day' } }],
        ],
        'I set 3 reminders (T-001, T-003 and T-005); your calendar is clear tomorrow.',
      ),
      noMeetings,
    );
    // 4 calls expected (no prep): 1 + 3 pairs, 6 edges; the prep task is an extra.
    expectMetrics(s.metrics, { ...PERFECT, node_f1: 10 / 11, conditions: 0 });
    expect(s.problems.map((p) => p.message)).toEqual([
      'extra call: create_task({"title":"Prepare for the day"}) in turn 2',
      'prep: made, but cal.events.length > 0 was false',
    ]);
  });

  it('judged on the results the model received: another task list asks for other reminders', () => {
    // The tools returned two tasks, one high priority: one reminder is right, whatever the gold's list was.
    const other = {
      ...tasks,
      result: {
        tasks: [
          { task_id: 'T-777', title: 'Taxes', priority: 'high' },
          { task_id: 'T-778', title: 'Lunch', priority: 'low' },
        ],
      },
    };
    const s = score(
      transcript(
        [
          [other, cal],
          [remind('b1', 'T-777', 'Taxes', 1), prep],
        ],
        'I set 1 reminders (T-777) and added "Prepare for Standup".',
      ),
    );
    expect(s.metrics).toEqual(PERFECT);
    expect(s.counts).toMatchObject({ expectedCalls: 4, edges: 3, pairs: 2 });
  });

  it('no reply, a missing prediction, a run that stopped', () => {
    const s = score(
      transcript(
        [
          [tasks, cal],
          [r1, r3, r5, prep],
        ],
        null,
      ),
    );
    expectMetrics(s.metrics, { ...PERFECT, chain_completion: 0, synthesis: 0 });
    expect(s.problems).toEqual([{ kind: 'no-reply', message: 'no final reply' }]);
    const none = scoreCase(gold, undefined);
    expectMetrics(none.metrics, {
      chain_completion: 0,
      dependency_accuracy: 0,
      parallel_recognition: 0,
      over_serialization: 0,
      node_f1: 0,
      edge_f1: 0,
      call_match: 0,
      synthesis: 0,
      loops: 0,
      conditions: 0,
      dependency_violations: null,
    });
    expect(none.problems[0]).toEqual({ kind: 'missing-prediction', message: 'no prediction for this test case' });
    const stopped = scoreCase(gold, { id: gold.id, messages: transcript([[tasks, cal]], null), error: 'timed out after 3 attempts' });
    expect(stopped.problems[0]).toEqual({ kind: 'run-error', message: 'the run stopped: timed out after 3 attempts' });
  });

  it('arguments that are not JSON or break the schema: the call is made, the chain not completed', () => {
    const broken: OpenAIMessage[] = transcript([
      [tasks, cal],
      [r1, r3, r5, { ...prep, args: { titel: 'Prepare for Standup' } }],
    ]);
    const s = score(broken);
    expect(s.metrics.chain_completion).toBe(0);
    expect(s.problems.map((p) => p.kind)).toEqual(['invalid-arguments', 'wrong-reference']);
  });
});

describe('the report', () => {
  it('totals, per pattern and per chain, the seed targets met or not, the worst cases', () => {
    const g2 = handMadeGold(false);
    const predictions = new Map<string, Prediction>([
      [gold.id, { id: gold.id, messages: transcript([[tasks], [cal], [r1, r3, r5, prep]]) }],
      [
        g2.id,
        {
          id: g2.id,
          messages: transcript(
            [
              [tasks, { ...cal, result: { events: [] } }],
              [r1, r3, r5],
            ],
            'I set 3 reminders (T-001, T-003 and T-005); your calendar is clear tomorrow.',
          ),
        },
      ],
      ['elsewhere', { id: 'elsewhere', messages: [] }],
    ]);
    const report = evaluate([gold, g2], predictions);
    expect(report.examples).toBe(2);
    // Pairs: 7 + 4, of which 1 split; the rest perfect.
    expect(report.parallel_recognition).toBeCloseTo(10 / 11, 10);
    expect(report.over_serialization).toBeCloseTo(1 / 11, 10);
    expect(report.chain_completion).toBe(1);
    expect(report.targets.parallel_recognition).toEqual({ kind: 'min', value: 0.85, met: true });
    expect(report.targets.over_serialization).toEqual({ kind: 'max', value: 0.1, met: true });
    expect(Object.keys(report.by_pattern)).toEqual(['loop']);
    expect(report.by_chain['remind-prep'].examples).toBe(2);
    expect(report.unknown_predictions).toEqual(['elsewhere']);
    expect(report.worst.map((w) => w.id)).toEqual([gold.id]);
    const json = reportJson(report);
    for (const key of [
      'examples',
      'chain_completion',
      'dependency_accuracy',
      'parallel_recognition',
      'over_serialization',
      'dependency_violations',
      'node_f1',
      'edge_f1',
      'call_match',
      'synthesis',
      'by_pattern',
      'by_chain',
    ])
      expect(json).toHaveProperty(key);
    const text = formatReport(report);
    expect(text).toContain('Parallel recognition    90.9 %  > 85 %  met');
    expect(text).toContain('Over-serialization       9.1 %  < 10 %  met');
    expect(text).toContain('could run together but were made in turns 1 and 2');
  });
});

describe('every example project', () => {
  it('the example itself scores 100 %; serialised, it takes no parallel opportunity and loses nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allChains), fc.nat(100_000), fc.nat(300), (ref, seed, index) => {
        const p = project(ref.name);
        const example = generatorFor(ref).example(seed, index);
        const gc = buildGoldCase(p, example);
        const perfect = scoreCase(gc, { id: gc.id, messages: toOpenAIRecord(example, p, { includeTools: false }).messages });
        for (const [k, v] of Object.entries(perfect.metrics))
          if (v !== null)
            expect(v, `${k}: ${perfect.problems.map((x) => x.message).join('; ')}`).toBe(k === 'over_serialization' || k === 'dependency_violations' ? 0 : 1);
        // The same conversation made one call per turn (what --serialize-parallel writes).
        const serial = generatorFor(ref, { serializeParallel: true }).example(seed, index);
        const s = scoreCase(gc, { id: gc.id, messages: toOpenAIRecord(serial, p, { includeTools: false }).messages });
        const sameCalls =
          JSON.stringify(buildGoldCase(p, serial).gold.turns.flatMap((t) => t.calls.map((c) => c.args))) ===
          JSON.stringify(gc.gold.turns.flatMap((t) => t.calls.map((c) => c.args)));
        if (!sameCalls || gc.design.multiTurn) return;
        if (gc.gold.parallel.length) {
          expect(s.metrics.parallel_recognition).toBe(0);
          expect(s.metrics.over_serialization).toBe(1);
        }
        expect(s.metrics.chain_completion).toBe(1);
        expect(s.metrics.call_match).toBe(1);
      }),
      { numRuns: 10 },
    );
  });
});

describe('failures and confirmations (design §6, §7)', () => {
  const firstWith = (name: string, chainId: string, has: (gc: ReturnType<typeof buildGoldCase>) => boolean) => {
    for (let index = 0; index < 200; index += 1) {
      const example = generatorFor({ name, chainId }).example(1, index);
      const gc = buildGoldCase(project(name), example);
      if (has(gc)) return { gc, messages: toOpenAIRecord(example, project(name), { includeTools: false }).messages };
    }
    throw new Error(`no such example of ${name}`);
  };

  it('a failed call must be retried: without its retry the chain is not complete', () => {
    const { gc, messages } = firstWith('room-booking-retry', 'book-retry-invite', (g) => g.gold.failures.some((f) => f.retry !== undefined));
    const perfect = scoreCase(gc, { id: gc.id, messages });
    expect(perfect.problems).toEqual([]);
    expect(perfect.metrics.chain_completion).toBe(1);
    // Drop the retry (the assistant message after the error, and its result).
    const failed = messages.findIndex((m) => m.role === 'tool' && m.content.includes('"error"'));
    const retry = messages[failed + 1];
    if (retry.role !== 'assistant' || !retry.tool_calls) throw new Error('shape');
    const without = messages.filter((m, k) => k !== failed + 1 && !(m.role === 'tool' && m.tool_call_id === retry.tool_calls![0].id));
    const s = scoreCase(gc, { id: gc.id, messages: without });
    expect(s.metrics.chain_completion).toBe(0);
    expect(s.problems[0].message).toMatch(/^missing: book \(book_room, its retry\)/);
  });

  it('a call that waits for a failed call must not be made', () => {
    const { gc, messages } = firstWith(
      'sales-report',
      'report-and-dashboard',
      (g) => g.gold.failures.some((f) => f.recover === 'report') && g.gold.conditions.some((c) => !c.ran),
    );
    expect(scoreCase(gc, { id: gc.id, messages }).problems).toEqual([]);
    const skipped = gc.gold.conditions.find((c) => !c.ran)!;
    const call = gc.design.calls.find((c) => c.id === skipped.call)!;
    const reply = messages[messages.length - 1];
    const extra = [...messages.slice(0, -1), assistantCalls([{ id: 'zzExtra01', name: call.tool, args: {} }]), toolMessage('zzExtra01', { ok: true }), reply];
    const s = scoreCase(gc, { id: gc.id, messages: extra });
    expect(s.metrics.conditions).toBe(0);
    expect(s.problems.map((p) => p.message)).toContain(`${skipped.call}: made, but a call it waits for did not run`);
  });

  it("a confirmed call: the question comes first, and the user's answer is sent as a follow-up", () => {
    const { gc, messages } = firstWith('archive-cleanup', 'delete-archived', (g) => g.gold.confirmations.some((c) => c.yes));
    expect(gc.followups).toEqual([gc.gold.confirmations[0].answer]);
    expect(scoreCase(gc, { id: gc.id, messages }).problems).toEqual([]);
    // The same calls, without asking.
    const ask = messages.findIndex((m) => m.role === 'assistant' && !('tool_calls' in m && m.tool_calls) && m !== messages[messages.length - 1]);
    const unasked = messages.filter((_, k) => k !== ask && k !== ask + 1);
    const s = scoreCase(gc, { id: gc.id, messages: unasked });
    expect(s.metrics.conditions).toBe(0);
    expect(s.problems.map((p) => p.message)).toContain('wipe: made without asking the user first');
  });
});
