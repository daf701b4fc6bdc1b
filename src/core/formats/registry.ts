import type { Project } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import type { Diagnostic } from '../validate/diagnostics.ts';
import type { Finding } from './finding.ts';
import { checkAnthropicLine, toAnthropicLine } from './anthropic.ts';
import { checkDistilBundle, checkDistilLine, DISTIL_FILES, distilBundleFiles, distilReadiness, toDistilLines, type BundleCheck } from './distil.ts';
import { checkHermesLine, toHermesLine } from './hermes.ts';
import { checkHfLine, toHfLine } from './hf.ts';
import { checkOpenAILine, toOpenAILine } from './openai.ts';
import { checkBfclLine, checkEvalLine, checkNestfulLine, checkTaskBenchLine, toBfclLine, toEvalLine, toNestfulLine, toTaskBenchLine } from './eval.ts';
import { checkShareGptLine, toShareGptLine } from './sharegpt.ts';
import { openAITools, type OpenAITool } from './tools.ts';

/**
 * Every export format is one module that writes lines from the format-neutral Example and
 * checks lines as its consumer would. The CLI, the Web Worker and the page use this table.
 *
 * The interface, for callers (docs/export-formats.md has each format's rules):
 * - `write(example, context)` → the JSONL lines of one example (one for most formats; distil
 *   writes one per call). Generate with `serializeParallel: true` when `needsSerializedTurns`,
 *   and with `omitSystem` for "system prompt off"; `context.options.includeTools` is "tools on
 *   every line". `write` throws only for an example of a chain that `readiness` refused.
 * - `check(line, tools?)` → the consumer's rules broken by one line; empty when it is good.
 *   `tools`: the project's OpenAI tools, used when a line carries none (always for distil, whose
 *   tools live in job_description.json; `checkBundle` returns them).
 * - `readiness?(project, chainId)` → diagnostics; any error means the chain cannot be written in
 *   this format (each says what to add). Formats without it take every chain the generator takes.
 * - `bundle?(context)` → a bundle instead of a single file: whole `files` (name → text) plus the
 *   file each split's lines go to. Single-file formats have none.
 * - `checkBundle?(files)` → findings per file (and line) for a bundle's files, and the tools to
 *   check lines with.
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

export interface BundleLayout {
  /** Files written whole, name → text (distil: job_description.json, config.yaml). */
  files: Record<string, string>;
  /** The file each split's lines go to (distil: train.jsonl, test.jsonl). */
  splitFiles: { train: string; test: string };
}

export type { BundleCheck, BundleFinding } from './distil.ts';

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
  /** Whether a chain can be written in this format; errors say what to add. */
  readiness?(project: Project, chainId: string): Diagnostic[];
  /** The format is a bundle of files rather than one JSONL file. */
  bundle?(context: FormatContext): BundleLayout;
  /** Checks a bundle's files (those given); returns the tools to check lines with. */
  checkBundle?(files: Readonly<Record<string, string>>): BundleCheck;
}

export const openaiFormat: ExportFormat = {
  id: 'openai',
  label: 'OpenAI chat fine-tuning',
  description: 'OpenAI-style chat fine-tuning and most hosted trainers: messages, tools, parallel_tool_calls; arguments as JSON strings',
  write: (example, { project, tools, options }) => [toOpenAILine(example, project, { tools, includeTools: options.includeTools, serialized: options.serialized })],
  check: (line, tools) => checkOpenAILine(line, { tools }),
};

export const hfFormat: ExportFormat = {
  id: 'hf',
  label: 'Hugging Face (TRL, Axolotl, chat templates)',
  description: 'messages + tools columns for TRL, Axolotl and chat templates: arguments as JSON objects, tool messages with name and tool_call_id',
  write: (example, { project, tools, options }) => [toHfLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkHfLine(line, { tools }),
};

export const distilFormat: ExportFormat = {
  id: 'distil',
  label: 'Multi-turn question/answer (distil bundle)',
  description: 'job_description.json, config.yaml, train.jsonl, test.jsonl: one line per call, question = the conversation so far, answer = the next call',
  needsSerializedTurns: true,
  write: (example) => toDistilLines(example),
  check: (line, tools) => checkDistilLine(line, { tools }),
  readiness: distilReadiness,
  bundle: ({ project, tools }) => ({ files: distilBundleFiles(project, tools), splitFiles: { train: DISTIL_FILES.train, test: DISTIL_FILES.test } }),
  checkBundle: checkDistilBundle,
};

export const sharegptFormat: ExportFormat = {
  id: 'sharegpt',
  label: 'ShareGPT (LLaMA-Factory)',
  description: 'LLaMA-Factory sharegpt: conversations of human / function_call / observation / gpt, system, tools as a JSON string',
  write: (example, { project, tools, options }) => [toShareGptLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkShareGptLine(line, { tools }),
};

export const hermesFormat: ExportFormat = {
  id: 'hermes',
  label: 'Hermes / ChatML <tool_call>',
  description: 'ChatML messages with <tool_call> and <tool_response> text exactly as the Hermes chat template renders them; tools in the system message',
  write: (example, { project, tools, options }) => [toHermesLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkHermesLine(line, { tools }),
};

export const anthropicFormat: ExportFormat = {
  id: 'anthropic',
  label: 'Anthropic Messages API',
  description: 'Anthropic Messages shape: system, tools with input_schema, tool_use and tool_result blocks',
  write: (example, { project, tools, options }) => [toAnthropicLine(example, project, { tools, includeTools: options.includeTools })],
  check: (line, tools) => checkAnthropicLine(line, { tools }),
};

/** Gold test sets (docs/evaluation.md): one test case per example, for `chainwright eval` and other suites. */
export const evalFormat: ExportFormat = {
  id: 'eval',
  label: 'Gold test set (chainwright eval)',
  description: 'one test case per line: prompt, tools, the gold calls with where each argument comes from, same-turn pairs, conditions, fan-outs and what the reply must mention',
  write: (example, { project, tools }) => [toEvalLine(example, project, tools)],
  check: (line) => checkEvalLine(line),
};

export const evalBfclFormat: ExportFormat = {
  id: 'eval-bfcl',
  label: 'Gold test set: BFCL possible_answer',
  description: 'BFCL question lines with ground_truth (its possible_answer shape) for the AST checker',
  write: (example, { project, tools }) => [toBfclLine(example, project, tools)],
  check: (line) => checkBfclLine(line),
};

export const evalTaskBenchFormat: ExportFormat = {
  id: 'eval-taskbench',
  label: 'Gold test set: TaskBench nodes and links',
  description: 'TaskBench tool_nodes and tool_links (node and edge F1)',
  write: (example, { project, tools }) => [toTaskBenchLine(example, project, tools)],
  check: (line) => checkTaskBenchLine(line),
};

export const evalNestfulFormat: ExportFormat = {
  id: 'eval-nestful',
  label: 'Gold test set: NESTFUL sequences',
  description: 'NESTFUL labelled call sequences, references as $var_1.field$',
  write: (example, { project, tools }) => [toNestfulLine(example, project, tools)],
  check: (line) => checkNestfulLine(line),
};

export const FORMATS: readonly ExportFormat[] = [openaiFormat, hfFormat, distilFormat, sharegptFormat, hermesFormat, anthropicFormat, evalFormat, evalBfclFormat, evalTaskBenchFormat, evalNestfulFormat];

export function formatById(id: string): ExportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function formatContext(project: Project, options: FormatOptions = {}): FormatContext {
  return { project, tools: openAITools(project), options };
}
