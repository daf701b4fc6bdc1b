export function SystemMessage({ text }: { text: string }) {
  return (
    <li className="message message-system" aria-label="System message">
      <span className="message-role">System</span>
      <p className="message-text">{text}</p>
    </li>
  );
}
