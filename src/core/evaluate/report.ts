import type { JsonValue } from '../project/types.ts';
import { emptyCounts, metricsOf, scoreCase } from './score.ts';
import type { CaseCounts, CaseScore, EvalReport, GoldCase, MetricGroup, MetricKey, MetricRow, Prediction, Target } from './types.ts';

/**
 * The evaluation report: every case scored, the totals, per pattern and per chain, the seed's
 * targets beside the totals, and the worst cases with what went wrong. The same function runs
 * in the command line (`chainwright eval`) and on the page (the Evaluate view).
 */

/** Seed 000's targets ("Evaluation Metrics for Multi-Tool Models"). */
export const TARGETS: { readonly [key in MetricKey]?: Target } = {
  chain_completion: { kind: 'min', value: 0.9 },
  dependency_accuracy: { kind: 'min', value: 0.95 },
  parallel_recognition: { kind: 'min', value: 0.85 },
  over_serialization: { kind: 'max', value: 0.1 },
  synthesis: { kind: 'min', value: 0.9 },
};

export const METRICS: readonly { key: MetricKey; label: string; description: string }[] = [
  { key: 'chain_completion', label: 'Chain completion', description: 'every gold call made, with valid arguments, and a final reply' },
  { key: 'dependency_accuracy', label: 'Dependency accuracy', description: 'arguments equal to the value at their path in the result the model received' },
  { key: 'parallel_recognition', label: 'Parallel recognition', description: 'same-turn pairs made in one turn' },
  { key: 'over_serialization', label: 'Over-serialization', description: 'same-turn pairs split across turns' },
  { key: 'dependency_violations', label: 'Dependency violations', description: 'calls made before, with or without a call they need' },
  { key: 'node_f1', label: 'Node F1', description: 'tools called (TaskBench)' },
  { key: 'edge_f1', label: 'Edge F1', description: 'which result fed which call (TaskBench)' },
  { key: 'call_match', label: 'Call match', description: 'name, types and values of each call (BFCL AST)' },
  { key: 'synthesis', label: 'Synthesis', description: 'values the reply must mention that it does' },
  { key: 'loops', label: 'Loops', description: 'fan-outs with the right number of calls' },
  { key: 'conditions', label: 'Conditions', description: 'calls made or skipped as the condition requires' },
];

export function targetMet(target: Target, value: number | null): boolean | null {
  if (value === null) return null;
  return target.kind === 'min' ? value > target.value : value < target.value;
}

function add(into: CaseCounts, c: CaseCounts): void {
  for (const key of Object.keys(into) as (keyof CaseCounts)[]) into[key] += c[key];
}

function group(scores: readonly CaseScore[]): MetricGroup {
  const sum = emptyCounts();
  for (const s of scores) add(sum, s.counts);
  return { examples: scores.length, ...metricsOf(sum, scores.length) };
}

export interface EvaluateOptions {
  /** How many of the lowest-scoring cases to list (default 5). */
  worst?: number;
}

/** Scores every gold case against its prediction (by id). */
export function evaluate(
  cases: readonly GoldCase[],
  predictions: ReadonlyMap<string, Prediction>,
  options: EvaluateOptions = {},
): EvalReport & { cases: CaseScore[] } {
  const scores = cases.map((gc) => scoreCase(gc, predictions.get(gc.id)));
  const total = emptyCounts();
  for (const s of scores) add(total, s.counts);
  const metrics = metricsOf(total, scores.length);
  const byPattern: { [pattern: string]: MetricGroup } = {};
  for (const pattern of [...new Set(scores.map((s) => s.pattern))]) byPattern[pattern] = group(scores.filter((s) => s.pattern === pattern));
  const byChain: { [chain: string]: MetricGroup } = {};
  for (const chain of [...new Set(scores.map((s) => s.chain))]) byChain[chain] = group(scores.filter((s) => s.chain === chain));
  const targets: EvalReport['targets'] = {};
  for (const [key, target] of Object.entries(TARGETS) as [MetricKey, Target][]) targets[key] = { ...target, met: targetMet(target, metrics[key]) };
  const ids = new Set(cases.map((c) => c.id));
  const worst = [...scores]
    .filter((s) => s.problems.length > 0)
    .sort((a, b) => a.score - b.score || b.problems.length - a.problems.length)
    .slice(0, options.worst ?? 5)
    .map((s) => ({ id: s.id, chain: s.chain, pattern: s.pattern, score: s.score, problems: s.problems }));
  return {
    examples: scores.length,
    ...metrics,
    by_pattern: byPattern,
    by_chain: byChain,
    targets,
    counts: total,
    missing_predictions: cases.filter((c) => !predictions.has(c.id)).length,
    unknown_predictions: [...predictions.keys()].filter((id) => !ids.has(id)),
    worst,
    cases: scores,
  };
}

/** The totals as rows (label, value, target and whether it is met). */
export function metricRows(report: Pick<EvalReport, MetricKey>): MetricRow[] {
  return METRICS.map(({ key, label }) => {
    const value = report[key];
    const target = TARGETS[key];
    const row: MetricRow = { key, label, value };
    if (target) {
      row.target = target;
      const met = targetMet(target, value);
      if (met !== null) row.met = met;
    }
    return row;
  });
}

export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)} %`;
}

export function targetText(target: Target | undefined): string {
  return target ? `${target.kind === 'min' ? '>' : '<'} ${Math.round(target.value * 100)} %` : '';
}

function pad(text: string, width: number, right = false): string {
  const n = [...text].length;
  return n >= width ? text : right ? ' '.repeat(width - n) + text : text + ' '.repeat(width - n);
}

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], i >= rightFrom))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Short column names for the per-pattern and per-chain tables. */
const SHORT: { [key in MetricKey]: string } = {
  chain_completion: 'complete',
  dependency_accuracy: 'deps',
  parallel_recognition: 'parallel',
  over_serialization: 'over-ser',
  dependency_violations: 'violations',
  node_f1: 'node F1',
  edge_f1: 'edge F1',
  call_match: 'call match',
  synthesis: 'synthesis',
  loops: 'loops',
  conditions: 'conditions',
};

function groupTable(title: string, groups: { [name: string]: MetricGroup }): string {
  const keys = METRICS.map((m) => m.key);
  const rows = Object.entries(groups).map(([name, g]) => [name, String(g.examples), ...keys.map((k) => percent(g[k]))]);
  return `${title}\n${table([title === 'By pattern' ? 'pattern' : 'chain', 'cases', ...keys.map((k) => SHORT[k])], rows)}`;
}

/** The report as text for a terminal: totals with targets, per pattern, per chain, the worst cases. */
export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  out.push(
    `${report.examples} test case${report.examples === 1 ? '' : 's'}${report.missing_predictions ? ` (${report.missing_predictions} without a prediction, scored as empty)` : ''}`,
  );
  out.push('');
  const rows = metricRows(report).map((r) => [r.label, percent(r.value), targetText(r.target), r.met === undefined ? '' : r.met ? 'met' : 'NOT MET']);
  out.push(table(['metric', 'total', 'target', ''], rows));
  out.push('');
  out.push(groupTable('By pattern', report.by_pattern));
  out.push('');
  out.push(groupTable('By chain', report.by_chain));
  if (report.unknown_predictions.length) {
    out.push('');
    out.push(
      `${report.unknown_predictions.length} prediction${report.unknown_predictions.length === 1 ? '' : 's'} for no test case of the gold file: ${report.unknown_predictions.slice(0, 5).join(', ')}${report.unknown_predictions.length > 5 ? ', …' : ''}`,
    );
  }
  if (report.worst.length) {
    out.push('');
    out.push('Worst test cases');
    for (const w of report.worst) {
      out.push(`  ${w.id} (${w.chain}, ${w.pattern}): score ${percent(w.score)}`);
      for (const p of w.problems.slice(0, 8)) out.push(`    - ${p.message}`);
      if (w.problems.length > 8) out.push(`    … and ${w.problems.length - 8} more`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The keys of the `--json` report, in order: the issue's keys first (cases' own scores left out). */
const REPORT_JSON_KEYS = [
  'examples',
  'chain_completion',
  'dependency_accuracy',
  'parallel_recognition',
  'over_serialization',
  'dependency_violations',
  'node_f1',
  'edge_f1',
  'call_match',
  'synthesis',
  'loops',
  'conditions',
  'by_pattern',
  'by_chain',
  'targets',
  'counts',
  'missing_predictions',
  'unknown_predictions',
  'worst',
] as const satisfies readonly (keyof EvalReport)[];

/** The report for `--json`: the issue's keys first (cases' own scores left out). */
export function reportJson(report: EvalReport): { [key: string]: JsonValue } {
  return JSON.parse(JSON.stringify(Object.fromEntries(REPORT_JSON_KEYS.map((key) => [key, report[key]])))) as { [key: string]: JsonValue };
}
