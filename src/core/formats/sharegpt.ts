import type { JsonObject, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { Example, ExampleCall } from '../generate/types.ts';
import { summaryReply } from '../generate/reply.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { checkCall, checkLineWith, type ToolSchemas } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import { openAITools, parameterSchemas, perToolList, type OpenAITool } from '../tools/openAITools.ts';
import { parseResult, type Transcript, type TranscriptTurn } from './transcript.ts';
import type { ExportFormat } from './exportFormat.ts';

/**
 * The `sharegpt` format as LLaMA-Factory reads it (`formatting: sharegpt`, tags human / gpt /
 * function_call / observation): `{"conversations", "system", "tools"}` with `tools` a JSON string.
 * LLaMA-Factory drops (with only a log line) any conversation whose tags do not alternate:
 * human/observation at odd positions, gpt/function_call at even positions, an even count.
 */

export type ShareGptTag = 'human' | 'gpt' | 'function_call' | 'observation';

export interface ShareGptTurn {
  from: ShareGptTag;
  value: string;
}

export interface ShareGptRecord {
  conversations: ShareGptTurn[];
  system?: string;
  /** JSON text of a list of function definitions `{name, description, parameters}`. */
  tools?: string;
}

export interface ShareGptOptions {
  /** Write the tools on every line (default true). */
  includeTools?: boolean;
  /** Precomputed tool list, to avoid rebuilding it per line. */
  tools?: OpenAITool[];
}

/** The `tools` string: bare function definitions, the shape every LLaMA-Factory version reads. */
export const shareGptTools = perToolList((tools) => JSON.stringify(tools.map((t) => t.function)));

const callValue = (c: ExampleCall): JsonObject => ({ name: c.tool, arguments: c.args });

export function toShareGptRecord(example: Example, project: Project, options: ShareGptOptions = {}): ShareGptRecord {
  const conversations: ShareGptTurn[] = [];
  let step: { call: ExampleCall; result: JsonValue }[] = [];
  let calls: ExampleCall[] = [];
  let results: JsonValue[] = [];
  const flushResults = () => {
    if (!calls.length) return;
    conversations.push({ from: 'observation', value: JSON.stringify(calls.length === 1 ? results[0] : results) });
    calls.forEach((call, i) => step.push({ call, result: results[i] }));
    calls = [];
    results = [];
  };
  for (const m of example.messages) {
    if (m.role === 'tool') {
      results.push(m.result);
      continue;
    }
    flushResults();
    if (m.role === 'user') {
      // A multi-turn chain asks again right after a tool result; LLaMA-Factory needs the
      // assistant to speak between the two, so it says what the step did.
      if (conversations.length && conversations[conversations.length - 1].from === 'observation')
        conversations.push({ from: 'gpt', value: summaryReply(step) });
      step = [];
      conversations.push({ from: 'human', value: m.text });
    } else if ('calls' in m) {
      calls = m.calls;
      conversations.push({ from: 'function_call', value: JSON.stringify(m.calls.length === 1 ? callValue(m.calls[0]) : m.calls.map(callValue)) });
    } else conversations.push({ from: 'gpt', value: m.text });
  }
  flushResults();
  const record: ShareGptRecord = { conversations };
  if (example.system !== undefined) record.system = example.system;
  if (options.includeTools !== false) record.tools = shareGptTools(options.tools ?? openAITools(project));
  return record;
}

export function toShareGptLine(example: Example, project: Project, options: ShareGptOptions = {}): string {
  return JSON.stringify(toShareGptRecord(example, project, options));
}

export interface ShareGptCheckContext {
  /** Tools to check against when the line carries none. */
  tools?: OpenAITool[];
}

const TAGS = new Set<string>(['human', 'gpt', 'function_call', 'observation']);
const ODD = new Set<string>(['human', 'observation']);

/** Checks one record against what LLaMA-Factory's sharegpt loader and tool formatter accept. */
export function checkShareGptRecord(record: unknown, context: ShareGptCheckContext = {}): Finding[] {
  const out: Finding[] = [];
  if (!isPlainObject(record)) return [brokenRule('not-an-object', '$', 'a line must be a JSON object with "conversations"')];
  if (record.system !== undefined && typeof record.system !== 'string') out.push(brokenRule('system-not-string', '$.system', '"system" must be text'));
  const schemas = record.tools !== undefined ? checkToolsString(record.tools, out) : parameterSchemas(context.tools);
  const turns = record.conversations;
  if (!Array.isArray(turns) || turns.length === 0)
    return [...out, brokenRule('no-conversations', '$.conversations', '"conversations" must be a non-empty list')];
  // LLaMA-Factory takes a leading {"from": "system"} as the system prompt.
  const offset = isPlainObject(turns[0]) && turns[0].from === 'system' ? 1 : 0;
  let openCalls = 0;
  let openPath = '';
  turns.forEach((t: JsonValue, i: number) => {
    const at = jsonPath('$.conversations', i);
    if (!isPlainObject(t)) {
      out.push(brokenRule('message-not-object', at, 'a turn must be an object {"from", "value"}'));
      return;
    }
    const from = t.from;
    if (typeof t.value !== 'string') out.push(brokenRule('value-not-string', jsonPath(at, 'value'), '"value" must be text'));
    if (i === 0 && offset === 1) return;
    if (typeof from !== 'string' || !TAGS.has(from)) {
      out.push(brokenRule('bad-from', jsonPath(at, 'from'), `"from" must be human, gpt, function_call or observation, found ${JSON.stringify(from)}`));
      return;
    }
    const position = i - offset + 1;
    if (ODD.has(from) !== (position % 2 === 1)) {
      out.push(
        brokenRule(
          'bad-position',
          jsonPath(at, 'from'),
          `"${from}" at position ${position}: human and observation must be at odd positions, gpt and function_call at even ones (LLaMA-Factory drops the conversation)`,
        ),
      );
    }
    if (from !== 'observation' && openCalls) {
      out.push(brokenRule('unanswered-call', openPath, 'the function_call is not followed by an observation'));
      openCalls = 0;
    }
    const value = typeof t.value === 'string' ? t.value : '';
    if ((from === 'human' || from === 'gpt') && !value) out.push(brokenRule('empty-value', jsonPath(at, 'value'), `a ${from} turn needs text`));
    if (from === 'function_call') {
      openCalls = checkFunctionCall(value, schemas, jsonPath(at, 'value'), out);
      openPath = at;
    } else if (from === 'observation') {
      if (!openCalls) out.push(brokenRule('observation-without-call', at, 'an observation must come right after a function_call'));
      openCalls = 0;
    }
  });
  if (openCalls) out.push(brokenRule('unanswered-call', openPath, 'the function_call is not followed by an observation'));
  const counted = turns.length - offset;
  if (counted % 2 !== 0)
    out.push(brokenRule('odd-count', '$.conversations', `${counted} turns: LLaMA-Factory needs an even count (it drops the conversation)`));
  const last = turns[turns.length - 1];
  if (!isPlainObject(last) || last.from !== 'gpt')
    out.push(brokenRule('no-final-reply', jsonPath('$.conversations', turns.length - 1), "the last turn must be the assistant's reply (gpt)"));
  return out;
}

/** `tools` must be a JSON string of function definitions with `parameters.properties` (LLaMA-Factory reads it there). */
function checkToolsString(tools: JsonValue, out: Finding[]): ToolSchemas {
  if (typeof tools !== 'string') {
    out.push(brokenRule('tools-not-string', '$.tools', '"tools" must be a JSON string (the text of a list of tool definitions), not a list'));
    return new Map();
  }
  let list: unknown;
  try {
    list = JSON.parse(tools);
  } catch {
    out.push(brokenRule('tools-not-json', '$.tools', '"tools" does not parse as JSON'));
    return new Map();
  }
  if (!Array.isArray(list)) {
    out.push(brokenRule('tools-not-json', '$.tools', '"tools" must encode a list of tool definitions'));
    return new Map();
  }
  list.forEach((t, i) => {
    const fn = isPlainObject(t) && t.type === 'function' ? t.function : t;
    if (!isPlainObject(fn) || typeof fn.name !== 'string' || !isPlainObject(fn.parameters) || !isPlainObject(fn.parameters.properties)) {
      out.push(
        brokenRule(
          'tool-definition',
          jsonPath('$.tools', i),
          'a tool needs "name" and "parameters" with "properties" (LLaMA-Factory\'s tool formatter reads parameters.properties)',
        ),
      );
    }
  });
  return parameterSchemas(list.map((t) => (isPlainObject(t) && t.type === 'function' ? t : { type: 'function', function: t })));
}

/** A function_call value: one `{"name", "arguments"}` object, or a non-empty list of them. Returns how many calls it makes. */
function checkFunctionCall(value: string, schemas: ToolSchemas, at: string, out: Finding[]): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    out.push(brokenRule('function-call-not-json', at, 'a function_call value must be JSON: {"name", "arguments"} or a list of them'));
    return 1;
  }
  const calls = Array.isArray(parsed) ? parsed : [parsed];
  if (calls.length === 0) out.push(brokenRule('function-call-shape', at, 'a function_call list must not be empty'));
  calls.forEach((c, j) => {
    const where = Array.isArray(parsed) ? jsonPath(at, j) : at;
    if (!isPlainObject(c) || typeof c.name !== 'string' || !('arguments' in c)) {
      out.push(brokenRule('function-call-shape', where, 'each call must be {"name": "...", "arguments": {...}}'));
      return;
    }
    checkCall(c.name, c.arguments, schemas, { name: jsonPath(where, 'name'), args: jsonPath(where, 'arguments') }, '"tools"', out);
  });
  return Math.max(calls.length, 1);
}

export function checkShareGptLine(line: string, context: ShareGptCheckContext = {}): Finding[] {
  return checkLineWith(line, context, checkShareGptRecord);
}

/** Reads a (checked) record back into its call/result sequence; sharegpt carries no call ids. */
export function readShareGptRecord(record: ShareGptRecord): Transcript {
  const turns: TranscriptTurn[] = [];
  let lastCalls = 1;
  for (const t of record.conversations) {
    if (t.from === 'human') turns.push({ kind: 'user', text: t.value });
    else if (t.from === 'gpt') turns.push({ kind: 'reply', text: t.value });
    else if (t.from === 'function_call') {
      const parsed = JSON.parse(t.value) as JsonObject | JsonObject[];
      const calls = Array.isArray(parsed) ? parsed : [parsed];
      lastCalls = Array.isArray(parsed) ? calls.length : 1;
      turns.push({ kind: 'calls', calls: calls.map((c) => ({ tool: c.name as string, args: c.arguments as JsonObject })) });
    } else {
      const result = parseResult(t.value);
      const results = lastCalls > 1 && Array.isArray(result) ? result : [result];
      for (const r of results) turns.push({ kind: 'result', result: r });
    }
  }
  return record.system === undefined ? { turns } : { system: record.system, turns };
}

export const sharegptFormat: ExportFormat = {
  id: 'sharegpt',
  label: 'ShareGPT (LLaMA-Factory)',
  description: 'LLaMA-Factory sharegpt: conversations of human / function_call / observation / gpt, system, tools as a JSON string',
  // Any {"conversations": [...]} that hermes-conversations did not take.
  detect: { specificity: 80, matches: (r) => Array.isArray(r.conversations) },
  write: (example, { project, tools, options }) => [toShareGptLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkShareGptLine(line, { tools }),
};
