/** The tool audit: findings about how well the tools are defined, each with why and a fix, and grades. */

/** high/medium/low lower the grade (see grade.ts); info is a note that does not. */
export type AuditSeverity = 'high' | 'medium' | 'low' | 'info';

export interface AuditFinding {
  /** Stable rule id, e.g. `description-missing` (docs/tools.md lists them). */
  rule: string;
  severity: AuditSeverity;
  /** What was found and why it matters. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** JSON path in the project, e.g. `$.tools[2].function.parameters.properties.status`. */
  path: string;
  /** The tool concerned (also on project findings that are about one tool). */
  tool?: string;
  /** The calls concerned, for findings about how the chains use a tool (`unconfirmed-destructive`). */
  calls?: { chainId: string; callId: string }[];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface ToolAudit {
  name: string;
  /** Index in `project.tools`. */
  index: number;
  /** 0–100: 100 minus the penalties of the findings. */
  score: number;
  grade: Grade;
  findings: AuditFinding[];
}

export interface ProjectAudit {
  /** The mean of the tool scores, minus the penalties of the project's own findings. */
  score: number;
  grade: Grade;
  /** Findings about the tool set as a whole (count, naming convention). */
  findings: AuditFinding[];
}

export interface AuditReport {
  tools: ToolAudit[];
  project: ProjectAudit;
}

/** A rule's description, for documentation and the panel's legend. */
export interface AuditRuleInfo {
  id: string;
  severity: AuditSeverity;
  title: string;
}
