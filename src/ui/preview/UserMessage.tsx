export function UserMessage({ text }: { text: string }) {
  return (
    <li className="message message-user" aria-label="User message">
      <span className="message-role">User</span>
      <p className="message-text">{text}</p>
    </li>
  );
}
