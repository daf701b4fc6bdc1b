/**
 * Exporting a project's tools: as an OpenAI tools list (Chainwright's own keys `returns`,
 * `effect`, `latencyMs` left out, exactly as in the training data) or as a
 * `job_description.json` (`task_description` = the system prompt).
 */
import { openAITools, type OpenAITool } from './openAITools.ts';
import type { Project } from '../project/types.ts';

export type ToolExportFormat = 'openai' | 'job-description';
export const TOOL_EXPORT_FORMATS: readonly ToolExportFormat[] = ['openai', 'job-description'];

export interface JobDescription {
  task_description: string;
  tools: OpenAITool[];
}

export function jobDescription(project: Project): JobDescription {
  return { task_description: project.systemPrompt ?? '', tools: openAITools(project) };
}

/** The file's text: two-space JSON with a final newline. */
export function exportTools(project: Project, as: ToolExportFormat): string {
  const value = as === 'openai' ? openAITools(project) : jobDescription(project);
  return `${JSON.stringify(value, null, 2)}\n`;
}
