import { useId } from 'react';
import type { Plan, PlanExplanation, Project } from '../../core/index.ts';
import { CriticalPath } from './CriticalPath.tsx';
import { LatencySummary } from './LatencySummary.tsx';
import { TurnCard } from './TurnCard.tsx';

interface Props {
  project: Project;
  plan: Plan;
  explanation: PlanExplanation;
  title?: string;
}

/** The chain as the model will run it: one band per assistant turn, then the critical path and latency. */
export function PlanView({ project, plan, explanation, title = 'Plan' }: Props) {
  const headingId = useId();
  const onPath = new Set(plan.criticalPath);
  const callCount = explanation.turns.reduce((n, t) => n + t.calls.length, 0);
  return (
    <section className="panel panel-plan" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        <span className="panel-meta">
          {explanation.turns.length} {explanation.turns.length === 1 ? 'turn' : 'turns'} · {callCount}{' '}
          {callCount === 1 ? 'call' : 'calls'}
        </span>
      </div>
      <ol className="turn-list" aria-label="Turns">
        {explanation.turns.map((turn) => (
          <TurnCard key={turn.index} turn={turn} project={project} onCriticalPath={onPath} />
        ))}
      </ol>
      <div className="plan-footer">
        <CriticalPath callIds={plan.criticalPath} sentence={explanation.criticalPath} />
        <LatencySummary latency={plan.latency} sentence={explanation.latency} />
      </div>
    </section>
  );
}
