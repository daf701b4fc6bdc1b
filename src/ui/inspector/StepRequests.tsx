import { useEffect, useMemo, useRef } from 'react';
import { stepRequestCompletions, stepRequestCoverage } from '../../core/index.ts';
import type { Call, Chain, Project } from '../../core/index.ts';
import type { AppState } from '../../state/store.ts';
import { useAppStoreApi, useAppStore } from '../../state/store.ts';
import { TemplateField } from './TemplateField.tsx';

interface Props {
  call: Call;
  chain: Chain;
  /** The index of the request a diagnostic points at (null: the list), or undefined. */
  highlighted?: number | null;
}

/** `{slot}` and `{call.path}` completions for one call's own requests (only the calls it waits for), memoised. */
function makeSelectStepCompletions(callId: string): (s: AppState) => string[] {
  let last: { project: Project; chainId: string | null; result: string[] } | null = null;
  return (s) => {
    if (last && last.project === s.project && last.chainId === s.chainId) return last.result;
    const result = s.chainId ? stepRequestCompletions(s.project, s.chainId, callId) : [];
    last = { project: s.project, chainId: s.chainId, result };
    return result;
  };
}

/** A first wording for a new step request, to be typed over: `Now find available rooms.` */
function starterRequest(tool: string): string {
  return `Now ${tool.replace(/[_-]+/g, ' ').trim() || 'go on'}.`;
}

/**
 * "Requests for this step": the call's own user requests (project format §6, §9.2). When
 * every call of the chain has some, each call is preceded by its own user turn; when only
 * some do, they are not used, and the section says so.
 */
export function StepRequests({ call, chain, highlighted }: Props) {
  const store = useAppStoreApi();
  const selector = useMemo(() => makeSelectStepCompletions(call.id), [call.id]);
  const completions = useAppStore(selector);
  const coverage = useMemo(() => stepRequestCoverage(chain), [chain]);
  const requests = call.requests ?? [];
  const set = (next: readonly string[]) => store.getState().setCallRequests(call.id, next);
  // After "Add", the new request's text is selected, ready to be typed over.
  const focusNext = useRef<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    focusNext.current = null;
    const field = listRef.current?.querySelectorAll<HTMLTextAreaElement>('textarea')[index];
    field?.focus();
    field?.select();
  }, [requests.length]);
  // A diagnostic about these requests brings them into view.
  useEffect(() => {
    if (highlighted === undefined) return;
    const fields = listRef.current?.querySelectorAll<HTMLElement>('.template-field');
    (fields?.[highlighted ?? 0] ?? listRef.current)?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  const label = (i: number) => `Step request ${i + 1}`;
  const mine = requests.length > 0;
  const tone = coverage.multiTurn ? 'is-multi' : coverage.withRequests > 0 ? 'is-partial' : 'is-none';

  return (
    <div className="step-requests">
      <h4 className="subsection-title">Requests for this step</h4>
      <p className="muted field-note">
        What the user says just before this call. When every call of the chain has its own requests, the chain is multi-turn: each call follows a user turn of
        its own, one call per turn. Requests may use slots and the results of the calls this one waits for.
      </p>
      <p className={`step-status ${tone}`} role="status">
        <StatusText withRequests={coverage.withRequests} total={coverage.total} missing={coverage.missing} multiTurn={coverage.multiTurn} mine={mine} />
      </p>
      <div ref={listRef} className="step-request-list">
        {requests.map((request, i) => (
          <TemplateField
            key={i}
            label={label(i)}
            value={request}
            completions={completions}
            highlighted={highlighted !== undefined && (highlighted === null || highlighted === i)}
            onCommit={(text) => set(requests.map((r, j) => (j === i ? text : r)))}
            actions={
              <button type="button" className="link-button" aria-label={`Remove step request ${i + 1}`} onClick={() => set(requests.filter((_, j) => j !== i))}>
                Remove
              </button>
            }
          />
        ))}
      </div>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          focusNext.current = requests.length;
          if (!set([...requests, starterRequest(call.tool)]).ok) focusNext.current = null;
        }}
      >
        Add step request
      </button>
    </div>
  );
}

function StatusText({
  withRequests,
  total,
  missing,
  multiTurn,
  mine,
}: {
  withRequests: number;
  total: number;
  missing: string[];
  multiTurn: boolean;
  mine: boolean;
}) {
  if (multiTurn) {
    return (
      <>
        <strong>Multi-turn:</strong> all {total} calls have requests, so each call follows its own user turn.
      </>
    );
  }
  if (withRequests === 0) return <>Single-turn: no call has requests of its own; the chain’s user requests open the conversation.</>;
  const shown = missing.slice(0, 4);
  const rest = missing.length - shown.length;
  return (
    <>
      <strong>
        {withRequests} of {total} calls have requests:
      </strong>{' '}
      per-step requests are used only when every call has them{mine ? ' (this one’s are ignored for now)' : ''}. Still without:{' '}
      {shown.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <code>{id}</code>
        </span>
      ))}
      {rest > 0 && ` and ${rest} more`}.
    </>
  );
}
