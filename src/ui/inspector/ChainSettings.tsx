import { useId, useMemo, useState } from 'react';
import { describeCondition, stepRequestCoverage } from '../../core/index.ts';
import type { Chain, ReplyVariant, SlotSpec } from '../../core/index.ts';
import { appStore, makeSelectTemplateCompletions, selectHighlightedDiagnostic, useAppStore } from '../../state/store.ts';
import { diagnosticTarget } from '../diagnostics/diagnosticTarget.ts';
import { SlotEditor } from './SlotEditor.tsx';
import { TemplateField } from './TemplateField.tsx';

const selectAllCompletions = makeSelectTemplateCompletions();

/** The chain's request templates, slots and reply template. */
export function ChainSettings({ chain }: { chain: Chain }) {
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
  const s = () => appStore.getState();

  return (
    <section className="inspector-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId} className="section-title">
          Chain <code>{chain.id}</code>
        </h3>
      </div>

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
            <button type="button" className="link-button" aria-label={`Remove request ${i + 1}`} onClick={() => s().setRequests(requests.filter((_, j) => j !== i))}>
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
        <ReplyVariantList variants={chain.reply} />
      ) : (
      <TemplateField
        label="Reply template"
        value={chain.reply ?? ''}
        completions={completions}
        rows={3}
        placeholder="Empty: a summary of what each call did"
        highlighted={here?.kind === 'reply'}
        onCommit={(text) => s().setReply(text.trim() === '' ? undefined : text)}
      />
      )}
    </section>
  );
}

/** A reply made of variants: each condition in words and its phrasings, first that holds wins. */
function ReplyVariantList({ variants }: { variants: ReplyVariant[] }) {
  return (
    <>
      <p className="muted field-note">The first variant whose condition holds is the reply (edit the variants in the project file).</p>
      <ol className="reply-variants">
        {variants.map((v, i) => (
          <li key={i}>
            <span className="muted">{v.when ? `when ${describeCondition(v.when)}` : 'otherwise'}</span>
            {(v.texts ?? (v.text !== undefined ? [v.text] : [])).map((t, j) => (
              <p key={j} className="reply-variant-text">
                {t}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}

function AddSlot({ taken }: { taken: ReadonlySet<string> }) {
  const [name, setName] = useState('');
  const inputId = useId();
  const add = () => {
    const n = name.trim();
    if (!n) return;
    const spec: SlotSpec = { oneOf: ['first', 'second'] };
    if (appStore.getState().setSlot(n, spec)) setName('');
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
