import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import type { DatasetError, DatasetSpec } from '../../core/generation.ts';
import type { ExportJob } from '../../workers/client.ts';
import { shardCount, startShardedExport } from '../../workers/shardedExport.ts';
import type { OutputPlan } from '../../workers/outputPlan.ts';
import type { ProgressFigures } from '../../workers/progress.ts';
import { blobTarget, pickSaveFile, type FileTarget } from './fileTargets.ts';
import { offerDownload } from '../files/download.ts';
import { progressStore, type ProgressStore } from './progressStore.ts';

export type Destination = 'file' | 'download';

export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; destination: Destination; fileName: string; progress: ProgressStore }
  | { phase: 'done'; destination: Destination; fileName: string; examples: number; bytes: number; elapsedMs: number; repeated: number; url?: string }
  | { phase: 'cancelled'; progress: ProgressFigures | null }
  | { phase: 'refused'; diagnostics: Diagnostic[] }
  | { phase: 'invalid'; error: DatasetError }
  | { phase: 'failed'; message: string };

/**
 * One export at a time: asks where to save (or collects a download), runs the worker, writes
 * its bytes as they come, offers the file only when every line passed its checker. Cancel and
 * closing the dialog stop the worker at once and drop what was written.
 */
export function useExportJob(): {
  state: JobState;
  start(spec: DatasetSpec, output: OutputPlan, projectName: string, destination: Destination, examples: number): Promise<void>;
  cancel(): void;
  reset(): void;
} {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const job = useRef<ExportJob | null>(null);
  const url = useRef<string | null>(null);
  const progress = useRef<ProgressStore>(progressStore());

  const revoke = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };

  useEffect(
    () => () => {
      job.current?.cancel();
      job.current = null;
      // Let a download that just started read the blob before it goes.
      const last = url.current;
      if (last) setTimeout(() => URL.revokeObjectURL(last), 60_000);
    },
    [],
  );

  const start = useCallback(async (spec: DatasetSpec, output: OutputPlan, projectName: string, destination: Destination, examples: number) => {
    if (job.current) return;
    let target: FileTarget | null;
    try {
      target = destination === 'file' ? await pickSaveFile(output.fileName, output.kind) : blobTarget(output.fileName, output.mime);
    } catch (e) {
      setState({ phase: 'failed', message: `could not open the file to save to: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (!target) return;
    const t = target;
    revoke();
    progress.current.set(null);
    setState({ phase: 'running', destination, fileName: output.fileName, progress: progress.current });
    // Several workers (shards of the same file, written in order) for a large single JSONL file.
    const shards = shardCount(examples, output.kind === 'jsonl', navigator.hardwareConcurrency || 1);
    const running = startShardedExport(
      spec,
      projectName,
      {
        data: (blob) => t.write(blob),
        progress: (figures) => progress.current.set(figures),
      },
      shards,
    );
    job.current = running;
    const result = await running.result;
    const stillOurs = job.current === running;
    if (stillOurs) job.current = null;
    if (result.kind !== 'done') await t.abort();
    // Cancelled by the user (or the dialog closed): the state already says so.
    if (!stillOurs) return;
    if (result.kind === 'done') {
      try {
        const closed = await t.close();
        const done: JobState = {
          phase: 'done',
          destination,
          fileName: closed.name,
          examples: result.examples,
          bytes: result.bytes,
          elapsedMs: result.elapsedMs,
          repeated: result.repeated,
        };
        if (closed.blob) {
          url.current = offerDownload(closed.blob, closed.name);
          done.url = url.current;
        }
        setState(done);
      } catch (e) {
        setState({ phase: 'failed', message: `could not finish the file: ${e instanceof Error ? e.message : String(e)}` });
      }
      return;
    }
    if (result.kind === 'cancelled') setState({ phase: 'cancelled', progress: progress.current.get() });
    else if (result.kind === 'refused') setState({ phase: 'refused', diagnostics: result.diagnostics });
    else if (result.kind === 'invalid') setState({ phase: 'invalid', error: result.error });
    else setState({ phase: 'failed', message: result.message });
  }, []);

  const cancel = useCallback(() => {
    const running = job.current;
    if (!running) return;
    // The worker is terminated now; the state follows when the job's promise settles.
    running.cancel();
    job.current = null;
    setState({ phase: 'cancelled', progress: progress.current.get() });
  }, []);

  const reset = useCallback(() => setState((s) => (s.phase === 'running' ? s : { phase: 'idle' })), []);

  return { state, start, cancel, reset };
}
