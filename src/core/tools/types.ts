/** Shared types of the tool library: importers, editing operations and their problems. */
import type { Finding } from '../findings/finding.ts';
import type { ToolDef } from '../project/types.ts';

/**
 * A problem with tool definitions being imported or edited, at a place: a JSON path
 * (`$.tools[2].inputSchema.type`) and, when the text is at hand, its line and column; `tool` names
 * the tool when known. Errors refuse the input; warnings go with what was imported.
 */
export type ToolIssue = Finding<'error' | 'warning'>;

export type ToolFormatId = 'openai' | 'job-description' | 'mcp' | 'anthropic' | 'chainwright';

/** A detected input format, with a name to show the user. */
export interface ToolFormat {
  id: ToolFormatId;
  label: string;
}

export const TOOL_FORMATS: Readonly<Record<ToolFormatId, ToolFormat>> = {
  openai: { id: 'openai', label: 'OpenAI tools' },
  'job-description': { id: 'job-description', label: 'job_description.json' },
  mcp: { id: 'mcp', label: 'MCP tools/list result' },
  anthropic: { id: 'anthropic', label: 'Anthropic tool definitions' },
  chainwright: { id: 'chainwright', label: 'Chainwright project' },
};

/** Tools arriving in a project, with the system prompt their source carried (a job_description's task_description). */
export interface IncomingTools {
  tools: ToolDef[];
  systemPrompt?: string;
}

/** The place of a call in a project. */
export interface CallRef {
  chainId: string;
  callId: string;
  /** JSON path of the call, e.g. `$.chains[0].calls[2]`. */
  path: string;
}
