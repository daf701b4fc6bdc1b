import { useId, useMemo } from 'react';
import { compileProject, explainBranches } from '../../core/index.ts';
import type { Plan, PlanExplanation } from '../../core/index.ts';
import { selectExplanation, selectPlan, useAppStore } from '../../state/store.ts';
import { CriticalPath } from '../plan/CriticalPath.tsx';
import { LatencySummary } from '../plan/LatencySummary.tsx';
import { TurnCard } from '../plan/TurnCard.tsx';
import { multiTurnNote } from './multiTurnNote.ts';
import './why.css';

/**
 * "Why this order": each turn, what each call waits for and why calls run together, what the
 * loops, filters, conditions, failures and confirmations do (core/graph/explainBranches), the
 * critical path, latency. For a multi-turn chain it first says why calls that could run in
 * parallel are turns of their own.
 */
export function WhyPanel() {
  const headingId = useId();
  const plan = useAppStore(selectPlan);
  const explanation = useAppStore(selectExplanation);
  if (plan?.ok && explanation) return <WhyThisOrder plan={plan.plan} explanation={explanation} />;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Why this order
      </h2>
      <p className="muted">
        {plan && !plan.ok
          ? `This chain cannot be planned: its calls wait for each other in a cycle (${[...plan.cycle, plan.cycle[0]].join(' → ')}).`
          : 'There is no chain to plan.'}
      </p>
    </section>
  );
}

function WhyThisOrder({ plan, explanation }: { plan: Plan; explanation: PlanExplanation }) {
  const headingId = useId();
  const project = useAppStore((s) => s.project);
  const chainId = useAppStore((s) => s.chainId);
  const branches = useMemo(() => {
    const compiled = chainId === null ? undefined : compileProject(project).chain(chainId);
    return compiled ? explainBranches(project, compiled) : [];
  }, [project, chainId]);
  const onPath = new Set(plan.criticalPath);
  const callCount = explanation.turns.reduce((n, t) => n + t.calls.length, 0);
  const note = multiTurnNote(plan);
  return (
    <section className="panel panel-plan" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          Why this order
        </h2>
        <span className="panel-meta">
          {explanation.turns.length} {explanation.turns.length === 1 ? 'turn' : 'turns'} · {callCount} {callCount === 1 ? 'call' : 'calls'}
        </span>
      </div>
      {note && <p className="why-multi-turn">{note}</p>}
      <ol className="turn-list" aria-label="Turns">
        {explanation.turns.map((turn) => (
          <TurnCard key={turn.index} turn={turn} project={project} onCriticalPath={onPath} />
        ))}
      </ol>
      {branches.length > 0 && (
        <div className="plan-fact">
          <h3 className="fact-title">Loops, conditions and failures</h3>
          <ul className="why-branches" aria-label="Loops, conditions and failures">
            {branches.map((n, i) => (
              <li key={`${n.callId}-${n.kind}-${i}`}>{n.text}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="plan-footer">
        <CriticalPath callIds={plan.criticalPath} sentence={explanation.criticalPath} />
        <LatencySummary latency={plan.latency} sentence={explanation.latency} />
      </div>
    </section>
  );
}
