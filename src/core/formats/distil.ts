import type { JsonObject, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { chainPlan } from '../compile/compileProject.ts';
import { error, jsonPath, warning, type Diagnostic } from '../validate/diagnostics.ts';
import { checkCall, parseLine, type ToolSchemas } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import { pythonJson } from './pythonJson.ts';
import { parameterSchemas, type OpenAITool } from '../tools/openAITools.ts';
import type { ExportFormat } from './exportFormat.ts';

/**
 * The `distil` format: the multi-turn question/answer format of seed 001 (task
 * `multi-turn-tool-calling-closed-book`). A bundle: `job_description.json` (task description
 * + OpenAI tool definitions), `config.yaml`, `train.jsonl`, `test.jsonl`. Each example gives one
 * line per call: `question` = the conversation so far as stringified JSON (user requests and the
 * assistant's earlier calls, one call per assistant turn, no tool results), `answer` = the
 * stringified next call `{"name", "parameters"}`. JSON text is written the way the seed shows
 * it (Python's `json.dumps` spacing).
 */

export const DISTIL_TASK = 'multi-turn-tool-calling-closed-book';
export const DISTIL_FILES = { jobDescription: 'job_description.json', config: 'config.yaml', train: 'train.jsonl', test: 'test.jsonl' } as const;

export type DistilTurn =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: ''; tool_calls: [{ type: 'function'; function: { name: string; arguments: JsonObject } }] }
  /** A question the assistant asks before a confirmed call (design §7); the user's answer follows. */
  | { role: 'assistant'; content: string };

export interface DistilRecord {
  /** JSON text of `DistilTurn[]`. */
  question: string;
  /** JSON text of `{"name", "parameters"}`. */
  answer: string;
}

/**
 * Whether a chain can be written as distil lines: every call needs its own user requests
 * (errors name each call that lacks them), the project a system prompt (the task description).
 * Parallel levels are fine (written one call per turn), and reported as a warning.
 */
export function distilReadiness(project: Project, chainId: string): Diagnostic[] {
  const index = project.chains.findIndex((c) => c.id === chainId);
  if (index < 0) return [error('unknown-chain', '$.chains', `there is no chain "${chainId}"`)];
  const chain = project.chains[index];
  const out: Diagnostic[] = [];
  if (!project.systemPrompt?.trim()) {
    out.push(
      error(
        'distil-no-task-description',
        '$.systemPrompt',
        'distil\'s job_description.json needs a task description: add a "systemPrompt" to the project (it becomes task_description)',
      ),
    );
  }
  if (chain.calls.length === 0)
    out.push(error('distil-no-calls', jsonPath('$.chains', index, 'calls'), `chain "${chainId}" has no calls: distil writes one line per call`, { chainId }));
  const missing = chain.calls.map((c, j) => ({ c, j })).filter(({ c }) => !c.requests?.length);
  for (const { c, j } of missing) {
    out.push(
      error(
        'distil-no-step-request',
        jsonPath('$.chains', index, 'calls', j, 'requests'),
        `distil needs a user request before every call: add "requests" to call "${c.id}" (what the user asks at this step, e.g. ["${stepExample(c.tool)}"]); the chain's own "requests" only open a single-request conversation`,
        { chainId, callId: c.id },
      ),
    );
  }
  const planned = chainPlan(project, chain);
  if (planned.ok) {
    for (const level of planned.plan.levels.filter((l) => l.length > 1)) {
      out.push(
        warning(
          'distil-serialized',
          jsonPath('$.chains', index),
          `calls ${level.map((id) => `"${id}"`).join(', ')} run in parallel in the design; distil takes one call per turn, so they are written one after another`,
          { chainId },
        ),
      );
    }
  }
  return out;
}

function stepExample(tool: string): string {
  return `Now ${tool.replace(/[_-]+/g, ' ')} …`;
}

/** Thrown when an example cannot be written as distil lines (the chain was not checked with `distilReadiness`). */
export class DistilShapeError extends Error {
  constructor(
    readonly chainId: string,
    readonly index: number,
    problem: string,
  ) {
    super(`chain "${chainId}", example ${index}: ${problem} (distil needs one user request before each single call; see distilReadiness)`);
    this.name = 'DistilShapeError';
  }
}

/** One record per call of the example. */
export function toDistilRecords(example: Example): DistilRecord[] {
  const history: DistilTurn[] = [];
  const out: DistilRecord[] = [];
  let lastCallId: string | undefined;
  example.messages.forEach((m, i) => {
    if (m.role === 'user') {
      if (history.length && history[history.length - 1].role === 'user')
        throw new DistilShapeError(example.chainId, example.index, 'two user requests without a call between them');
      history.push({ role: 'user', content: m.text });
    } else if ('calls' in m) {
      if (m.calls.length !== 1) throw new DistilShapeError(example.chainId, example.index, `${m.calls.length} calls in one assistant turn`);
      // The next call of one fan-out (one per element, serialised) or a retry follows its previous call without a request of its own.
      const continues = m.calls[0].callId === lastCallId;
      if (history[history.length - 1]?.role !== 'user' && !continues)
        throw new DistilShapeError(example.chainId, example.index, `the call "${m.calls[0].callId}" has no user request of its own`);
      lastCallId = m.calls[0].callId;
      const call = m.calls[0];
      out.push({ question: pythonJson(history as unknown as JsonValue), answer: pythonJson({ name: call.tool, parameters: call.args }) });
      history.push({ role: 'assistant', content: '', tool_calls: [{ type: 'function', function: { name: call.tool, arguments: call.args } }] });
    } else if (m.role === 'assistant' && i < example.messages.length - 1) {
      // A question before a confirmed call (design §7): part of the history the next call is asked with.
      history.push({ role: 'assistant', content: m.text });
      lastCallId = undefined;
    }
  });
  return out;
}

export function toDistilLines(example: Example): string[] {
  return toDistilRecords(example).map((r) => pythonJson(r as unknown as JsonValue));
}

/** `job_description.json` and `config.yaml` of the bundle. */
export function distilBundleFiles(project: Project, tools: readonly OpenAITool[]): Record<string, string> {
  return {
    [DISTIL_FILES.jobDescription]: `${JSON.stringify({ task_description: project.systemPrompt ?? '', tools }, null, 2)}\n`,
    [DISTIL_FILES.config]: `base:\n  task: ${DISTIL_TASK}\n`,
  };
}

export interface DistilCheckContext {
  /** The tools of `job_description.json`: the lines carry none. */
  tools?: OpenAITool[];
}

const WHERE = 'job_description.json\'s "tools"';

/** The tool name an answer calls, when it can be read (the checks of the answer itself report the rest). */
function answerToolOf(answer: JsonValue | undefined): unknown {
  if (typeof answer !== 'string') return undefined;
  try {
    const parsed = JSON.parse(answer) as JsonValue;
    return isPlainObject(parsed) ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}

/** Checks one record: the stringified conversation, one call per assistant turn, and the answer. */
export function checkDistilRecord(record: unknown, context: DistilCheckContext = {}): Finding[] {
  if (!isPlainObject(record)) return [brokenRule('not-an-object', '$', 'a line must be a JSON object {"question", "answer"}')];
  const out: Finding[] = [];
  const schemas = parameterSchemas(context.tools);
  checkQuestion(record.question, schemas, out, answerToolOf(record.answer));
  checkAnswer(record.answer, schemas, out);
  return out;
}

function decode(value: JsonValue | undefined, field: string, what: string, out: Finding[]): JsonValue | undefined {
  if (typeof value !== 'string') {
    out.push(brokenRule(`${field}-not-string`, `$.${field}`, `"${field}" must be a string holding ${what} (stringified JSON, not the value itself)`));
    return undefined;
  }
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    out.push(brokenRule(`${field}-not-json`, `$.${field}`, `"${field}" does not parse as JSON (${what})`));
    return undefined;
  }
}

function checkQuestion(value: JsonValue | undefined, schemas: ToolSchemas, out: Finding[], answerTool?: unknown): void {
  const turns = decode(value, 'question', 'a JSON array of user/assistant turns', out);
  if (turns === undefined) return;
  if (!Array.isArray(turns) || turns.length === 0) {
    out.push(brokenRule('question-not-list', '$.question', '"question" must encode a non-empty JSON array of turns'));
    return;
  }
  /** The tool of an assistant turn's one call (undefined for a question turn). */
  const callTool = (t: JsonValue): unknown => {
    const calls = isPlainObject(t) ? t.tool_calls : undefined;
    const first = Array.isArray(calls) ? calls[0] : undefined;
    return isPlainObject(first) && isPlainObject(first.function) ? first.function.name : undefined;
  };
  turns.forEach((t, i) => {
    const at = jsonPath('$.question', i);
    if (!isPlainObject(t)) {
      out.push(brokenRule('turn-not-object', at, 'a turn must be an object {"role", "content"}'));
      return;
    }
    if (t.role !== 'user' && t.role !== 'assistant') {
      out.push(brokenRule('bad-role', jsonPath(at, 'role'), `role must be user or assistant, found ${JSON.stringify(t.role)}`));
      return;
    }
    // Turns alternate, starting with the user; two assistant turns in a row are the calls of one
    // fan-out (or a retry): the same tool, one call each, no request between them.
    const previous = i > 0 ? turns[i - 1] : undefined;
    const continued =
      t.role === 'assistant' && isPlainObject(previous) && previous.role === 'assistant' && callTool(t) !== undefined && callTool(t) === callTool(previous);
    if (i === 0 && t.role !== 'user')
      out.push(brokenRule('first-not-user', jsonPath(at, 'role'), 'turn 1 must be user: turns alternate user/assistant, starting with user'));
    else if (i > 0 && isPlainObject(previous) && previous.role === t.role && !continued) {
      out.push(
        brokenRule(
          'roles-not-alternating',
          jsonPath(at, 'role'),
          `turn ${i + 1} must be ${t.role === 'user' ? 'assistant' : 'user'}: turns alternate user/assistant (two calls in a row only for one fan-out's calls of one tool)`,
        ),
      );
    }
    if (t.role === 'user') {
      if (typeof t.content !== 'string' || !t.content) out.push(brokenRule('content-not-string', jsonPath(at, 'content'), 'a user turn needs text content'));
      return;
    }
    if (typeof t.content !== 'string')
      out.push(brokenRule('content-not-string', jsonPath(at, 'content'), "an assistant turn's content is a string (empty when it makes a call)"));
    const calls = t.tool_calls;
    if (calls === undefined && typeof t.content === 'string' && t.content) {
      // A question before a confirmed call: text, no call; the user's answer must follow.
      const next = turns[i + 1];
      if (!isPlainObject(next) || next.role !== 'user')
        out.push(brokenRule('question-unanswered', at, "an assistant question (text without a call) must be followed by the user's answer"));
      return;
    }
    if (!Array.isArray(calls) || calls.length !== 1) {
      out.push(
        brokenRule(
          'one-call-per-turn',
          jsonPath(at, 'tool_calls'),
          `each assistant turn has exactly one tool call, found ${Array.isArray(calls) ? calls.length : 'none'}`,
        ),
      );
      return;
    }
    const c = calls[0];
    const cp = jsonPath(at, 'tool_calls', 0);
    const fn = isPlainObject(c) ? c.function : undefined;
    if (!isPlainObject(c) || c.type !== 'function' || !isPlainObject(fn)) {
      out.push(brokenRule('bad-tool-call', cp, 'a tool call must be {"type": "function", "function": {"name", "arguments"}}'));
      return;
    }
    checkCall(fn.name, fn.arguments, schemas, { name: jsonPath(cp, 'function', 'name'), args: jsonPath(cp, 'function', 'arguments') }, WHERE, out);
  });
  const last = turns[turns.length - 1];
  const continues = isPlainObject(last) && last.role === 'assistant' && callTool(last) !== undefined && callTool(last) === answerTool;
  if (!isPlainObject(last) || (last.role !== 'user' && !continues)) {
    out.push(
      brokenRule(
        'last-not-user',
        jsonPath('$.question', turns.length - 1),
        "the conversation must end with the user's request the answer responds to (or, for the next call of one fan-out, with the previous call of the same tool)",
      ),
    );
  }
}

function checkAnswer(value: JsonValue | undefined, schemas: ToolSchemas, out: Finding[]): void {
  const answer = decode(value, 'answer', 'the next call {"name", "parameters"}', out);
  if (answer === undefined) return;
  if (!isPlainObject(answer) || typeof answer.name !== 'string' || !('parameters' in answer)) {
    out.push(brokenRule('answer-shape', '$.answer', '"answer" must encode {"name": "...", "parameters": {...}}'));
    return;
  }
  checkCall(answer.name, answer.parameters, schemas, { name: '$.answer.name', args: '$.answer.parameters' }, WHERE, out, '"parameters"');
}

export function checkDistilLine(line: string, context: DistilCheckContext = {}): Finding[] {
  const parsed = parseLine(line);
  return parsed.ok ? checkDistilRecord(parsed.record, context) : parsed.findings;
}

/** A finding about a file of a bundle (and its line, for JSONL files). */
export interface BundleFinding extends Finding {
  file: string;
  /** 1-based line, for JSONL files. */
  line?: number;
}

export interface BundleCheck {
  findings: BundleFinding[];
  /** The tools of job_description.json, to check lines with when they are read separately. */
  tools?: OpenAITool[];
}

/**
 * Checks a distil bundle: the four files are there, `job_description.json` has a task description
 * and OpenAI tool definitions, `config.yaml` names the task, and (when given) every line of
 * `train.jsonl` and `test.jsonl` passes `checkDistilLine` against those tools.
 */
export function checkDistilBundle(files: Readonly<Record<string, string>>): BundleCheck {
  const findings: BundleFinding[] = [];
  const add = (file: string, f: Finding, line?: number) => findings.push(line === undefined ? { file, ...f } : { file, line, ...f });
  for (const name of Object.values(DISTIL_FILES)) {
    if (files[name] === undefined) add(name, brokenRule('missing-file', '$', `the bundle needs ${name}`));
  }
  const tools = checkJobDescription(files[DISTIL_FILES.jobDescription], (f) => add(DISTIL_FILES.jobDescription, f));
  const config = files[DISTIL_FILES.config];
  if (config !== undefined && !new RegExp(`^base:[ \\t]*\\r?\\n[ \\t]+task:[ \\t]*["']?${DISTIL_TASK}["']?[ \\t]*$`, 'm').test(config)) {
    add(DISTIL_FILES.config, brokenRule('config-task', '$.base.task', `config.yaml must hold "base:" with "task: ${DISTIL_TASK}"`));
  }
  for (const name of [DISTIL_FILES.train, DISTIL_FILES.test]) {
    const text = files[name];
    if (text === undefined) continue;
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      for (const f of checkDistilLine(line, { tools })) add(name, f, i + 1);
    });
  }
  return tools ? { findings, tools } : { findings };
}

function checkJobDescription(text: string | undefined, add: (f: Finding) => void): OpenAITool[] | undefined {
  if (text === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    add(brokenRule('not-json', '$', `job_description.json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`));
    return undefined;
  }
  if (!isPlainObject(doc)) {
    add(brokenRule('not-an-object', '$', 'job_description.json must be an object {"task_description", "tools"}'));
    return undefined;
  }
  if (typeof doc.task_description !== 'string' || !doc.task_description.trim())
    add(brokenRule('task-description', '$.task_description', '"task_description" must be a non-empty text (the system prompt)'));
  if (!Array.isArray(doc.tools) || doc.tools.length === 0) {
    add(brokenRule('tools-not-list', '$.tools', '"tools" must be a non-empty list of OpenAI tool definitions'));
    return undefined;
  }
  doc.tools.forEach((t, i) => {
    const fn = isPlainObject(t) ? t.function : undefined;
    if (!isPlainObject(t) || t.type !== 'function' || !isPlainObject(fn) || typeof fn.name !== 'string' || !isPlainObject(fn.parameters)) {
      add(
        brokenRule(
          'tool-definition',
          jsonPath('$.tools', i),
          'an OpenAI tool definition is {"type": "function", "function": {"name", "description", "parameters"}}',
        ),
      );
    }
  });
  return doc.tools as unknown as OpenAITool[];
}

/** Reads a (checked) record back: the conversation so far and the next call. */
export function readDistilRecord(record: DistilRecord): { question: DistilTurn[]; answer: { name: string; parameters: JsonObject } } {
  return { question: JSON.parse(record.question) as DistilTurn[], answer: JSON.parse(record.answer) as { name: string; parameters: JsonObject } };
}

export const distilFormat: ExportFormat = {
  id: 'distil',
  label: 'Multi-turn question/answer (distil bundle)',
  description: 'job_description.json, config.yaml, train.jsonl, test.jsonl: one line per call, question = the conversation so far, answer = the next call',
  // {"question", "answer"} (after eval-bfcl, whose question is a list beside ground_truth).
  detect: { specificity: 90, matches: (r) => 'question' in r && 'answer' in r },
  needsSerializedTurns: true,
  distinctLines: true,
  write: (example) => toDistilLines(example),
  check: (line, tools) => checkDistilLine(line, { tools }),
  readiness: distilReadiness,
  bundle: ({ project, tools }) => ({ files: distilBundleFiles(project, tools), splitFiles: { train: DISTIL_FILES.train, test: DISTIL_FILES.test } }),
  checkBundle: checkDistilBundle,
};
