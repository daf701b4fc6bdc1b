/**
 * Merging imported tools into a project. `planToolMerge` lists the name clashes (so that the
 * user can choose, per tool: replace, keep both, skip); `applyToolMerge` returns a new project.
 * The project passed in is never changed. A source's system prompt (a job_description's
 * task_description) becomes the project's only when the project has none.
 */
import type { Project, ToolDef } from '../project/types.ts';
import { cloneJson, jsonEqual } from '../simulate/json.ts';
import { uniqueToolName } from './names.ts';
import type { CallRef, IncomingTools } from './types.ts';
import { callsUsing } from './usage.ts';

export type ClashDecision = 'replace' | 'keep-both' | 'skip';

export interface ToolClash {
  name: string;
  /** Index of the project's tool of that name. */
  existingIndex: number;
  /** Index in the incoming tools. */
  incomingIndex: number;
  /** The incoming definition equals the project's (replacing changes nothing). */
  identical: boolean;
  /** The name the incoming tool gets when both are kept. */
  keepBothName: string;
  /** The project's calls of the tool (a replacement changes what they call). */
  usedBy: CallRef[];
}

export interface ToolMergePlan {
  clashes: ToolClash[];
  /** Incoming tools with new names: added as they are. */
  added: string[];
  /** Whether the source's system prompt would become the project's. */
  setsSystemPrompt: boolean;
}

export interface ToolMergeResult {
  project: Project;
  added: string[];
  replaced: string[];
  skipped: string[];
  /** Kept-both tools: the incoming name and the name it got. */
  renamed: { from: string; to: string }[];
  systemPromptSet: boolean;
}

const asIncoming = (incoming: ToolDef[] | IncomingTools): IncomingTools => (Array.isArray(incoming) ? { tools: incoming } : incoming);

const hasPrompt = (project: Project) => typeof project.systemPrompt === 'string' && project.systemPrompt.trim() !== '';

function setsPrompt(project: Project, incoming: IncomingTools): boolean {
  return !hasPrompt(project) && typeof incoming.systemPrompt === 'string' && incoming.systemPrompt.trim() !== '';
}

export function planToolMerge(project: Project, incoming: ToolDef[] | IncomingTools): ToolMergePlan {
  const { tools } = asIncoming(incoming);
  const existing = new Map(project.tools.map((t, i) => [t.function.name, i] as const));
  const taken = new Set([...project.tools.map((t) => t.function.name), ...tools.map((t) => t.function.name)]);
  const clashes: ToolClash[] = [];
  const added: string[] = [];
  tools.forEach((tool, incomingIndex) => {
    const name = tool.function.name;
    const existingIndex = existing.get(name);
    if (existingIndex === undefined) {
      added.push(name);
      return;
    }
    const keepBothName = uniqueToolName(name, taken);
    taken.add(keepBothName);
    clashes.push({
      name,
      existingIndex,
      incomingIndex,
      identical: jsonEqual(project.tools[existingIndex], tool),
      keepBothName,
      usedBy: callsUsing(project, name),
    });
  });
  return { clashes, added, setsSystemPrompt: setsPrompt(project, asIncoming(incoming)) };
}

/**
 * Applies the choices. `decisions` is one choice for every clash, or a choice per tool name;
 * a clash without a choice is skipped. Kept-both tools are renamed as the plan says
 * (`name_2`, …) and appended; replaced tools keep their place in the list.
 */
export function applyToolMerge(
  project: Project,
  incoming: ToolDef[] | IncomingTools,
  decisions: ClashDecision | Readonly<Record<string, ClashDecision>> = 'skip',
): ToolMergeResult {
  const source = asIncoming(incoming);
  const plan = planToolMerge(project, source);
  const clashByIncoming = new Map(plan.clashes.map((c) => [c.incomingIndex, c] as const));
  const decide = (name: string): ClashDecision => {
    if (typeof decisions === 'string') return decisions;
    const d = Object.hasOwn(decisions, name) ? decisions[name] : undefined;
    return d === 'replace' || d === 'keep-both' || d === 'skip' ? d : 'skip';
  };
  const tools = project.tools.slice();
  const result: Omit<ToolMergeResult, 'project' | 'systemPromptSet'> = { added: [], replaced: [], skipped: [], renamed: [] };
  source.tools.forEach((tool, index) => {
    const clash = clashByIncoming.get(index);
    const copy = cloneJson(tool as never) as ToolDef;
    if (!clash) {
      tools.push(copy);
      result.added.push(tool.function.name);
      return;
    }
    const decision = decide(clash.name);
    if (decision === 'skip') result.skipped.push(clash.name);
    else if (decision === 'replace') {
      tools[clash.existingIndex] = copy;
      result.replaced.push(clash.name);
    } else {
      copy.function = { ...copy.function, name: clash.keepBothName };
      tools.push(copy);
      result.renamed.push({ from: clash.name, to: clash.keepBothName });
    }
  });
  const next: Project = { ...project, tools };
  if (plan.setsSystemPrompt) next.systemPrompt = source.systemPrompt;
  return { project: next, ...result, systemPromptSet: plan.setsSystemPrompt };
}
