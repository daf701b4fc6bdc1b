import type { JsonSchema, Project, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';

/** An OpenAI tool definition as trainers read it: Chainwright's own keys (returns, effect…) left out. */
export interface OpenAITool {
  type: 'function';
  function: { name: string; description?: string; parameters: JsonSchema; [extra: string]: unknown };
}

export function toOpenAITool(tool: ToolDef): OpenAITool {
  return { type: 'function', function: tool.function };
}

export function openAITools(project: Project): OpenAITool[] {
  return project.tools.map(toOpenAITool);
}

/** Tool name → parameter schema, read from a line's own `tools` array (whatever its quality). */
export function parameterSchemas(tools: unknown): Map<string, JsonSchema | undefined> {
  const out = new Map<string, JsonSchema | undefined>();
  if (!Array.isArray(tools)) return out;
  for (const t of tools) {
    const fn = isPlainObject(t) ? t.function : undefined;
    if (isPlainObject(fn) && typeof fn.name === 'string') out.set(fn.name, isPlainObject(fn.parameters) ? (fn.parameters as JsonSchema) : undefined);
  }
  return out;
}
