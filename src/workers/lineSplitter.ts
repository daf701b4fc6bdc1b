/**
 * Cuts text that arrives in pieces (a file read as a stream) into lines: `\n` or `\r\n` ends a
 * line; a line cut across two pieces is kept until its end arrives. `finish()` returns the last
 * line when the text does not end with a newline.
 */
export interface LineSplitter {
  push(piece: string): string[];
  finish(): string[];
}

export function lineSplitter(): LineSplitter {
  let rest = '';
  const strip = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  return {
    push(piece) {
      const text = rest + piece;
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      return parts.map(strip);
    },
    finish() {
      const last = rest;
      rest = '';
      return last.length ? [strip(last)] : [];
    },
  };
}
