import type { ExampleMessage } from '../../core/generation.ts';
import { JsonBlock } from './JsonBlock.tsx';

type ToolResult = Extract<ExampleMessage, { role: 'tool' }>;

export function ToolResultMessage({ message }: { message: ToolResult }) {
  return (
    <li
      className={`message message-tool${message.error ? ' message-tool-error' : ''}`}
      aria-label={`Tool result of ${message.tool}${message.error ? ' (an error)' : ''}`}
    >
      <span className="message-role">
        Tool result · <span className="call-tool">{message.tool}</span> <code className="call-id">{message.callId}</code>{' '}
        <code className="tool-call-id" title="tool_call_id">
          {message.id}
        </code>
        {message.error && <span className="tag tag-error">error</span>}
      </span>
      <JsonBlock value={message.result} label={`Result of ${message.tool}`} />
    </li>
  );
}
