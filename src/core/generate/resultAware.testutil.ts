/** Test helpers for chains that read their results (format 2: forEach, where, when, reply variants). */
import type { Call, Chain, JsonValue, Project, ToolDef } from '../project/types.ts';
import type { RunStatus } from '../conditions/evaluate.ts';
import type { Scope } from './compiled.ts';
import { createGenerator, type ExampleGenerator, type GeneratorOptions } from './example.ts';
import { isCallsMessage, isReplyMessage, type Example, type ExampleCall } from './types.ts';

/** A generator for a chain (the first by default); throws with the diagnostics when refused. */
export function generatorOf(project: Project, chainId = project.chains[0].id, options: GeneratorOptions = {}): ExampleGenerator {
  const made = createGenerator(project, chainId, options);
  if (!made.ok) throw new Error(made.diagnostics.map((d) => `${d.path}: ${d.message} [${d.code}]`).join('\n'));
  return made.generator;
}

/** The assistant messages that make tool calls. */
export function callMessages(ex: Example): ExampleCall[][] {
  return ex.messages.filter(isCallsMessage).map((m) => m.calls);
}

/** Every concrete call of a design call, in message order. */
export function callsOf(ex: Example, callId: string): ExampleCall[] {
  return callMessages(ex)
    .flat()
    .filter((c) => c.callId === callId);
}

/** Every result of a design call, in message order. */
export function resultsOf(ex: Example, callId: string): JsonValue[] {
  return ex.messages.flatMap((m) => (m.role === 'tool' && m.callId === callId ? [m.result] : []));
}

export function ran(ex: Example, callId: string): boolean {
  return callsOf(ex, callId).length > 0;
}

export function replyOf(ex: Example): string {
  const last = ex.messages[ex.messages.length - 1];
  if (!isReplyMessage(last)) throw new Error('the last message is not a reply');
  return last.text;
}

/**
 * The scope a condition is evaluated in, rebuilt from the transcript alone: the slots, each
 * call's result, and for a fan-out call (`fanOuts`) the list of its results (empty when it made
 * no call, as the generator has it once the fan-out's turn was reached).
 */
export function transcriptScope(ex: Example, fanOuts: readonly string[], reachedFanOuts: readonly string[] = fanOuts): Scope {
  const scope: Scope = Object.create(null) as Scope;
  for (const [name, value] of Object.entries(ex.slots)) scope[name] = value;
  for (const m of ex.messages) {
    if (m.role !== 'tool') continue;
    if (fanOuts.includes(m.callId)) scope[m.callId] = [...((scope[m.callId] as JsonValue[] | undefined) ?? []), m.result];
    else scope[m.callId] = m.result;
  }
  for (const id of reachedFanOuts) if (!(id in scope)) scope[id] = [];
  return scope;
}

/** `ran` from the transcript (failed and declined never happen without failures and confirmations). */
export function transcriptStatus(ex: Example): RunStatus {
  return { ran: (id) => ran(ex, id), failed: () => false, declined: () => false };
}

/** Share of `xs` for which `f` holds. */
export function share<T>(xs: readonly T[], f: (x: T) => boolean): number {
  return xs.filter(f).length / xs.length;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

// ---------------------------------------------------------------------------------------------
// Small hand-made projects.

export function tool(
  name: string,
  properties: { [k: string]: JsonValue },
  returns: { [k: string]: JsonValue } | undefined,
  required: string[] = Object.keys(properties),
): ToolDef {
  const def: ToolDef = {
    type: 'function',
    function: { name, description: `${name.replace(/_/g, ' ')}.`, parameters: { type: 'object', properties, required } },
    effect: 'read',
  };
  if (returns) def.returns = returns;
  return def;
}

export function project(tools: ToolDef[], chains: Chain[]): Project {
  return { format: 'chainwright-project', version: 2, name: 'Test', systemPrompt: 'You help.', referenceDate: '2026-01-05', tools, chains };
}

/** A calendar read (0 to 4 events with a title and a start time), a task write and a note write. */
export const CALENDAR_TOOLS: ToolDef[] = [
  tool(
    'get_calendar',
    { date: { type: 'string' } },
    {
      type: 'object',
      properties: {
        events: {
          type: 'array',
          minItems: 0,
          maxItems: 4,
          items: {
            type: 'object',
            properties: {
              title: { type: 'string', enum: ['Standup', 'Design review', 'Customer call', 'Retro'] },
              start: { type: 'string', enum: ['09:00', '11:00', '14:00'] },
            },
            required: ['title', 'start'],
          },
        },
      },
      required: ['events'],
    },
  ),
  tool(
    'create_task',
    { title: { type: 'string' } },
    { type: 'object', properties: { task_id: { type: 'string', pattern: '^T-[0-9]{4}$' }, title: { type: 'string' } }, required: ['task_id', 'title'] },
  ),
  tool(
    'add_note',
    { task_id: { type: 'string' }, text: { type: 'string' } },
    { type: 'object', properties: { note_id: { type: 'string', pattern: '^N-[0-9]{4}$' } }, required: ['note_id'] },
  ),
  tool('notify', { message: { type: 'string' } }, { type: 'object', properties: { sent: { type: 'boolean', const: true } }, required: ['sent'] }),
];

/**
 * cal → prep (when the calendar has events) → note (reads prep, so it waits for it), and a
 * reply with a variant for each case.
 */
export function prepChain(extra: Partial<Call> = {}): Chain {
  return {
    id: 'prep',
    requests: ['Prepare for tomorrow if I have meetings.'],
    calls: [
      { id: 'cal', tool: 'get_calendar', args: { date: '2026-01-06' } },
      { id: 'prep', tool: 'create_task', when: { value: '{cal.events.length}', gt: 0 }, args: { title: 'Prepare for {cal.events[0].title}' }, ...extra },
      { id: 'note', tool: 'add_note', args: { task_id: '{prep.task_id}', text: 'Starts at {cal.events[0].start}.' } },
    ],
    reply: [{ when: { ran: 'prep' }, text: 'Added {prep.task_id} and note {note.note_id}.' }, { text: 'Nothing tomorrow.' }],
  };
}
