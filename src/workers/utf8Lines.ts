/**
 * Lines encoded as UTF-8, each followed by "\n", into one buffer that is handed on in pieces of
 * about `size` bytes (a fresh copy each time: the receiver may transfer it to another thread).
 * Encoding each line as it is made lets it be collected young, instead of living until a
 * whole chunk is joined and encoded.
 */
export interface Utf8Lines {
  /** `text + tail` and a newline; a `tail` that repeats from line to line is encoded once. */
  line(text: string, tail?: string): void;
  /** Hands on what is buffered. */
  flush(): void;
}

export function utf8Lines(onData: (bytes: Uint8Array) => void, size = 1 << 20): Utf8Lines {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(size);
  let used = 0;
  let tailText = '';
  let tailBytes = new Uint8Array(0);
  const flush = () => {
    if (used > 0) onData(buffer.slice(0, used));
    used = 0;
  };
  return {
    line(text, tail = '') {
      if (tail !== tailText) {
        tailText = tail;
        tailBytes = encoder.encode(tail);
      }
      // A UTF-16 unit takes at most 3 bytes in UTF-8, and the newline 1.
      const most = text.length * 3 + tailBytes.length + 1;
      if (used + most > size) {
        flush();
        if (most > size) {
          onData(encoder.encode(`${text}${tail}\n`));
          return;
        }
      }
      used += encoder.encodeInto(text, buffer.subarray(used)).written;
      buffer.set(tailBytes, used);
      used += tailBytes.length;
      buffer[used] = 10;
      used += 1;
    },
    flush,
  };
}
