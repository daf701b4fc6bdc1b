import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { parseProject } from '../project/parse.ts';
import { serializeProject } from '../project/serialize.ts';
import type { Project, ReplyVariant } from '../project/types.ts';
import { compileProject } from '../compile/compileProject.ts';
import {
  elementNameFor,
  moveItem,
  replyAsVariants,
  setCallBehaviour,
  setForEachFrom,
  setReplyVariants,
  singular,
  variantTexts,
  withTexts,
} from './behaviours.ts';
import { callOf, chainOf, deepFreeze, ok } from './testing.testutil.ts';

const TASKS = 'remind-high-priority';
const tasks = () => deepFreeze(loadExample('task-reminders'));
const MEETING = 'prep-if-meetings';
const meeting = () => deepFreeze(loadExample('meeting-prep'));

/** The same project read back from its file text: nothing unreadable was written. */
const readsBack = (p: Project) => {
  const parsed = parseProject(serializeProject(p));
  expect(parsed.ok, parsed.ok ? '' : parsed.error.message).toBe(true);
};

/** task-reminders with `remind` made an ordinary call (no forEach, as, where). */
function plainRemind(): Project {
  return ok(setCallBehaviour(tasks(), TASKS, 'remind', { forEach: undefined })).project;
}

describe('setCallBehaviour: fan-out', () => {
  it('removing forEach removes as and where too, and leaves the rest of the call', () => {
    const p = plainRemind();
    const call = callOf(p, TASKS, 'remind');
    expect(call.forEach).toBeUndefined();
    expect(call.as).toBeUndefined();
    expect(call.where).toBeUndefined();
    expect(call.args).toEqual(callOf(tasks(), TASKS, 'remind').args);
    readsBack(p);
  });

  it('sets a list, an element name and a filter in one step; the plan says the turn varies', () => {
    const p = ok(
      setCallBehaviour(plainRemind(), TASKS, 'remind', { forEach: '{tasks.tasks[*]}', as: 'task', where: { value: '{task.priority}', eq: 'high' } }),
    ).project;
    expect(callOf(p, TASKS, 'remind')).toMatchObject({ forEach: '{tasks.tasks[*]}', as: 'task', where: { value: '{task.priority}', eq: 'high' } });
    const compiled = compileProject(p).chain(TASKS)!;
    expect(compiled.explanation!.turns[1].title).toMatch(/^Turn 2 · 0 to \d+ calls, varies per example$/);
    readsBack(p);
  });

  it('renaming the element renames it in the arguments and the filter', () => {
    const p = ok(setCallBehaviour(tasks(), TASKS, 'remind', { as: 't' })).project;
    const call = callOf(p, TASKS, 'remind');
    expect(call.as).toBe('t');
    expect(call.args).toEqual({ task_id: '{t.task_id}', title: '{t.title}', remind_at: '{t.due_date}T{time}' });
    expect(call.where).toEqual({ value: '{t.priority}', eq: 'high' });
    // Back to the default name: "as" is left out and the references say item.
    const back = callOf(ok(setCallBehaviour(p, TASKS, 'remind', { as: undefined })).project, TASKS, 'remind');
    expect(back.as).toBeUndefined();
    expect(back.args.task_id).toBe('{item.task_id}');
  });

  it('refuses a malformed list, a clashing or bad element name, and a filter without a list', () => {
    expect(setCallBehaviour(tasks(), TASKS, 'remind', { forEach: 'tasks.tasks' }).ok).toBe(false);
    expect(setCallBehaviour(tasks(), TASKS, 'remind', { forEach: '{tasks.tasks[}' }).ok).toBe(false);
    const clash = setCallBehaviour(tasks(), TASKS, 'remind', { as: 'time' });
    expect(clash.ok === false && clash.reason).toMatch(/slot/);
    expect(setCallBehaviour(tasks(), TASKS, 'remind', { as: 'tasks' }).ok).toBe(false);
    expect(setCallBehaviour(tasks(), TASKS, 'remind', { as: 'a b' }).ok).toBe(false);
    expect(setCallBehaviour(plainRemind(), TASKS, 'remind', { where: { value: 1, eq: 1 } }).ok).toBe(false);
    expect(setCallBehaviour(plainRemind(), TASKS, 'remind', { as: 'task' }).ok).toBe(false);
  });

  it('refuses a list read from a call that waits for this one (a cycle), naming it', () => {
    const r = setCallBehaviour(tasks(), TASKS, 'tasks', { forEach: '{remind[*]}' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/cycle/);
      expect(r.cycle).toEqual(expect.arrayContaining(['tasks', 'remind']));
    }
  });

  it('a list field dropped on a call makes it a fan-out named after the list', () => {
    const r = ok(setForEachFrom(plainRemind(), TASKS, { callId: 'tasks', field: 'tasks' }, 'remind'));
    expect(r.forEach).toBe('{tasks.tasks[*]}');
    expect(callOf(r.project, TASKS, 'remind')).toMatchObject({ forEach: '{tasks.tasks[*]}', as: 'task' });
    expect(setForEachFrom(plainRemind(), TASKS, { callId: 'tasks', field: 'due_before' }, 'remind').ok).toBe(false);
    expect(setForEachFrom(plainRemind(), TASKS, { callId: 'tasks', field: 'tasks' }, 'tasks').ok).toBe(false);
  });

  it('names elements in the singular, avoiding names taken', () => {
    expect(singular('tasks')).toBe('task');
    expect(singular('entries')).toBe('entry');
    expect(singular('addresses')).toBe('address');
    expect(singular('boxes')).toBe('box');
    expect(singular('data')).toBe('data');
    const chain = chainOf(tasks(), TASKS);
    expect(elementNameFor(chain, '{tasks.tasks[*]}')).toBe('task');
    expect(elementNameFor(chain, '{tasks.data[*]}')).toBe('item');
    expect(elementNameFor({ ...chain, slots: { task: 'x' } }, '{tasks.tasks[*]}')).toBe('task2');
  });
});

describe('setCallBehaviour: conditions, failures, confirmations', () => {
  it('sets and removes a condition; removing it removes its rate', () => {
    const p = ok(
      setCallBehaviour(meeting(), MEETING, 'prep', {
        when: {
          all: [
            { value: '{cal.events.length}', gt: 1 },
            { value: '{cal.date}', exists: true },
          ],
        },
      }),
    ).project;
    expect(callOf(p, MEETING, 'prep').when).toEqual({
      all: [
        { value: '{cal.events.length}', gt: 1 },
        { value: '{cal.date}', exists: true },
      ],
    });
    expect(callOf(p, MEETING, 'prep').whenRate).toBe(0.5);
    const none = callOf(ok(setCallBehaviour(p, MEETING, 'prep', { when: undefined })).project, MEETING, 'prep');
    expect(none.when).toBeUndefined();
    expect(none.whenRate).toBeUndefined();
  });

  it('refuses a condition the file could not hold, with the reader’s words', () => {
    for (const bad of [{ all: [] }, { value: '{cal.events.length}' }, { value: 1, gt: 0, lt: 3 }, { ran: '' }, { nope: 1 }]) {
      const r = setCallBehaviour(meeting(), MEETING, 'prep', { when: bad as never });
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^the condition: /);
    }
  });

  it('writes rates as shares rounded to a thousandth, and refuses one outside 0–1', () => {
    expect(callOf(ok(setCallBehaviour(meeting(), MEETING, 'prep', { whenRate: 0.1 + 0.2 })).project, MEETING, 'prep').whenRate).toBe(0.3);
    expect(setCallBehaviour(meeting(), MEETING, 'prep', { whenRate: 1.2 }).ok).toBe(false);
    expect(setCallBehaviour(meeting(), MEETING, 'prep', { whenRate: Number.NaN }).ok).toBe(false);
  });

  it('sets a failure with each recovery, and refuses a bad one', () => {
    const retry = ok(setCallBehaviour(meeting(), MEETING, 'prep', { failure: { rate: 0.2, error: { error: 'DUPLICATE' }, recover: 'retry' } })).project;
    expect(callOf(retry, MEETING, 'prep').failure).toEqual({ rate: 0.2, error: { error: 'DUPLICATE' }, recover: 'retry' });
    readsBack(retry);
    const retryWith = ok(
      setCallBehaviour(meeting(), MEETING, 'prep', { failure: { rate: 0.25, recover: { retryWith: { title: 'Prep: {cal.events[0].title}' } } } }),
    ).project;
    expect(compileProject(retryWith).chain(MEETING)!.variations.get('prep')!.words).toMatch(/retried in the next turn with other arguments/);
    readsBack(retryWith);
    expect(setCallBehaviour(meeting(), MEETING, 'prep', { failure: { rate: 2 } }).ok).toBe(false);
    expect(setCallBehaviour(meeting(), MEETING, 'prep', { failure: { rate: 0.2, recover: 'again' as never } }).ok).toBe(false);
    expect(callOf(ok(setCallBehaviour(retry, MEETING, 'prep', { failure: undefined })).project, MEETING, 'prep').failure).toBeUndefined();
  });

  it('sets a confirmation, and refuses one without phrasings', () => {
    const confirm = { ask: ['Shall I add a prep task?'], yes: ['Yes please.'], no: ['No, leave it.'], yesRate: 0.7 };
    const p = ok(setCallBehaviour(meeting(), MEETING, 'prep', { confirm })).project;
    expect(callOf(p, MEETING, 'prep').confirm).toEqual(confirm);
    readsBack(p);
    expect(setCallBehaviour(meeting(), MEETING, 'prep', { confirm: { ...confirm, no: [] } }).ok).toBe(false);
    expect(setCallBehaviour(meeting(), MEETING, 'prep', { confirm: { ...confirm, yesRate: -1 } }).ok).toBe(false);
  });

  it('refuses an unknown chain or call, and leaves the input untouched', () => {
    const p = meeting();
    expect(setCallBehaviour(p, 'nope', 'prep', { when: undefined }).ok).toBe(false);
    expect(setCallBehaviour(p, MEETING, 'nope', { when: undefined }).ok).toBe(false);
    const r = ok(setCallBehaviour(p, MEETING, 'prep', { whenRate: 0.8 }));
    expect(callOf(p, MEETING, 'prep').whenRate).toBe(0.5);
    // Untouched parts keep their identity.
    expect(r.project.tools).toBe(p.tools);
    expect(callOf(r.project, MEETING, 'cal')).toBe(callOf(p, MEETING, 'cal'));
  });
});

describe('reply variants', () => {
  const variants = (p: Project) => chainOf(p, TASKS).reply as ReplyVariant[];

  it('are written when each has text or texts and a well-formed condition', () => {
    const next: ReplyVariant[] = [{ when: { value: '{remind.length}', gt: 0 }, texts: ['a', 'b'] }, { text: 'c' }];
    const p = ok(setReplyVariants(tasks(), TASKS, next)).project;
    expect(variants(p)).toEqual(next);
    readsBack(p);
    expect(setReplyVariants(tasks(), TASKS, []).ok).toBe(false);
    expect(setReplyVariants(tasks(), TASKS, [{ text: 'a', texts: ['b'] }]).ok).toBe(false);
    expect(setReplyVariants(tasks(), TASKS, [{}]).ok).toBe(false);
    expect(setReplyVariants(tasks(), TASKS, [{ texts: [] }]).ok).toBe(false);
    expect(setReplyVariants(tasks(), TASKS, [{ when: { any: [] }, text: 'x' }]).ok).toBe(false);
    expect(chainOf(ok(setReplyVariants(tasks(), TASKS, undefined)).project, TASKS).reply).toBeUndefined();
  });

  it('helpers: phrasings, a plain reply as variants, moving an item', () => {
    expect(variantTexts({ text: 'a' })).toEqual(['a']);
    expect(variantTexts({ texts: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(withTexts({ when: { ran: 'x' }, text: 'a' }, ['a', 'b'])).toEqual({ when: { ran: 'x' }, texts: ['a', 'b'] });
    expect(withTexts({ texts: ['a', 'b'] }, ['b'])).toEqual({ text: 'b' });
    expect(replyAsVariants('Hi {x}.')).toEqual([{ text: 'Hi {x}.' }]);
    expect(replyAsVariants(undefined, 'Done.')).toEqual([{ text: 'Done.' }]);
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveItem([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(moveItem([1, 2, 3], 1, 9)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 5, 0)).toEqual([1, 2, 3]);
  });
});
