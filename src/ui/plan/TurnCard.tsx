import type { PlanExplanation, Project } from '../../core/index.ts';
import { CallCard } from './CallCard.tsx';

type ExplainedTurn = PlanExplanation['turns'][number];

interface Props {
  turn: ExplainedTurn;
  project: Project;
  onCriticalPath: ReadonlySet<string>;
}

/** One assistant turn: its calls run together, in parallel when there are several. */
export function TurnCard({ turn, project, onCriticalPath }: Props) {
  const parallel = turn.calls.length > 1;
  return (
    <li className={`turn${parallel ? ' turn-parallel' : ''}`} aria-label={turn.title}>
      <h3 className="turn-title">{turn.title}</h3>
      <ul className="call-list">
        {turn.calls.map((call) => (
          <CallCard key={call.callId} call={call} project={project} critical={onCriticalPath.has(call.callId)} />
        ))}
      </ul>
    </li>
  );
}
