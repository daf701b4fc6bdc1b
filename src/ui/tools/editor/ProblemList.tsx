import type { ToolIssue } from '../../../core/index.ts';
import { problemPlace } from './drafts.ts';

/** The problems of a draft, each with its line; clicking one moves the editor there. */
export function ProblemList({
  problems,
  label,
  onGoTo,
}: {
  problems: readonly (ToolIssue & { column?: number })[];
  label: string;
  onGoTo?: (line: number) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="tool-problems" aria-label={label}>
      {problems.map((p, i) => (
        <li key={`${p.path}-${i}`} className="tool-problem">
          {onGoTo && p.line !== undefined ? (
            <button type="button" className="tool-problem-place" onClick={() => onGoTo(p.line as number)}>
              {problemPlace(p)}
            </button>
          ) : (
            <span className="tool-problem-place">{problemPlace(p)}</span>
          )}
          <span className="tool-problem-message">{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
