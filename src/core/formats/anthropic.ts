import type { JsonObject, JsonSchema, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { CallLedger, checkCall, checkLineWith } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import { openAITools, parameterSchemas, perToolList, type OpenAITool } from '../tools/openAITools.ts';
import { parseResult, type Transcript, type TranscriptTurn } from './transcript.ts';
import { objectsIn, type ExportFormat } from './exportFormat.ts';

/**
 * The `anthropic` format: the Anthropic Messages API request shape, `{"system", "tools",
 * "messages"}`, roles user/assistant alternating; calls are `tool_use` blocks of an assistant
 * message and every one is answered by a `tool_result` block in the very next (user) message.
 */

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: JsonSchema;
}

export type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: JsonObject }
  | { type: 'tool_result'; tool_use_id: string; content: string; is_error?: boolean };

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | AnthropicBlock[];
}

export interface AnthropicRecord {
  system?: string;
  tools?: AnthropicTool[];
  messages: AnthropicMessage[];
}

export interface AnthropicOptions {
  /** Write the tools on every line (default true). */
  includeTools?: boolean;
  /** Precomputed tool list, to avoid rebuilding it per line. */
  tools?: OpenAITool[];
}

export function toAnthropicTool(tool: OpenAITool): AnthropicTool {
  const { name, description, parameters } = tool.function;
  return description === undefined ? { name, input_schema: parameters } : { name, description, input_schema: parameters };
}

const anthropicTools = perToolList((tools) => tools.map(toAnthropicTool));

export function toAnthropicRecord(example: Example, project: Project, options: AnthropicOptions = {}): AnthropicRecord {
  const messages: AnthropicMessage[] = [];
  let results: AnthropicBlock[] | undefined;
  for (const m of example.messages) {
    if (m.role === 'tool') {
      if (!results) messages.push({ role: 'user', content: (results = []) });
      results.push(
        m.error
          ? { type: 'tool_result', tool_use_id: m.id, content: JSON.stringify(m.result), is_error: true }
          : { type: 'tool_result', tool_use_id: m.id, content: JSON.stringify(m.result) },
      );
      continue;
    }
    if (m.role === 'user') {
      // A multi-turn chain's next request joins the results in the same user message, after them.
      if (results) results.push({ type: 'text', text: m.text });
      else messages.push({ role: 'user', content: m.text });
    } else if ('calls' in m) messages.push({ role: 'assistant', content: m.calls.map((c) => ({ type: 'tool_use', id: c.id, name: c.tool, input: c.args })) });
    else messages.push({ role: 'assistant', content: m.text });
    results = undefined;
  }
  const record: Partial<AnthropicRecord> = {};
  if (example.system !== undefined) record.system = example.system;
  if (options.includeTools !== false) record.tools = anthropicTools(options.tools ?? openAITools(project));
  record.messages = messages;
  return record as AnthropicRecord;
}

export function toAnthropicLine(example: Example, project: Project, options: AnthropicOptions = {}): string {
  return JSON.stringify(toAnthropicRecord(example, project, options));
}

export interface AnthropicCheckContext {
  /** Tools to check against when the line carries none. */
  tools?: OpenAITool[];
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_USE_ID = /^[a-zA-Z0-9_-]+$/;

/** Checks one record against what the Messages API accepts (and what a training pipeline needs: a final reply). */
export function checkAnthropicRecord(record: unknown, context: AnthropicCheckContext = {}): Finding[] {
  const out: Finding[] = [];
  if (!isPlainObject(record)) return [brokenRule('not-an-object', '$', 'a line must be a JSON object with "messages"')];
  checkSystem(record.system, out);
  let toolList: JsonValue[] | undefined;
  if (record.tools !== undefined) {
    if (!Array.isArray(record.tools)) out.push(brokenRule('tools-not-list', '$.tools', '"tools" must be a list of {name, description, input_schema}'));
    else {
      toolList = record.tools;
      toolList.forEach((t, i) => checkToolDefinition(t, jsonPath('$.tools', i), out));
    }
  }
  const schemas = toolList
    ? parameterSchemas(toolList.map((t) => (isPlainObject(t) ? { type: 'function', function: { name: t.name, parameters: t.input_schema } } : null)))
    : parameterSchemas(context.tools);
  const { messages } = record;
  if (!Array.isArray(messages) || messages.length === 0) return [...out, brokenRule('no-messages', '$.messages', '"messages" must be a non-empty list')];
  const ledger = new CallLedger(out);
  let previousRole: unknown;

  messages.forEach((m: JsonValue, i: number) => {
    const at = jsonPath('$.messages', i);
    if (!isPlainObject(m)) {
      out.push(brokenRule('message-not-object', at, 'a message must be an object {"role", "content"}'));
      return;
    }
    const role = m.role;
    if (role !== 'user' && role !== 'assistant') {
      const hint =
        role === 'system'
          ? ' (the system prompt goes in the top-level "system")'
          : role === 'tool'
            ? ' (results are tool_result blocks of a user message)'
            : '';
      out.push(brokenRule('bad-role', jsonPath(at, 'role'), `role must be user or assistant, found ${JSON.stringify(role)}${hint}`));
      return;
    }
    if (i === 0 && role !== 'user') out.push(brokenRule('first-not-user', jsonPath(at, 'role'), 'the first message must be a user message'));
    if (role === previousRole)
      out.push(brokenRule('roles-not-alternating', jsonPath(at, 'role'), `two ${role} messages in a row: user and assistant must alternate`));
    previousRole = role;
    const content = m.content;
    const contentPath = jsonPath(at, 'content');
    if (typeof content === 'string') {
      if (!content) out.push(brokenRule('empty-text', contentPath, 'text content must not be empty'));
    } else if (!Array.isArray(content) || content.length === 0) {
      out.push(brokenRule('bad-content', contentPath, 'content must be text or a non-empty list of blocks'));
    } else {
      let seenOther = false;
      content.forEach((b, j) => {
        const bp = jsonPath(contentPath, j);
        if (!isPlainObject(b)) {
          out.push(brokenRule('bad-block', bp, 'a content block must be an object with a "type"'));
          return;
        }
        if (b.type === 'text') {
          seenOther = true;
          if (typeof b.text !== 'string' || !b.text) out.push(brokenRule('empty-text', jsonPath(bp, 'text'), 'a text block needs non-empty "text"'));
        } else if (b.type === 'tool_use' && role === 'assistant') {
          const id = b.id;
          if (typeof id !== 'string' || !TOOL_USE_ID.test(id))
            out.push(brokenRule('bad-tool-use-id', jsonPath(bp, 'id'), `a tool_use "id" must be letters, digits, _ or -, found ${JSON.stringify(id)}`));
          else ledger.open(id, bp, b.name, jsonPath(bp, 'id'));
          checkCall(b.name, b.input, schemas, { name: jsonPath(bp, 'name'), args: jsonPath(bp, 'input') }, '"tools"', out, '"input"');
        } else if (b.type === 'tool_result' && role === 'user') {
          if (seenOther) out.push(brokenRule('tool-result-not-first', bp, 'tool_result blocks must come before any other block of the user message'));
          if (typeof b.tool_use_id !== 'string')
            out.push(brokenRule('no-tool-call-id', jsonPath(bp, 'tool_use_id'), 'a tool_result needs the "tool_use_id" of the tool_use it answers'));
          else ledger.answer(b.tool_use_id, jsonPath(bp, 'tool_use_id'));
          if (!isResultContent(b.content))
            out.push(brokenRule('tool-result-content', jsonPath(bp, 'content'), 'tool_result "content" must be text or a list of text blocks'));
          if (b.is_error !== undefined && typeof b.is_error !== 'boolean')
            out.push(brokenRule('is-error-not-boolean', jsonPath(bp, 'is_error'), '"is_error" must be true or false (true marks a failed call)'));
        } else {
          const allowed = role === 'assistant' ? 'text or tool_use' : 'text or tool_result';
          out.push(brokenRule('bad-block', jsonPath(bp, 'type'), `a ${role} message holds ${allowed} blocks, found ${JSON.stringify(b.type)}`));
        }
      });
    }
    if (role === 'user') ledger.close('is not answered by a tool_result in the very next message');
  });
  ledger.close('is never answered by a tool_result');
  const last = messages[messages.length - 1];
  if (!isPlainObject(last) || last.role !== 'assistant' || !isFinalText(last.content)) {
    out.push(brokenRule('no-final-reply', jsonPath('$.messages', messages.length - 1), "the last message must be the assistant's final text reply"));
  }
  return out;
}

function checkSystem(system: JsonValue | undefined, out: Finding[]): void {
  if (system === undefined || typeof system === 'string') return;
  if (Array.isArray(system) && system.every((b) => isPlainObject(b) && b.type === 'text' && typeof b.text === 'string')) return;
  out.push(brokenRule('system-not-string', '$.system', '"system" must be text (or a list of text blocks)'));
}

function checkToolDefinition(t: JsonValue, at: string, out: Finding[]): void {
  if (!isPlainObject(t)) {
    out.push(brokenRule('tool-definition', at, 'a tool must be an object {name, description, input_schema}'));
    return;
  }
  if (typeof t.name !== 'string' || !TOOL_NAME.test(t.name))
    out.push(brokenRule('tool-definition', jsonPath(at, 'name'), `a tool "name" must be 1 to 64 letters, digits, _ or -, found ${JSON.stringify(t.name)}`));
  if (t.description !== undefined && typeof t.description !== 'string')
    out.push(brokenRule('tool-definition', jsonPath(at, 'description'), '"description" must be text'));
  if (!isPlainObject(t.input_schema) || t.input_schema.type !== 'object')
    out.push(brokenRule('tool-definition', jsonPath(at, 'input_schema'), '"input_schema" must be a JSON Schema with "type": "object"'));
  if ('parameters' in t || 'function' in t)
    out.push(brokenRule('tool-definition', at, 'an OpenAI-style definition: Anthropic tools are {name, description, input_schema}'));
}

function isResultContent(content: JsonValue | undefined): boolean {
  if (content === undefined || typeof content === 'string') return true;
  return Array.isArray(content) && content.every((b) => isPlainObject(b) && (b.type === 'text' ? typeof b.text === 'string' : b.type === 'image'));
}

function isFinalText(content: JsonValue | undefined): boolean {
  if (typeof content === 'string') return content.length > 0;
  return Array.isArray(content) && content.length > 0 && content.every((b) => isPlainObject(b) && b.type === 'text');
}

export function checkAnthropicLine(line: string, context: AnthropicCheckContext = {}): Finding[] {
  return checkLineWith(line, context, checkAnthropicRecord);
}

/** Reads a (checked) record back into its call/result sequence (results get the tool name of their tool_use). */
export function readAnthropicRecord(record: AnthropicRecord): Transcript {
  const turns: TranscriptTurn[] = [];
  const toolOf = new Map<string, string>();
  for (const m of record.messages) {
    const blocks: AnthropicBlock[] = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content;
    const uses = blocks.filter((b) => b.type === 'tool_use');
    if (uses.length) {
      for (const u of uses) toolOf.set(u.id, u.name);
      turns.push({ kind: 'calls', calls: uses.map((u) => ({ id: u.id, tool: u.name, args: u.input })) });
    }
    for (const b of blocks) {
      if (b.type === 'tool_result') turns.push({ kind: 'result', id: b.tool_use_id, tool: toolOf.get(b.tool_use_id), result: parseResult(b.content) });
      else if (b.type === 'text') turns.push(m.role === 'user' ? { kind: 'user', text: b.text } : { kind: 'reply', text: b.text });
    }
  }
  return record.system === undefined ? { turns } : { system: record.system, turns };
}

export const anthropicFormat: ExportFormat = {
  id: 'anthropic',
  label: 'Anthropic Messages API',
  description: 'Anthropic Messages shape: system, tools with input_schema, tool_use and tool_result blocks',
  // {"messages"} with a top-level system text, tools with input_schema, or tool_use / tool_result blocks.
  detect: {
    specificity: 70,
    matches: (r) =>
      Array.isArray(r.messages) &&
      (typeof r.system === 'string' ||
        objectsIn(r.tools).some((t) => 'input_schema' in t) ||
        objectsIn(r.messages).some((m) => objectsIn(m.content).some((b) => b.type === 'tool_use' || b.type === 'tool_result'))),
  },
  write: (example, { project, tools, options }) => [toAnthropicLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkAnthropicLine(line, { tools }),
};
