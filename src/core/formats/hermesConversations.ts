import type { Project } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { checkLineWith } from './sharedRules.ts';
import { objectsIn, type ExportFormat } from './exportFormat.ts';
import type { Finding } from '../findings/finding.ts';
import {
  checkHermesRecord,
  hasHermesTags,
  readHermesRecord,
  toHermesRecord,
  type HermesCheckContext,
  type HermesMessage,
  type HermesOptions,
  type HermesShape,
} from './hermes.ts';
import type { Transcript } from './transcript.ts';

/**
 * The `hermes-conversations` format: the texts of `hermes` (the same system preamble,
 * `<tool_call>` and `<tool_response>` blocks, results as objects) in the shape of NousResearch's
 * hermes-function-calling dataset, `{"conversations": [{"from": "system" | "human" | "gpt" |
 * "tool", "value": "…"}]}`, for trainers configured for that dataset (Axolotl's and
 * LLaMA-Factory's sharegpt loaders with a `tool` role mapped). As in that dataset, the results of
 * one assistant turn's calls (parallel calls, a fan-out) are one `tool` turn holding one
 * `<tool_response>` block per call, in the calls' order, joined by "\n".
 *
 * A separate format id rather than an option of `hermes`: it is another record shape, so
 * detection, the dataset checker and the menus name it by its id like any other shape.
 */

export type HermesFrom = 'system' | 'human' | 'gpt' | 'tool';

export interface HermesConversationsRecord {
  conversations: { from: HermesFrom; value: string }[];
}

const FROM: Readonly<Record<HermesMessage['role'], HermesFrom>> = { system: 'system', user: 'human', assistant: 'gpt', tool: 'tool' };

export const HERMES_CONVERSATIONS: HermesShape = {
  list: 'conversations',
  roleKey: 'from',
  textKey: 'value',
  roles: { system: 'system', human: 'user', gpt: 'assistant', tool: 'tool' },
  rules: { noList: 'no-conversations', badRole: 'bad-from', notText: 'value-not-string' },
};

export function toHermesConversationsRecord(example: Example, project: Project, options: HermesOptions = {}): HermesConversationsRecord {
  const conversations: HermesConversationsRecord['conversations'] = [];
  for (const m of toHermesRecord(example, project, options).messages) {
    const last = conversations[conversations.length - 1];
    if (m.role === 'tool' && last?.from === 'tool') last.value += `\n${m.content}`;
    else conversations.push({ from: FROM[m.role], value: m.content });
  }
  return { conversations };
}

export function toHermesConversationsLine(example: Example, project: Project, options: HermesOptions = {}): string {
  return JSON.stringify(toHermesConversationsRecord(example, project, options));
}

/** The rules of `hermes` (same ids), on the conversations shape: paths name `$.conversations[i].value`. */
export function checkHermesConversationsRecord(record: unknown, context: HermesCheckContext = {}): Finding[] {
  return checkHermesRecord(record, context, HERMES_CONVERSATIONS);
}

export function checkHermesConversationsLine(line: string, context: HermesCheckContext = {}): Finding[] {
  return checkLineWith(line, context, checkHermesConversationsRecord);
}

/** Reads a (checked) record back into its call/result sequence. */
export function readHermesConversationsRecord(record: HermesConversationsRecord): Transcript {
  return readHermesRecord({ messages: record.conversations.map((t) => ({ role: HERMES_CONVERSATIONS.roles[t.from], content: t.value })) });
}

export const hermesConversationsFormat: ExportFormat = {
  id: 'hermes-conversations',
  label: 'Hermes function-calling dataset (conversations/from)',
  description: 'the hermes texts in the shape of NousResearch’s hermes-function-calling dataset: conversations of system / human / gpt / tool with value',
  // {"conversations"} whose turns come from "tool" or hold Hermes tags; before sharegpt, which takes any {"conversations"}.
  detect: {
    specificity: 85,
    matches: (r) => objectsIn(r.conversations).some((t) => t.from === 'tool' || hasHermesTags(t.value)),
  },
  write: (example, { project, tools, options }) => [toHermesConversationsLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkHermesConversationsLine(line, { tools }),
};
