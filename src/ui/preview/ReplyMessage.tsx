export function ReplyMessage({ text }: { text: string }) {
  return (
    <li className="message message-assistant" aria-label="Assistant reply">
      <span className="message-role">Assistant</span>
      <p className="message-text">{text}</p>
    </li>
  );
}
