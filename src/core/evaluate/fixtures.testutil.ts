/** Test helpers for evaluation: a small design and hand-made examples of it, with known results. */
import type { JsonValue, Project } from '../project/types.ts';
import type { Example, ExampleCall, ExampleMessage } from '../generate/types.ts';
import { toOpenAIRecord, type OpenAIMessage } from '../formats/openai.ts';
import { buildGoldCase } from './gold.ts';
import type { GoldCase, Prediction } from './types.ts';

/**
 * "Remind and prepare": list the tasks and read the calendar together (one turn); then, in the
 * next turn, a reminder for each high-priority task (a fan-out with a filter) and, only when
 * the calendar has an event, a prep task (a condition).
 */
export function evalProject(): Project {
  return {
    format: 'chainwright-project',
    version: 2,
    name: 'Eval mini',
    systemPrompt: 'You help.',
    referenceDate: '2026-01-05',
    tools: [
      {
        type: 'function',
        function: {
          name: 'list_tasks',
          description: 'List tasks.',
          parameters: { type: 'object', properties: { due_before: { type: 'string' } }, required: ['due_before'] },
        },
        returns: {
          type: 'object',
          properties: {
            tasks: {
              type: 'array',
              maxItems: 5,
              items: {
                type: 'object',
                properties: {
                  task_id: { type: 'string', pattern: '^T-[0-9]{3}$' },
                  title: { type: 'string', enum: ['Budget', 'Slides', 'Invoice', 'Roadmap', 'Report'] },
                  priority: { type: 'string', enum: ['low', 'high'] },
                },
                required: ['task_id', 'title', 'priority'],
              },
            },
          },
          required: ['tasks'],
        },
      },
      {
        type: 'function',
        function: {
          name: 'get_calendar',
          description: 'Read a day.',
          parameters: { type: 'object', properties: { date: { type: 'string' } }, required: ['date'] },
        },
        returns: {
          type: 'object',
          properties: {
            events: {
              type: 'array',
              maxItems: 3,
              items: { type: 'object', properties: { title: { type: 'string', enum: ['Standup', 'Review'] } }, required: ['title'] },
            },
          },
          required: ['events'],
        },
      },
      {
        type: 'function',
        function: {
          name: 'create_reminder',
          description: 'Remind of a task.',
          parameters: { type: 'object', properties: { task_id: { type: 'string' }, note: { type: 'string' } }, required: ['task_id', 'note'] },
        },
        returns: {
          type: 'object',
          properties: { reminder_id: { type: 'string', pattern: '^R-[0-9]{3}$' }, task_id: { type: 'string' } },
          required: ['reminder_id', 'task_id'],
        },
      },
      {
        type: 'function',
        function: {
          name: 'create_task',
          description: 'Add a task.',
          parameters: { type: 'object', properties: { title: { type: 'string' }, priority: { type: 'string', default: 'low' } }, required: ['title'] },
        },
        returns: { type: 'object', properties: { task_id: { type: 'string' }, title: { type: 'string' } }, required: ['task_id', 'title'] },
      },
    ],
    chains: [
      {
        id: 'remind-prep',
        name: 'Remind and prepare',
        requests: ['Remind me at {time} of my high-priority tasks, and add a prep task if I have meetings tomorrow.'],
        slots: { time: { oneOf: ['09:00', '10:00'] } },
        calls: [
          { id: 'tasks', tool: 'list_tasks', args: { due_before: '2026-01-11' } },
          { id: 'cal', tool: 'get_calendar', args: { date: '2026-01-06' } },
          {
            id: 'remind',
            tool: 'create_reminder',
            forEach: '{tasks.tasks[*]}',
            as: 'task',
            where: { value: '{task.priority}', eq: 'high' },
            args: { task_id: '{task.task_id}', note: '{task.title} at {time}' },
          },
          { id: 'prep', tool: 'create_task', when: { value: '{cal.events.length}', gt: 0 }, args: { title: 'Prepare for {cal.events[0].title}' } },
        ],
        reply: [
          { when: { ran: 'prep' }, text: 'I set {remind.length} reminders ({remind[*].task_id}) and added "{prep.title}".' },
          { text: 'I set {remind.length} reminders ({remind[*].task_id}); your calendar is clear tomorrow.' },
        ],
      },
    ],
  } as Project;
}

const TASKS: JsonValue = {
  tasks: [
    { task_id: 'T-001', title: 'Budget', priority: 'high' },
    { task_id: 'T-002', title: 'Slides', priority: 'low' },
    { task_id: 'T-003', title: 'Invoice', priority: 'high' },
    { task_id: 'T-004', title: 'Roadmap', priority: 'low' },
    { task_id: 'T-005', title: 'Report', priority: 'high' },
  ],
};

const call = (id: string, callId: string, tool: string, args: { [k: string]: JsonValue }, element?: number): ExampleCall =>
  element === undefined ? { id, callId, tool, args } : { id, callId, tool, args, element };
const result = (c: ExampleCall, value: JsonValue): ExampleMessage => ({ role: 'tool', id: c.id, callId: c.callId, tool: c.tool, result: value });

/**
 * A hand-made example: tasks 1, 3 and 5 are high priority (3 reminders of 5 tasks); with
 * `meetings`, the calendar holds "Standup" and the prep task is made beside the reminders.
 */
export function handMadeExample(meetings: boolean): Example {
  const tasks = call('callTasks1', 'tasks', 'list_tasks', { due_before: '2026-01-11' });
  const cal = call('callCal001', 'cal', 'get_calendar', { date: '2026-01-06' });
  const reminders = [
    call('callRem001', 'remind', 'create_reminder', { task_id: 'T-001', note: 'Budget at 09:00' }, 0),
    call('callRem003', 'remind', 'create_reminder', { task_id: 'T-003', note: 'Invoice at 09:00' }, 2),
    call('callRem005', 'remind', 'create_reminder', { task_id: 'T-005', note: 'Report at 09:00' }, 4),
  ];
  const prep = call('callPrep01', 'prep', 'create_task', { title: 'Prepare for Standup' });
  const second = meetings ? [...reminders, prep] : reminders;
  const messages: ExampleMessage[] = [
    { role: 'user', text: 'Remind me at 09:00 of my high-priority tasks, and add a prep task if I have meetings tomorrow.' },
    { role: 'assistant', calls: [tasks, cal] },
    result(tasks, TASKS),
    result(cal, { events: meetings ? [{ title: 'Standup' }] : [] }),
    { role: 'assistant', calls: second },
    ...reminders.map((r, k) => result(r, { reminder_id: `R-10${k + 1}`, task_id: r.args.task_id })),
    ...(meetings ? [result(prep, { task_id: 'T-900', title: 'Prepare for Standup' })] : []),
    {
      role: 'assistant',
      text: meetings
        ? 'I set 3 reminders (T-001, T-003 and T-005) and added "Prepare for Standup".'
        : 'I set 3 reminders (T-001, T-003 and T-005); your calendar is clear tomorrow.',
    },
  ];
  return { chainId: 'remind-prep', seed: 0, index: meetings ? 1 : 0, system: 'You help.', requestIndex: 0, slots: { time: '09:00' }, messages };
}

export function handMadeGold(meetings: boolean): GoldCase {
  return buildGoldCase(evalProject(), handMadeExample(meetings));
}

/** The example's own transcript as a prediction (what a perfect model would produce). */
export function perfectPrediction(gold: GoldCase, example: Example, project: Project): Prediction {
  return { id: gold.id, messages: toOpenAIRecord(example, project, { includeTools: false }).messages };
}

/** Shorthands to edit transcripts by hand. */
export function assistantCalls(calls: { id: string; name: string; args: JsonValue }[]): OpenAIMessage {
  return {
    role: 'assistant',
    content: null,
    tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.args) } })),
  };
}

export function toolMessage(id: string, value: JsonValue): OpenAIMessage {
  return { role: 'tool', tool_call_id: id, content: JSON.stringify(value) };
}
