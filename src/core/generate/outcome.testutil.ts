/**
 * Test helpers for failures and confirmations (design §6, §7): small hand-made designs, what
 * an example's transcript says happened, and every training format's checker on its lines.
 */
import { expect } from 'vitest';
import type { Call, Chain, JsonValue, Project, ToolDef } from '../project/types.ts';
import { FORMATS, formatContext, type ExportFormat } from '../formats/registry.ts';
import type { Finding } from '../findings/finding.ts';
import { createGenerator, type ExampleGenerator, type GeneratorOptions } from './example.ts';
import { isCallsMessage, type Example, type ExampleCall, type ToolResultMessage } from './types.ts';

/** The six training formats (the eval formats write gold test cases, not conversations). */
export const TRAINING_FORMATS: readonly ExportFormat[] = FORMATS.filter((f) => ['openai', 'hf', 'distil', 'sharegpt', 'hermes', 'anthropic'].includes(f.id));

/** A generator for a chain (the first by default); throws with the diagnostics when refused. */
export function generatorOf(project: Project, chainId = project.chains[0].id, options: GeneratorOptions = {}): ExampleGenerator {
  const made = createGenerator(project, chainId, options);
  if (!made.ok) throw new Error(made.diagnostics.map((d) => `${d.path}: ${d.message} [${d.code}]`).join('\n'));
  return made.generator;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The assistant messages that make tool calls, in order. */
export function callMessages(ex: Example): ExampleCall[][] {
  return ex.messages.filter(isCallsMessage).map((m) => m.calls);
}

/** Every concrete call of a design call, in message order. */
export function callsOf(ex: Example, callId: string): ExampleCall[] {
  return callMessages(ex)
    .flat()
    .filter((c) => c.callId === callId);
}

export function ran(ex: Example, callId: string): boolean {
  return callsOf(ex, callId).length > 0;
}

/** The tool messages, in order. */
export function toolMessages(ex: Example): ToolResultMessage[] {
  return ex.messages.filter((m): m is ToolResultMessage => m.role === 'tool');
}

/** The tool messages that carry an error result. */
export function errorsOf(ex: Example, callId?: string): ToolResultMessage[] {
  return toolMessages(ex).filter((m) => m.error === true && (callId === undefined || m.callId === callId));
}

/** The assistant's text messages before the final reply: confirmation questions. */
export function questionsOf(ex: Example): { at: number; text: string }[] {
  return ex.messages.flatMap((m, at) => (m.role === 'assistant' && 'text' in m && at < ex.messages.length - 1 ? [{ at, text: m.text }] : []));
}

export function replyOf(ex: Example): string {
  const last = ex.messages[ex.messages.length - 1];
  if (last.role !== 'assistant' || !('text' in last)) throw new Error('the last message is not a reply');
  return last.text;
}

/** A compact picture of a transcript: `user`, `ask`, `calls:a+b`, `tool:a`, `error:a`, `reply`. */
export function shape(ex: Example): string[] {
  return ex.messages.map((m, i) => {
    if (m.role === 'user') return 'user';
    if (m.role === 'tool') return `${m.error ? 'error' : 'tool'}:${m.callId}`;
    if (isCallsMessage(m)) return `calls:${m.calls.map((c) => c.callId).join('+')}`;
    return i === ex.messages.length - 1 ? 'reply' : 'ask';
  });
}

/** The same design as a multi-turn chain: every call gets a request of its own (distil then takes it). */
export function asMultiTurn(project: Project): Project {
  const p = structuredClone(project);
  for (const chain of p.chains) for (const call of chain.calls) call.requests ??= [`Now the ${call.id.replace(/[_-]/g, ' ')} step, please.`];
  return p;
}

/**
 * Every training format's findings on the lines of one example, as `format: rule at path`
 * (distil only when its readiness takes the chain). `serialized` says how the example was made;
 * formats that need serialised turns are given an example made so.
 */
export function formatFindings(
  project: Project,
  chainId: string,
  example: (serialized: boolean) => Example,
  serialized: boolean,
  includeTools = true,
): string[] {
  const out: string[] = [];
  for (const format of TRAINING_FORMATS) {
    if (format.readiness?.(project, chainId).some((d) => d.severity === 'error')) continue;
    const s = serialized || format.needsSerializedTurns === true;
    const context = formatContext(project, { includeTools, serialized: s });
    for (const line of format.write(example(s), context)) {
      if (line.includes('\n')) out.push(`${format.id}: a line holds a line break`);
      out.push(...format.check(line, context.tools).map((f: Finding) => `${format.id}: ${f.code} at ${f.path}: ${f.message}`));
    }
  }
  return out;
}

/** The formats that take a chain (distil only a multi-turn one). */
export function formatsFor(project: Project, chainId: string): string[] {
  return TRAINING_FORMATS.filter((f) => !f.readiness?.(project, chainId).some((d) => d.severity === 'error')).map((f) => f.id);
}

/** The concrete call a tool message answers. */
export const callFor = (ex: Example, id: string): ExampleCall =>
  callMessages(ex)
    .flat()
    .find((c) => c.id === id)!;

/**
 * Every error of the example is followed by its retry: the next assistant message that makes
 * calls comes right after the tool results of the failing turn, holds a call of the same design
 * call and tool with a new id and `expectedArgs`, whose result is not an error. Returns how many
 * retries it saw.
 */
export function expectRetries(ex: Example, expectedArgs: (failed: ExampleCall) => { [k: string]: JsonValue }, serialized = false): number {
  const what = JSON.stringify(ex.messages);
  const ids = callMessages(ex)
    .flat()
    .map((c) => c.id);
  expect(new Set(ids).size, what).toBe(ids.length);
  let seen = 0;
  ex.messages.forEach((m, i) => {
    if (m.role !== 'tool' || !m.error) return;
    const failed = callFor(ex, m.id);
    let j = i + 1;
    while (j < ex.messages.length && ex.messages[j].role === 'tool') j += 1;
    if (serialized) expect(j, what).toBe(i + 1);
    const next = ex.messages[j];
    expect(isCallsMessage(next), what).toBe(true);
    if (!isCallsMessage(next)) return;
    const retries = next.calls.filter((c) => c.callId === m.callId);
    expect(retries, what).toHaveLength(1);
    const [retry] = retries;
    if (serialized) expect(next.calls).toHaveLength(1);
    expect(retry.tool).toBe(m.tool);
    expect(retry.id).not.toBe(failed.id);
    expect(retry.element).toBe(failed.element);
    expect(retry.args, what).toEqual(expectedArgs(failed));
    const answer = toolMessages(ex).find((t) => t.id === retry.id)!;
    expect(answer.error, what).toBeUndefined();
    seen += 1;
  });
  return seen;
}

// ---------------------------------------------------------------------------------------------
// Small hand-made designs.

export function tool(
  name: string,
  properties: { [k: string]: JsonValue },
  returns: { [k: string]: JsonValue } | undefined,
  effect: ToolDef['effect'] = 'read',
): ToolDef {
  const def: ToolDef = {
    type: 'function',
    function: { name, description: `${name.replace(/_/g, ' ')}.`, parameters: { type: 'object', properties, required: Object.keys(properties) } },
    effect,
  };
  if (returns) def.returns = returns;
  return def;
}

export function project(tools: ToolDef[], chains: Chain[]): Project {
  return { format: 'chainwright-project', version: 2, name: 'Test', systemPrompt: 'You help.', referenceDate: '2026-01-05', tools, chains };
}

const obj = (properties: { [k: string]: JsonValue }): { [k: string]: JsonValue } => ({ type: 'object', properties, required: Object.keys(properties) });

/**
 * list_items (0 to `maxItems` items with an id and a name), save_item (a write, saved_id),
 * delete_item (destructive), notify (a write), and log_result (reads an id).
 */
export function outcomeTools(minItems = 0, maxItems = 4): ToolDef[] {
  return [
    tool(
      'list_items',
      { folder: { type: 'string' } },
      obj({
        items: {
          type: 'array',
          minItems,
          maxItems,
          items: obj({ item_id: { type: 'string', pattern: '^I-[0-9]{4}$' }, name: { type: 'string', enum: ['Alpha', 'Beta', 'Gamma', 'Delta', 'Omega'] } }),
        },
      }),
    ),
    tool(
      'save_item',
      { item_id: { type: 'string' }, copies: { type: 'integer' } },
      obj({ saved_id: { type: 'string', pattern: '^S-[0-9]{4}$' }, item_id: { type: 'string' } }),
      'write',
    ),
    tool('delete_item', { item_id: { type: 'string' } }, obj({ item_id: { type: 'string' }, deleted: { type: 'boolean', const: true } }), 'destructive'),
    tool('notify', { text: { type: 'string' } }, obj({ sent: { type: 'boolean', const: true } }), 'write'),
    tool('log_result', { ref: { type: 'string' } }, obj({ log_id: { type: 'string', pattern: '^L-[0-9]{4}$' } }), 'write'),
  ];
}

/**
 * list → save (may fail; reads the list) → log (reads save) and, beside them, note (reads the
 * list only). The reply says whether save failed, then what was done.
 */
export function failingChain(failure: NonNullable<Call['failure']>, extra: Partial<Call> = {}): Chain {
  return {
    id: 'fail',
    requests: ['Save the first item of {folder} and tell the team.'],
    slots: { folder: { oneOf: ['inbox', 'archive'] } },
    calls: [
      { id: 'list', tool: 'list_items', args: { folder: '{folder}' } },
      { id: 'save', tool: 'save_item', args: { item_id: '{list.items[0].item_id}', copies: 1 }, failure, ...extra },
      { id: 'log', tool: 'log_result', args: { ref: '{save.saved_id}' } },
      { id: 'note', tool: 'notify', args: { text: 'Looked at {list.items.length} items in {folder}.' } },
    ],
    reply: [
      // In this variant {save} is the error result (a path into it is not checked against "returns" yet: the whole result is read).
      { when: { failed: 'save' }, text: 'Saving failed: {save}. I still told the team ({note.sent}).' },
      { text: 'Saved {save.saved_id} (log {log.log_id}) and told the team ({note.sent}).' },
    ],
  };
}

/**
 * list → wipe (a confirmed delete of the first item, or of each item with `fanOut`) → log (reads
 * wipe) and, beside them, note (reads the list only). The reply says whether the user declined.
 */
export function confirmChain(yesRate: number, fanOut = false): Chain {
  const wipe: Call = fanOut
    ? { id: 'wipe', tool: 'delete_item', forEach: '{list.items[*]}', as: 'it', args: { item_id: '{it.item_id}' } }
    : { id: 'wipe', tool: 'delete_item', args: { item_id: '{list.items[0].item_id}' } };
  wipe.confirm = {
    ask: fanOut
      ? ['Delete {list.items.length} item(s): {list.items[*].name}?', 'This removes {list.items[*].name} for good. Go ahead?']
      : ['Delete {list.items[0].name} for good?'],
    yes: ['Yes.', 'Go ahead.'],
    no: ['No, keep it.', 'Wait, no.'],
    yesRate,
  };
  return {
    id: 'confirm',
    requests: ['Clean up {folder}.'],
    slots: { folder: { oneOf: ['inbox', 'archive'] } },
    calls: [
      { id: 'list', tool: 'list_items', args: { folder: '{folder}' } },
      wipe,
      { id: 'log', tool: 'log_result', args: { ref: fanOut ? 'deleted {wipe.length}' : '{wipe.item_id}' } },
      { id: 'note', tool: 'notify', args: { text: 'Looked at {list.items.length} items in {folder}.' } },
    ],
    reply: [
      { when: { declined: 'wipe' }, text: 'Nothing was deleted; I told the team ({note.sent}).' },
      { text: 'Done ({log.log_id}); I told the team ({note.sent}).' },
    ],
  };
}
