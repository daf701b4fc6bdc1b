import { useId, useMemo, useState } from 'react';
import { FORMATS, outcomeShares, type Pattern } from '../../core/generation.ts';
import { useAppStore } from '../../state/store.ts';
import { canPickSaveFile } from './fileTargets.ts';
import { DiagnosticList } from './DiagnosticList.tsx';
import { ExportStatus } from './ExportStatus.tsx';
import { MixChart } from './MixChart.tsx';
import { OutcomeList } from './OutcomeList.tsx';
import { ModalDialog } from '../dialog/ModalDialog.tsx';
import { PreviewLines } from './PreviewLines.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { SplitSummaryView } from './SplitSummaryView.tsx';
import { StatsList } from './StatsList.tsx';
import { defaultSettings, specOf, type ExportSettings } from './settings.ts';
import { useExportJob, type Destination } from './useExportJob.ts';
import { useExportPreview } from './useExportPreview.ts';
import './export.css';

const PREVIEW_LINES = 3;

/**
 * "Export dataset": chains and counts or a total with a mix by pattern, format, seed, split and
 * options; the mix chart, stats, split report and the first lines (from a worker, as the user
 * types); then the export itself in a worker, streamed to a picked file or a download.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const headingId = useId();
  const project = useAppStore((s) => s.project);
  const storeSeed = useAppStore((s) => s.seed);
  const [settings, setSettings] = useState<ExportSettings>(() => defaultSettings(storeSeed));
  const specResult = useMemo(() => specOf(project, settings), [project, settings]);
  const spec = specResult.ok ? specResult.spec : null;
  const { result: preview, stale } = useExportPreview(spec, PREVIEW_LINES);
  const job = useExportJob();
  const running = job.state.phase === 'running';
  const problems = specResult.ok ? [] : specResult.problems;
  const update = (patch: Partial<ExportSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    job.reset();
  };
  const current = preview && !stale ? preview : null;
  const ready = !!spec && current?.ok === true;
  const picker = canPickSaveFile();
  const format = FORMATS.find((f) => f.id === settings.format);

  const begin = (destination: Destination) => {
    if (!spec || !current?.ok) return;
    void job.start(spec, current.output, project.name, destination, current.summary.examples);
  };

  const outcomes = useMemo(() => (preview?.ok ? outcomeShares(preview.summary.chains) : null), [preview]);
  const mixProblem = problems.find((p) => p.field.startsWith('mix:'))?.message;

  return (
    <ModalDialog title="Export dataset" className="export-dialog" onClose={onClose}>
      <div className="export-body">
        <SettingsForm
          project={project}
          settings={settings}
          problems={problems}
          chains={preview?.ok ? preview.summary.chains : undefined}
          update={update}
          disabled={running}
        />
        <div className="export-results" aria-busy={stale}>
          {preview && !preview.ok && (
            <div role="alert" className="export-alert">
              <p>{settings.format === 'distil' ? 'distil cannot be written from this project yet:' : 'This export cannot be made:'}</p>
              <DiagnosticList diagnostics={preview.diagnostics} label="Why the export cannot be made" />
            </div>
          )}
          {preview?.ok && (
            <>
              <section className="export-section" aria-labelledby={`${headingId}-mix`}>
                <h3 id={`${headingId}-mix`}>Mix by pattern</h3>
                <MixChart
                  report={preview.summary.mix}
                  weights={settings.mode === 'mix' ? settings.mix : undefined}
                  onWeight={
                    settings.mode === 'mix' && !running ? (pattern: Pattern, text: string) => update({ mix: { ...settings.mix, [pattern]: text } }) : undefined
                  }
                  invalid={(p) => problems.some((x) => x.field === `mix:${p}`)}
                />
                {mixProblem && <p className="field-hint">{mixProblem}</p>}
                {settings.mode === 'counts' && <p className="export-muted">Target: the default mix. Choose “A total, mixed by pattern” to draw to a mix.</p>}
              </section>
              <section className="export-section" aria-labelledby={`${headingId}-stats`}>
                <h3 id={`${headingId}-stats`}>Stats</h3>
                <StatsList stats={preview.stats} />
              </section>
              {outcomes && (
                <section className="export-section" aria-labelledby={`${headingId}-outcomes`}>
                  <h3 id={`${headingId}-outcomes`}>Failures and confirmations</h3>
                  <OutcomeList shares={outcomes} />
                </section>
              )}
              {preview.summary.split && (
                <section className="export-section" aria-labelledby={`${headingId}-split`}>
                  <h3 id={`${headingId}-split`}>Split</h3>
                  <SplitSummaryView split={preview.summary.split} />
                </section>
              )}
              {preview.summary.warnings.length > 0 && (
                <section className="export-section" aria-labelledby={`${headingId}-warnings`}>
                  <h3 id={`${headingId}-warnings`}>Notes</h3>
                  <DiagnosticList diagnostics={preview.summary.warnings} label="Notes about this export" />
                </section>
              )}
              <section className="export-section" aria-labelledby={`${headingId}-preview`}>
                <h3 id={`${headingId}-preview`}>
                  Preview{' '}
                  <span className="export-muted">
                    · {preview.output.kind === 'zip' ? `${preview.output.entries.train} in ${preview.output.fileName}` : preview.output.fileName}
                  </span>
                </h3>
                <PreviewLines lines={preview.lines} fileName={preview.output.fileName} />
              </section>
            </>
          )}
          {!preview && <p className="export-muted">Preparing the preview…</p>}
        </div>
      </div>
      <div className="export-foot">
        <div className="export-foot-status">
          <ExportStatus state={job.state} />
          {job.state.phase === 'idle' && current?.ok && (
            <p className="export-muted">
              {current.summary.examples.toLocaleString('en-US')} examples as {format?.id}
              {current.output.kind === 'zip' ? `, in ${current.output.fileName}` : ''}. Every line is checked before the file is offered.
            </p>
          )}
        </div>
        <div className="export-actions">
          {running ? (
            <button type="button" className="button" onClick={job.cancel}>
              Cancel
            </button>
          ) : (
            <>
              {picker && (
                <button type="button" className="button" disabled={!ready} onClick={() => begin('file')}>
                  Save to file…
                </button>
              )}
              <button type="button" className="button button-primary" disabled={!ready} onClick={() => begin('download')}>
                Download
              </button>
            </>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
