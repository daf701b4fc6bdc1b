import { useId, useMemo } from 'react';
import type { Call } from '../../core/index.ts';
import { useAppStoreApi, makeSelectNode, selectChain, selectHighlightedDiagnostic, selectToolLibrary, useAppStore } from '../../state/store.ts';
import { diagnosticTarget, jsonPathSegments } from '../diagnostics/diagnosticTarget.ts';
import { ArgumentField } from './ArgumentField.tsx';
import { CallConfirm, CallFailure, CallRuns } from './CallBehaviours.tsx';
import { StepRequests } from './StepRequests.tsx';
import { heldDraftKey } from '../../state/drafts.ts';
import { useHeldDraft } from './useHeldDraft.ts';

/** The selected call: its tool, its id (editable, unique), how it runs (for each, only if), each argument, failure and confirmation, its own requests. */
export function CallInspector({ call }: { call: Call }) {
  const store = useAppStoreApi();
  const headingId = useId();
  const chain = useAppStore(selectChain);
  const project = useAppStore((s) => s.project);
  const tools = useAppStore(selectToolLibrary);
  const nodeSelector = useMemo(() => makeSelectNode(call.id), [call.id]);
  const node = useAppStore(nodeSelector);
  const highlighted = useAppStore(selectHighlightedDiagnostic);
  const slotNames = useMemo(() => Object.keys(chain?.slots ?? {}), [chain?.slots]);

  const chainIndex = project.chains.findIndex((c) => c.id === chain?.id);
  const callIndex = chain?.calls.findIndex((c) => c.id === call.id) ?? -1;
  const target = highlighted ? diagnosticTarget(highlighted.path) : null;
  const targetHere = target && 'callIndex' in target && target.chainIndex === chainIndex && target.callIndex === callIndex ? target : null;
  const toolKnown = tools.some((t) => t.name === call.tool);
  const requestHere = targetHere && highlighted ? stepRequestIndex(highlighted.path) : undefined;

  return (
    <section className="inspector-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} className="section-title">
          Call <code>{call.id}</code>
        </h3>
        <button type="button" className="button button-small button-danger" onClick={() => store.getState().deleteCalls([call.id])}>
          Delete call
        </button>
      </div>
      <div className="form-grid">
        <label className="field-label" htmlFor={`${headingId}-tool`}>
          Tool
        </label>
        <select id={`${headingId}-tool`} className="select" value={call.tool} onChange={(e) => store.getState().setCallTool(call.id, e.target.value)}>
          {!toolKnown && <option value={call.tool}>{call.tool} (not defined)</option>}
          {tools.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
        <CallIdField callId={call.id} inputId={`${headingId}-id`} />
      </div>
      {node?.description && <p className="muted inspector-description">{node.description}</p>}
      {chain && <CallRuns call={call} chain={chain} />}
      <h4 className="subsection-title">Arguments</h4>
      {node && node.inputs.length === 0 && <p className="muted">This tool takes no arguments.</p>}
      {node?.inputs.map((handle) => (
        <ArgumentField
          key={`${call.id}:${handle.name}`}
          callId={call.id}
          handle={handle}
          value={call.args?.[handle.name]}
          slotNames={slotNames}
          highlighted={targetHere?.kind === 'argument' && targetHere.arg === handle.name}
        />
      ))}
      <CallFailure call={call} inputs={node?.inputs ?? []} />
      <CallConfirm call={call} />
      {chain && <StepRequests call={call} chain={chain} highlighted={requestHere} />}
    </section>
  );
}

/** The step request a diagnostic path points at (`…calls[2].requests[1]` → 1, `…calls[2].requests` → null), or undefined. */
function stepRequestIndex(path: string): number | null | undefined {
  const s = jsonPathSegments(path);
  if (!s || s[4] !== 'requests') return undefined;
  return typeof s[5] === 'number' ? s[5] : null;
}

function CallIdField({ callId, inputId }: { callId: string; inputId: string }) {
  const store = useAppStoreApi();
  const chainId = useAppStore((s) => s.chainId);
  // Committed on Enter, blur, leaving the page or this call; an id that cannot be used stays in the field with the reason (and comes back with it).
  const { draft, problem, setDraft, commit, revert } = useHeldDraft(callId, {
    apply: (text) => {
      const next = text.trim();
      if (next === callId) return null;
      const renamed = store.getState().renameCall(callId, next);
      return renamed.ok ? null : renamed.error;
    },
    holdKey: heldDraftKey(chainId, 'call', callId, 'id'),
  });
  const errorId = useId();
  return (
    <>
      <label className="field-label" htmlFor={inputId}>
        Id
      </label>
      <div>
        <input
          id={inputId}
          className="input"
          value={draft}
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') revert();
          }}
        />
        {problem && (
          <p id={errorId} className="field-hint" role="alert">
            Not renamed: {problem}. Escape puts back {callId}.
          </p>
        )}
      </div>
    </>
  );
}
