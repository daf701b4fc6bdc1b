/**
 * Findings in words, the same everywhere they are listed: the command line (`validate`, `check`,
 * `audit`, `tools`), an export stopped by a bad line, and the page's lists (severity badge and order).
 */
import type { Finding, Severity, Weight } from './finding.ts';

/** How bad, in one word: the audit's weight (`high`, `medium`, `low`) where a finding has one, else its severity. */
export function severityLabel(f: Pick<Finding, 'severity' | 'weight'>): Severity | Weight {
  return f.weight ?? f.severity;
}

const RANK: Readonly<Record<Severity | Weight, number>> = { error: 0, high: 1, medium: 2, warning: 3, low: 4, info: 5 };

/** Worst first: errors, then the audit's high, medium, the warnings, low, and notes last; equal findings keep their order (for `Array.sort`). */
export function compareFindings(a: Pick<Finding, 'severity' | 'weight'>, b: Pick<Finding, 'severity' | 'weight'>): number {
  return RANK[severityLabel(a)] - RANK[severityLabel(b)];
}

/**
 * One finding as a line (without its newline): `WHERE:LINE: path: severity: message — fix [code]`.
 * `where` is the file (or what else holds the place: "train example 12"); the line number follows
 * it when known, as compilers write it, so editors and terminals can jump there. Without `where`
 * the line starts at the path (and a known line is said after the code).
 */
export function formatFinding(f: Finding, where?: string, line: number | undefined = f.line): string {
  const body = `${f.path}: ${severityLabel(f)}: ${f.message}${f.fix ? ` — ${f.fix}` : ''} [${f.code}`;
  if (where === undefined) return `${body}${line !== undefined ? `, line ${line}` : ''}]`;
  return `${where}${line !== undefined ? `:${line}` : ''}: ${body}]`;
}
