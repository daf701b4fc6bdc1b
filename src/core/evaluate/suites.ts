import type { JsonSchema, JsonValue, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { parseReference } from '../refs/parse.ts';
import { formatPath } from '../refs/parse.ts';
import type { ArgSpec, GoldCall, GoldCase } from './types.ts';

/**
 * The gold of a test case in the shapes other evaluation suites read (docs/evaluation.md):
 * - BFCL: a question line with `possible_answer`'s `ground_truth` (AST checker shape);
 * - TaskBench: `tool_nodes` / `tool_links` (node and edge F1);
 * - NESTFUL: the labelled call sequence, references as `$var_1.field$`.
 * Values are those of this example (a sequential step's arguments are what its earlier
 * results held): these suites judge a call sequence on fixed results.
 */

function allCalls(gc: GoldCase): GoldCall[] {
  return gc.gold.turns.flatMap((t) => t.calls);
}

function userTexts(gc: GoldCase): string[] {
  return [...gc.messages.flatMap((m) => (m.role === 'user' ? [m.content] : [])), ...gc.followups];
}

// ---------------------------------------------------------------------------------------------
// BFCL

export interface BfclLine {
  id: string;
  /** Turns of messages (a multi-turn chain has one per user request). */
  question: { role: string; content: string }[][];
  function: { name: string; description?: string; parameters: JsonSchema }[];
  /** `possible_answer`: per call, each parameter's acceptable values ("" = may be left out). */
  ground_truth: { [fn: string]: { [param: string]: JsonValue[] } }[];
}

export function toBfcl(gc: GoldCase): BfclLine {
  const first: { role: string; content: string }[] = gc.messages.map((m) => ({ role: m.role, content: typeof m.content === 'string' ? m.content : '' }));
  const question = [first, ...gc.followups.map((text) => [{ role: 'user', content: text }])];
  const params = new Map(gc.tools.map((t) => [t.function.name, t.function.parameters]));
  const ground_truth = allCalls(gc).map((c) => {
    const schema = params.get(c.tool) ?? {};
    const properties = isPlainObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
    const answer: { [param: string]: JsonValue[] } = {};
    for (const [name, spec] of Object.entries(c.args)) answer[name] = [spec.value];
    for (const [name, prop] of Object.entries(properties)) {
      if (name in answer || required.has(name)) continue;
      answer[name] = isPlainObject(prop) && prop.default !== undefined ? ['', prop.default] : [''];
    }
    return { [c.tool]: answer };
  });
  return {
    id: gc.id,
    question,
    function: gc.tools.map((t) => {
      const f: BfclLine['function'][number] = { name: t.function.name, parameters: t.function.parameters };
      if (typeof t.function.description === 'string') f.description = t.function.description;
      return f;
    }),
    ground_truth,
  };
}

// ---------------------------------------------------------------------------------------------
// TaskBench

export interface TaskBenchLine {
  id: string;
  user_request: string;
  tool_steps: string[];
  tool_nodes: { task: string; arguments: { name: string; value: JsonValue }[] }[];
  tool_links: { source: string; target: string }[];
  n_tools: number;
  type: 'single' | 'chain' | 'dag';
}

/** The data links between calls (indices), one per pair, from the arguments' references. */
export function callLinks(gc: GoldCase): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  for (const e of gc.gold.edges) {
    if (e.via) continue;
    const key = `${e.from}>${e.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([e.from, e.to]);
  }
  return out;
}

export function toTaskBench(gc: GoldCase): TaskBenchLine {
  const calls = allCalls(gc);
  const links = callLinks(gc);
  const nodes = calls.map((c) => ({
    task: c.tool,
    arguments: Object.entries(c.args).map(([name, spec]) => ({
      name,
      value: spec.ref !== undefined && spec.call !== undefined ? `<node-${spec.call}>` : spec.value,
    })),
  }));
  const inDeg = new Map<number, number>();
  const outDeg = new Map<number, number>();
  for (const [a, b] of links) {
    outDeg.set(a, (outDeg.get(a) ?? 0) + 1);
    inDeg.set(b, (inDeg.get(b) ?? 0) + 1);
  }
  const isChain = calls.length > 1 && links.length === calls.length - 1 && calls.every((c) => (inDeg.get(c.call) ?? 0) <= 1 && (outDeg.get(c.call) ?? 0) <= 1);
  return {
    id: gc.id,
    user_request: userTexts(gc).join('\n'),
    tool_steps: calls.map((c, i) => `Step ${i + 1}: call ${c.tool}${c.element !== undefined ? ` for element ${c.element}` : ''}`),
    tool_nodes: nodes,
    tool_links: links.map(([a, b]) => ({ source: calls[a].tool, target: calls[b].tool })),
    n_tools: calls.length,
    type: calls.length <= 1 ? 'single' : isChain ? 'chain' : 'dag',
  };
}

// ---------------------------------------------------------------------------------------------
// NESTFUL

export interface NestfulLine {
  sample_id: string;
  input: string;
  tools: {
    name: string;
    description?: string;
    parameters: { [name: string]: JsonValue };
    required?: string[];
    output_parameters?: { [name: string]: JsonValue };
  }[];
  output: { name: string; label: string; arguments: { [name: string]: JsonValue } }[];
  gold_answer: string;
}

/** `tasks.tasks[2].task_id` read from call k → `$var_{k+1}.tasks[2].task_id$` (a fan-out's `remind[0].title` → its call's `.title`). */
function nestfulRef(spec: ArgSpec, fanOut: (root: string) => boolean): string | null {
  if (spec.ref === undefined || spec.call === undefined) return null;
  const parsed = parseReference(spec.ref);
  if (typeof parsed === 'string') return null;
  let path = parsed.path;
  if (fanOut(parsed.root)) {
    if (!path.length || path[0].kind !== 'index') return null;
    path = path.slice(1);
  }
  const tail = formatPath(path).replace(/^\./, '');
  return `$var_${spec.call + 1}${tail ? `.${tail}` : ''}$`;
}

export function toNestful(gc: GoldCase, project?: Project): NestfulLine {
  const fanOuts = new Set(gc.design.calls.filter((c) => c.forEach !== undefined).map((c) => c.id));
  const returns = new Map((project?.tools ?? []).map((t) => [t.function.name, t.returns]));
  return {
    sample_id: gc.id,
    input: userTexts(gc).join('\n'),
    tools: gc.tools.map((t) => {
      const p = t.function.parameters;
      const tool: NestfulLine['tools'][number] = { name: t.function.name, parameters: isPlainObject(p.properties) ? p.properties : {} };
      if (typeof t.function.description === 'string') tool.description = t.function.description;
      if (Array.isArray(p.required)) tool.required = p.required.filter((r): r is string => typeof r === 'string');
      const r = returns.get(t.function.name);
      if (r && isPlainObject(r.properties)) tool.output_parameters = r.properties;
      return tool;
    }),
    output: allCalls(gc).map((c) => ({
      name: c.tool,
      label: `$var_${c.call + 1}`,
      arguments: Object.fromEntries(Object.entries(c.args).map(([name, spec]) => [name, nestfulRef(spec, (root) => fanOuts.has(root)) ?? spec.value])),
    })),
    gold_answer: gc.gold.reply.text,
  };
}
