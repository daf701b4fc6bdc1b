/** What a tool rule sees. */
import type { Project, ToolDef } from '../../project/types.ts';
import type { AuditFinding, AuditSeverity } from '../types.ts';

export interface ToolRuleContext {
  project: Project;
  tool: ToolDef;
  index: number;
  /** `$.tools[index]` */
  path: string;
  /** Names of the tools some call uses. */
  usedTools: ReadonlySet<string>;
}

export type ToolRule = (ctx: ToolRuleContext) => AuditFinding[];
export type ProjectRule = (project: Project) => AuditFinding[];

export function finding(rule: string, severity: AuditSeverity, path: string, message: string, fix: string, tool?: string): AuditFinding {
  return tool === undefined ? { rule, severity, message, fix, path } : { rule, severity, message, fix, path, tool };
}
