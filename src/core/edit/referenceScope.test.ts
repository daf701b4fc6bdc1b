import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import { comparableFields, elementSchema, forEachOptions, referenceStepChoices, typedReference, valueOptions } from './referenceScope.ts';
import { referenceOptions } from './referenceOptions.ts';
import { chainOf } from './testing.testutil.ts';

const TASKS = 'remind-high-priority';
const tasks = () => loadExample('task-reminders');
const refs = (list: { reference: string }[]) => list.map((o) => o.reference);

describe('forEachOptions', () => {
  it('offers the list fields of the calls a call may wait for, and the slots', () => {
    const options = forEachOptions(tasks(), TASKS, 'remind');
    expect(refs(options)).toEqual(['{tasks.tasks[*]}', '{time}']);
    expect(options[0].label).toBe('tasks.tasks (list_tasks)');
    // tasks cannot run once for each of remind's results: remind waits for it.
    expect(refs(forEachOptions(tasks(), TASKS, 'tasks'))).toEqual(['{time}']);
  });
});

describe('valueOptions', () => {
  it('a filter reads the element first (with the values its schema lists), then the results, then the slots', () => {
    const options = valueOptions(tasks(), TASKS, { kind: 'where', callId: 'remind' });
    const list = refs(options);
    expect(list.slice(0, 5)).toEqual(['{task}', '{task.task_id}', '{task.title}', '{task.priority}', '{task.due_date}']);
    expect(options.find((o) => o.reference === '{task.priority}')!.values).toEqual(['low', 'medium', 'high']);
    expect(list).toContain('{tasks.tasks}');
    expect(list).toContain('{tasks.tasks.length}');
    expect(list).toContain('{tasks.tasks[0].priority}');
    expect(list).not.toContain('{tasks.tasks[0]}');
    expect(list[list.length - 1]).toBe('{time}');
    expect(options.find((o) => o.reference === '{time}')!.values).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00']);
  });

  it('a condition does not see the element; a reply sees a fan-out as a list of results', () => {
    expect(refs(valueOptions(tasks(), TASKS, { kind: 'when', callId: 'remind' }))).not.toContain('{task.priority}');
    const reply = refs(valueOptions(tasks(), TASKS, { kind: 'reply' }));
    expect(reply).toContain('{remind.length}');
    expect(reply).toContain('{remind}');
    expect(reply).not.toContain('{task.priority}');
  });
});

describe('referenceOptions (an argument’s picker)', () => {
  it('offers a fan-out’s element fields, and each list’s length', () => {
    const list = refs(referenceOptions(tasks(), TASKS, 'remind', 'task_id'));
    expect(list[0]).toBe('{task}');
    expect(list).toContain('{task.task_id}');
    expect(list).toContain('{tasks.tasks.length}');
  });
});

describe('referenceStepChoices', () => {
  it('offers first, second, last, every, and smallest/largest by each comparable field', () => {
    const [choice] = referenceStepChoices(tasks(), TASKS, '{tasks.tasks[0].task_id}', { kind: 'argument', callId: 'remind' });
    expect(choice.list).toBe('tasks.tasks');
    expect(choice.current).toBe('[0]');
    const steps = choice.options.map((o) => o.step);
    expect(steps.slice(0, 4)).toEqual(['[0]', '[1]', '[-1]', '[*]']);
    expect(steps).toContain('[min:due_date]');
    expect(steps).toContain('[max:priority]');
    expect(choice.options.find((o) => o.step === '[-1]')!.reference).toBe('{tasks.tasks[-1].task_id}');
    expect(choice.options.find((o) => o.step === '[min:due_date]')!.reference).toBe('{tasks.tasks[min:due_date].task_id}');
    // A step written by hand stays among the choices.
    const [three] = referenceStepChoices(tasks(), TASKS, '{tasks.tasks[3].title}', { kind: 'argument', callId: 'remind' });
    expect(three.options[three.options.length - 1]).toMatchObject({ step: '[3]', label: 'as written' });
    expect(referenceStepChoices(tasks(), TASKS, '{tasks.due_before}', { kind: 'argument', callId: 'remind' })).toEqual([]);
  });

  it('lists comparable fields (numbers, integers, strings), nested ones dotted', () => {
    expect(
      comparableFields({
        type: 'object',
        properties: { a: { type: 'number' }, b: { type: 'boolean' }, c: { type: 'object', properties: { d: { type: 'string' } } } },
      }),
    ).toEqual(['a', 'c.d']);
    expect(comparableFields(elementSchema(tasks(), chainOf(tasks(), TASKS), '{tasks.tasks[*]}'))).toEqual(['task_id', 'title', 'priority', 'due_date']);
  });
});

describe('typedReference', () => {
  it('keeps a hand-typed reference the scope can read, braces or not', () => {
    expect(typedReference(tasks(), TASKS, 'tasks.tasks[1].task_id', { kind: 'argument', callId: 'remind' })).toEqual({
      ok: true,
      reference: '{tasks.tasks[1].task_id}',
      types: ['string'],
    });
    expect(typedReference(tasks(), TASKS, ' {tasks.tasks[min:due_date].title} ', { kind: 'argument', callId: 'remind' })).toMatchObject({
      ok: true,
      reference: '{tasks.tasks[min:due_date].title}',
    });
    expect(typedReference(tasks(), TASKS, '{task.priority}', { kind: 'where', callId: 'remind' })).toMatchObject({ ok: true });
  });

  it('says why a typed text is not a reference it can read', () => {
    const problem = (text: string, scope = { kind: 'argument' as const, callId: 'remind' }) => {
      const r = typedReference(tasks(), TASKS, text, scope);
      return r.ok ? null : r.problem;
    };
    expect(problem('tasks.tasks[1].nope')).toMatch(/no field "nope"/);
    expect(problem('nobody.x')).toMatch(/no call or slot "nobody"/);
    expect(problem('remind.length', { kind: 'argument', callId: 'tasks' })).toMatch(/cannot be read here/);
    expect(problem('tasks.tasks[')).toMatch(/never closed/);
    expect(problem('task.priority', { kind: 'when', callId: 'remind' } as never)).toMatch(/no call or slot "task"/);
  });
});
