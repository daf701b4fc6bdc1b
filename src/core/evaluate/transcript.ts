import type { JsonObject, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { parseResult } from '../formats/transcript.ts';

/**
 * A model's transcript, read from `openai` messages as leniently as a scorer must: calls per
 * assistant turn with the arguments (or why they do not parse) and the result each received;
 * texts written between turns (a question before a confirmed call); the final reply.
 */

export interface ModelCall {
  /** Position among all the transcript's calls. */
  index: number;
  id: string;
  name: string;
  /** The arguments, when they parse to a JSON object. */
  args: JsonObject | undefined;
  argsProblem?: string;
  /** Index of the assistant turn with calls (0-based). */
  turn: number;
  /** The tool message's content, parsed as JSON when it is; undefined when no tool message answers it. */
  result: JsonValue | undefined;
}

export interface ModelTranscript {
  turns: ModelCall[][];
  calls: ModelCall[];
  /** Assistant texts before call turn `beforeTurn` (a text after the last turn that is not the final reply counts too). */
  texts: { beforeTurn: number; text: string }[];
  /** The last message, when it is an assistant text without calls. */
  reply: string | undefined;
}

function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  // Content as a list of parts (some servers answer so): the text parts joined.
  if (Array.isArray(content)) {
    const parts = content.flatMap((p) => (isPlainObject(p) && typeof p.text === 'string' ? [p.text] : typeof p === 'string' ? [p] : []));
    return parts.length ? parts.join('') : undefined;
  }
  return undefined;
}

export function readTranscript(messages: readonly unknown[]): ModelTranscript {
  const turns: ModelCall[][] = [];
  const calls: ModelCall[] = [];
  const texts: { beforeTurn: number; text: string }[] = [];
  const byId = new Map<string, ModelCall>();
  let reply: string | undefined;
  messages.forEach((m, i) => {
    if (!isPlainObject(m)) return;
    const last = i === messages.length - 1;
    if (m.role === 'assistant') {
      const toolCalls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
      const text = textOf(m.content);
      if (toolCalls.length === 0) {
        if (text !== undefined && text.trim()) {
          if (last) reply = text;
          else texts.push({ beforeTurn: turns.length, text });
        }
        return;
      }
      if (text !== undefined && text.trim()) texts.push({ beforeTurn: turns.length, text });
      const turn: ModelCall[] = [];
      toolCalls.forEach((c, k) => {
        const fn = isPlainObject(c) && isPlainObject(c.function) ? c.function : undefined;
        const id = isPlainObject(c) && typeof c.id === 'string' ? c.id : `#${calls.length}-${k}`;
        const name = fn && typeof fn.name === 'string' ? fn.name : '';
        const call: ModelCall = { index: calls.length, id, name, args: undefined, turn: turns.length, result: undefined };
        const raw = fn?.arguments;
        if (typeof raw === 'string') {
          try {
            const parsed = JSON.parse(raw) as JsonValue;
            if (isPlainObject(parsed)) call.args = parsed;
            else call.argsProblem = 'the arguments are not a JSON object';
          } catch {
            call.argsProblem = 'the arguments are not JSON';
          }
        } else if (isPlainObject(raw)) call.args = raw as JsonObject;
        else call.argsProblem = 'no arguments';
        calls.push(call);
        turn.push(call);
        if (!byId.has(id)) byId.set(id, call);
      });
      turns.push(turn);
    } else if (m.role === 'tool') {
      const call = typeof m.tool_call_id === 'string' ? byId.get(m.tool_call_id) : undefined;
      if (call && call.result === undefined) call.result = typeof m.content === 'string' ? parseResult(m.content) : (m.content as JsonValue);
    }
  });
  return { turns, calls, texts, reply };
}

/** A result that reports an error: an object with an `error` key (what failing tools and the live runner answer). */
export function isErrorResult(value: JsonValue | undefined): boolean {
  return isPlainObject(value) && value.error !== undefined;
}
