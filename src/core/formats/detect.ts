/**
 * Guesses the export format of a JSONL line from its shape: "Check a dataset" on the page when
 * the format is left on "detect", and `check` on the command line without `--format` (or with
 * one the lines do not look like). Returns a format id of the core's registry, or undefined
 * when the line is not a JSON object of any known shape.
 *
 * - distil: `{"question", "answer"}`;
 * - sharegpt: `{"conversations": [...]}`;
 * - anthropic: a top-level `system` text, tools with `input_schema`, or content blocks of type
 *   `tool_use` / `tool_result`;
 * - hermes: `<tool_call>`, `<tool_response>` or `<tools>` in a message's text;
 * - hf: `tool_calls` whose arguments are objects, or tool messages with a `name`;
 * - openai: any other `{"messages": [...]}`;
 * - gold test sets (docs/evaluation.md): eval `{"gold", "design", …}`, eval-bfcl
 *   `{"question", "ground_truth"}`, eval-taskbench `{"tool_nodes", "tool_links"}`,
 *   eval-nestful `{"sample_id", "output"}`.
 */
export function detectLineFormat(line: string): string | undefined {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(record)) return undefined;
  if (isObject(record.gold) && isObject(record.design)) return 'eval';
  if (Array.isArray(record.question) && Array.isArray(record.ground_truth)) return 'eval-bfcl';
  if (Array.isArray(record.tool_nodes) && Array.isArray(record.tool_links)) return 'eval-taskbench';
  if (typeof record.sample_id === 'string' && Array.isArray(record.output)) return 'eval-nestful';
  if ('question' in record && 'answer' in record) return 'distil';
  if (Array.isArray(record.conversations)) return 'sharegpt';
  if (!Array.isArray(record.messages)) return undefined;
  const messages = record.messages.filter(isObject);
  const tools = Array.isArray(record.tools) ? record.tools.filter(isObject) : [];
  const hasBlocks = messages.some((m) => Array.isArray(m.content) && m.content.some((b) => isObject(b) && (b.type === 'tool_use' || b.type === 'tool_result')));
  if (typeof record.system === 'string' || tools.some((t) => 'input_schema' in t) || hasBlocks) return 'anthropic';
  if (messages.some((m) => typeof m.content === 'string' && /<tool_call>|<tool_response>|<tools>/.test(m.content))) return 'hermes';
  const calls = messages.flatMap((m) => (Array.isArray(m.tool_calls) ? m.tool_calls.filter(isObject) : []));
  const objectArgs = calls.some((c) => isObject(c.function) && isObject(c.function.arguments));
  const namedToolMessage = messages.some((m) => m.role === 'tool' && typeof m.name === 'string');
  if (objectArgs || namedToolMessage) return 'hf';
  return 'openai';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
