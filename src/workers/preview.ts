import { datasetStats, formatContext, loadTokenCounter, prepareDataset, type DatasetSpec } from '../core/generation.ts';
import { outputPlan } from './outputPlan.ts';
import { summarizeRun, type PreviewResult } from './protocol.ts';

/** Examples whose tokens the stats count. */
export const STATS_SAMPLE = 100;

/**
 * What the export dialog shows before a run: the run's summary (mix, split, chains, warnings),
 * the output file, the first `lines` lines exactly as the file will hold them, and the stats
 * (tokens counted on the first STATS_SAMPLE examples with the core's tokenizer, loaded on the
 * first preview: a chunk of its own, not part of the page's start).
 */
export async function previewDataset(spec: DatasetSpec, lines: number): Promise<PreviewResult> {
  const prepared = prepareDataset(spec);
  if (!prepared.ok) return { ok: false, diagnostics: prepared.diagnostics };
  const { run } = prepared;
  const countTokens = await loadTokenCounter();
  const sample = run.sample(STATS_SAMPLE);
  const context = formatContext(spec.project, { includeTools: run.options.includeTools, serialized: run.options.serializeParallel });
  const out: string[] = [];
  for (const example of sample) {
    if (out.length >= lines) break;
    out.push(...run.format.write(example, context));
  }
  return {
    ok: true,
    summary: summarizeRun(run),
    output: outputFor(spec.project.name, run),
    lines: out.slice(0, lines),
    stats: datasetStats(run, countTokens, sample),
  };
}

export function outputFor(
  projectName: string,
  run: { format: { id: string }; bundle?: { splitFiles: { train: string; test: string } }; files: readonly unknown[] },
) {
  return outputPlan(projectName, run.format.id, { bundle: !!run.bundle, split: run.files.length > 1 }, run.bundle?.splitFiles);
}
