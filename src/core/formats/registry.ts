import type { Project } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import type { Finding } from './finding.ts';
import { checkOpenAILine, toOpenAILine } from './openai.ts';
import { openAITools, type OpenAITool } from './tools.ts';

/**
 * Every export format is one module that writes lines from the format-neutral Example and
 * checks lines as its consumer would. The CLI, the Web Worker and the page use this table.
 */

export interface FormatOptions {
  /** Write the tools on every line (formats that carry them per line). Default true. */
  includeTools?: boolean;
  /** The examples were generated with one call per assistant turn. */
  serialized?: boolean;
}

export interface FormatContext {
  project: Project;
  /** The project's tools as OpenAI definitions, computed once per run. */
  tools: OpenAITool[];
  options: FormatOptions;
}

export interface ExportFormat {
  id: string;
  label: string;
  /** One line: who reads it. */
  description: string;
  /** The format only takes one call per assistant turn: generate with serializeParallel. */
  needsSerializedTurns?: boolean;
  /** The JSONL lines for one example (most formats: exactly one). */
  write(example: Example, context: FormatContext): string[];
  /** The consumer's rules for one line; empty when the line is good. `tools` is used when a line carries none. */
  check(line: string, tools?: OpenAITool[]): Finding[];
}

export const openaiFormat: ExportFormat = {
  id: 'openai',
  label: 'OpenAI chat fine-tuning',
  description: 'OpenAI-style chat fine-tuning and most hosted trainers: messages, tools, parallel_tool_calls; arguments as JSON strings',
  write: (example, { project, tools, options }) => [toOpenAILine(example, project, { tools, includeTools: options.includeTools, serialized: options.serialized })],
  check: (line, tools) => checkOpenAILine(line, { tools }),
};

export const FORMATS: readonly ExportFormat[] = [openaiFormat];

export function formatById(id: string): ExportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function formatContext(project: Project, options: FormatOptions = {}): FormatContext {
  return { project, tools: openAITools(project), options };
}
