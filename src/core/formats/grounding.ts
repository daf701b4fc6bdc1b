/**
 * Grounding checks of a written line (from Chainwright or from anywhere), on the call/result
 * sequence the format's own reader gives back (`Transcript`):
 *
 * - `invented-id`: a tool call's argument that looks like an id (an id key, or a value such as
 *   `bk_7Kq2`, `FL-1234`, a UUID) and appears in no earlier user or system message, tool result
 *   or tool definition: the line teaches the model to invent ids.
 * - `reply-contradicts-result`: the final reply claims a tool did its job ("sent", "booked",
 *   "done"…) while the last result of that tool has a false success flag (`sent: false`) or is
 *   an error.
 *
 * `groundingIssues` works on a transcript (so generated examples are checked the same way, see
 * quality/exampleChecks.ts); `lineGroundingFindings` reads a line that passed its format's checker and
 * names each finding's JSON path in the line. Formats without a reader that gives the results
 * back (distil's closed-book questions, the evaluation formats) are not checked.
 */
import type { JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { isSuccessFlag } from '../simulate/semantics.ts';
import { isIdLike, successClaim } from '../validate/claims.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { readAnthropicRecord, type AnthropicRecord } from './anthropic.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import { readHermesRecord, type HermesRecord } from './hermes.ts';
import { readHermesConversationsRecord, type HermesConversationsRecord } from './hermesConversations.ts';
import { readHfRecord, type HfRecord } from './hf.ts';
import { readShareGptRecord, type ShareGptRecord } from './sharegpt.ts';
import type { OpenAITool } from '../tools/openAITools.ts';
import type { Transcript } from './transcript.ts';

export interface GroundingIssue {
  code: 'invented-id' | 'reply-contradicts-result';
  /** The turn of the transcript (the calls, or the final reply). */
  turn: number;
  /** The call in that turn (invented-id). */
  call?: number;
  /** Where in the call's arguments (invented-id). */
  at?: (string | number)[];
  tool?: string;
  message: string;
}

/** Whether a result says the call did not do its job: an error, or a false success flag outside lists. */
export function failureOf(result: JsonValue): string | undefined {
  if (typeof result === 'string') return /^\s*(error|failed|failure)\b/i.test(result) ? 'is an error' : undefined;
  if (!isPlainObject(result)) return undefined;
  if (result.error !== undefined && result.error !== null && result.error !== false) return 'is an error';
  if (typeof result.status === 'string' && /^(error|failed|failure)$/i.test(result.status)) return `has status "${result.status}"`;
  const flags: string[] = [];
  const visit = (v: JsonValue, path: string[]) => {
    if (!isPlainObject(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (x === false && isSuccessFlag(k)) flags.push([...path, k].join('.'));
      else if (isPlainObject(x)) visit(x, [...path, k]);
    }
  };
  visit(result, []);
  return flags.length ? `has ${flags[0]}: false` : undefined;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** The grounding issues of one conversation. `toolText`: the tool definitions as text (an enum or a default grounds an id). */
export function groundingIssues(transcript: Transcript, toolText = ''): GroundingIssue[] {
  const out: GroundingIssue[] = [];
  // What the conversation has said so far (ids are looked up in it as text).
  let known = `${transcript.system ?? ''}\n${toolText}`;
  /** The calls waiting for their results, in order, and the last result of each tool. */
  let pending: { id?: string; tool: string }[] = [];
  const lastResult = new Map<string, { result: JsonValue; turn: number }>();
  transcript.turns.forEach((turn, t) => {
    if (turn.kind === 'user') known += `\n${turn.text}`;
    else if (turn.kind === 'result') {
      known += `\n${typeof turn.result === 'string' ? turn.result : JSON.stringify(turn.result)}`;
      const k = turn.id !== undefined ? pending.findIndex((p) => p.id === turn.id) : -1;
      const matched = pending.splice(k >= 0 ? k : 0, 1)[0];
      const tool = turn.tool ?? matched?.tool;
      if (tool !== undefined) lastResult.set(tool, { result: turn.result, turn: t });
    } else if (turn.kind === 'calls') {
      const text = known;
      turn.calls.forEach((call, c) => {
        const visit = (value: JsonValue, key: string | undefined, at: (string | number)[]) => {
          if (Array.isArray(value)) value.forEach((v, i) => visit(v, key, [...at, i]));
          else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) visit(v, k, [...at, k]);
          else if ((typeof value === 'string' || typeof value === 'number') && isIdLike(key, value) && !text.includes(String(value))) {
            out.push({
              code: 'invented-id',
              turn: t,
              call: c,
              at,
              tool: call.tool,
              message: `${call.tool} is called with the id ${JSON.stringify(value)}${key ? ` as ${key}` : ''}, which appears in no earlier user or system message, tool result or tool definition: the line teaches the model to invent ids`,
            });
          }
        };
        visit(call.args, undefined, []);
      });
      pending = turn.calls.map((c) => ({ id: c.id, tool: c.tool }));
    }
  });
  const last = transcript.turns.length - 1;
  const reply = transcript.turns[last];
  if (reply?.kind === 'reply') {
    for (const [tool, { result }] of lastResult) {
      const failed = failureOf(result);
      if (!failed) continue;
      const claim = successClaim(reply.text, tool);
      if (!claim) continue;
      out.push({
        code: 'reply-contradicts-result',
        turn: last,
        tool,
        message: `the final reply says "${claim}" ("${quote(reply.text)}") but the last result of ${tool} ${failed}: say what did not happen`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lines

interface Reader {
  /** The key of the record's message list. */
  list: (record: Record<string, unknown>) => string;
  read: (record: Record<string, unknown>) => Transcript;
}

const listOf = (record: Record<string, unknown>) => (Array.isArray(record.messages) ? 'messages' : 'conversations');

/** OpenAI lines carry arguments as JSON text: read them as the Hugging Face record they otherwise are. */
function openAIAsHf(record: Record<string, unknown>): HfRecord {
  const messages = (record.messages as Record<string, unknown>[]).map((m) => {
    if (!Array.isArray(m.tool_calls)) return m;
    const calls = (m.tool_calls as { function: { name: string; arguments: unknown } }[]).map((c) => ({
      ...c,
      function: { ...c.function, arguments: typeof c.function.arguments === 'string' ? (JSON.parse(c.function.arguments) as JsonValue) : c.function.arguments },
    }));
    return { ...m, tool_calls: calls };
  });
  return { ...record, messages } as unknown as HfRecord;
}

const READERS: Record<string, Reader> = {
  openai: { list: listOf, read: (r) => readHfRecord(openAIAsHf(r)) },
  hf: { list: listOf, read: (r) => readHfRecord(r as unknown as HfRecord) },
  sharegpt: { list: listOf, read: (r) => readShareGptRecord(r as unknown as ShareGptRecord) },
  hermes: { list: listOf, read: (r) => readHermesRecord(r as unknown as HermesRecord) },
  'hermes-conversations': { list: listOf, read: (r) => readHermesConversationsRecord(r as unknown as HermesConversationsRecord) },
  anthropic: { list: listOf, read: (r) => readAnthropicRecord(r as unknown as AnthropicRecord) },
};

/** Whether the line checker runs the grounding checks on lines of this format. */
export function checksGrounding(formatId: string): boolean {
  return formatId in READERS;
}

/** For each turn, the index of the message it was read from (the reader run on ever longer prefixes of the list). */
function messageOfTurn(reader: Reader, record: Record<string, unknown>): number[] {
  const key = reader.list(record);
  const list = record[key] as unknown[];
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    let count: number;
    try {
      count = reader.read({ ...record, [key]: list.slice(0, i + 1) }).turns.length;
    } catch {
      continue;
    }
    while (out.length < count) out.push(i);
  }
  return out;
}

/** The JSON path of a call's argument inside message `m` of the record. */
function argumentPath(formatId: string, base: string, message: Record<string, unknown>, call: number, at: readonly (string | number)[]): string {
  if (formatId === 'hf') return jsonPath(base, 'tool_calls', call, 'function', 'arguments', ...at);
  if (formatId === 'openai') return jsonPath(base, 'tool_calls', call, 'function', 'arguments');
  if (formatId === 'anthropic' && Array.isArray(message.content)) {
    const blocks = message.content as { type?: string }[];
    const uses = blocks.map((b, i) => (b?.type === 'tool_use' ? i : -1)).filter((i) => i >= 0);
    return jsonPath(base, 'content', uses[call] ?? 0, 'input', ...at);
  }
  return jsonPath(base, typeof message.content === 'string' ? 'content' : 'value');
}

function textPath(formatId: string, base: string, message: Record<string, unknown>): string {
  if (formatId === 'anthropic' && Array.isArray(message.content)) {
    const blocks = message.content as { type?: string }[];
    const last = blocks
      .map((b, i) => (b?.type === 'text' ? i : -1))
      .filter((i) => i >= 0)
      .pop();
    return jsonPath(base, 'content', last ?? 0, 'text');
  }
  return jsonPath(base, typeof message.content === 'string' ? 'content' : 'value');
}

/**
 * The grounding findings of one line of a format that passed its checker (none for a format
 * without a reader, or a line that cannot be read). `tools`: the project's tools, when given.
 */
export function lineGroundingFindings(formatId: string, line: string, tools?: readonly OpenAITool[]): Finding[] {
  const reader = READERS[formatId];
  if (!reader) return [];
  let record: Record<string, unknown>;
  let transcript: Transcript;
  try {
    const parsed = JSON.parse(line) as unknown;
    if (!isPlainObject(parsed as JsonValue)) return [];
    record = parsed as Record<string, unknown>;
    transcript = reader.read(record);
  } catch {
    return [];
  }
  // The tools: the line's own (hermes keeps them in its system message, which its reader leaves out), or those given.
  const list0 = record[reader.list(record)];
  const systems = Array.isArray(list0)
    ? list0.filter((m) => isPlainObject(m as JsonValue) && ((m as { role?: unknown }).role === 'system' || (m as { from?: unknown }).from === 'system'))
    : [];
  const toolText = [JSON.stringify(record.tools ?? ''), JSON.stringify(systems), tools ? JSON.stringify(tools) : ''].join('\n');
  const issues = groundingIssues(transcript, toolText);
  if (!issues.length) return [];
  const key = reader.list(record);
  const list = record[key] as Record<string, unknown>[];
  const messageOf = messageOfTurn(reader, record);
  return issues.map((issue) => {
    const m = messageOf[issue.turn] ?? list.length - 1;
    const base = jsonPath(`$.${key}`, m);
    const message = isPlainObject(list[m] as JsonValue) ? list[m] : {};
    const path = issue.code === 'invented-id' ? argumentPath(formatId, base, message, issue.call ?? 0, issue.at ?? []) : textPath(formatId, base, message);
    return brokenRule(issue.code, path, issue.message);
  });
}
