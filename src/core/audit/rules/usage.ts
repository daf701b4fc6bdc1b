/**
 * How the tools are offered: every example offers all the project's tools, and with more
 * than 15 the model's tool-selection accuracy drops (it reads every description at every
 * step); a tool no chain calls is offered but never used.
 */
import type { Project } from '../../project/types.ts';
import type { AuditFinding, AuditRuleInfo } from '../types.ts';
import { auditFinding, type ProjectRule, type ToolRule } from './context.ts';

export const USAGE_RULES: AuditRuleInfo[] = [
  { code: 'too-many-tools', level: 'medium', title: 'More than 15 tools offered to a chain' },
  { code: 'unused-tool', level: 'low', title: 'No chain calls the tool' },
];

/** The registry advice: offer at most this many tools to one step. */
export const MAX_TOOLS_PER_CHAIN = 15;

export const toolCountRule: ProjectRule = (project: Project) => {
  const n = project.tools.length;
  if (n <= MAX_TOOLS_PER_CHAIN) return [];
  const chains = project.chains.length;
  return [
    auditFinding(
      'too-many-tools',
      'medium',
      '$.tools',
      `Every example offers all ${n} tools${chains ? ` to each of the ${chains} chain${chains === 1 ? '' : 's'}` : ''}: with more than ${MAX_TOOLS_PER_CHAIN}, a model picks the right tool less reliably, and every description costs context at every step.`,
      `Offer at most ${MAX_TOOLS_PER_CHAIN}: split the project by task (one project per group of related tools), or remove tools no chain needs.`,
    ),
  ];
};

export const unusedToolRule: ToolRule = ({ project, tool, path, usedTools }) => {
  const anyCalls = project.chains.some((c) => c.calls.length > 0);
  const name = tool.function.name;
  if (!anyCalls || usedTools.has(name)) return [];
  const out: AuditFinding[] = [
    auditFinding(
      'unused-tool',
      'low',
      path,
      `No chain calls "${name}": it is offered in every example but never used. That can teach the model when not to call it, but only if that is the intent.`,
      'Draw a chain that uses it, or remove it from the project if it is not meant as a distractor.',
      name,
    ),
  ];
  return out;
};
