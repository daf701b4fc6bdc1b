import { useId } from 'react';
import { selectExplanation, selectPlan, useAppStore } from '../../state/store.ts';
import { PlanView } from '../plan/PlanView.tsx';

/** "Why this order": each turn, what each call waits for and why calls run together, the critical path, latency. */
export function WhyPanel() {
  const headingId = useId();
  const project = useAppStore((s) => s.project);
  const plan = useAppStore(selectPlan);
  const explanation = useAppStore(selectExplanation);
  if (plan?.ok && explanation) return <PlanView title="Why this order" project={project} plan={plan.plan} explanation={explanation} />;
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
