import type { JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { CallLedger, checkArguments, checkToolName, TEMPLATE_SAFE_ID, type ToolSchemas } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import { parameterSchemas, type OpenAITool } from '../tools/openAITools.ts';

/**
 * The checker of OpenAI-style `messages` records, shared by the `openai` and `hf` formats: the
 * two differ only in how arguments are written and in what `hf`'s chat templates demand more.
 */

export interface ChatDialect {
  /** `string`: JSON text (openai); `object`: a JSON object (hf, rendered by templates with `tojson`). */
  arguments: 'string' | 'object';
  /** `tool` messages carry the `name` of the call they answer (hf: hermes.jinja raises without it). */
  toolMessageName: boolean;
  /** Call ids of at least 9 letters and digits (hf: Mistral's template rejects others). */
  templateSafeIds: boolean;
}

export interface CheckContext {
  /** Tools to check against when the line carries none (e.g. exported without tools). */
  tools?: OpenAITool[];
}

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/**
 * A writer that builds a record to check and serialise may set this key on a call's
 * `function` object: the JSON data its `arguments` text was serialised from. The checker then
 * checks that object instead of parsing the text back — the same value, since
 * `JSON.parse(JSON.stringify(x))` deep-equals `x` for JSON data. A symbol key: `JSON.stringify`
 * leaves it out and `JSON.parse` never makes one, so a line read from a file never has it.
 */
export const DECODED_ARGUMENTS: unique symbol = Symbol('decoded arguments');

/** `$.messages[i]` and below; built only for a finding (or a call the ledger must remember). */
const messagePath = (i: number): string => `$.messages[${i}]`;
const fieldPath = (i: number, field: string): string => `$.messages[${i}].${field}`;
const callPath = (i: number, j: number): string => `$.messages[${i}].tool_calls[${j}]`;
const argumentsPath = (i: number, j: number): string => `${callPath(i, j)}.function.arguments`;

export function checkChatRecord(record: unknown, context: CheckContext, dialect: ChatDialect): Finding[] {
  const out: Finding[] = [];
  if (!isPlainObject(record)) return [brokenRule('not-an-object', '$', 'a line must be a JSON object with "messages"')];
  const { messages } = record;
  if (!Array.isArray(messages) || messages.length === 0) return [brokenRule('no-messages', '$.messages', '"messages" must be a non-empty list')];
  if (record.tools !== undefined && !Array.isArray(record.tools))
    out.push(brokenRule('tools-not-list', '$.tools', '"tools" must be a list of tool definitions'));
  if (record.parallel_tool_calls !== undefined && typeof record.parallel_tool_calls !== 'boolean') {
    out.push(brokenRule('parallel-not-boolean', '$.parallel_tool_calls', '"parallel_tool_calls" must be true or false'));
  }
  const schemas = parameterSchemas(record.tools !== undefined ? record.tools : context.tools);
  const oneCallOnly = record.parallel_tool_calls === false;
  const ledger = new CallLedger(out);
  let sawUser = false;

  for (let i = 0; i < messages.length; i += 1) {
    const m: JsonValue = messages[i];
    if (!isPlainObject(m)) {
      out.push(brokenRule('message-not-object', messagePath(i), 'a message must be an object with a "role"'));
      continue;
    }
    const role = m.role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      out.push(brokenRule('bad-role', fieldPath(i, 'role'), `role must be system, user, assistant or tool, found ${JSON.stringify(role)}`));
      continue;
    }
    if (role !== 'tool') ledger.close(`gets no tool message before the next ${role} message`);
    if (role === 'system') {
      if (i !== 0) out.push(brokenRule('system-not-first', messagePath(i), 'a system message may only come first'));
      if (typeof m.content !== 'string') out.push(brokenRule('content-not-string', fieldPath(i, 'content'), 'a system message needs text content'));
    } else if (role === 'user') {
      sawUser = true;
      if (typeof m.content !== 'string' || !m.content) out.push(brokenRule('content-not-string', fieldPath(i, 'content'), 'a user message needs text content'));
    } else if (role === 'assistant') {
      if (!sawUser) out.push(brokenRule('assistant-before-user', messagePath(i), 'the assistant speaks before any user message'));
      const calls = m.tool_calls;
      if (calls !== undefined && calls !== null) {
        if (!Array.isArray(calls) || calls.length === 0) {
          out.push(brokenRule('bad-tool-calls', fieldPath(i, 'tool_calls'), '"tool_calls" must be a non-empty list when present'));
        } else {
          if (oneCallOnly && calls.length > 1)
            out.push(brokenRule('parallel-disallowed', fieldPath(i, 'tool_calls'), `${calls.length} calls in one message, but "parallel_tool_calls" is false`));
          if (m.content !== null && m.content !== undefined && typeof m.content !== 'string')
            out.push(brokenRule('content-not-string', fieldPath(i, 'content'), 'assistant content must be text or null'));
          for (let j = 0; j < calls.length; j += 1) checkToolCall(calls[j], i, j, schemas, ledger, dialect, out);
        }
      } else if (typeof m.content !== 'string' || !m.content) {
        out.push(brokenRule('content-not-string', fieldPath(i, 'content'), 'an assistant message needs text content or tool_calls'));
      }
    } else {
      const id = m.tool_call_id;
      if (typeof m.content !== 'string')
        out.push(brokenRule('tool-content-not-string', fieldPath(i, 'content'), 'the content of a tool message must be a string (JSON text of the result)'));
      const answered = typeof id === 'string' ? ledger.answer(id, () => fieldPath(i, 'tool_call_id')) : undefined;
      if (typeof id !== 'string')
        out.push(brokenRule('no-tool-call-id', fieldPath(i, 'tool_call_id'), 'a tool message needs the "tool_call_id" of the call it answers'));
      if (dialect.toolMessageName) {
        if (typeof m.name !== 'string' || !m.name) {
          out.push(
            brokenRule(
              'tool-name-missing',
              fieldPath(i, 'name'),
              'a tool message needs the "name" of the tool it answers (chat templates such as hermes.jinja raise without it)',
            ),
          );
        } else if (answered && typeof answered.tool === 'string' && answered.tool !== m.name) {
          out.push(brokenRule('tool-name-mismatch', fieldPath(i, 'name'), `"${m.name}" answers a call of "${answered.tool}"`));
        }
      }
    }
  }
  ledger.close('is never answered by a tool message');
  const last = messages[messages.length - 1];
  if (!isPlainObject(last) || last.role !== 'assistant' || typeof last.content !== 'string' || (Array.isArray(last.tool_calls) && last.tool_calls.length > 0)) {
    out.push(brokenRule('no-final-reply', messagePath(messages.length - 1), "the last message must be the assistant's final text reply"));
  }
  return out;
}

function checkToolCall(c: JsonValue, i: number, j: number, schemas: ToolSchemas, ledger: CallLedger, dialect: ChatDialect, out: Finding[]): void {
  if (!isPlainObject(c)) {
    out.push(brokenRule('bad-tool-call', callPath(i, j), 'a tool call must be an object {id, type, function}'));
    return;
  }
  const fn = c.function;
  const name = isPlainObject(fn) ? fn.name : undefined;
  const id = c.id;
  if (typeof id !== 'string' || !id) out.push(brokenRule('no-call-id', `${callPath(i, j)}.id`, 'a tool call needs a string "id"'));
  else if (
    ledger.open(
      id,
      () => callPath(i, j),
      name,
      () => `${callPath(i, j)}.id`,
    ) &&
    dialect.templateSafeIds &&
    !TEMPLATE_SAFE_ID.test(id)
  ) {
    out.push(
      brokenRule('call-id-format', `${callPath(i, j)}.id`, `the id "${id}" must be at least 9 letters and digits (Mistral's chat template rejects other ids)`),
    );
  }
  if (c.type !== 'function')
    out.push(brokenRule('call-type', `${callPath(i, j)}.type`, `a tool call's "type" must be "function", found ${JSON.stringify(c.type)}`));
  if (!isPlainObject(fn)) {
    out.push(brokenRule('bad-tool-call', `${callPath(i, j)}.function`, 'a tool call needs "function": {name, arguments}'));
    return;
  }
  if (!schemas.has(name as string)) checkToolName(name, schemas, `${callPath(i, j)}.function.name`, '"tools"', out);
  if (dialect.arguments === 'object') {
    checkArguments(name, fn.arguments, schemas, () => argumentsPath(i, j), out);
    return;
  }
  if (typeof fn.arguments !== 'string') {
    out.push(
      brokenRule(
        'arguments-not-string',
        argumentsPath(i, j),
        `"arguments" must be a JSON string, found ${fn.arguments === null ? 'null' : Array.isArray(fn.arguments) ? 'a list' : typeof fn.arguments}`,
      ),
    );
    return;
  }
  let args = (fn as { [DECODED_ARGUMENTS]?: JsonValue })[DECODED_ARGUMENTS];
  if (args === undefined) {
    try {
      args = JSON.parse(fn.arguments) as JsonValue;
    } catch {
      out.push(brokenRule('arguments-not-json', argumentsPath(i, j), '"arguments" does not parse as JSON'));
      return;
    }
  }
  if (!isPlainObject(args)) {
    out.push(brokenRule('arguments-not-object', argumentsPath(i, j), '"arguments" must encode a JSON object'));
    return;
  }
  checkArguments(name, args, schemas, () => argumentsPath(i, j), out);
}
