import type { JsonSchema, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { checkAgainstSchema } from '../validate/schemaValidator.ts';
import { finding, type Finding } from './finding.ts';
import { openAITools, parameterSchemas, type OpenAITool } from './tools.ts';

/**
 * The `openai` format (docs/export-formats.md): one JSON object per line,
 * `{"messages", "tools", "parallel_tool_calls"}`, arguments as JSON strings.
 */

export interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAIMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: OpenAIToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface OpenAIRecord {
  messages: OpenAIMessage[];
  tools?: OpenAITool[];
  parallel_tool_calls?: boolean;
}

export interface OpenAIOptions {
  /** Write the tools on every line (default true). */
  includeTools?: boolean;
  /** Calls were serialised one per turn: declare `parallel_tool_calls: false`. */
  serialized?: boolean;
  /** Precomputed tool list, to avoid rebuilding it per line. */
  tools?: OpenAITool[];
}

export function toOpenAIRecord(example: Example, project: Project, options: OpenAIOptions = {}): OpenAIRecord {
  const messages: OpenAIMessage[] = [];
  if (example.system !== undefined) messages.push({ role: 'system', content: example.system });
  for (const m of example.messages) {
    if (m.role === 'user') messages.push({ role: 'user', content: m.text });
    else if (m.role === 'tool') messages.push({ role: 'tool', tool_call_id: m.id, content: JSON.stringify(m.result) });
    else if ('calls' in m) {
      messages.push({
        role: 'assistant',
        content: null,
        tool_calls: m.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.tool, arguments: JSON.stringify(c.args) } })),
      });
    } else messages.push({ role: 'assistant', content: m.text });
  }
  const record: OpenAIRecord = { messages };
  if (options.includeTools !== false) record.tools = options.tools ?? openAITools(project);
  record.parallel_tool_calls = !options.serialized;
  return record;
}

export function toOpenAILine(example: Example, project: Project, options: OpenAIOptions = {}): string {
  return JSON.stringify(toOpenAIRecord(example, project, options));
}

export interface CheckContext {
  /** Tools to check against when the line carries none (e.g. exported without tools). */
  tools?: OpenAITool[];
}

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/**
 * Checks one record against what OpenAI-style fine-tuning accepts. Returns every broken
 * rule with its place; an empty list means the line is good.
 */
export function checkOpenAIRecord(record: unknown, context: CheckContext = {}): Finding[] {
  const out: Finding[] = [];
  if (!isPlainObject(record)) return [finding('not-an-object', '$', 'a line must be a JSON object with "messages"')];
  const { messages } = record;
  if (!Array.isArray(messages) || messages.length === 0) return [finding('no-messages', '$.messages', '"messages" must be a non-empty list')];
  if (record.tools !== undefined && !Array.isArray(record.tools)) out.push(finding('tools-not-list', '$.tools', '"tools" must be a list of tool definitions'));
  if (record.parallel_tool_calls !== undefined && typeof record.parallel_tool_calls !== 'boolean') {
    out.push(finding('parallel-not-boolean', '$.parallel_tool_calls', '"parallel_tool_calls" must be true or false'));
  }
  const schemas = parameterSchemas(record.tools !== undefined ? record.tools : context.tools);
  const oneCallOnly = record.parallel_tool_calls === false;
  const seenIds = new Set<string>();
  let pending = new Map<string, string>(); // ids of the last assistant message's calls not yet answered → path
  let sawUser = false;

  messages.forEach((m: JsonValue, i: number) => {
    const at = jsonPath('$.messages', i);
    if (!isPlainObject(m)) {
      out.push(finding('message-not-object', at, 'a message must be an object with a "role"'));
      return;
    }
    const role = m.role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      out.push(finding('bad-role', jsonPath(at, 'role'), `role must be system, user, assistant or tool, found ${JSON.stringify(role)}`));
      return;
    }
    if (role !== 'tool' && pending.size) {
      for (const [id, path] of pending) out.push(finding('unanswered-call', path, `the tool call "${id}" gets no tool message before the next ${role} message`));
      pending = new Map();
    }
    if (role === 'system') {
      if (i !== 0) out.push(finding('system-not-first', at, 'a system message may only come first'));
      if (typeof m.content !== 'string') out.push(finding('content-not-string', jsonPath(at, 'content'), 'a system message needs text content'));
    } else if (role === 'user') {
      sawUser = true;
      if (typeof m.content !== 'string' || !m.content) out.push(finding('content-not-string', jsonPath(at, 'content'), 'a user message needs text content'));
    } else if (role === 'assistant') {
      if (!sawUser) out.push(finding('assistant-before-user', at, 'the assistant speaks before any user message'));
      const calls = m.tool_calls;
      if (calls !== undefined && calls !== null) {
        if (!Array.isArray(calls) || calls.length === 0) {
          out.push(finding('bad-tool-calls', jsonPath(at, 'tool_calls'), '"tool_calls" must be a non-empty list when present'));
        } else {
          if (oneCallOnly && calls.length > 1) out.push(finding('parallel-disallowed', jsonPath(at, 'tool_calls'), `${calls.length} calls in one message, but "parallel_tool_calls" is false`));
          if (m.content !== null && m.content !== undefined && typeof m.content !== 'string') out.push(finding('content-not-string', jsonPath(at, 'content'), 'assistant content must be text or null'));
          calls.forEach((c, j) => checkToolCall(c, jsonPath(at, 'tool_calls', j), schemas, seenIds, pending, out));
        }
      } else if (typeof m.content !== 'string' || !m.content) {
        out.push(finding('content-not-string', jsonPath(at, 'content'), 'an assistant message needs text content or tool_calls'));
      }
    } else {
      const id = m.tool_call_id;
      if (typeof m.content !== 'string') out.push(finding('tool-content-not-string', jsonPath(at, 'content'), 'the content of a tool message must be a string (JSON text of the result)'));
      if (typeof id !== 'string') out.push(finding('no-tool-call-id', jsonPath(at, 'tool_call_id'), 'a tool message needs the "tool_call_id" of the call it answers'));
      else if (pending.has(id)) pending.delete(id);
      else if (seenIds.has(id)) out.push(finding('answer-not-adjacent', jsonPath(at, 'tool_call_id'), `"${id}" is not a still-unanswered call of the assistant message right before (answered twice, or too late)`));
      else out.push(finding('unknown-tool-call-id', jsonPath(at, 'tool_call_id'), `no assistant tool call has the id "${id}"`));
    }
  });
  for (const [id, path] of pending) out.push(finding('unanswered-call', path, `the tool call "${id}" is never answered by a tool message`));
  const last = messages[messages.length - 1];
  if (!isPlainObject(last) || last.role !== 'assistant' || typeof last.content !== 'string' || (Array.isArray(last.tool_calls) && last.tool_calls.length > 0)) {
    out.push(finding('no-final-reply', jsonPath('$.messages', messages.length - 1), 'the last message must be the assistant\'s final text reply'));
  }
  return out;
}

function checkToolCall(
  c: JsonValue,
  at: string,
  schemas: Map<string, JsonSchema | undefined>,
  seenIds: Set<string>,
  pending: Map<string, string>,
  out: Finding[],
): void {
  if (!isPlainObject(c)) {
    out.push(finding('bad-tool-call', at, 'a tool call must be an object {id, type, function}'));
    return;
  }
  const id = c.id;
  if (typeof id !== 'string' || !id) out.push(finding('no-call-id', jsonPath(at, 'id'), 'a tool call needs a string "id"'));
  else if (seenIds.has(id)) out.push(finding('duplicate-call-id', jsonPath(at, 'id'), `the tool call id "${id}" is used twice in this conversation`));
  else {
    seenIds.add(id);
    pending.set(id, at);
  }
  if (c.type !== 'function') out.push(finding('call-type', jsonPath(at, 'type'), `a tool call's "type" must be "function", found ${JSON.stringify(c.type)}`));
  const fn = c.function;
  if (!isPlainObject(fn)) {
    out.push(finding('bad-tool-call', jsonPath(at, 'function'), 'a tool call needs "function": {name, arguments}'));
    return;
  }
  const name = fn.name;
  if (typeof name !== 'string' || !schemas.has(name)) {
    const known = [...schemas.keys()];
    out.push(finding('undeclared-tool', jsonPath(at, 'function', 'name'), `the tool ${JSON.stringify(name)} is not declared in "tools"${known.length ? ` (declared: ${known.join(', ')})` : ''}`));
  }
  const argsPath = jsonPath(at, 'function', 'arguments');
  if (typeof fn.arguments !== 'string') {
    out.push(finding('arguments-not-string', argsPath, `"arguments" must be a JSON string, found ${fn.arguments === null ? 'null' : Array.isArray(fn.arguments) ? 'a list' : typeof fn.arguments}`));
    return;
  }
  let args: JsonValue;
  try {
    args = JSON.parse(fn.arguments) as JsonValue;
  } catch {
    out.push(finding('arguments-not-json', argsPath, '"arguments" does not parse as JSON'));
    return;
  }
  if (!isPlainObject(args)) {
    out.push(finding('arguments-not-object', argsPath, '"arguments" must encode a JSON object'));
    return;
  }
  const schema = typeof name === 'string' ? schemas.get(name) : undefined;
  if (schema) {
    for (const e of checkAgainstSchema(schema, args)) {
      out.push(finding('arguments-schema', argsPath, `${name}(${e.path === '$' ? 'arguments' : e.path.slice(2)}) ${e.message}`));
    }
  }
}

/** Parses and checks one JSONL line. */
export function checkOpenAILine(line: string, context: CheckContext = {}): Finding[] {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    return [finding('not-json', '$', `the line is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)];
  }
  return checkOpenAIRecord(record, context);
}
