import type { ExampleCall } from '../../core/generation.ts';
import { JsonBlock } from './JsonBlock.tsx';

/** One assistant turn of tool calls; the calls of a parallel turn are grouped side by side. */
export function ToolCallsMessage({ calls, retries = new Set() }: { calls: ExampleCall[]; retries?: ReadonlySet<string> }) {
  const parallel = calls.length > 1;
  const label = parallel ? `Assistant · ${calls.length} tool calls in parallel` : 'Assistant · 1 tool call';
  return (
    <li className={`message message-calls${parallel ? ' message-calls-parallel' : ''}`} aria-label={label}>
      <span className="message-role">{label}</span>
      <ul className="tool-calls">
        {calls.map((call) => (
          <li key={call.id} className="tool-call" aria-label={`Tool call ${call.tool}`}>
            <div className="tool-call-head">
              <span className="call-tool">{call.tool}</span>
              <code className="call-id" title="Call in the chain">
                {call.callId}
              </code>
              <code className="tool-call-id" title="tool_call id">
                {call.id}
              </code>
              {call.element !== undefined && (
                <span className="tag tag-varies" title="A fan-out: one call per element of the list that passes the filter">
                  item {call.element + 1}
                </span>
              )}
              {retries.has(call.id) && (
                <span className="tag tag-retry" title="Made again after its first result was an error">
                  retry
                </span>
              )}
            </div>
            <JsonBlock value={call.args} label={`Arguments of ${call.tool}`} />
          </li>
        ))}
      </ul>
    </li>
  );
}
