import type { JsonValue } from '../project/types.ts';

/** One tool call as the assistant makes it. */
export interface ExampleCall {
  /** The tool call id, unique in the example (9 letters and digits). */
  id: string;
  /** The design's call id (a node on the canvas). */
  callId: string;
  tool: string;
  args: { [name: string]: JsonValue };
  /** A fan-out call (`forEach`): the index, in the list it goes through, of the element it was made for. */
  element?: number;
}

export type UserMessage = { role: 'user'; text: string };
export type CallsMessage = { role: 'assistant'; calls: ExampleCall[] };
/** A tool's result; `error: true` when the call failed and the result is its error (design §6). */
export type ToolResultMessage = { role: 'tool'; id: string; callId: string; tool: string; result: JsonValue; error?: true };
export type ReplyMessage = { role: 'assistant'; text: string };
export type ExampleMessage = UserMessage | CallsMessage | ToolResultMessage | ReplyMessage;

/**
 * A generated conversation, format-neutral: every export format is written from this.
 * Example `index` of a chain is a pure function of (project, chain, seed, index).
 */
export interface Example {
  chainId: string;
  seed: number;
  index: number;
  system?: string;
  /** Which chain-level request template was drawn (-1 when the chain has none). */
  requestIndex: number;
  slots: { [name: string]: JsonValue };
  messages: ExampleMessage[];
  /**
   * Which of the chain's reply variants (design §5) gave the final reply: its index in the
   * chain's `reply` list. Absent for a plain reply (a single template, or the default reply
   * when the chain has none or no variant's `when` held). Formats do not write it.
   */
  replyVariant?: number;
  /** What happened besides plain calls (design §6, §7), by call id; absent when nothing did. */
  outcome?: ExampleOutcome;
}

/** Failures, retries and confirmations in one example (formats do not write it; stats and previews read it). */
export interface ExampleOutcome {
  /** Calls whose result was an error. */
  failed: string[];
  /** Calls made again after their error. */
  retried: string[];
  /** Calls the user was asked about and said yes to. */
  confirmed: string[];
  /** Calls the user said no to. */
  declined: string[];
}

export function isCallsMessage(m: ExampleMessage): m is CallsMessage {
  return m.role === 'assistant' && 'calls' in m;
}
export function isReplyMessage(m: ExampleMessage): m is ReplyMessage {
  return m.role === 'assistant' && 'text' in m;
}
