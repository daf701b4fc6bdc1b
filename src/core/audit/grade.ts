/**
 * The grade scale. Each finding costs points by its weight — high 25, medium 10, low 4;
 * a note (info, no weight) costs 0 — and a rule costs at most 3 findings' worth per tool (so that ten undocumented
 * parameters weigh like three). A tool's score is 100 minus its costs (at least 0); the
 * project's is the mean of its tools' scores minus the costs of its own findings.
 * A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F below.
 */
import type { Weight } from '../findings/finding.ts';
import type { AuditFinding, Grade } from './types.ts';

export const WEIGHT_PENALTY: Readonly<Record<Weight, number>> = { high: 25, medium: 10, low: 4 };
export const MAX_COUNTED_PER_RULE = 3;
export const GRADE_FLOORS: readonly [Grade, number][] = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
  ['F', 0],
];

/** The points a list of findings costs. */
export function penalty(findings: readonly AuditFinding[]): number {
  const perRule = new Map<string, number>();
  let total = 0;
  for (const f of findings) {
    const counted = perRule.get(f.code) ?? 0;
    if (counted >= MAX_COUNTED_PER_RULE) continue;
    perRule.set(f.code, counted + 1);
    total += f.weight ? WEIGHT_PENALTY[f.weight] : 0;
  }
  return total;
}

export function gradeOf(score: number): Grade {
  for (const [grade, floor] of GRADE_FLOORS) if (score >= floor) return grade;
  return 'F';
}
