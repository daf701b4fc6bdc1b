/**
 * Text and lines encoded as UTF-8 into one reused buffer, handed on in pieces of about `size`
 * bytes: the command line writes them to its file, the export worker posts them to the page.
 * Encoding each line as it is made lets it be collected young, instead of living until a whole
 * chunk is joined and encoded (see ChunkOptions.onLine).
 */
export interface Utf8Lines {
  /** `text + tail` and a newline; a `tail` that repeats from line to line is encoded once. */
  line(text: string, tail?: string): void;
  /** Text as it is (no newline added). */
  write(text: string): void;
  /** Hands on what is buffered. */
  flush(): void;
  /** Forgets what is buffered. */
  drop(): void;
}

export interface Utf8LinesOptions {
  /** Bytes per piece (default 1 MiB; a text longer than that goes alone). */
  size?: number;
  /**
   * true (default): each piece is a copy of its own, which the receiver may keep or transfer to
   * another thread. false: a view of the reused buffer, valid only until `onData` returns (for
   * a receiver that writes it at once).
   */
  copy?: boolean;
}

export function utf8Lines(onData: (bytes: Uint8Array) => void, options: Utf8LinesOptions = {}): Utf8Lines {
  const size = options.size ?? 1 << 20;
  const copy = options.copy ?? true;
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(size);
  let used = 0;
  let tailText = '';
  let tailBytes = new Uint8Array(0);
  const flush = () => {
    if (used > 0) onData(copy ? buffer.slice(0, used) : buffer.subarray(0, used));
    used = 0;
  };
  /** Room for `most` more bytes; false when they cannot fit in one piece at all. */
  const room = (most: number): boolean => {
    if (used + most <= size) return true;
    flush();
    return most <= size;
  };
  return {
    line(text, tail = '') {
      if (tail !== tailText) {
        tailText = tail;
        tailBytes = encoder.encode(tail);
      }
      // A UTF-16 unit takes at most 3 bytes in UTF-8, and the newline 1.
      if (!room(text.length * 3 + tailBytes.length + 1)) {
        onData(encoder.encode(`${text}${tail}\n`));
        return;
      }
      used += encoder.encodeInto(text, buffer.subarray(used)).written;
      buffer.set(tailBytes, used);
      used += tailBytes.length;
      buffer[used] = 10;
      used += 1;
    },
    write(text) {
      if (!room(text.length * 3)) {
        onData(encoder.encode(text));
        return;
      }
      used += encoder.encodeInto(text, buffer.subarray(used)).written;
    },
    flush,
    drop() {
      used = 0;
    },
  };
}
