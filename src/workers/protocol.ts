import type { Diagnostic } from '../core/index.ts';
import type { OpenAITool } from '../core/index.ts';
import type {
  ChainSummary,
  DatasetError,
  DatasetFile,
  DatasetOptions,
  DatasetRun,
  DatasetSpec,
  DatasetStats,
  CheckTally,
  LineFindings,
  MixReport,
  SplitBy,
} from '../core/generation.ts';
import type { OutputPlan } from './outputPlan.ts';
import type { ProgressFigures } from './progress.ts';

export type { CheckTally, LineFindings };

/**
 * The messages between the page and the dataset workers. Everything here is plain data
 * (structured-clone safe); file bytes travel as Blobs made in the worker (blobBatcher.ts).
 *
 * generate.worker.ts
 *   page → worker  `preview`  : prepare the spec, write the first lines, compute stats.
 *   worker → page  `preview`  : a RunSummary + lines + stats, or the refusal's diagnostics.
 *   page → worker  `generate` : prepare the spec and stream the output file.
 *   worker → page  `refused`  (diagnostics) | `started` (summary, output plan)
 *                  then `data` (the output file’s next bytes, a Blob) + `progress`, repeatedly,
 *                  then exactly one of `done` | `invalid` (a line broke a checker rule) | `failed`.
 *   Cancel: the page terminates the worker (stops at once, whatever it is doing).
 *
 * check.worker.ts
 *   page → worker  `check`    : a file (Blob), its name, a format id or "auto", the project's tools.
 *   worker → page  `check-format`, then `check-lines` batches + `check-progress`, then
 *                  `check-done` | `check-failed`.
 */

/** A split report without the functions (SplitReport's slots carry `isTest`). */
export interface SplitSummary {
  by: SplitBy;
  fraction: number;
  train: number;
  test: number;
  chains: {
    chainId: string;
    split: boolean;
    reason?: string;
    train: number;
    test: number;
    templateSource?: string;
    testTemplateTexts?: string[];
    trainTemplateCount?: number;
    slots?: { slot: string; kind: 'values' | 'hash'; testValues?: unknown[]; trainValues?: unknown[]; testShare?: number }[];
  }[];
}

/** What the page shows about a prepared run. */
export interface RunSummary {
  format: string;
  /** Examples the run writes. */
  examples: number;
  files: DatasetFile[];
  /** Bundle formats: the whole files' names (distil: job_description.json, config.yaml). */
  bundleFiles?: string[];
  mix: MixReport;
  split?: SplitSummary;
  warnings: Diagnostic[];
  chains: ChainSummary[];
  options: Required<DatasetOptions>;
}

export function summarizeRun(run: DatasetRun): RunSummary {
  const summary: RunSummary = {
    format: run.format.id,
    examples: run.examples,
    files: run.files.map((f) => ({ ...f, counts: f.counts.map((c) => ({ ...c })) })),
    mix: run.mix,
    warnings: run.warnings,
    chains: run.chains,
    options: run.options,
  };
  if (run.bundle) summary.bundleFiles = Object.keys(run.bundle.files);
  if (run.split) {
    summary.split = {
      by: run.split.by,
      fraction: run.split.fraction,
      train: run.split.train,
      test: run.split.test,
      chains: run.split.chains.map((c) => {
        const out: SplitSummary['chains'][number] = { chainId: c.chainId, split: c.split, train: c.train, test: c.test };
        if (c.reason !== undefined) out.reason = c.reason;
        if (c.templateSource !== undefined) out.templateSource = c.templateSource;
        if (c.testTemplateTexts) out.testTemplateTexts = c.testTemplateTexts;
        if (c.trainTemplates) out.trainTemplateCount = c.trainTemplates.length;
        if (c.slots) out.slots = c.slots.map(({ slot, kind, testValues, trainValues, testShare }) => ({ slot, kind, testValues, trainValues, testShare }));
        return out;
      }),
    };
  }
  return summary;
}

export type PreviewResult =
  { ok: true; summary: RunSummary; output: OutputPlan; lines: string[]; stats: DatasetStats } | { ok: false; diagnostics: Diagnostic[] };

export type GenerateRequest =
  | { type: 'preview'; id: number; spec: DatasetSpec; lines: number }
  | { type: 'generate'; id: number; spec: DatasetSpec; baseName: string; examplesPerChunk?: number };

export type GenerateResponse =
  | { type: 'preview'; id: number; result: PreviewResult }
  | { type: 'refused'; id: number; diagnostics: Diagnostic[] }
  | { type: 'started'; id: number; summary: RunSummary; output: OutputPlan }
  | { type: 'data'; id: number; blob: Blob }
  | { type: 'progress'; id: number; progress: ProgressFigures }
  | { type: 'done'; id: number; examples: number; bytes: number; elapsedMs: number; repeated: number }
  | { type: 'invalid'; id: number; error: DatasetError }
  | { type: 'failed'; id: number; message: string };

export type CheckRequest = { type: 'check'; id: number; file: Blob; name: string; format: string; tools?: OpenAITool[] };

export type CheckResponse =
  | { type: 'check-format'; id: number; format: string; detected: boolean }
  | { type: 'check-lines'; id: number; items: LineFindings[] }
  | { type: 'check-progress'; id: number; bytesRead: number; totalBytes: number; lines: number }
  | { type: 'check-done'; id: number; tally: CheckTally; format: string; looksLike?: string }
  | { type: 'check-failed'; id: number; message: string };
