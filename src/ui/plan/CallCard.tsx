import type { PlanExplanation, Project } from '../../core/index.ts';
import { EffectBadge } from './EffectBadge.tsx';

type ExplainedCall = PlanExplanation['turns'][number]['calls'][number];

interface Props {
  call: ExplainedCall;
  project: Project;
  critical: boolean;
}

export function CallCard({ call, project, critical }: Props) {
  const effect = project.tools.find((t) => t.function.name === call.tool)?.effect ?? 'read';
  return (
    <li className="call" aria-label={`${call.callId}: ${call.tool}`}>
      <div className="call-head">
        <code className="call-id">{call.callId}</code>
        <span className="call-tool">{call.tool}</span>
        <EffectBadge effect={effect} />
        {critical && (
          <span className="tag tag-critical" title="On the critical path">
            critical path
          </span>
        )}
      </div>
      {call.waits.length > 0 ? (
        <ul className="call-waits">
          {call.waits.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : (
        <p className="call-waits call-waits-none">Starts at once: waits for no other call.</p>
      )}
      {call.parallelNote && <p className="call-note">{call.parallelNote}</p>}
    </li>
  );
}
