import type { Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import { buildGoldCase } from '../evaluate/gold.ts';
import { checkGoldRecord } from '../evaluate/parse.ts';
import { toBfcl, toNestful, toTaskBench } from '../evaluate/suites.ts';
import type { GoldCase } from '../evaluate/types.ts';
import { checkLineWith } from './sharedRules.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';
import type { OpenAITool } from '../tools/openAITools.ts';
import { isRecord, type ExportFormat } from './exportFormat.ts';

/**
 * Gold test sets (docs/evaluation.md): one test case per line, made from a generated example.
 * - `eval`: Chainwright's own test case (prompt, tools, the gold calls with where each argument
 *   comes from, the same-turn pairs, how conditions and fan-outs resolved, what the reply must
 *   mention, and the design) — what `chainwright eval` scores transcripts against;
 * - `eval-bfcl`: BFCL's question line with `ground_truth` (its `possible_answer`);
 * - `eval-taskbench`: TaskBench's `tool_nodes` / `tool_links`;
 * - `eval-nestful`: NESTFUL's labelled sequence (`$var_1.field$`).
 * Tools are always written (a test case is sent with them).
 */

function goldOf(example: Example, project: Project, tools: OpenAITool[]): GoldCase {
  return buildGoldCase(project, example, { tools });
}

export function toEvalLine(example: Example, project: Project, tools: OpenAITool[]): string {
  return JSON.stringify(goldOf(example, project, tools));
}

export function checkEvalLine(line: string): Finding[] {
  return checkLineWith(line, undefined, (record) => checkGoldRecord(record));
}

export function toBfclLine(example: Example, project: Project, tools: OpenAITool[]): string {
  return JSON.stringify(toBfcl(goldOf(example, project, tools)));
}

export function toTaskBenchLine(example: Example, project: Project, tools: OpenAITool[]): string {
  return JSON.stringify(toTaskBench(goldOf(example, project, tools)));
}

export function toNestfulLine(example: Example, project: Project, tools: OpenAITool[]): string {
  return JSON.stringify(toNestful(goldOf(example, project, tools), project));
}

/** Checks fields of a record: each `[key, kind]` must be there with that JSON kind; false when one is not (the findings say which). */
function fields(record: unknown, spec: [string, 'string' | 'number' | 'array' | 'object'][], out: Finding[], at = '$'): record is { [key: string]: unknown } {
  if (!isPlainObject(record)) {
    out.push(brokenRule('not-an-object', at, 'a line must be a JSON object'));
    return false;
  }
  let good = true;
  for (const [key, kind] of spec) {
    const v = record[key];
    const ok = kind === 'array' ? Array.isArray(v) : kind === 'object' ? isPlainObject(v) : typeof v === kind;
    if (ok) continue;
    good = false;
    out.push(
      brokenRule(
        v === undefined ? 'missing-field' : 'field-type',
        `${at}.${key}`,
        `"${key}" must be ${kind === 'array' ? 'a list' : kind === 'object' ? 'an object' : `a ${kind}`}`,
      ),
    );
  }
  return good;
}

export function checkBfclLine(line: string): Finding[] {
  return checkLineWith(line, undefined, (record) => {
    const out: Finding[] = [];
    if (
      !fields(
        record,
        [
          ['id', 'string'],
          ['question', 'array'],
          ['function', 'array'],
          ['ground_truth', 'array'],
        ],
        out,
      )
    )
      return out;
    const names = new Set((record.function as unknown[]).flatMap((f) => (isPlainObject(f) && typeof f.name === 'string' ? [f.name] : [])));
    (record.ground_truth as unknown[]).forEach((g, i) => {
      const at = `$.ground_truth[${i}]`;
      if (!isPlainObject(g) || Object.keys(g).length !== 1)
        return void out.push(brokenRule('bad-ground-truth', at, 'each answer is {"function_name": {"param": [acceptable values]}}'));
      const [name, params] = Object.entries(g)[0];
      if (!names.has(name)) out.push(brokenRule('undeclared-tool', at, `the function "${name}" is not declared in "function"`));
      if (!isPlainObject(params) || Object.values(params).some((v) => !Array.isArray(v) || v.length === 0))
        out.push(brokenRule('bad-ground-truth', at, 'each parameter lists its acceptable values'));
    });
    return out;
  });
}

export function checkTaskBenchLine(line: string): Finding[] {
  return checkLineWith(line, undefined, (record) => {
    const out: Finding[] = [];
    if (
      !fields(
        record,
        [
          ['id', 'string'],
          ['user_request', 'string'],
          ['tool_nodes', 'array'],
          ['tool_links', 'array'],
          ['n_tools', 'number'],
          ['type', 'string'],
        ],
        out,
      )
    )
      return out;
    const nodes = record.tool_nodes as unknown[];
    const names = new Set(nodes.flatMap((n) => (isPlainObject(n) && typeof n.task === 'string' ? [n.task] : [])));
    nodes.forEach((n, i) => {
      if (!isPlainObject(n) || typeof n.task !== 'string' || !Array.isArray(n.arguments))
        out.push(brokenRule('bad-node', `$.tool_nodes[${i}]`, 'a node is {"task", "arguments": [{"name", "value"}]}'));
    });
    (record.tool_links as unknown[]).forEach((l, i) => {
      if (!isPlainObject(l) || typeof l.source !== 'string' || typeof l.target !== 'string' || !names.has(l.source) || !names.has(l.target))
        out.push(brokenRule('bad-link', `$.tool_links[${i}]`, 'a link is {"source", "target"} naming two of the nodes'));
    });
    if (record.n_tools !== nodes.length)
      out.push(brokenRule('n-tools', '$.n_tools', `"n_tools" is ${String(record.n_tools)} but there are ${nodes.length} nodes`));
    if (!['single', 'chain', 'dag'].includes(record.type as string)) out.push(brokenRule('bad-type', '$.type', '"type" is single, chain or dag'));
    return out;
  });
}

export function checkNestfulLine(line: string): Finding[] {
  return checkLineWith(line, undefined, (record) => {
    const out: Finding[] = [];
    if (
      !fields(
        record,
        [
          ['sample_id', 'string'],
          ['input', 'string'],
          ['tools', 'array'],
          ['output', 'array'],
          ['gold_answer', 'string'],
        ],
        out,
      )
    )
      return out;
    const labels = new Set<string>();
    (record.output as unknown[]).forEach((c, i) => {
      const at = `$.output[${i}]`;
      if (!isPlainObject(c) || typeof c.name !== 'string' || typeof c.label !== 'string' || !isPlainObject(c.arguments))
        return void out.push(brokenRule('bad-call', at, 'a call is {"name", "label", "arguments"}'));
      for (const [arg, v] of Object.entries(c.arguments)) {
        const m = typeof v === 'string' ? /^\$(var_\d+)[.$]/.exec(v) : null;
        if (m && !labels.has(`$${m[1]}`)) out.push(brokenRule('unknown-label', `${at}.arguments.${arg}`, `"${String(v)}" reads a label no earlier call has`));
      }
      labels.add(c.label);
    });
    return out;
  });
}

/** Gold test sets (docs/evaluation.md): one test case per example, for `chainwright eval` and other suites. */
export const evalFormat: ExportFormat = {
  id: 'eval',
  label: 'Gold test set (chainwright eval)',
  description:
    'one test case per line: prompt, tools, the gold calls with where each argument comes from, same-turn pairs, conditions, fan-outs and what the reply must mention',
  detect: { specificity: 100, matches: (r) => isRecord(r.gold) && isRecord(r.design) },
  write: (example, { project, tools }) => [toEvalLine(example, project, tools)],
  check: (line) => checkEvalLine(line),
};

export const evalBfclFormat: ExportFormat = {
  id: 'eval-bfcl',
  label: 'Gold test set: BFCL possible_answer',
  description: 'BFCL question lines with ground_truth (its possible_answer shape) for the AST checker',
  detect: { specificity: 100, matches: (r) => Array.isArray(r.question) && Array.isArray(r.ground_truth) },
  write: (example, { project, tools }) => [toBfclLine(example, project, tools)],
  check: (line) => checkBfclLine(line),
};

export const evalTaskBenchFormat: ExportFormat = {
  id: 'eval-taskbench',
  label: 'Gold test set: TaskBench nodes and links',
  description: 'TaskBench tool_nodes and tool_links (node and edge F1)',
  detect: { specificity: 100, matches: (r) => Array.isArray(r.tool_nodes) && Array.isArray(r.tool_links) },
  write: (example, { project, tools }) => [toTaskBenchLine(example, project, tools)],
  check: (line) => checkTaskBenchLine(line),
};

export const evalNestfulFormat: ExportFormat = {
  id: 'eval-nestful',
  label: 'Gold test set: NESTFUL sequences',
  description: 'NESTFUL labelled call sequences, references as $var_1.field$',
  detect: { specificity: 100, matches: (r) => typeof r.sample_id === 'string' && Array.isArray(r.output) },
  write: (example, { project, tools }) => [toNestfulLine(example, project, tools)],
  check: (line) => checkNestfulLine(line),
};
