/** The first lines of the file, exactly as it will hold them (long lines wrap). */
export function PreviewLines({ lines, fileName }: { lines: string[]; fileName: string }) {
  if (!lines.length) return <p className="export-muted">The file has no lines: every count is 0.</p>;
  return (
    <ol className="preview-lines" aria-label={`First lines of ${fileName}`}>
      {lines.map((line, i) => (
        <li key={i}>
          <pre tabIndex={0}>{line}</pre>
        </li>
      ))}
    </ol>
  );
}
