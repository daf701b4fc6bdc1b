/** Inserts `insert` into `text` in place of the selection [start, end); returns the text and the caret after it. */
export function insertAtCaret(text: string, insert: string, start: number | null, end: number | null): { text: string; caret: number } {
  const from = clamp(start ?? text.length, text.length);
  const to = Math.max(from, clamp(end ?? from, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

function clamp(n: number, max: number): number {
  return Math.min(Math.max(0, n), max);
}
