/** What a tool rule sees. */
import type { Project, ToolDef } from '../../project/types.ts';
import { info, warning } from '../../findings/finding.ts';
import type { AuditFinding, AuditLevel } from '../types.ts';

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

/** A finding of rule `code`: a warning with the rule's weight, or a note (`info`). */
export function auditFinding(code: string, level: AuditLevel, path: string, message: string, fix: string, tool?: string): AuditFinding {
  const place = tool === undefined ? {} : { tool };
  return level === 'info' ? { ...info(code, path, message, place), fix } : { ...warning(code, path, message, { weight: level, ...place }), fix };
}
