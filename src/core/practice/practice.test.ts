import { describe, expect, it } from 'vitest';
import type { Project } from '../project/types.ts';
import { parseProject } from '../project/parse.ts';
import { loadExample } from '../testing/fixtures.ts';
import { compileProject } from '../compile/compileProject.ts';
import { generatorOf } from '../generate/resultAware.testutil.ts';
import { explainBranches } from '../graph/explainBranches.ts';
import { answerOf, emptyAnswer, gradeAnswer } from './grade.ts';
import { makeExercise, type Exercise } from './exercise.ts';
import { variationMarks, exampleFacts } from './facts.ts';
import { branchOptions, exampleShows, findBranchExample, nextVariantIndex, variantSignature } from './branches.ts';

const exerciseFiles = import.meta.glob('../../../public/exercises/*.chain.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function loadExercise(name: string): Project {
  const entry = Object.entries(exerciseFiles).find(([path]) => path.endsWith(`/${name}.chain.json`));
  if (!entry) throw new Error(`no exercise "${name}"`);
  const parsed = parseProject(entry[1]);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.project;
}

function exerciseOf(project: Project): Exercise {
  const made = makeExercise(project, project.chains[0].id);
  if (!made.ok) throw new Error(made.reason);
  return made.exercise;
}

const notesOf = (project: Project) => explainBranches(project, compileProject(project).chains[0]);

describe('explainBranches: "Why this order" for loops, filters, conditions, failures and refusals', () => {
  it('says why a fan-out runs together and what its filter removes', () => {
    const notes = notesOf(loadExample('task-reminders'));
    const fan = notes.find((n) => n.kind === 'fanOut')!;
    expect(fan.text).toContain('remind runs once for each task in tasks.tasks');
    expect(fan.text).toContain('each needs only its own task');
    const filter = notes.find((n) => n.kind === 'filter')!;
    expect(filter.text).toContain('The filter (where task.priority = high) removes every task for which it does not hold');
    expect(filter.text).toContain('When no task passes, remind makes no call');
  });

  it('says why a call that reads the whole list waits for all of it', () => {
    const notes = notesOf(loadExercise('overdue-report'));
    const waits = notes.find((n) => n.kind === 'waitsForAll')!;
    expect(waits.callId).toBe('notify');
    expect(waits.text).toBe(
      'notify waits for every flag call: it needs the list of their results (task_id of every flag call), and its condition counts them, so it cannot start before the last of them is done.',
    );
  });

  it('says what happens when a condition does not hold', () => {
    const cond = notesOf(loadExample('meeting-prep')).find((n) => n.kind === 'condition')!;
    expect(cond.text).toContain('prep runs only when cal.events.length > 0');
    expect(cond.text).toContain('When it does not hold, prep is not called; turn 2 is then left out');
  });

  it('says what a reported failure stops, and whether it is on the critical path', () => {
    const failure = notesOf(loadExample('sales-report')).find((n) => n.kind === 'failure')!;
    expect(failure.text).toContain('it is not retried: post does not run, since it needs its result; mail still runs');
    expect(failure.text).toMatch(/dash is (not )?on the critical path/);
  });

  it('says what a retry costs on the critical path', () => {
    const failure = notesOf(loadExample('room-booking-retry')).find((n) => n.kind === 'failure')!;
    expect(failure.text).toContain('with room_id = rooms.rooms[1].room_id');
    expect(failure.text).toContain('book is on the critical path, so the retry adds its');
  });

  it('says what a refusal stops', () => {
    const confirm = notesOf(loadExample('archive-cleanup')).find((n) => n.kind === 'confirm')!;
    expect(confirm.text).toContain('once for the whole group');
    expect(confirm.text).toContain('wipe is not called: nothing is deleted');
  });

  it('has nothing to say about a chain without branches', () => {
    expect(notesOf(loadExample('room-booking'))).toEqual([]);
  });
});

describe('variationMarks: what varies in one example, in words', () => {
  const marksOver = (project: Project, n = 40) => {
    const g = generatorOf(project);
    return Array.from({ length: n }, (_, i) => variationMarks(project, g.example(1, i)).map((m) => m.text));
  };

  it('counts a filtered loop ("k of n tasks had priority = high, so k create_reminder calls")', () => {
    const all = marksOver(loadExample('task-reminders')).flat();
    expect(all.some((t) => /^\d+ of \d+ tasks had priority = high, so [2-9] create_reminder calls in parallel\.$/.test(t))).toBe(true);
    expect(
      all.some(
        (t) =>
          /^None of the \d+ tasks had priority = high, so no create_reminder call\.$/.test(t) ||
          t === 'The list tasks.tasks was empty, so no create_reminder call.',
      ),
    ).toBe(true);
  });

  it('says whether a condition held, with the value it tested', () => {
    const all = marksOver(loadExample('meeting-prep')).flat();
    expect(all).toContain('cal.events.length > 0 did not hold (cal.events.length is 0), so create_task (prep) was not called.');
    expect(all.some((t) => /^cal\.events\.length > 0 held \(cal\.events\.length is [1-9]\), so create_task \(prep\) was called\.$/.test(t))).toBe(true);
  });

  it('names a failure, its error code and its retry', () => {
    const all = marksOver(loadExample('room-booking-retry')).flat();
    expect(all).toContain('book_room (book) failed (ROOM_TAKEN) and was retried in the next turn with another room_id.');
  });

  it('says what a reported failure stopped', () => {
    const all = marksOver(loadExample('sales-report')).flat();
    expect(all).toContain('update_dashboard (dash) failed (DASHBOARD_LOCKED) and was not retried, so post was not called.');
  });

  it('says when the user said no', () => {
    const all = marksOver(loadExample('archive-cleanup')).flat();
    expect(all.some((t) => /^[1-9]\d* projects?; the user said no, so nothing was deleted: no delete_project call\.$/.test(t))).toBe(true);
    expect(all.some((t) => /^[2-9] projects; the user said yes, so [2-9] delete_project calls in parallel\.$/.test(t))).toBe(true);
  });

  it('facts agree with the transcript: a fan-out makes as many calls as elements pass its filter', () => {
    const project = loadExample('task-reminders');
    const g = generatorOf(project);
    for (let i = 0; i < 60; i += 1) {
      const f = exampleFacts(project, g.example(3, i)).find((x) => x.callId === 'remind')!;
      expect(f.made).toBe(f.fanOut!.passed);
    }
  });
});

describe('branches: an example of a chosen branch', () => {
  it('offers no call, one and several for a loop; holds and not for a condition; fails and succeeds; yes and no', () => {
    expect(branchOptions(loadExample('task-reminders'), 'remind-high-priority').map((o) => o.kind)).toEqual(['none', 'one', 'several']);
    expect(branchOptions(loadExample('meeting-prep'), 'prep-if-meetings').map((o) => o.kind)).toEqual(['holds', 'fails-to-hold']);
    expect(branchOptions(loadExample('room-booking-retry'), 'book-retry-invite').map((o) => o.kind)).toEqual(['fails', 'succeeds']);
    expect(branchOptions(loadExample('archive-cleanup'), 'delete-archived').map((o) => o.kind)).toEqual(['none', 'one', 'several', 'yes', 'no']);
    expect(branchOptions(loadExample('room-booking'), 'book-and-invite')).toEqual([]);
  });

  for (const name of ['task-reminders', 'meeting-prep', 'room-booking-retry', 'archive-cleanup', 'sales-report', 'project-departments']) {
    it(`finds every branch of ${name} within 200 examples, at or after the index asked for`, () => {
      const project = loadExample(name);
      const g = generatorOf(project);
      for (const option of branchOptions(project, project.chains[0].id)) {
        if (name === 'project-departments' && option.kind === 'none') continue; // the user always names at least one department
        const found = findBranchExample(project, g, option, { seed: 1, from: 5 });
        expect(found.found, `${name}: ${option.label}`).toBe(true);
        if (found.found) {
          expect(found.index).toBeGreaterThanOrEqual(5);
          expect(exampleShows(project, g.example(1, found.index), option)).toBe(true);
        }
      }
    });
  }

  it('says which indices it looked through when none shows the branch', () => {
    const project = loadExample('project-departments');
    const found = findBranchExample(project, generatorOf(project), { callId: 'tasks', kind: 'none' }, { seed: 1, from: 10, limit: 30 });
    expect(found).toEqual({ found: false, from: 10, to: 39 });
  });

  it('"Another example" walks to a variant not seen yet', () => {
    const project = loadExample('task-reminders');
    const g = generatorOf(project);
    const seen = new Set<string>();
    const shown: string[] = [];
    let index = 0;
    for (let k = 0; k < 3; k += 1) {
      const sig = variantSignature(project, g.example(1, index));
      seen.add(sig);
      shown.push(sig);
      index = nextVariantIndex(project, g, 1, index, seen).index;
    }
    expect(new Set(shown).size).toBe(3);
  });

  it('"Another example" is the next index for a chain that does not vary', () => {
    const project = loadExample('room-booking');
    expect(nextVariantIndex(project, generatorOf(project), 1, 4, new Set()).index).toBe(5);
  });
});

describe('practice exercises', () => {
  it('the seed exercise: the rooms and the team in turn 1, the booking in turn 2, the invites in turn 3', () => {
    const ex = exerciseOf(loadExercise('room-booking'));
    expect(ex.request).toMatch(/^Book a (meeting )?room for next Tuesday( at \d\d:\d\d)? and invite the marketing team\.$/);
    expect(ex.key.turnOf).toEqual({ rooms: 1, team: 1, book: 2, invite: 3 });
    expect(ex.key.parallel).toEqual({ rooms: true, team: true, book: true, invite: false });
    expect(ex.calls.map((c) => c.label)).toEqual(['find_available_rooms', 'get_team_members', 'book_room', 'send_invites']);
    expect(ex.reasons.invite).toBe(
      'turn 3: it needs booking_id from book_room, ready after turn 2, and members[*].email from get_team_members, ready after turn 1',
    );
    expect(ex.questions).toEqual([]);
  });

  it('explains a call placed before what it needs in the words of "Why this order"', () => {
    const ex = exerciseOf(loadExercise('room-booking'));
    const grade = gradeAnswer(ex, { ...answerOf(ex), turnOf: { rooms: 1, team: 1, book: 2, invite: 1 } });
    expect(grade.mistakes.map((m) => m.text)).toContain('send_invites cannot be in turn 1: it needs booking_id from book_room, which is in turn 2.');
    expect(grade.placement.invite).toBe('wrong');
    expect(grade.perfect).toBe(false);
    expect(grade.latency.runs).toBe(false);
  });

  it('compares the latency of a slower order with the best one', () => {
    const ex = exerciseOf(loadExercise('room-booking'));
    const grade = gradeAnswer(ex, { ...answerOf(ex), turnOf: { rooms: 1, team: 2, book: 3, invite: 4 } });
    expect(grade.mistakes.map((m) => m.text)).toContain(
      "get_team_members could run in turn 1, not 2: it needs no other call's result, so it can start at once.",
    );
    expect(grade.latencyText).toBe('Your order takes 1,550 ms in 4 turns; the best order takes 1,300 ms in 3 turns: yours is 250 ms slower.');
  });

  it('asks how many calls a shown result leads to, and explains a wrong count', () => {
    const ex = exerciseOf(loadExercise('task-reminders'));
    expect(ex.questions).toHaveLength(1);
    const q = ex.questions[0];
    expect(q.kind).toBe('loop');
    expect(q.shown.map((s) => s.caption)).toEqual(['list_tasks returned']);
    const tasks = (q.shown[0].value as { tasks: { priority: string }[] }).tasks;
    expect(q.answer).toBe(tasks.filter((t) => t.priority === 'high').length);
    expect(q.answer).toBeGreaterThanOrEqual(2);
    expect(q.answer).toBeLessThan(tasks.length);
    const grade = gradeAnswer(ex, { ...answerOf(ex), counts: { remind: tasks.length } });
    const mistake = grade.mistakes.find((m) => m.kind === 'count')!;
    expect(mistake.text).toBe(
      `Not ${tasks.length} create_reminder calls. ${q.answer} of ${tasks.length} tasks had priority = high, so ${q.answer} create_reminder calls in parallel.`,
    );
  });

  it('covers sequential, parallel, conditional, loop and mixed patterns', () => {
    const shape = (name: string) => {
      const ex = exerciseOf(loadExercise(name));
      return { turns: ex.bestTurns, calls: ex.calls.length, questions: ex.questions.map((q) => q.kind) };
    };
    expect(shape('q4-project')).toEqual({ turns: 3, calls: 3, questions: [] });
    expect(shape('morning-overview')).toEqual({ turns: 1, calls: 3, questions: [] });
    expect(shape('meeting-prep')).toEqual({ turns: 2, calls: 2, questions: ['condition'] });
    expect(shape('task-reminders')).toEqual({ turns: 2, calls: 2, questions: ['loop'] });
    expect(shape('overdue-report')).toEqual({ turns: 3, calls: 4, questions: ['loop', 'condition'] });
  });

  it('an empty answer scores nothing placed and asks to place every call', () => {
    const ex = exerciseOf(loadExercise('room-booking'));
    const grade = gradeAnswer(ex, emptyAnswer());
    expect(Object.values(grade.placement).every((p) => p === 'unplaced')).toBe(true);
    expect(grade.latency.yoursMs).toBeNull();
    expect(grade.latencyText).toBe('Place every call to compare your order with the best one (1,300 ms in 3 turns).');
  });

  it('a multi-turn chain is practised on its dependency levels, and says so', () => {
    const ex = exerciseOf(loadExample('file-system'));
    expect(ex.multiTurn).toBe(true);
    expect(ex.columns).toBeGreaterThanOrEqual(ex.bestTurns);
    expect(gradeAnswer(ex, answerOf(ex)).perfect).toBe(true);
  });

  it('offers at least as many turn columns as the best order needs', () => {
    const project = loadExercise('q4-project');
    const chain = project.chains[0];
    // Nine calls one after another: the last needs the one before.
    const calls = Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, tool: 'create_project', args: { name: i === 0 ? 'P' : `{c${i - 1}.project_id}` } }));
    const long = { ...project, chains: [{ ...chain, calls, reply: 'Done.' }] };
    const made = makeExercise(long, chain.id);
    if (!made.ok) throw new Error(made.reason);
    expect(made.exercise.bestTurns).toBe(9);
    expect(made.exercise.columns).toBe(9);
  });

  it('refuses a chain with fewer than two calls', () => {
    const project = loadExample('room-booking');
    const one = { ...project, chains: [{ ...project.chains[0], calls: project.chains[0].calls.slice(0, 1), reply: undefined }] };
    const made = makeExercise(one, one.chains[0].id);
    expect(made.ok).toBe(false);
  });
});
