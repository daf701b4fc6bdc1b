import { useId, useMemo, useState } from 'react';
import { moveItem, replyAsVariants, stepRequestCoverage, variantTexts, withTexts } from '../../core/index.ts';
import type { Chain, Condition, ReferenceScope, ReplyVariant, SlotSpec } from '../../core/index.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { PhrasingList } from './PhrasingList.tsx';
import { useAppStoreApi, makeSelectTemplateCompletions, selectHighlightedDiagnostic, useAppStore } from '../../state/store.ts';
import { diagnosticTarget } from '../diagnostics/diagnosticTarget.ts';
import { SlotEditor } from './SlotEditor.tsx';
import { useReplyCoverage } from './useReplyCoverage.ts';
import { CoverageSummary, VariantShare } from './VariantCoverage.tsx';
import { TemplateField } from './TemplateField.tsx';
import { useDraft } from './useDraft.ts';
import { heldDraft, heldDraftKey, holdDraft } from '../../state/drafts.ts';

const selectAllCompletions = makeSelectTemplateCompletions();

/** The chain's request templates, slots and reply template. */
export function ChainSettings({ chain }: { chain: Chain }) {
  const store = useAppStoreApi();
  const headingId = useId();
  const completions = useAppStore(selectAllCompletions);
  const chainIndex = useAppStore((s) => s.project.chains.findIndex((c) => c.id === chain.id));
  const highlighted = useAppStore(selectHighlightedDiagnostic);
  const target = highlighted ? diagnosticTarget(highlighted.path) : null;
  const here = target && 'chainIndex' in target && target.chainIndex === chainIndex ? target : null;
  const slotNames = Object.keys(chain.slots ?? {});
  const slotTokens = useMemo(() => slotNames.map((s) => `{${s}}`), [slotNames]);
  const requests = chain.requests ?? [];
  const multiTurn = useMemo(() => stepRequestCoverage(chain).multiTurn, [chain]);
  const s = () => store.getState();

  return (
    <section className="inspector-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} className="section-title">
          Chain <code>{chain.id}</code>
        </h3>
      </div>

      <ChainName chain={chain} />

      <h4 className="subsection-title">User requests</h4>
      <p className="muted field-note">
        {multiTurn
          ? 'Optional here: every call has its own requests (multi-turn). One drawn from these, if any, opens the first user turn. Requests may use slots.'
          : 'One is drawn per example. Requests may use slots.'}
      </p>
      {requests.map((request, i) => (
        <TemplateField
          key={i}
          label={`Request ${i + 1}`}
          value={request}
          completions={slotTokens}
          highlighted={here?.kind === 'request' && (here.index === null || here.index === i)}
          onCommit={(text) => s().setRequests(requests.map((r, j) => (j === i ? text : r)))}
          actions={
            <button
              type="button"
              className="link-button"
              aria-label={`Remove request ${i + 1}`}
              onClick={() => s().setRequests(requests.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          }
        />
      ))}
      <button type="button" className="button button-small" onClick={() => s().setRequests([...requests, 'Another way to ask for this.'])}>
        Add request
      </button>

      <h4 className="subsection-title">Slots</h4>
      <p className="muted field-note">Values drawn once per example, used as {'{name}'}.</p>
      {slotNames.length === 0 && <p className="muted">No slots yet.</p>}
      {slotNames.map((name) => (
        <SlotEditor key={name} name={name} spec={chain.slots![name]} highlighted={here?.kind === 'slot' && here.slot === name} />
      ))}
      <AddSlot taken={new Set([...slotNames, ...chain.calls.map((c) => c.id)])} />

      <h4 className="subsection-title">Reply</h4>
      {Array.isArray(chain.reply) ? (
        <ReplyVariantList chain={chain} variants={chain.reply} completions={completions} />
      ) : (
        <>
          <TemplateField
            label="Reply template"
            value={chain.reply ?? ''}
            completions={completions}
            rows={3}
            placeholder="Empty: a summary of what each call did"
            highlighted={here?.kind === 'reply'}
            onCommit={(text) => s().setReply(text.trim() === '' ? undefined : text)}
          />
          <button
            type="button"
            className="button button-small"
            onClick={() => s().setReplyVariants(replyAsVariants(chain.reply, 'Done: {' + (chain.calls[0]?.id ?? 'result') + '}.'))}
          >
            Use reply variants
          </button>
          <p className="muted field-note">Variants let the reply say what happened: one for each branch, the first whose condition holds is used.</p>
        </>
      )}
    </section>
  );
}

/** The chain's name (its tab's label), committed as it is typed; blank falls back to the id. */
function ChainName({ chain }: { chain: Chain }) {
  const store = useAppStoreApi();
  const inputId = useId();
  const [draft, setDraft, commit] = useDraft(chain.name ?? '', { commit: (text) => store.getState().renameChain(chain.id, { name: text }) });
  return (
    <div className="add-slot">
      <label htmlFor={inputId} className="field-label">
        Chain name
      </label>
      <input id={inputId} className="input" value={draft} placeholder={chain.id} onChange={(e) => setDraft(e.target.value)} onBlur={commit} />
    </div>
  );
}

const REPLY_SCOPE: ReferenceScope = { kind: 'reply' };

/**
 * A reply made of variants, in order: each with its condition (the same editor as a call's)
 * and its phrasings. The first whose condition holds is the reply; the last should have none
 * (it is the fallback). Add puts a new variant before a last one without a condition; each
 * can be moved up or down or removed. Every change is one undo step.
 */
function ReplyVariantList({ chain, variants, completions }: { chain: Chain; variants: ReplyVariant[]; completions: readonly string[] }) {
  const store = useAppStoreApi();
  const callIds = useMemo(() => chain.calls.map((c) => c.id), [chain.calls]);
  const write = (next: ReplyVariant[]) => store.getState().setReplyVariants(next);
  const change = (i: number, next: ReplyVariant) => write(variants.map((v, j) => (j === i ? next : v)));
  const add = () => {
    const fresh: ReplyVariant = {
      when: callIds.length ? { ran: callIds[callIds.length - 1] } : { value: '', exists: true },
      text: 'What to say in this case.',
    };
    const last = variants[variants.length - 1];
    const at = last && last.when === undefined ? variants.length - 1 : variants.length;
    write([...variants.slice(0, at), fresh, ...variants.slice(at)]);
  };
  const coverage = useReplyCoverage();
  return (
    <>
      <p className="muted field-note">The first variant whose condition holds is the reply; one is drawn from its phrasings.</p>
      <CoverageSummary state={coverage} variants={variants} />
      <ol className="reply-variants" aria-label="Reply variants">
        {variants.map((v, i) => {
          const name = `Variant ${i + 1}`;
          return (
            <li key={i} className="reply-variant" aria-label={name}>
              <div className="reply-variant-head">
                <span className="reply-variant-title">{name}</span>
                <VariantShare state={coverage} index={i} />
                <div className="reply-variant-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Move ${name.toLowerCase()} up`}
                    disabled={i === 0}
                    onClick={() => write(moveItem(variants, i, i - 1))}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Move ${name.toLowerCase()} down`}
                    disabled={i === variants.length - 1}
                    onClick={() => write(moveItem(variants, i, i + 1))}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove ${name.toLowerCase()}`}
                    onClick={() => (variants.length > 1 ? write(variants.filter((_, j) => j !== i)) : store.getState().setReply(variantTexts(v)[0]))}
                  >
                    Remove
                  </button>
                </div>
              </div>
              {v.when === undefined ? (
                <div className="reply-variant-when">
                  <span className="muted">
                    {i === variants.length - 1 ? 'Otherwise (no condition)' : 'Always (no condition): the variants below are never used'}
                  </span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Add a condition to ${name.toLowerCase()}`}
                    onClick={() => change(i, { ...v, when: { ran: callIds[callIds.length - 1] ?? '' } })}
                    disabled={callIds.length === 0}
                  >
                    Add a condition
                  </button>
                </div>
              ) : (
                <ConditionEditor
                  name={`${name} condition`}
                  condition={v.when}
                  onChange={(when: Condition | undefined) => {
                    const next = { ...v };
                    if (when === undefined) delete next.when;
                    else next.when = when;
                    change(i, next);
                  }}
                  scope={REPLY_SCOPE}
                  callIds={callIds}
                  addText="Add a condition"
                  removeText="Remove this variant’s condition"
                />
              )}
              <PhrasingList
                label={`${name} phrasing`}
                values={variantTexts(v)}
                completions={completions}
                starter="Another way to say it."
                rows={2}
                onCommit={(texts) => change(i, withTexts(v, texts))}
              />
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-small" onClick={add}>
        Add variant
      </button>
    </>
  );
}

function AddSlot({ taken }: { taken: ReadonlySet<string> }) {
  const store = useAppStoreApi();
  // A name typed and not yet added is held (drafts.ts): it is still there after another call is selected or a reload.
  const key = heldDraftKey(
    useAppStore((s) => s.chainId),
    'new slot',
  );
  const [name, setNameState] = useState(() => heldDraft(key)?.text ?? '');
  const setName = (text: string) => {
    setNameState(text);
    holdDraft(key, text === '' ? null : { text, problem: '' });
  };
  const inputId = useId();
  const add = () => {
    const n = name.trim();
    if (!n) return;
    const spec: SlotSpec = { oneOf: ['first', 'second'] };
    if (store.getState().setSlot(n, spec).ok) setName('');
  };
  return (
    <div className="add-slot">
      <label htmlFor={inputId} className="field-label">
        New slot
      </label>
      <input
        id={inputId}
        className="input"
        value={name}
        placeholder="name"
        aria-invalid={taken.has(name.trim())}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
      />
      <button type="button" className="button button-small" onClick={add} disabled={!name.trim() || taken.has(name.trim())}>
        Add slot
      </button>
    </div>
  );
}
