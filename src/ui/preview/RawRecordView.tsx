/** The example exactly as one line of the openai JSONL export. */
export function RawRecordView({ line }: { line: string }) {
  return (
    <div className="raw">
      <p className="muted raw-caption">
        One line of <code>openai</code> JSONL ({line.length.toLocaleString('en-US')} characters), as the export writes it.
      </p>
      <pre className="json json-raw" aria-label="openai JSONL line">
        {line}
      </pre>
    </div>
  );
}
