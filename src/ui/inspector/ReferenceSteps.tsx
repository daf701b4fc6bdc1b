import { useId, useMemo } from 'react';
import { referenceStepChoices } from '../../core/index.ts';
import type { ReferenceScope } from '../../core/index.ts';
import { useAppStore } from '../../state/store.ts';

/**
 * Which element a reference takes from each list on its path: a select per list step with
 * every step the core knows: the first, second or last element, every element (a list), or
 * the one with the smallest or largest value of a comparable field (`[min:due_date]`).
 * Nothing is drawn for a reference without list steps.
 */
export function ReferenceSteps({
  reference,
  scope,
  onChange,
  name,
}: {
  reference: string;
  scope: ReferenceScope;
  onChange: (reference: string) => void;
  name: string;
}) {
  const baseId = useId();
  const project = useAppStore((s) => s.project);
  const chainId = useAppStore((s) => s.chainId);
  const choices = useMemo(() => (chainId ? referenceStepChoices(project, chainId, reference, scope) : []), [project, chainId, reference, scope]);
  if (choices.length === 0) return null;
  return (
    <div className="ref-steps">
      {choices.map((choice) => {
        const id = `${baseId}-${choice.at}`;
        return (
          <div key={choice.at} className="ref-step">
            <label htmlFor={id} className="ref-step-label">
              From <code>{choice.list}</code> take
            </label>
            <select
              id={id}
              className="select select-small"
              aria-label={`Element of ${choice.list} for ${name}`}
              value={choice.current}
              onChange={(e) => {
                const next = choice.options.find((o) => o.step === e.target.value);
                if (next && next.reference !== reference) onChange(next.reference);
              }}
            >
              {choice.options.map((o) => (
                <option key={o.step} value={o.step}>
                  {`${o.label} ${o.step}`}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
