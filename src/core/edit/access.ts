import type { Call, Chain, JsonSchema, Project, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { derefSchema } from '../refs/schemaPath.ts';

export function findChain(project: Project, chainId: string): Chain | undefined {
  return project.chains.find((c) => c.id === chainId);
}

export function findTool(project: Project, name: string): ToolDef | undefined {
  return project.tools.find((t) => t.function.name === name);
}

/** The project with one chain replaced (the others, and the tools, are the same objects). */
export function replaceChain(project: Project, chainId: string, next: Chain): Project {
  return { ...project, chains: project.chains.map((c) => (c.id === chainId ? next : c)) };
}

/** The chain with one call replaced. */
export function replaceCall(chain: Chain, callId: string, next: Call): Chain {
  return { ...chain, calls: chain.calls.map((c) => (c.id === callId ? next : c)) };
}

/** The schema of a tool's parameter (dereferenced), or undefined when the tool does not declare it. */
export function parameterSchema(tool: ToolDef | undefined, arg: string): JsonSchema | undefined {
  if (!tool) return undefined;
  const params = tool.function.parameters;
  const props = isPlainObject(params.properties) ? params.properties : {};
  const raw = Object.prototype.hasOwnProperty.call(props, arg) ? props[arg] : undefined;
  return isPlainObject(raw) ? derefSchema(raw, params) : undefined;
}

export const noChain = (chainId: string) => `there is no chain "${chainId}"`;
export const noCall = (chainId: string, callId: string) => `chain "${chainId}" has no call "${callId}"`;
