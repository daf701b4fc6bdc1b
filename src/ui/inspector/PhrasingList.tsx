import { TemplateField } from './TemplateField.tsx';

interface Props {
  /** Each field's label is this and its number: "Question 1", "Yes answer 2". */
  label: string;
  values: readonly string[];
  /** The whole list after one change (one undo step). */
  onCommit: (values: string[]) => void;
  /** `{slot}` / `{call.path}` texts offered while a field has the focus. */
  completions?: readonly string[];
  /** The text of a phrasing that "Add" puts in. */
  starter: string;
  rows?: number;
}

/**
 * Several phrasings of one text (one is drawn per example): a template field each, removable
 * while more than one is left, and "Add" for another.
 */
export function PhrasingList({ label, values, onCommit, completions = [], starter, rows = 1 }: Props) {
  return (
    <div className="phrasing-list">
      {values.map((text, i) => (
        <TemplateField
          key={i}
          label={`${label} ${i + 1}`}
          value={text}
          rows={rows}
          completions={completions}
          compact
          onCommit={(next) => onCommit(values.map((v, j) => (j === i ? next : v)))}
          actions={
            values.length > 1 ? (
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
                onClick={() => onCommit(values.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            ) : undefined
          }
        />
      ))}
      <button
        type="button"
        className="button button-small phrasing-add"
        aria-label={`Add ${label.toLowerCase()}`}
        onClick={() => onCommit([...values, starter])}
      >
        + {label}
      </button>
    </div>
  );
}
