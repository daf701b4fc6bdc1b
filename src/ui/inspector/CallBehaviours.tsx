import { useId, useMemo, useState } from 'react';
import { DEFAULT_FOR_EACH_AS, DEFAULT_WHEN_RATE, DEFAULT_YES_RATE, parseTemplate } from '../../core/index.ts';
import type { BehaviourPatch, Call, Chain, ConfirmSpec, FailureSpec, JsonValue, Recover, ReferenceScope } from '../../core/index.ts';
import type { ArgumentHandle } from '../../core/index.ts';
import type { JsonSchema } from '../../core/index.ts';
import { checkAgainstSchema } from '../../core/index.ts';
import type { EditOutcome } from '../../state/store.ts';
import { useAppStoreApi, makeSelectForEachOptions, makeSelectTemplateCompletions, selectVariations, useAppStore } from '../../state/store.ts';
import { literalValue } from './argumentMode.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { shareInWords } from './conditionForm.ts';
import { PhrasingList } from './PhrasingList.tsx';
import { ReferenceSteps } from './ReferenceSteps.tsx';
import { heldDraftKey } from '../../state/drafts.ts';
import { useCommitOnLeave, useHeldDraft } from './useHeldDraft.ts';

/** Sets a call's behaviours on this component's store. */
function useSetBehaviour(): (callId: string, patch: BehaviourPatch) => EditOutcome {
  const store = useAppStoreApi();
  return (callId, patch) => store.getState().setCallBehaviour(callId, patch);
}

/**
 * How a call runs, above its arguments: once, or once for each element of a list (with the
 * element's name and a filter), and only if a condition holds (with the share of examples it
 * is steered to hold in). The plan's sentence for the call says what that makes.
 */
export function CallRuns({ call, chain }: { call: Call; chain: Chain }) {
  const set = useSetBehaviour();
  const baseId = useId();
  const whereScope = useMemo<ReferenceScope>(() => ({ kind: 'where', callId: call.id }), [call.id]);
  const whenScope = useMemo<ReferenceScope>(() => ({ kind: 'when', callId: call.id }), [call.id]);
  const others = useMemo(() => chain.calls.filter((c) => c.id !== call.id).map((c) => c.id), [chain.calls, call.id]);
  const forEachSelector = useMemo(() => makeSelectForEachOptions(call.id), [call.id]);
  const lists = useAppStore(forEachSelector);
  const variation = useAppStore(selectVariations).get(call.id);
  const listKnown = call.forEach === undefined || lists.some((o) => o.reference === call.forEach);

  return (
    <>
      <h4 className="subsection-title">Runs</h4>
      <div className="behaviour-block">
        <label className="field-label" htmlFor={`${baseId}-each`}>
          Run once for each element of
        </label>
        <select
          id={`${baseId}-each`}
          className="select"
          value={call.forEach ?? ''}
          onChange={(e) => set(call.id, { forEach: e.target.value === '' ? undefined : e.target.value })}
        >
          <option value="">Nothing: run once</option>
          {!listKnown && <option value={call.forEach}>{call.forEach} (as written)</option>}
          {lists.map((o) => (
            <option key={o.reference} value={o.reference}>
              {o.label}
            </option>
          ))}
        </select>
        {lists.length === 0 && call.forEach === undefined && (
          <p className="muted field-note">No call before this one gives a list, and the chain has no slots.</p>
        )}
        {call.forEach !== undefined && (
          <>
            <ElementNameField call={call} inputId={`${baseId}-as`} />
            <h5 className="behaviour-subtitle" id={`${baseId}-where`}>
              Only the elements where
            </h5>
            <ConditionEditor
              name="Filter"
              condition={call.where}
              onChange={(where) => set(call.id, { where })}
              scope={whereScope}
              callIds={others}
              addText="Add a filter"
              removeText="Remove the filter"
            />
          </>
        )}
      </div>

      <h4 className="subsection-title">Only if</h4>
      <div className="behaviour-block">
        <ConditionEditor
          name="Condition"
          condition={call.when}
          onChange={(when) => set(call.id, { when })}
          scope={whenScope}
          callIds={others}
          addText="Add a condition"
          removeText="Remove the condition"
        />
        {call.when !== undefined && (
          <RateSlider
            label="The condition holds in"
            value={call.whenRate ?? DEFAULT_WHEN_RATE}
            onCommit={(whenRate) => set(call.id, { whenRate })}
            note="The simulator steers the results so that it holds in this share of the examples."
          />
        )}
      </div>
      {variation && (
        <p className="behaviour-summary" aria-label={`How ${call.id} varies`}>
          {variation.words}
        </p>
      )}
    </>
  );
}

function ElementNameField({ call, inputId }: { call: Call; inputId: string }) {
  const set = useSetBehaviour();
  const current = call.as ?? DEFAULT_FOR_EACH_AS;
  const chainId = useAppStore((s) => s.chainId);
  const { draft, problem, setDraft, commit, revert } = useHeldDraft(current, {
    apply: (text) => {
      const next = text.trim();
      if (next === current) return null;
      const named = set(call.id, { as: next === '' ? undefined : next });
      return named.ok ? null : named.error;
    },
    holdKey: heldDraftKey(chainId, 'call', call.id, 'as', current),
  });
  const errorId = useId();
  return (
    <div className="behaviour-row">
      <label className="field-label" htmlFor={inputId}>
        Each element is called
      </label>
      <input
        id={inputId}
        className="input input-short"
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
      {problem ? (
        <span id={errorId} className="field-hint">
          Not used: {problem}. Escape puts back {current}.
        </span>
      ) : (
        <span className="muted field-note">
          use <code>{`{${current}}`}</code> in the arguments
        </span>
      )}
    </div>
  );
}

/** A share from 0 to 100 % in steps of 5, said in words; written once the slider is let go (one undo step). */
export function RateSlider({ label, value, onCommit, note }: { label: string; value: number; onCommit: (share: number) => void; note?: string }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  if (base !== value) {
    setBase(value);
    setDraft(value);
  }
  // A value moved to and not yet let go of is written when the page or this call is left too.
  const leave = useCommitOnLeave();
  const commit = () => {
    leave.clear();
    if (draft !== value) onCommit(draft);
  };
  const change = (next: number) => {
    setDraft(next);
    if (next === value) leave.clear();
    else leave.markPending(() => onCommit(next));
  };
  const words = shareInWords(draft);
  return (
    <div className="rate-slider">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="rate-slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(draft * 100)}
          aria-valuetext={words}
          onChange={(e) => change(Number(e.target.value) / 100)}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
        <output htmlFor={id} className="rate-words">
          {words}
        </output>
      </div>
      {note && <p className="muted field-note">{note}</p>}
    </div>
  );
}

const STARTER_ERROR = { error: { code: 'UNAVAILABLE', message: 'The service is unavailable, try again.' } };

/** A call that may fail: the share of examples, the error result, and what the assistant does then. */
export function CallFailure({ call, inputs }: { call: Call; inputs: readonly ArgumentHandle[] }) {
  const set = useSetBehaviour();
  const baseId = useId();
  const tool = useAppStore((s) => s.project.tools.find((t) => t.function.name === call.tool));
  const failure = call.failure;
  const update = (change: Partial<FailureSpec>, remove: (keyof FailureSpec)[] = []) => {
    if (!failure) return;
    const next: FailureSpec = { ...failure, ...change };
    for (const k of remove) delete next[k];
    set(call.id, { failure: next });
  };
  const recover = failure?.recover === undefined || failure.recover === 'report' ? 'report' : failure.recover === 'retry' ? 'retry' : 'retryWith';
  const retryWith = failure && typeof failure.recover === 'object' ? failure.recover.retryWith : {};
  return (
    <>
      <h4 className="subsection-title">Failure</h4>
      <div className="behaviour-block">
        <label className="check-row">
          <input
            type="checkbox"
            checked={failure !== undefined}
            onChange={(e) =>
              set(call.id, { failure: e.target.checked ? { rate: 0.2, ...(tool?.errors ? {} : { error: STARTER_ERROR }), recover: 'report' } : undefined })
            }
          />
          This call may fail
        </label>
        {failure && (
          <>
            <RateSlider label="It fails in" value={failure.rate} onCommit={(rate) => update({ rate })} />
            <ErrorField
              callId={call.id}
              value={failure.error}
              schema={tool?.errors}
              onCommit={(error) => (error === undefined ? update({}, ['error']) : update({ error }))}
            />
            <label className="field-label" htmlFor={`${baseId}-recover`}>
              Then the assistant
            </label>
            <select
              id={`${baseId}-recover`}
              className="select"
              value={recover}
              onChange={(e) => {
                const mode = e.target.value;
                const next: Recover = mode === 'retryWith' ? { retryWith: { ...(call.args ?? {}) } } : (mode as 'retry' | 'report');
                update({ recover: next });
              }}
            >
              <option value="report">reports it (no retry; what needs it does not run)</option>
              <option value="retry">retries the same call</option>
              <option value="retryWith">retries with other arguments</option>
            </select>
            {recover === 'retryWith' && (
              <fieldset className="retry-args">
                <legend className="field-label">Arguments of the retry</legend>
                {inputs.map((h) => (
                  <RetryArgument
                    key={h.name}
                    callId={call.id}
                    handle={h}
                    value={retryWith[h.name]}
                    onCommit={(v) => {
                      const args = { ...retryWith };
                      if (v === undefined) delete args[h.name];
                      else args[h.name] = v;
                      update({ recover: { retryWith: args } });
                    }}
                  />
                ))}
              </fieldset>
            )}
          </>
        )}
      </div>
    </>
  );
}

/**
 * The error result as JSON, checked when the field is left: text that is not JSON is shown
 * with the parser's message and not written; JSON that does not fit the tool's `errors`
 * schema is written, with what does not fit beside it.
 */
function ErrorField({
  callId,
  value,
  schema,
  onCommit,
}: {
  callId: string;
  value: JsonValue | undefined;
  schema: JsonSchema | undefined;
  onCommit: (error: JsonValue | undefined) => void;
}) {
  const id = useId();
  const errorId = useId();
  const text = value === undefined ? '' : JSON.stringify(value, null, 2);
  const chainId = useAppStore((s) => s.chainId);
  // Committed on blur, Ctrl+Enter, or when the page or this call is left; text that is not JSON stays, with the parser's message.
  const { draft, problem, setDraft, commit } = useHeldDraft(text, {
    apply: (typed) => {
      if (typed.trim() === '') {
        onCommit(undefined);
        return null;
      }
      try {
        const parsed = JSON.parse(typed) as JsonValue;
        onCommit(parsed);
        return null;
      } catch (e) {
        return `not JSON: ${(e as Error).message}`;
      }
    },
    holdKey: heldDraftKey(chainId, 'call', callId, 'failure.error', text),
  });
  const misfit = useMemo(() => {
    if (!schema || value === undefined) return null;
    const found = checkAgainstSchema(schema, value);
    return found.length ? `does not fit the tool’s errors schema: ${found[0].path} ${found[0].message}` : null;
  }, [schema, value]);
  return (
    <div className="error-field">
      <label className="field-label" htmlFor={id}>
        Error result (JSON)
      </label>
      <textarea
        id={id}
        className="input textarea code-textarea"
        rows={4}
        value={draft}
        spellCheck={false}
        placeholder={schema ? 'Empty: drawn from the tool’s errors schema' : JSON.stringify(STARTER_ERROR)}
        aria-invalid={problem !== null}
        aria-describedby={problem || misfit ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commit();
        }}
      />
      {problem || misfit ? (
        <span id={errorId} className="field-hint" role="status">
          {problem ?? misfit}
        </span>
      ) : (
        <span className="muted field-note">
          {schema ? 'Leave empty to draw one from the tool’s errors schema. ' : ''}May use references; the call’s own id reads its arguments.
        </span>
      )}
    </div>
  );
}

function RetryArgument({
  callId,
  handle,
  value,
  onCommit,
}: {
  callId: string;
  handle: ArgumentHandle;
  value: JsonValue | undefined;
  onCommit: (v: JsonValue | undefined) => void;
}) {
  const id = useId();
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Committed on blur, Enter, or when the page or this call is left.
  const { draft, setDraft, commit } = useHeldDraft(text, {
    apply: (typed) => {
      if (typed.trim() === '') onCommit(undefined);
      else {
        const parsed = literalValue(typed, handle.types);
        onCommit(parsed.ok ? parsed.value : typed);
      }
      return null;
    },
  });
  const scope = useMemo<ReferenceScope>(() => ({ kind: 'argument', callId }), [callId]);
  const whole = typeof value === 'string' && parseTemplate(value).whole !== null;
  return (
    <div className="retry-arg">
      <label className="field-label" htmlFor={id}>
        <code>{handle.name}</code>
      </label>
      <input
        id={id}
        className="input"
        value={draft}
        placeholder="as in the first call"
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {whole && <ReferenceSteps reference={value as string} scope={scope} name={`retry ${handle.name}`} onChange={(reference) => onCommit(reference)} />}
    </div>
  );
}

const STARTER_CONFIRM: ConfirmSpec = { ask: ['Shall I go ahead?'], yes: ['Yes, go ahead.'], no: ['No, don’t.'], yesRate: DEFAULT_YES_RATE };

/** A call the assistant asks about first: the question, the user's yes and no answers, and how often they say yes. */
export function CallConfirm({ call }: { call: Call }) {
  const set = useSetBehaviour();
  const completionsSelector = useMemo(() => makeSelectTemplateCompletions(call.id), [call.id]);
  const completions = useAppStore(completionsSelector);
  const confirm = call.confirm;
  const update = (change: Partial<ConfirmSpec>) => confirm && set(call.id, { confirm: { ...confirm, ...change } });
  return (
    <>
      <h4 className="subsection-title">Confirmation</h4>
      <div className="behaviour-block">
        <label className="check-row">
          <input type="checkbox" checked={confirm !== undefined} onChange={(e) => set(call.id, { confirm: e.target.checked ? STARTER_CONFIRM : undefined })} />
          Ask the user first
        </label>
        {confirm && (
          <>
            <PhrasingList
              label="Question"
              values={confirm.ask}
              completions={completions}
              starter="Shall I go ahead?"
              rows={2}
              onCommit={(ask) => update({ ask })}
            />
            <PhrasingList label="Yes answer" values={confirm.yes} starter="Yes." onCommit={(yes) => update({ yes })} />
            <PhrasingList label="No answer" values={confirm.no} starter="No." onCommit={(no) => update({ no })} />
            <RateSlider label="The user says yes in" value={confirm.yesRate ?? DEFAULT_YES_RATE} onCommit={(yesRate) => update({ yesRate })} />
          </>
        )}
      </div>
    </>
  );
}
