import { useMemo } from 'react';
import type { AuditFinding, Grade } from '../../../core/index.ts';
import { auditProject, severityLabel } from '../../../core/index.ts';
import { useAppStoreApi, selectProject, useAppStore } from '../../../state/store.ts';
import { closeToolDialog, openReturnsDialog, openToolEditor } from './dialogStore.ts';
import { ModalDialog } from '../../dialog/ModalDialog.tsx';

/**
 * The tool audit: a grade for the project and for every tool, each finding with why and a fix.
 * Clicking a finding opens its tool in the editor; the tools without a result schema are described
 * together in "Result schemas".
 */
export function AuditDialog() {
  const project = useAppStore(selectProject);
  const report = useMemo(() => auditProject(project), [project]);
  const toolsWithFindings = report.tools.filter((t) => t.findings.length > 0);
  const clean = report.tools.filter((t) => t.findings.length === 0);
  const missingReturns = report.tools.filter((t) => t.findings.some((f) => f.code === 'returns-missing')).length;
  return (
    <ModalDialog title="Tool audit" className="tool-audit-dialog" onClose={closeToolDialog}>
      <div className="tool-audit-summary">
        <GradeMark grade={report.project.grade} label="Project grade" />
        <p>
          <strong>Project: {report.project.grade}</strong>{' '}
          <span className="muted">({report.project.score}/100, the tools' mean less the project's findings)</span>
          <br />
          <span className="muted">
            {report.tools.length} {report.tools.length === 1 ? 'tool' : 'tools'}; {toolsWithFindings.length} with findings. Findings are advice: nothing is
            blocked.
          </span>
        </p>
      </div>
      {missingReturns > 0 && (
        <p className="tool-audit-returns">
          <button type="button" className="button button-small" onClick={() => openReturnsDialog()}>
            Describe the results of {missingReturns} {missingReturns === 1 ? 'tool' : 'tools'} without a result schema
          </button>{' '}
          <span className="muted">all in one dialog (returns-missing)</span>
        </p>
      )}
      {report.project.findings.length > 0 && (
        <section className="tool-audit-group" aria-label="Project findings">
          <h3 className="tool-section-title">The tool set</h3>
          <FindingList findings={report.project.findings} />
        </section>
      )}
      <ul className="tool-audit-tools" aria-label="Tool grades">
        {toolsWithFindings.map((t) => (
          <li key={t.name} className="tool-audit-tool" aria-label={`${t.name}: grade ${t.grade}`}>
            <div className="tool-audit-tool-head">
              <GradeMark grade={t.grade} label={`Grade of ${t.name}`} />
              <button type="button" className="link-button tool-audit-open" onClick={() => openToolEditor(t.name)}>
                {t.name}
              </button>
              <span className="muted">{t.score}/100</span>
            </div>
            <FindingList findings={t.findings} />
          </li>
        ))}
      </ul>
      {clean.length > 0 && <p className="muted tool-audit-clean">No findings: {clean.map((t) => t.name).join(', ')} (grade A).</p>}
    </ModalDialog>
  );
}

function FindingList({ findings }: { findings: AuditFinding[] }) {
  return (
    <ul className="tool-findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${f.path}-${i}`}>
          <button
            type="button"
            className={`tool-finding severity-${severityLabel(f)}`}
            disabled={!f.tool}
            onClick={() => f.tool && openToolEditor(f.tool)}
            aria-label={`${severityLabel(f)}: ${f.message} Fix: ${f.fix}${f.tool ? ` Opens ${f.tool}.` : ''}`}
          >
            <span className="tool-finding-head">
              <span className={`tool-severity severity-${severityLabel(f)}`}>{severityLabel(f)}</span>
              <code className="tool-finding-rule">{f.code}</code>
            </span>
            <span className="tool-finding-message">{f.message}</span>
            <span className="tool-finding-fix">
              <strong>Fix:</strong> {f.fix}
            </span>
          </button>
          {f.calls && f.calls.length > 0 && <CallLinks calls={f.calls} />}
        </li>
      ))}
    </ul>
  );
}

/** The calls a finding is about: each selects its call on the canvas (in its chain) and closes the audit. */
function CallLinks({ calls }: { calls: NonNullable<AuditFinding['calls']> }) {
  const store = useAppStoreApi();
  const several = new Set(calls.map((c) => c.chainId)).size > 1;
  const show = (chainId: string, callId: string) => {
    store.getState().selectChain(chainId);
    store.getState().selectCalls([callId]);
    closeToolDialog();
  };
  return (
    <p className="tool-finding-calls">
      <span className="muted">Calls:</span>{' '}
      {calls.map((c, i) => (
        <span key={`${c.chainId}/${c.callId}`}>
          {i > 0 && ', '}
          <button
            type="button"
            className="link-button"
            onClick={() => show(c.chainId, c.callId)}
            aria-label={`Show call ${c.callId}${several ? ` of chain ${c.chainId}` : ''} on the canvas`}
          >
            <code>{several ? `${c.chainId}/${c.callId}` : c.callId}</code>
          </button>
        </span>
      ))}
    </p>
  );
}

export function GradeMark({ grade, label }: { grade: Grade; label: string }) {
  return (
    <span className={`grade grade-${grade}`} role="img" aria-label={`${label}: ${grade}`}>
      {grade}
    </span>
  );
}
