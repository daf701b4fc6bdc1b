import type { ExampleMessage } from '../../core/index.ts';
import { JsonBlock } from './JsonBlock.tsx';

type ToolResult = Extract<ExampleMessage, { role: 'tool' }>;

export function ToolResultMessage({ message }: { message: ToolResult }) {
  return (
    <li className="message message-tool" aria-label={`Tool result of ${message.tool}`}>
      <span className="message-role">
        Tool result · <span className="call-tool">{message.tool}</span> <code className="call-id">{message.callId}</code>{' '}
        <code className="tool-call-id" title="tool_call_id">
          {message.id}
        </code>
      </span>
      <JsonBlock value={message.result} label={`Result of ${message.tool}`} />
    </li>
  );
}
