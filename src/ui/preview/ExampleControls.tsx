import { useId, useState } from 'react';

interface Props {
  seed: number;
  index: number;
  onSeedChange: (seed: number) => void;
  onNextExample: () => void;
}

const MAX_SEED = 0xffffffff;

/** The seed (editable) and the example index; "Another example" moves to the next index. */
export function ExampleControls({ seed, index, onSeedChange, onNextExample }: Props) {
  const seedId = useId();
  const hintId = useId();
  // The text is kept apart from the seed so that an empty or half-typed field is allowed.
  const [text, setText] = useState(String(seed));
  // Follow a seed set from elsewhere (a restored workspace, undo); keep a half-typed field otherwise.
  const [base, setBase] = useState(seed);
  if (seed !== base) {
    setBase(seed);
    if (parseSeed(text) !== seed) setText(String(seed));
  }
  const parsed = parseSeed(text);
  const invalid = parsed === null;

  return (
    <div className="example-controls">
      <div className="field field-inline">
        <label htmlFor={seedId}>Seed</label>
        <input
          id={seedId}
          className="input input-seed"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEED}
          step={1}
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? hintId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const next = parseSeed(e.target.value);
            if (next !== null && next !== seed) onSeedChange(next);
          }}
        />
        {invalid && (
          <span id={hintId} className="field-hint">
            A whole number from 0 to {MAX_SEED.toLocaleString('en-US')}
          </span>
        )}
      </div>
      <p className="example-index">
        Example <output aria-label="Example index">{index}</output>
      </p>
      <button type="button" className="button button-primary" onClick={onNextExample}>
        Another example
      </button>
    </div>
  );
}

function parseSeed(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n <= MAX_SEED ? n : null;
}
