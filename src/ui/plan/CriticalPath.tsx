export function CriticalPath({ callIds, sentence }: { callIds: string[]; sentence: string }) {
  return (
    <div className="plan-fact">
      <h3 className="fact-title">Critical path</h3>
      <ol className="path" aria-label="Critical path">
        {callIds.map((id, i) => (
          <li key={`${id}-${i}`} className="path-step">
            <code>{id}</code>
          </li>
        ))}
      </ol>
      <p className="fact-text">{sentence}</p>
    </div>
  );
}
