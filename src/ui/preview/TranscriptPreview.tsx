import { isCallsMessage } from '../../core/index.ts';
import type { Example } from '../../core/index.ts';
import { ReplyMessage } from './ReplyMessage.tsx';
import { SystemMessage } from './SystemMessage.tsx';
import { ToolCallsMessage } from './ToolCallsMessage.tsx';
import { ToolResultMessage } from './ToolResultMessage.tsx';
import { UserMessage } from './UserMessage.tsx';

/** The format-neutral example as a chat: system, user, assistant tool calls, tool results, reply. */
export function TranscriptPreview({ example }: { example: Example }) {
  return (
    <ol className="transcript" aria-label="Conversation">
      {example.system !== undefined && example.system !== '' && <SystemMessage text={example.system} />}
      {example.messages.map((message, i) => {
        const key = `${i}-${message.role}`;
        if (message.role === 'user') return <UserMessage key={key} text={message.text} />;
        if (message.role === 'tool') return <ToolResultMessage key={key} message={message} />;
        if (isCallsMessage(message)) return <ToolCallsMessage key={key} calls={message.calls} />;
        return <ReplyMessage key={key} text={message.text} />;
      })}
    </ol>
  );
}
