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

const schemasByList = new WeakMap<unknown[], Map<string, JsonSchema | undefined>>();
const NO_SCHEMAS = new Map<string, JsonSchema | undefined>();

/**
 * Tool name → parameter schema, read from a line's own `tools` array (whatever its quality).
 * A frozen list (a run checks every line against one, see `lineWriter`) is read once.
 */
export function parameterSchemas(tools: unknown): ReadonlyMap<string, JsonSchema | undefined> {
  if (!Array.isArray(tools)) return NO_SCHEMAS;
  if (!Object.isFrozen(tools)) return readSchemas(tools);
  let out = schemasByList.get(tools);
  if (out === undefined) schemasByList.set(tools, (out = readSchemas(tools)));
  return out;
}

function readSchemas(tools: unknown[]): Map<string, JsonSchema | undefined> {
  const out = new Map<string, JsonSchema | undefined>();
  for (const t of tools) {
    const fn = isPlainObject(t) ? t.function : undefined;
    if (isPlainObject(fn) && typeof fn.name === 'string') out.set(fn.name, isPlainObject(fn.parameters) ? (fn.parameters as JsonSchema) : undefined);
  }
  return out;
}

/**
 * Caches what a format derives from a tool list (its tools text, its own tool shape) per list
 * object: a run passes the same list for every line, so it is derived once.
 */
export function perToolList<T>(derive: (tools: readonly OpenAITool[]) => T): (tools: readonly OpenAITool[]) => T {
  const cache = new WeakMap<readonly OpenAITool[], T>();
  return (tools) => {
    let value = cache.get(tools);
    if (value === undefined) cache.set(tools, (value = derive(tools)));
    return value;
  };
}
