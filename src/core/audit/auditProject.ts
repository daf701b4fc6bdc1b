/**
 * The tool audit: every tool and the project graded, each finding with why and a fix.
 * Pure and total: it reads any structurally valid project (see parseProject) and never throws.
 */
import type { Project } from '../project/types.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { gradeOf, penalty } from './grade.ts';
import type { ToolRule, ProjectRule } from './rules/context.ts';
import { CONFIRM_RULES, unconfirmedDestructiveRule } from './rules/confirm.ts';
import { descriptionRule, DESCRIPTION_RULES } from './rules/description.ts';
import { effectRule, EFFECT_RULES } from './rules/effect.ts';
import { namingRule, versionedTwinRule, NAMING_RULES } from './rules/naming.ts';
import { parametersRule, PARAMETER_RULES } from './rules/parameters.ts';
import { returnsRule, RETURNS_RULES } from './rules/returns.ts';
import { twoThingsRule, TWO_THINGS_RULES } from './rules/twoThings.ts';
import { toolCountRule, unusedToolRule, USAGE_RULES } from './rules/usage.ts';
import type { AuditReport, AuditRuleInfo, ToolAudit } from './types.ts';

export const TOOL_RULES: readonly ToolRule[] = [descriptionRule, twoThingsRule, parametersRule, returnsRule, effectRule, versionedTwinRule, unusedToolRule];
export const PROJECT_RULES: readonly ProjectRule[] = [toolCountRule, namingRule, unconfirmedDestructiveRule];

/** Every rule, in the order findings are listed. */
export const AUDIT_RULES: readonly AuditRuleInfo[] = [
  ...DESCRIPTION_RULES,
  ...TWO_THINGS_RULES,
  ...PARAMETER_RULES,
  ...RETURNS_RULES,
  ...EFFECT_RULES,
  ...NAMING_RULES,
  ...USAGE_RULES,
  ...CONFIRM_RULES,
];

export function auditProject(project: Project): AuditReport {
  const usedTools = new Set(project.chains.flatMap((c) => c.calls.map((call) => call.tool)));
  const tools: ToolAudit[] = project.tools.map((tool, index) => {
    const ctx = { project, tool, index, path: jsonPath('$.tools', index), usedTools };
    const findings = TOOL_RULES.flatMap((rule) => rule(ctx));
    const score = Math.max(0, 100 - penalty(findings));
    return { name: tool.function.name, index, score, grade: gradeOf(score), findings };
  });
  const findings = PROJECT_RULES.flatMap((rule) => rule(project));
  const mean = tools.length ? tools.reduce((sum, t) => sum + t.score, 0) / tools.length : 100;
  const score = Math.max(0, Math.round(mean) - penalty(findings));
  return { tools, project: { score, grade: gradeOf(score), findings } };
}

/** All findings, tools first then the project's, for listing. */
export function auditFindings(report: AuditReport) {
  return [...report.tools.flatMap((t) => t.findings), ...report.project.findings];
}
