import type { JsonObject, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { Example, ExampleCall } from '../generate/types.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { checkCall, checkLineWith, type ToolSchemas } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import { pythonJson } from './pythonJson.ts';
import { openAITools, parameterSchemas, perToolList, type OpenAITool } from '../tools/openAITools.ts';
import type { Transcript, TranscriptTurn } from './transcript.ts';
import { objectsIn, type ExportFormat } from './exportFormat.ts';

/**
 * The `hermes` format: ChatML messages whose text is what a model trained on Hermes tool calling
 * sees. After the system message, a plain ChatML template (`<|im_start|>{role}\n{content}<|im_end|>\n`)
 * gives byte for byte what the Hermes tool-calling chat template (vLLM's
 * `tool_chat_template_hermes.jinja`, in ../shared/reference/chat-templates/) renders for the same
 * conversation when a tool message's content is the result object:
 * - assistant calls: one `<tool_call>\n{ "arguments": {...}, "name": "..."}\n</tool_call> ` block
 *   per call, joined by "\n" (several blocks = parallel calls);
 * - results: one `tool` message per call, `<tool_response>\n{"name": "...", "content": {...}}\n</tool_response> `
 *   whose `content` is the result itself (as NousResearch's hermes-function-calling dataset and
 *   the Hermes 2 Pro prompt format write it), not a JSON string of it;
 * - tools: in the system message, the Hermes instructions around one OpenAI definition per line
 *   inside `<tools></tools>`. This preamble is not the template's: hermes.jinja rewrites each
 *   description into a Python signature and writes its preamble before any `<|im_start|>`.
 * `hermes-conversations` (hermesConversations.ts) writes the same texts in the dataset's own
 * `{"conversations": [{"from", "value"}]}` shape.
 */

export type HermesMessage = { role: 'system' | 'user' | 'assistant' | 'tool'; content: string };

export interface HermesRecord {
  messages: HermesMessage[];
}

export interface HermesOptions {
  /** Put the tools into the system message (default true). */
  includeTools?: boolean;
  /** Precomputed tool list, to avoid rebuilding it per line. */
  tools?: OpenAITool[];
}

const TOOLS_INTRO =
  "You are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags. You may call one or more functions to assist with the user query. Don't make assumptions about what values to plug into functions. Here are the available tools: <tools>";
const TOOLS_OUTRO =
  '</tools>\nUse the following pydantic model json schema for each tool call you will make: {"properties": {"arguments": {"title": "Arguments", "type": "object"}, "name": {"title": "Name", "type": "string"}}, "required": ["arguments", "name"], "title": "FunctionCall", "type": "object"}\n' +
  'For each function call return a json object with function name and arguments within <tool_call></tool_call> XML tags as follows:\n<tool_call>\n{"name": <function-name>, "arguments": <args-dict>}\n</tool_call>';

/** The system text that declares the tools (the template's preamble, tools as JSON lines). */
export const hermesToolsText = perToolList((tools) => `${TOOLS_INTRO}\n${tools.map((t) => pythonJson(t as unknown as JsonValue)).join('\n')}\n${TOOLS_OUTRO}`);

/** One call as hermes.jinja renders it (key order and spaces included). */
export function hermesToolCall(call: Pick<ExampleCall, 'tool' | 'args'>): string {
  return `<tool_call>\n{ "arguments": ${pythonJson(call.args)}, "name": ${JSON.stringify(call.tool)}}\n</tool_call> `;
}

/** One result as hermes.jinja renders a `tool` message whose content is the result object (`tojson`: Python's spacing). */
export function hermesToolResponse(tool: string, result: JsonValue): string {
  return `<tool_response>\n{"name": ${JSON.stringify(tool)}, "content": ${pythonJson(result)}}\n</tool_response> `;
}

export function toHermesRecord(example: Example, project: Project, options: HermesOptions = {}): HermesRecord {
  const messages: HermesMessage[] = [];
  const system = [options.includeTools !== false ? hermesToolsText(options.tools ?? openAITools(project)) : undefined, example.system].filter(
    (s) => s !== undefined,
  );
  if (system.length) messages.push({ role: 'system', content: system.join('\n\n') });
  for (const m of example.messages) {
    if (m.role === 'user') messages.push({ role: 'user', content: m.text });
    else if (m.role === 'tool') messages.push({ role: 'tool', content: hermesToolResponse(m.tool, m.result) });
    else if ('calls' in m) messages.push({ role: 'assistant', content: m.calls.map(hermesToolCall).join('\n') });
    else messages.push({ role: 'assistant', content: m.text });
  }
  return { messages };
}

export function toHermesLine(example: Example, project: Project, options: HermesOptions = {}): string {
  return JSON.stringify(toHermesRecord(example, project, options));
}

export interface HermesCheckContext {
  /** Tools to check against when the system message declares none. */
  tools?: OpenAITool[];
}

/** Where a record keeps its turns: `hermes` `{"messages": [{"role", "content"}]}`, `hermes-conversations` `{"conversations": [{"from", "value"}]}`. */
export interface HermesShape {
  list: string;
  roleKey: string;
  textKey: string;
  /** The shape's role names → the ChatML role. */
  roles: Readonly<Record<string, HermesMessage['role']>>;
  /** Rule ids of the shape's own keys (as sharegpt names them for a conversations list). */
  rules: { noList: string; badRole: string; notText: string };
}

export const HERMES_MESSAGES: HermesShape = {
  list: 'messages',
  roleKey: 'role',
  textKey: 'content',
  roles: { system: 'system', user: 'user', assistant: 'assistant', tool: 'tool' },
  rules: { noList: 'no-messages', badRole: 'bad-role', notText: 'content-not-string' },
};

const TOOL_CALL = /<tool_call>([\s\S]*?)<\/tool_call>/g;
const TOOL_RESPONSE = /<tool_response>([\s\S]*?)<\/tool_response>/g;
const TOOLS_BLOCK = /<tools>([\s\S]*?)<\/tools>/g;

/** The text inside the first non-empty `<tools></tools>` (the instructions mention an empty pair first). */
function declaredToolsText(system: string): string | undefined {
  for (const m of system.matchAll(TOOLS_BLOCK)) if (m[1].trim()) return m[1];
  return undefined;
}

/** Whether a text holds Hermes tags (for detection). */
export function hasHermesTags(text: unknown): boolean {
  return typeof text === 'string' && /<tool_call>|<tool_response>|<tools>/.test(text);
}

const count = (text: string, tag: string) => text.split(tag).length - 1;

/**
 * Checks one record: the tags, the JSON inside them, and that every call gets its response.
 * A `<tool_response>`'s `content` may be the result object (as written here) or a JSON string
 * (as vLLM's template renders a tool message whose content is text).
 */
export function checkHermesRecord(record: unknown, context: HermesCheckContext = {}, shape: HermesShape = HERMES_MESSAGES): Finding[] {
  const out: Finding[] = [];
  const { list, roleKey, textKey, roles, rules } = shape;
  if (!isPlainObject(record)) return [brokenRule('not-an-object', '$', `a line must be a JSON object with "${list}"`)];
  const messages = record[list];
  if (!Array.isArray(messages) || messages.length === 0) return [brokenRule(rules.noList, `$.${list}`, `"${list}" must be a non-empty list`)];
  const roleOf = (m: JsonValue) => (isPlainObject(m) && typeof m[roleKey] === 'string' && Object.hasOwn(roles, m[roleKey]) ? roles[m[roleKey]] : undefined);
  const first = messages[0];
  const declared = roleOf(first) === 'system' && isPlainObject(first) && typeof first[textKey] === 'string' ? declaredToolsText(first[textKey]) : undefined;
  const schemas = declared !== undefined ? toolsFromText(declared, `$.${list}[0].${textKey}`, out) : parameterSchemas(context.tools);
  let pending: { tool: string; at: string }[] = [];
  let sawUser = false;
  const closePending = () => {
    for (const p of pending) out.push(brokenRule('unanswered-call', p.at, `the call of "${p.tool}" gets no <tool_response> before the conversation moves on`));
    pending = [];
  };
  const names = Object.keys(roles);
  const nameOf = (role: HermesMessage['role']) => names.find((n) => roles[n] === role)!;

  messages.forEach((m: JsonValue, i: number) => {
    const at = jsonPath(`$.${list}`, i);
    if (!isPlainObject(m)) {
      out.push(brokenRule('message-not-object', at, `a message must be an object {"${roleKey}", "${textKey}"}`));
      return;
    }
    const role = roleOf(m);
    if (role === undefined) {
      out.push(
        brokenRule(
          rules.badRole,
          jsonPath(at, roleKey),
          `${roleKey} must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, found ${JSON.stringify(m[roleKey])}`,
        ),
      );
      return;
    }
    if (role !== 'tool') closePending();
    const contentPath = jsonPath(at, textKey);
    const content = m[textKey];
    if (typeof content !== 'string') {
      out.push(brokenRule(rules.notText, contentPath, `every message's ${textKey} is text (tool calls and results are written inside it)`));
      return;
    }
    if (role === 'system') {
      if (i !== 0) out.push(brokenRule('system-not-first', at, `a ${nameOf('system')} message may only come first`));
    } else if (role === 'user') {
      sawUser = true;
      if (!content) out.push(brokenRule(rules.notText, contentPath, `a ${nameOf('user')} message needs text`));
    } else if (role === 'assistant') {
      if (!sawUser) out.push(brokenRule('assistant-before-user', at, `the ${nameOf('assistant')} speaks before any ${nameOf('user')} message`));
      if (count(content, '<tool_call>') !== count(content, '</tool_call>'))
        out.push(brokenRule('unclosed-tool-call', contentPath, 'every <tool_call> needs its </tool_call>'));
      let block = 0;
      for (const match of content.matchAll(TOOL_CALL)) {
        block += 1;
        const call = parseBlock(match[1], `<tool_call> block ${block}`, contentPath, 'tool-call-not-json', out);
        if (call === undefined) continue;
        if (!isPlainObject(call) || typeof call.name !== 'string' || !('arguments' in call)) {
          out.push(brokenRule('tool-call-shape', contentPath, `<tool_call> block ${block} must hold {"name": "...", "arguments": {...}}`));
          continue;
        }
        checkCall(
          call.name,
          call.arguments,
          schemas,
          { name: contentPath, args: contentPath },
          `the ${nameOf('system')} message's <tools>`,
          out,
          `the "arguments" of <tool_call> block ${block}`,
        );
        pending.push({ tool: call.name, at: contentPath });
      }
      if (!block && !content.trim()) out.push(brokenRule(rules.notText, contentPath, `an ${nameOf('assistant')} message needs text or <tool_call> blocks`));
    } else {
      if (count(content, '<tool_response>') !== count(content, '</tool_response>'))
        out.push(brokenRule('bad-tool-response', contentPath, 'every <tool_response> needs its </tool_response>'));
      let block = 0;
      for (const match of content.matchAll(TOOL_RESPONSE)) {
        block += 1;
        const response = parseBlock(match[1], `<tool_response> block ${block}`, contentPath, 'tool-response-not-json', out);
        if (response === undefined) continue;
        if (!isPlainObject(response) || typeof response.name !== 'string' || !('content' in response)) {
          out.push(brokenRule('tool-response-shape', contentPath, `<tool_response> block ${block} must hold {"name": "...", "content": ...}`));
          continue;
        }
        if (!pending.length) {
          out.push(
            brokenRule(
              'tool-response-orphan',
              contentPath,
              `a <tool_response> for "${response.name}" answers no open <tool_call> of the ${nameOf('assistant')} message right before`,
            ),
          );
          continue;
        }
        const k = pending.findIndex((p) => p.tool === response.name);
        if (k < 0)
          out.push(
            brokenRule(
              'tool-response-name',
              contentPath,
              `the <tool_response> names "${response.name}", but the open calls are of ${pending.map((p) => `"${p.tool}"`).join(', ')}`,
            ),
          );
        pending.splice(Math.max(k, 0), 1);
      }
      if (!block) out.push(brokenRule('bad-tool-response', contentPath, `a ${nameOf('tool')} message holds the result inside <tool_response></tool_response>`));
    }
  });
  closePending();
  const last = messages[messages.length - 1];
  const lastText = isPlainObject(last) ? last[textKey] : undefined;
  if (roleOf(last) !== 'assistant' || typeof lastText !== 'string' || !lastText.trim() || lastText.includes('<tool_call>')) {
    out.push(
      brokenRule('no-final-reply', jsonPath(`$.${list}`, messages.length - 1), `the last message must be the ${nameOf('assistant')}'s final text reply`),
    );
  }
  return out;
}

function parseBlock(text: string, what: string, path: string, rule: string, out: Finding[]): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    out.push(brokenRule(rule, path, `${what} does not hold valid JSON`));
    return undefined;
  }
}

/** The tool definitions inside `<tools></tools>`: one JSON definition per line. */
function toolsFromText(text: string, path: string, out: Finding[]): ToolSchemas {
  const tools: JsonValue[] = [];
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, k) => {
      try {
        const t = JSON.parse(line) as JsonValue;
        tools.push(isPlainObject(t) && t.type === 'function' ? t : { type: 'function', function: t });
      } catch {
        out.push(brokenRule('tools-not-json', path, `line ${k + 1} inside <tools></tools> is not a JSON tool definition`));
      }
    });
  return parameterSchemas(tools);
}

export function checkHermesLine(line: string, context: HermesCheckContext = {}): Finding[] {
  return checkLineWith(line, context, checkHermesRecord);
}

/** Reads a (checked) record back into its call/result sequence; hermes carries no call ids. */
export function readHermesRecord(record: HermesRecord): Transcript {
  const turns: TranscriptTurn[] = [];
  let system: string | undefined;
  for (const m of record.messages) {
    if (m.role === 'system') {
      system = m.content;
      if (system.startsWith(TOOLS_INTRO)) {
        const cut = system.indexOf(TOOLS_OUTRO);
        system = cut >= 0 ? system.slice(cut + TOOLS_OUTRO.length).replace(/^\n\n/, '') || undefined : undefined;
      }
    } else if (m.role === 'user') turns.push({ kind: 'user', text: m.content });
    else if (m.role === 'assistant') {
      const calls = [...m.content.matchAll(TOOL_CALL)].map((b) => JSON.parse(b[1]) as JsonObject);
      if (calls.length) turns.push({ kind: 'calls', calls: calls.map((c) => ({ tool: c.name as string, args: c.arguments as JsonObject })) });
      else turns.push({ kind: 'reply', text: m.content });
    } else {
      for (const b of m.content.matchAll(TOOL_RESPONSE)) {
        const r = JSON.parse(b[1]) as JsonObject;
        turns.push({ kind: 'result', tool: r.name as string, result: r.content });
      }
    }
  }
  return system === undefined ? { turns } : { system, turns };
}

export const hermesFormat: ExportFormat = {
  id: 'hermes',
  label: 'Hermes / ChatML <tool_call>',
  description:
    'ChatML messages with <tool_call> and <tool_response> text as the Hermes chat template renders them (results as objects); tools in the system message',
  // {"messages"} whose text holds <tool_call>, <tool_response> or <tools> (after anthropic, before hf and openai).
  detect: { specificity: 60, matches: (r) => objectsIn(r.messages).some((m) => hasHermesTags(m.content)) },
  write: (example, { project, tools, options }) => [toHermesLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkHermesLine(line, { tools }),
};
