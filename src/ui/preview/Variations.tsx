import { useId, useMemo, useState } from 'react';
import { branchOptions, findBranchExample, variationMarks } from '../../core/generation.ts';
import type { Project } from '../../core/index.ts';
import type { Example, ExampleGenerator } from '../../core/generation.ts';
import './variations.css';

/** How many example indices the branch control looks through. */
export const BRANCH_SEARCH_LIMIT = 200;

/** What varies in the example shown, in words: "4 of 7 tasks had priority = high, so 4 create_reminder calls." */
export function VariationMarks({ project, example }: { project: Project; example: Example }) {
  const marks = useMemo(() => variationMarks(project, example), [project, example]);
  if (marks.length === 0) return null;
  return (
    <div className="variations">
      <h3 className="variations-title">What varies in this example</h3>
      <ul className="variations-list" aria-label="What varies">
        {marks.map((m, i) => (
          <li key={`${m.callId}-${m.kind}-${i}`} className={`variation variation-${m.kind}`}>
            {m.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface BranchProps {
  project: Project;
  chainId: string;
  generator: ExampleGenerator;
  seed: number;
  index: number;
  onShow(index: number): void;
}

/**
 * "Show an example where …": a branch of a call that varies (a loop with no call, one or
 * several; a condition that holds or not; a failure; a yes or a no), and the first example
 * after the one shown that takes it.
 */
export function BranchControl({ project, chainId, generator, seed, index, onShow }: BranchProps) {
  const selectId = useId();
  const options = useMemo(() => branchOptions(project, chainId), [project, chainId]);
  const [chosen, setChosen] = useState<string>('');
  const [message, setMessage] = useState<string>('');
  if (options.length === 0) return null;
  const option = options.find((o) => o.id === chosen) ?? options[0];

  const show = () => {
    const found = findBranchExample(project, generator, option, { seed, from: index + 1, limit: BRANCH_SEARCH_LIMIT });
    if (found.found) {
      onShow(found.index);
      setMessage(`Example ${found.index}: ${option.label}.`);
    } else setMessage(`None of examples ${found.from} to ${found.to} shows that ${option.label}; try another seed.`);
  };

  return (
    <div className="branch-control">
      <div className="field field-inline">
        <label htmlFor={selectId}>Show an example where</label>
        <select id={selectId} className="input input-branch" value={option.id} onChange={(e) => setChosen(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id} title={`${o.label} (${o.tool})`}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={show}>
          Show
        </button>
      </div>
      <p className="branch-message muted" role="status" aria-label="Branch search">
        {message}
      </p>
    </div>
  );
}
