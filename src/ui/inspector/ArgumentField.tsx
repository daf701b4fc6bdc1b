import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ArgumentHandle } from '../../core/index.ts';
import type { JsonValue } from '../../core/index.ts';
import { useAppStoreApi } from '../../state/store.ts';
import { argumentMode, literalValue } from './argumentMode.ts';
import type { ArgumentMode } from './argumentMode.ts';
import { ReferenceCombobox } from './ReferenceCombobox.tsx';
import { ReferenceSteps } from './ReferenceSteps.tsx';
import type { ReferenceScope } from '../../core/index.ts';
import { useDraft } from './useDraft.ts';

interface Props {
  callId: string;
  handle: ArgumentHandle;
  value: JsonValue | undefined;
  slotNames: string[];
  highlighted: boolean;
}

type Kind = ArgumentMode['kind'];
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'empty', label: 'Not set' },
  { kind: 'literal', label: 'Literal' },
  { kind: 'slot', label: 'Slot' },
  { kind: 'reference', label: 'Reference' },
];

/** One argument of a call: literal, slot or reference (with a searchable picker of upstream result paths). */
export function ArgumentField({ callId, handle, value, slotNames, highlighted }: Props) {
  const store = useAppStoreApi();
  const baseId = useId();
  const slotSet = useMemo(() => new Set(slotNames), [slotNames]);
  const mode = argumentMode(value, slotSet);
  // The chosen kind may run ahead of the value (a kind picked, its value not yet chosen).
  const [pending, setPending] = useState<Kind | null>(null);
  const kind = pending ?? mode.kind;
  const scope = useMemo<ReferenceScope>(() => ({ kind: 'argument', callId }), [callId]);
  const wrapper = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!highlighted) return;
    wrapper.current?.scrollIntoView({ block: 'nearest' });
    // The value's own control (after the kind picker).
    const controls = wrapper.current?.querySelectorAll<HTMLElement>('input, select:not(.ref-steps select), textarea');
    controls?.[controls.length - 1]?.focus();
  }, [highlighted]);

  const set = (next: JsonValue | undefined) => {
    setPending(null);
    store.getState().setArgument(callId, handle.name, next);
  };
  const types = handle.types.join(' | ') || 'any type';

  return (
    <fieldset ref={wrapper} className={`argument${highlighted ? ' is-highlighted' : ''}`} data-argument={handle.name}>
      <legend className="argument-legend">
        <code>{handle.name}</code>
        {handle.required ? <span className="required-tag">required</span> : <span className="optional-tag">optional</span>}
        {!handle.known && (
          <span className="unknown-tag" title="The tool does not declare this parameter">
            not a parameter
          </span>
        )}
        <span className="argument-types">{types}</span>
      </legend>
      {handle.description && <p className="argument-description">{handle.description}</p>}
      <div className="argument-row">
        <select
          id={`${baseId}-kind`}
          className="select select-small"
          aria-label={`Kind of ${handle.name}`}
          value={kind}
          onChange={(e) => {
            const next = e.target.value as Kind;
            if (next === 'empty') set(undefined);
            else setPending(next === mode.kind ? null : next);
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        {kind === 'literal' && <LiteralEditor name={handle.name} types={handle.types} text={mode.kind === 'literal' ? mode.text : ''} onCommit={set} />}
        {kind === 'slot' && (
          <select
            className="select"
            aria-label={`Slot for ${handle.name}`}
            value={mode.kind === 'slot' ? mode.slot : ''}
            onChange={(e) => e.target.value && set(`{${e.target.value}}`)}
          >
            <option value="">{slotNames.length ? 'Choose a slot…' : 'No slots: add one under Chain'}</option>
            {slotNames.map((s) => (
              <option key={s} value={s}>
                {`{${s}}`}
              </option>
            ))}
          </select>
        )}
        {kind === 'reference' && <ReferenceCombobox callId={callId} arg={handle.name} current={mode.kind === 'reference' ? mode.template : ''} onPick={set} />}
        {kind === 'reference' && mode.kind === 'reference' && <ReferenceSteps reference={mode.template} scope={scope} name={handle.name} onChange={set} />}
      </div>
    </fieldset>
  );
}

function LiteralEditor({ name, types, text, onCommit }: { name: string; types: string[]; text: string; onCommit: (value: JsonValue) => void }) {
  const [error, setError] = useState<string | null>(null);
  const check = (value: string) => {
    const parsed = literalValue(value, types);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    onCommit(parsed.value);
  };
  // Committed as it is typed (a pause, leaving the field, Enter, or the page being left); a value
  // that does not parse gets its error by the field and is not saved.
  const [draft, setDraft, commitPending] = useDraft(text, { commit: check });
  const errorId = useId();
  const commit = () => {
    commitPending();
    if (draft === text && text === '') check(draft);
  };
  return (
    <div className="literal">
      <input
        className="input"
        aria-label={`Value of ${name}`}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        spellCheck={false}
      />
      {error && (
        <span id={errorId} className="field-hint">
          {error}
        </span>
      )}
    </div>
  );
}
