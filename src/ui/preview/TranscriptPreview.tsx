import { isCallsMessage } from '../../core/generation.ts';
import type { Example } from '../../core/generation.ts';
import { ReplyMessage } from './ReplyMessage.tsx';
import { SystemMessage } from './SystemMessage.tsx';
import { ToolCallsMessage } from './ToolCallsMessage.tsx';
import { ToolResultMessage } from './ToolResultMessage.tsx';
import { UserMessage } from './UserMessage.tsx';
import { MESSAGE_STEPS, useShownCount } from '../lists/useShownCount.ts';
import './variations.css';

/**
 * The format-neutral example as a chat: system, user, assistant tool calls, tool results, reply.
 * What varies is marked: a fan-out's call says which element it is for, a retry says so, a
 * failed result is marked as an error.
 */
export function TranscriptPreview({ example }: { example: Example }) {
  const retries = retriedCalls(example);
  const total = example.messages.length;
  // A long example (a design of thousands of calls) is drawn as it is scrolled: the first messages, then more as the end comes into view.
  const { shown, more, endRef } = useShownCount(total, example);
  const left = total - shown;
  return (
    <ol className="transcript" aria-label="Conversation">
      {example.system !== undefined && example.system !== '' && <SystemMessage text={example.system} />}
      {example.messages.slice(0, shown).map((message, i) => {
        const key = `${i}-${message.role}`;
        if (message.role === 'user') return <UserMessage key={key} text={message.text} />;
        if (message.role === 'tool') return <ToolResultMessage key={key} message={message} />;
        if (isCallsMessage(message)) return <ToolCallsMessage key={key} calls={message.calls} retries={retries} />;
        return <ReplyMessage key={key} text={message.text} />;
      })}
      {left > 0 && (
        <li className="transcript-more" ref={endRef}>
          <button type="button" onClick={more}>
            Show {Math.min(left, MESSAGE_STEPS.more).toLocaleString('en-US')} more messages
          </button>{' '}
          <span className="muted">
            {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} drawn; more are drawn as you scroll
          </span>
        </li>
      )}
    </ol>
  );
}

/** The tool call ids that make a call of the design again for the same element (a retry after a failure). */
function retriedCalls(example: Example): ReadonlySet<string> {
  const made = new Set<string>();
  const again = new Set<string>();
  for (const m of example.messages) {
    if (!isCallsMessage(m)) continue;
    for (const c of m.calls) {
      const key = `${c.callId}\u0000${c.element ?? ''}`;
      if (made.has(key)) again.add(c.id);
      made.add(key);
    }
  }
  return again;
}
