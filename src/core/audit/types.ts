/** The tool audit: findings about how well the tools are defined, each with why and a fix, and grades. */
import type { Finding, Weight } from '../findings/finding.ts';

/**
 * How an audit rule counts: a weight — high, medium or low findings lower the grade (grade.ts) —
 * or `info`, a note that does not. A weighted finding is a `warning` with that `weight`; a note is
 * an `info` finding. The audit is advice: none of its findings is an error.
 */
export type AuditLevel = Weight | 'info';

/**
 * A finding of the audit (the shared record of findings/finding.ts): `code` is the rule id, e.g.
 * `description-missing` (docs/tools.md lists them); `path` is the JSON path in the project, e.g.
 * `$.tools[2].function.parameters.properties.status`; `tool` is the tool concerned (also on
 * project findings about one tool), `calls` the calls concerned (`unconfirmed-destructive`),
 * and `fix` says what to do about it.
 */
export type AuditFinding = Finding<'warning' | 'info'> & { fix: string };

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
  code: string;
  level: AuditLevel;
  title: string;
}
