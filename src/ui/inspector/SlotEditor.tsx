import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { isFakeSlot } from '../../core/index.ts';
import { type SlotSpec } from '../../core/index.ts';
import { appStore } from '../../state/store.ts';
import { FakerMethodPicker, shortText } from './FakerMethodPicker.tsx';
import { SLOT_KINDS, emptyForm, formToSlot, slotToForm } from './slotForm.ts';
import type { SlotForm } from './slotForm.ts';
import { useDraft } from './useDraft.ts';
import { useFakerSample } from './useFakerSample.ts';

/** One slot: its name (renaming rewrites every reference) and its kind with the kind's fields. */
export function SlotEditor({ name, spec, highlighted }: { name: string; spec: SlotSpec; highlighted: boolean }) {
  const baseId = useId();
  const stored = JSON.stringify(spec);
  const [form, setForm] = useState<SlotForm>(() => slotToForm(spec));
  const [base, setBase] = useState(stored);
  if (base !== stored) {
    setBase(stored);
    setForm(slotToForm(spec));
  }
  const [error, setError] = useState<string | null>(null);
  const [nameDraft, setNameDraft] = useDraft(name);
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [highlighted]);

  const commit = (next: SlotForm) => {
    const r = formToSlot(next);
    if (!r.ok) return setError(r.message);
    if (JSON.stringify(r.spec) === stored) return setError(null);
    if (appStore.getState().setSlot(name, r.spec)) setError(null);
    else setError(appStore.getState().lastError);
  };
  const update = (next: SlotForm, now = false) => {
    setForm(next);
    if (now) commit(next);
  };
  const rename = () => {
    const next = nameDraft.trim();
    if (next === name) return;
    if (!appStore.getState().renameSlot(name, next)) {
      setError(appStore.getState().lastError);
      setNameDraft(name);
    }
  };

  return (
    <fieldset ref={ref} className={`slot${highlighted ? ' is-highlighted' : ''}`}>
      <legend className="visually-hidden">Slot {name}</legend>
      <div className="slot-head">
        <input
          className="input input-slot-name"
          aria-label={`Name of slot ${name}`}
          value={nameDraft}
          onChange={(e) => setNameDraft(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename();
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
        <button type="button" className="link-button" aria-label={`Remove slot ${name}`} onClick={() => appStore.getState().removeSlot(name)}>
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
