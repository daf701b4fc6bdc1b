import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { isFakeSlot } from '../../core/index.ts';
import type { SlotSpec } from '../../core/index.ts';
import { heldDraft, heldDraftKey, holdDraft } from '../../state/drafts.ts';
import { useAppStoreApi, useAppStore } from '../../state/store.ts';
import { FakerMethodPicker, shortText } from './FakerMethodPicker.tsx';
import { SLOT_KINDS, emptyForm, formToSlot, slotFormFromText, slotToForm } from './slotForm.ts';
import type { SlotForm } from './slotForm.ts';
import { useCommitOnLeave, useHeldDraft } from './useHeldDraft.ts';
import { useFakerSample } from './useFakerSample.ts';

/** One slot: its name (renaming rewrites every reference) and its kind with the kind's fields. */
export function SlotEditor({ name, spec, highlighted }: { name: string; spec: SlotSpec; highlighted: boolean }) {
  const store = useAppStoreApi();
  const baseId = useId();
  const stored = JSON.stringify(spec);
  const chainId = useAppStore((s) => s.chainId);
  // A form that could not be committed is held (with the slot as it was) and shown again with its reason.
  const formKey = heldDraftKey(chainId, 'slot', name, 'form', stored);
  const [form, setForm] = useState<SlotForm>(() => slotFormFromText(heldDraft(formKey)?.text) ?? slotToForm(spec));
  const [base, setBase] = useState(stored);
  if (base !== stored) {
    setBase(stored);
    setForm(slotToForm(spec));
  }
  const [error, setError] = useState<string | null>(() => heldDraft(formKey)?.problem ?? null);
  // The name: committed on Enter, blur, leaving the page or the panel; a name that cannot be used stays with the reason.
  const nameField = useHeldDraft(name, {
    apply: (text) => {
      const next = text.trim();
      if (next === name) return null;
      const renamed = store.getState().renameSlot(name, next);
      return renamed.ok ? null : renamed.error;
    },
    holdKey: heldDraftKey(chainId, 'slot', name, 'name'),
  });
  // The kind's fields: committed on blur, or when the page or the panel is left.
  const leave = useCommitOnLeave();
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [highlighted]);

  const commit = (next: SlotForm) => {
    leave.clear();
    const problem = slotProblem(next);
    holdDraft(formKey, problem === null ? null : { text: JSON.stringify(next), problem });
    setError(problem);
  };
  /** Why the form cannot be written (the form's own check, then the store's), or null once it is. */
  const slotProblem = (next: SlotForm): string | null => {
    const r = formToSlot(next);
    if (!r.ok) return r.message;
    if (JSON.stringify(r.spec) === stored) return null;
    const written = store.getState().setSlot(name, r.spec);
    return written.ok ? null : written.error;
  };
  const update = (next: SlotForm, now = false) => {
    setForm(next);
    if (now) commit(next);
    else leave.markPending(() => commit(next));
  };

  return (
    <fieldset ref={ref} className={`slot${highlighted ? ' is-highlighted' : ''}`}>
      <legend className="visually-hidden">Slot {name}</legend>
      <div className="slot-head">
        <input
          className="input input-slot-name"
          aria-label={`Name of slot ${name}`}
          value={nameField.draft}
          aria-invalid={nameField.problem !== null}
          aria-describedby={nameField.problem ? `${baseId}-name-error` : undefined}
          onChange={(e) => nameField.setDraft(e.target.value)}
          onBlur={nameField.commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') nameField.commit();
            if (e.key === 'Escape') nameField.revert();
          }}
          spellCheck={false}
        />
        <select
          className="select select-small"
          aria-label={`Kind of slot ${name}`}
          value={form.kind}
          onChange={(e) => update(emptyForm(e.target.value as SlotForm['kind'], name), true)}
        >
          {SLOT_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <button type="button" className="link-button" aria-label={`Remove slot ${name}`} onClick={() => store.getState().removeSlot(name)}>
          Remove
        </button>
      </div>
      {form.kind === 'fake' && (
        <div className="slot-fields">
          <FakerMethodPicker
            slot={name}
            current={form.method}
            onPick={(method) => update({ ...form, method, as: method.startsWith('date.') ? form.as : '' }, true)}
          />
          <input
            className="input"
            aria-label={`Faker arguments of ${name}`}
            placeholder='[{ "days": 14 }]'
            value={form.args}
            onChange={(e) => update({ ...form, args: e.target.value })}
            onBlur={() => commit(form)}
          />
          <select
            className="select select-small"
            aria-label={`Write ${name} as`}
            value={form.as}
            onChange={(e) => update({ ...form, as: e.target.value as '' | 'date' | 'datetime' }, true)}
          >
            <option value="">as returned</option>
            <option value="date">date (YYYY-MM-DD)</option>
            <option value="datetime">date-time (ISO, UTC)</option>
          </select>
          <SlotSample spec={spec} />
        </div>
      )}
      {form.kind === 'oneOf' && (
        <textarea
          className="input textarea"
          aria-label={`Values of ${name}, one per line`}
          rows={Math.min(6, Math.max(2, form.values.split('\n').length))}
          value={form.values}
          onChange={(e) => update({ ...form, values: e.target.value })}
          onBlur={() => commit(form)}
        />
      )}
      {form.kind === 'int' && (
        <div className="slot-fields slot-fields-inline">
          <input
            className="input"
            type="number"
            aria-label={`Lowest value of ${name}`}
            value={form.min}
            onChange={(e) => update({ ...form, min: e.target.value })}
            onBlur={() => commit(form)}
          />
          <span aria-hidden="true">to</span>
          <input
            className="input"
            type="number"
            aria-label={`Highest value of ${name}`}
            value={form.max}
            onChange={(e) => update({ ...form, max: e.target.value })}
            onBlur={() => commit(form)}
          />
        </div>
      )}
      {form.kind === 'constant' && (
        <input
          className="input"
          aria-label={`Constant value of ${name} (JSON)`}
          value={form.json}
          onChange={(e) => update({ ...form, json: e.target.value })}
          onBlur={() => commit(form)}
          spellCheck={false}
        />
      )}
      {nameField.problem && (
        <p className="field-hint" id={`${baseId}-name-error`} role="alert">
          Not renamed: {nameField.problem}. Escape puts back {name}.
        </p>
      )}
      {error && (
        <p className="field-hint" id={`${baseId}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A sample value of a Faker slot as stored (its method, arguments and `as`), from a fixed seed. */
function SlotSample({ spec }: { spec: SlotSpec }) {
  // The sample waits for the page to be idle: Faker is not part of the page's first paint.
  const fakerSample = useFakerSample('idle');
  const text = useMemo(() => {
    if (!isFakeSlot(spec) || !fakerSample) return null;
    const s = fakerSample(spec.fake, spec.args, spec.as);
    return s.ok ? shortText(s.value) : null;
  }, [spec, fakerSample]);
  if (text === null) return null;
  return (
    <p className="faker-sample muted">
      For example: <code>{text}</code>
    </p>
  );
}
