/**
 * A quality report in words, for the terminal (`chainwright quality`).
 */
import type { QualityFinding } from './exampleChecks.ts';
import { FALLBACK_GOAL } from './measure.ts';
import type { QualityReport } from './measure.ts';

const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)} %`;
const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const mark = (ok: boolean): string => (ok ? 'ok' : 'NOT met');

export interface FormatOptions {
  /** Findings listed in full (default 20; the rest are counted). */
  maxFindings?: number;
  /** Number fields listed (the least covered first; default 8). */
  maxNumberFields?: number;
}

export function formatQualityReport(file: string, report: QualityReport, options: FormatOptions = {}): string {
  const maxFindings = options.maxFindings ?? 20;
  const maxNumbers = options.maxNumberFields ?? 8;
  const out: string[] = [];
  const s = report.strings;
  const n = report.numbers;
  out.push(`${file}: ${plural(report.examples, 'example')} (seed ${report.seed}; ${plural(report.chains.length, 'chain')}: ${report.chains.join(', ')})`);
  for (const f of report.failures) out.push(`  could not generate ${f.chainId}${f.index !== undefined ? ` example ${f.index}` : ''}: ${f.message}`);

  out.push('');
  out.push(
    `strings in results: ${s.total}; fell back to generic words: ${s.fallback} (${pct(s.share, 2)}; goal < ${pct(FALLBACK_GOAL, 0)}); Latin words anywhere: ${s.latinWords}`,
  );
  for (const f of s.fields.slice(0, 15)) {
    out.push(
      `  ${f.tool} ${f.field}: ${f.fallback} of ${f.strings} generic (${f.samples.map((x) => JSON.stringify(x)).join(', ')}) — an x-fake or a clearer name would place it`,
    );
  }
  if (s.fields.length > 15) out.push(`  … and ${plural(s.fields.length - 15, 'field')} more`);
  for (const l of s.latinSamples) out.push(`  Latin: ${JSON.stringify(l)}`);

  out.push('');
  const cov =
    n.meanCoverage === null
      ? 'no field declares both ends of its range'
      : `mean coverage of declared ranges ${pct(n.meanCoverage, 0)} over ${plural(n.fields.length, 'field')}`;
  out.push(`numbers: ${cov}; outside their bounds: ${n.outOfBounds}; off their multipleOf: ${n.notMultiple}; with float noise: ${n.noisy}`);
  for (const f of n.fields.slice(0, maxNumbers)) {
    out.push(`  ${f.tool} ${f.field}: ${pct(f.coverage, 0)} of ${f.min}–${f.max} (seen ${f.seenMin}–${f.seenMax} in ${plural(f.values, 'value')})`);
  }
  for (const x of n.noisySamples) out.push(`  float noise: ${x}`);

  const coherence = report.findings.filter((f) => f.category === 'coherence');
  const contradictions = report.findings.filter((f) => f.category === 'contradiction');
  const grounding = report.findings.filter((f) => f.category === 'grounding');
  out.push('');
  out.push(`coherence: ${plural(coherence.length, 'violation')}${tally(coherence)}`);
  out.push(`replies that contradict a result: ${contradictions.length}`);
  out.push(report.grounding ? `grounding: ${plural(grounding.length, 'finding')}${tally(grounding)}` : 'grounding: no checks installed yet');
  const listed = [...coherence, ...contradictions, ...grounding];
  for (const f of listed.slice(0, maxFindings)) out.push(`  ${f.chainId} #${f.index}${f.callId ? ` ${f.callId} (${f.tool})` : ''}: ${f.message} [${f.code}]`);
  if (listed.length > maxFindings) out.push(`  … and ${listed.length - maxFindings} more`);

  out.push('');
  const g = report.goals;
  out.push(
    `goals: no Latin ${mark(g.latin)}; generic strings < ${pct(FALLBACK_GOAL, 0)} ${mark(g.fallback)}; coherent ${mark(g.coherence)}; no contradictions ${mark(g.contradictions)}`,
  );
  return `${out.join('\n')}\n`;
}

function tally(findings: QualityFinding[]): string {
  if (findings.length === 0) return '';
  const by = new Map<string, number>();
  for (const f of findings) by.set(f.code, (by.get(f.code) ?? 0) + 1);
  return ` (${[...by].map(([rule, k]) => `${rule} ${k}`).join(', ')})`;
}
