/**
 * Lines encoded as UTF-8, each followed by "\n", into one buffer that is handed on in pieces of
 * about `size` bytes (a fresh copy each time: the receiver may transfer it to another thread).
 * Encoding each line as it is made lets it be collected young, instead of living until a
 * whole chunk is joined and encoded.
 */
export interface Utf8Lines {
  line(text: string): void;
  /** Hands on what is buffered. */
  flush(): void;
}

export function utf8Lines(onData: (bytes: Uint8Array) => void, size = 1 << 20): Utf8Lines {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(size);
  let used = 0;
  const flush = () => {
    if (used > 0) onData(buffer.slice(0, used));
    used = 0;
  };
  return {
    line(text) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8, and the newline 1.
      if (used + text.length * 3 + 1 > size) {
        flush();
        if (text.length * 3 + 1 > size) {
          onData(encoder.encode(`${text}\n`));
          return;
        }
      }
      used += encoder.encodeInto(text, buffer.subarray(used)).written;
      buffer[used] = 10;
      used += 1;
    },
    flush,
  };
}
