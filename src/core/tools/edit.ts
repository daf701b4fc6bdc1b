/**
 * Editing operations of the tool library. Each takes a project and returns a new one (the
 * project passed in is never changed), or the problems and no project: an invalid edit is
 * never applied.
 */
import type { Call, Chain, Effect, JsonSchema, Project, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { collectReferences } from '../refs/parse.ts';
import { cloneJson } from '../simulate/json.ts';
import { error, jsonPath } from '../findings/finding.ts';
import { validateToolDefinition } from './definition.ts';
import { isToolName, uniqueToolName } from './names.ts';
import type { CallRef, ToolIssue } from './types.ts';
import { callsUsing } from './usage.ts';

/**
 * Shaped like the canvas's `EditResult` (`ok`, `project`, `warnings` / `reason`), plus the
 * problems with their paths (and lines) for the editor.
 */
export type ToolEdit =
  { ok: true; project: Project; warnings: string[]; name: string; /** Calls that now name the tool differently (renames). */ calls: CallRef[] } | ToolRefusal;

export interface ToolRefusal {
  ok: false;
  /** The problems in one sentence (the first, and how many more). */
  reason: string;
  errors: ToolIssue[];
}

/** A reference left pointing at a call that a forced delete removed. */
export interface DanglingReference {
  chainId: string;
  /** The call whose arguments or requests hold it; absent for the chain's reply. */
  callId?: string;
  /** JSON path of the template, e.g. `$.chains[0].calls[1].args.room_id`. */
  path: string;
  /** The reference as written, without braces: `rooms.rooms[0].room_id`. */
  reference: string;
}

export type ToolDeletion =
  | { ok: true; project: Project; warnings: string[]; removedCalls: CallRef[]; danglingReferences: DanglingReference[] }
  | (ToolRefusal & { /** The calls that use the tool (delete with `force` to remove them too). */ usedBy: CallRef[] });

/** A refusal from its problems. */
export function refusedTool(errors: ToolIssue[]): ToolRefusal {
  const first = errors[0] ?? error('refused', '$', 'refused');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { ok: false, reason: `${first.path}: ${first.message}${first.line !== undefined ? ` (line ${first.line})` : ''}${more}`, errors };
}

const done = (project: Project, name: string, calls: CallRef[] = []): ToolEdit => ({ ok: true, project, warnings: [], name, calls });

/** The definition as the editor shows it: two-space JSON. */
export function toolDefinitionText(tool: ToolDef): string {
  return `${JSON.stringify(tool, null, 2)}\n`;
}

/** A new tool without parameters, named `new_tool` (or `new_tool_2`…). */
export function blankTool(name = 'new_tool'): ToolDef {
  return { type: 'function', function: { name, description: '', parameters: { type: 'object', properties: {}, required: [] } } };
}

const indexOf = (project: Project, name: string) => project.tools.findIndex((t) => t.function.name === name);
const unknownTool = (name: string): ToolIssue => error('unknown-tool', '$.tools', `there is no tool named ${JSON.stringify(name)}`);
const names = (project: Project) => new Set(project.tools.map((t) => t.function.name));

/** Adds a tool (a blank one by default) at the end; a taken name gets a suffix (`_2`). */
export function addTool(project: Project, definition?: ToolDef | string): ToolEdit {
  const checked = validateToolDefinition(definition === undefined ? blankTool() : definition);
  if (!checked.ok) return refusedTool(checked.errors);
  const tool = cloneJson(checked.tool as never) as ToolDef;
  const name = uniqueToolName(tool.function.name, names(project));
  tool.function = { ...tool.function, name };
  return done({ ...project, tools: [...project.tools, tool] }, name);
}

/** A copy of a tool, right after it, named `name_2` (or the next free suffix). */
export function duplicateTool(project: Project, name: string): ToolEdit {
  const index = indexOf(project, name);
  if (index < 0) return refusedTool([unknownTool(name)]);
  const copy = cloneJson(project.tools[index] as never) as ToolDef;
  const newName = uniqueToolName(name, names(project));
  copy.function = { ...copy.function, name: newName };
  const tools = [...project.tools.slice(0, index + 1), copy, ...project.tools.slice(index + 1)];
  return done({ ...project, tools }, newName);
}

function renameCalls(project: Project, from: string, to: string): { chains: Chain[]; calls: CallRef[] } {
  const calls = callsUsing(project, from);
  if (calls.length === 0) return { chains: project.chains, calls };
  const chains = project.chains.map((chain) =>
    chain.calls.some((c) => c.tool === from) ? { ...chain, calls: chain.calls.map((c): Call => (c.tool === from ? { ...c, tool: to } : c)) } : chain,
  );
  return { chains, calls };
}

function nameProblem(project: Project, from: string, to: string, path: string): ToolIssue | null {
  if (!isToolName(to)) return error('tool-name', path, `a tool name is 1 to 64 letters, digits, "_" or "-", found ${JSON.stringify(to)}`);
  if (to !== from && names(project).has(to)) return error('duplicate-tool', path, `another tool is already named "${to}"`);
  return null;
}

/** Renames a tool; every call of it, in every chain, follows. */
export function renameTool(project: Project, from: string, to: string): ToolEdit {
  const index = indexOf(project, from);
  if (index < 0) return refusedTool([unknownTool(from)]);
  const problem = nameProblem(project, from, to, jsonPath('$.tools', index, 'function', 'name'));
  if (problem) return refusedTool([problem]);
  if (to === from) return done(project, to);
  const tools = project.tools.slice();
  tools[index] = { ...tools[index], function: { ...tools[index].function, name: to } };
  const { chains, calls } = renameCalls(project, from, to);
  return done({ ...project, tools, chains }, to, calls);
}

/**
 * Replaces a tool's whole definition (JSON text from the editor, or an object) after checking
 * it against the tool-definition schema. A new `function.name` renames the tool and its calls.
 * Errors carry JSON paths inside the definition (and lines for text).
 */
export function updateTool(project: Project, name: string, definition: ToolDef | string | unknown): ToolEdit {
  const index = indexOf(project, name);
  if (index < 0) return refusedTool([unknownTool(name)]);
  const checked = validateToolDefinition(definition);
  if (!checked.ok) return refusedTool(checked.errors);
  const tool = cloneJson(checked.tool as never) as ToolDef;
  const to = tool.function.name;
  const problem = nameProblem(project, name, to, '$.function.name');
  if (problem) return refusedTool([problem]);
  const tools = project.tools.slice();
  tools[index] = tool;
  const { chains, calls } = to === name ? { chains: project.chains, calls: [] } : renameCalls(project, name, to);
  return done({ ...project, tools, chains }, to, calls);
}

/** The quick fields of the form. A key set to `undefined` is removed (e.g. `effect` back to the default). */
export interface ToolPatch {
  name?: string;
  description?: string | undefined;
  effect?: Effect | undefined;
  latencyMs?: number | undefined;
  returns?: JsonSchema | undefined;
}

/** Changes the quick fields, through the same checks as `updateTool`. */
export function patchTool(project: Project, name: string, patch: ToolPatch): ToolEdit {
  const index = indexOf(project, name);
  if (index < 0) return refusedTool([unknownTool(name)]);
  const tool: Record<string, unknown> = { ...project.tools[index] };
  const fn: Record<string, unknown> = { ...project.tools[index].function };
  if ('name' in patch && patch.name !== undefined) fn.name = patch.name;
  if ('description' in patch) setOrDelete(fn, 'description', patch.description);
  tool.function = fn;
  for (const key of ['effect', 'latencyMs', 'returns'] as const) if (key in patch) setOrDelete(tool, key, patch[key]);
  return updateTool(project, name, tool);
}

function setOrDelete(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}

/**
 * Deletes a tool. When calls use it, nothing is deleted and `usedBy` lists them (so that the
 * UI can ask), unless `force` is set: then those calls are removed too, their ids are taken
 * out of other calls' `after` lists, and references to them that remain in arguments,
 * requests or the reply are listed as `danglingReferences` (left as written, for the user to
 * fix; validation reports them).
 */
export function deleteTool(project: Project, name: string, options: { force?: boolean } = {}): ToolDeletion {
  const index = indexOf(project, name);
  if (index < 0) return { ...refusedTool([unknownTool(name)]), usedBy: [] };
  const usedBy = callsUsing(project, name);
  if (usedBy.length && !options.force) {
    const list = usedBy.map((c) => `${c.chainId}/${c.callId}`).join(', ');
    return {
      ...refusedTool([
        error(
          'tool-in-use',
          jsonPath('$.tools', index),
          `"${name}" is used by ${usedBy.length} call${usedBy.length === 1 ? '' : 's'} (${list}); delete them too, or keep the tool`,
        ),
      ]),
      usedBy,
    };
  }
  const tools = project.tools.filter((_, i) => i !== index);
  if (usedBy.length === 0) return { ok: true, project: { ...project, tools }, warnings: [], removedCalls: [], danglingReferences: [] };
  const danglingReferences: DanglingReference[] = [];
  const chains = project.chains.map((chain, c) => {
    const removed = new Set(chain.calls.filter((call) => call.tool === name).map((call) => call.id));
    if (removed.size === 0) return chain;
    const slots = new Set(Object.keys(isPlainObject(chain.slots) ? chain.slots : {}));
    const dangling = (value: unknown, at: (string | number)[], callId?: string) => {
      for (const { ref, at: where } of collectReferences(value, at)) {
        if (removed.has(ref.root) && !slots.has(ref.root))
          danglingReferences.push({ chainId: chain.id, ...(callId ? { callId } : {}), path: jsonPath('$', ...where), reference: ref.source });
      }
    };
    const calls = chain.calls
      .filter((call) => !removed.has(call.id))
      .map((call): Call => (call.after?.some((id) => removed.has(id)) ? { ...call, after: call.after.filter((id) => !removed.has(id)) } : call));
    calls.forEach((call, k) => {
      dangling(call.args, ['chains', c, 'calls', k, 'args'], call.id);
      if (call.requests) dangling(call.requests, ['chains', c, 'calls', k, 'requests'], call.id);
    });
    if (chain.reply !== undefined) dangling(chain.reply, ['chains', c, 'reply']);
    return { ...chain, calls };
  });
  const warnings = danglingReferences.map((d) => `${d.path}: {${d.reference}} refers to a removed call`);
  return { ok: true, project: { ...project, tools, chains }, warnings, removedCalls: usedBy, danglingReferences };
}
