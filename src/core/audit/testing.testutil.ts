/** Test helpers for the audit rules: a tool and a project around it. */
import type { Chain, Project, ToolDef } from '../project/types.ts';
import type { ToolRule } from './rules/context.ts';

export function makeTool(
  name: string,
  over: Partial<ToolDef> & { description?: string; properties?: Record<string, unknown>; required?: string[] } = {},
): ToolDef {
  const {
    description = `Look up the ${name.replace(/_/g, ' ')} record for a customer account.`,
    properties = {},
    required = Object.keys(properties),
    ...rest
  } = over;
  return {
    type: 'function',
    function: { name, description, parameters: { type: 'object', properties: properties as never, required } },
    returns: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
    ...rest,
  };
}

export function makeProject(tools: ToolDef[], chains: Chain[] = []): Project {
  return { format: 'chainwright-project', version: 2, name: 'Test', tools, chains };
}

/** Runs a tool rule on the project's tool `index` (the first by default). */
export function runRule(rule: ToolRule, project: Project, index = 0) {
  return rule({
    project,
    tool: project.tools[index],
    index,
    path: `$.tools[${index}]`,
    usedTools: new Set(project.chains.flatMap((c) => c.calls.map((k) => k.tool))),
  });
}

export const ruleIds = (findings: { code: string }[]) => findings.map((f) => f.code);
