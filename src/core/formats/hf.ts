import type { JsonObject, Project } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { checkChatRecord, type ChatDialect, type CheckContext } from './chatMessages.ts';
import { checkLineWith } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { openAITools, type OpenAITool } from '../tools/openAITools.ts';
import { parseResult, type Transcript, type TranscriptTurn } from './transcript.ts';
import { isRecord, objectsIn, type ExportFormat } from './exportFormat.ts';

/**
 * The `hf` format (docs/export-formats.md): `messages` + `tools` columns as Hugging Face chat
 * templates, TRL and Axolotl read them. Unlike `openai`, arguments are JSON objects (templates
 * render them with `tojson`), and `tool` messages carry the `name` of the tool they answer.
 */

export interface HfToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: JsonObject };
}

export type HfMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: HfToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

export interface HfRecord {
  messages: HfMessage[];
  tools?: OpenAITool[];
}

export interface HfOptions {
  /** Write the tools on every line (default true). */
  includeTools?: boolean;
  /** Precomputed tool list, to avoid rebuilding it per line. */
  tools?: OpenAITool[];
}

export function toHfRecord(example: Example, project: Project, options: HfOptions = {}): HfRecord {
  const messages: HfMessage[] = [];
  if (example.system !== undefined) messages.push({ role: 'system', content: example.system });
  for (const m of example.messages) {
    if (m.role === 'user') messages.push({ role: 'user', content: m.text });
    else if (m.role === 'tool') messages.push({ role: 'tool', tool_call_id: m.id, name: m.tool, content: JSON.stringify(m.result) });
    else if ('calls' in m) {
      // Content "" rather than null: templates that concatenate content do not fail on it.
      messages.push({
        role: 'assistant',
        content: '',
        tool_calls: m.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.tool, arguments: c.args } })),
      });
    } else messages.push({ role: 'assistant', content: m.text });
  }
  const record: HfRecord = { messages };
  if (options.includeTools !== false) record.tools = options.tools ?? openAITools(project);
  return record;
}

export function toHfLine(example: Example, project: Project, options: HfOptions = {}): string {
  return JSON.stringify(toHfRecord(example, project, options));
}

const HF_DIALECT: ChatDialect = { arguments: 'object', toolMessageName: true, templateSafeIds: true };

/** Checks one record against what TRL, Axolotl and the chat templates accept; empty when good. */
export function checkHfRecord(record: unknown, context: CheckContext = {}): Finding[] {
  return checkChatRecord(record, context, HF_DIALECT);
}

export function checkHfLine(line: string, context: CheckContext = {}): Finding[] {
  return checkLineWith(line, context, checkHfRecord);
}

/** Reads a (checked) record back into its call/result sequence. */
export function readHfRecord(record: HfRecord): Transcript {
  const turns: TranscriptTurn[] = [];
  let system: string | undefined;
  for (const m of record.messages) {
    if (m.role === 'system') system = m.content;
    else if (m.role === 'user') turns.push({ kind: 'user', text: m.content });
    else if (m.role === 'tool') turns.push({ kind: 'result', id: m.tool_call_id, tool: m.name, result: parseResult(m.content) });
    else if (m.tool_calls?.length)
      turns.push({ kind: 'calls', calls: m.tool_calls.map((c) => ({ id: c.id, tool: c.function.name, args: c.function.arguments })) });
    else turns.push({ kind: 'reply', text: m.content });
  }
  return system === undefined ? { turns } : { system, turns };
}

export const hfFormat: ExportFormat = {
  id: 'hf',
  label: 'Hugging Face (TRL, Axolotl, chat templates)',
  description: 'messages + tools columns for TRL, Axolotl and chat templates: arguments as JSON objects, tool messages with name and tool_call_id',
  // {"messages"} with tool_calls whose arguments are objects, or tool messages with a name.
  detect: {
    specificity: 50,
    matches: (r) => {
      const messages = objectsIn(r.messages);
      const objectArgs = messages.some((m) => objectsIn(m.tool_calls).some((c) => isRecord(c.function) && isRecord(c.function.arguments)));
      return Array.isArray(r.messages) && (objectArgs || messages.some((m) => m.role === 'tool' && typeof m.name === 'string'));
    },
  },
  write: (example, { project, tools, options }) => [toHfLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkHfLine(line, { tools }),
};
