import type { Project } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { checkChatRecord, type ChatDialect, type CheckContext } from './chatMessages.ts';
import { checkLineWith } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { openAITools, type OpenAITool } from '../tools/openAITools.ts';
import type { ExportFormat } from './exportFormat.ts';

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

export type { CheckContext };

const OPENAI_DIALECT: ChatDialect = { arguments: 'string', toolMessageName: false, templateSafeIds: false };

/**
 * Checks one record against what OpenAI-style fine-tuning accepts. Returns every broken
 * rule with its place; an empty list means the line is good.
 */
export function checkOpenAIRecord(record: unknown, context: CheckContext = {}): Finding[] {
  return checkChatRecord(record, context, OPENAI_DIALECT);
}

/** Parses and checks one JSONL line. */
export function checkOpenAILine(line: string, context: CheckContext = {}): Finding[] {
  return checkLineWith(line, context, checkOpenAIRecord);
}

export const openaiFormat: ExportFormat = {
  id: 'openai',
  label: 'OpenAI chat fine-tuning',
  description: 'OpenAI-style chat fine-tuning and most hosted trainers: messages, tools, parallel_tool_calls; arguments as JSON strings',
  // Any other {"messages": [...]}: the most general chat shape, tried last.
  detect: { specificity: 0, matches: (r) => Array.isArray(r.messages) },
  write: (example, { project, tools, options }) => [
    toOpenAILine(example, project, { tools, includeTools: options.includeTools, serialized: options.serialized }),
  ],
  check: (line, tools) => checkOpenAILine(line, { tools }),
};
