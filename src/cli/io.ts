import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

const WRITE_BUFFER_BYTES = 1 << 20;

/**
 * Text and lines encoded as UTF-8 into one reused 1 MiB buffer and written to a file
 * descriptor when it is full. Encoding line by line is much faster than writing one large
 * joined string: no chunk-sized string is built, and V8's UTF-8 encoding of a text with a
 * single non-ASCII character is slow over the whole text.
 */
export class Utf8FileBuffer {
  private readonly bytes = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private used = 0;
  /** The last tail written, and its bytes. */
  private tailText = '';
  private tailBytes: Buffer = Buffer.alloc(0);
  /** Bytes handed to the file so far. */
  written = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.bytes.length) {
      this.flush();
      if (text.length * 3 > this.bytes.length) {
        this.written += writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.bytes.write(text, this.used);
  }

  /**
   * `text + tail` followed by "\n". A `tail` that repeats from line to line (an `openai`
   * line's tools) is encoded once and copied.
   */
  writeLine(text: string, tail = ''): void {
    this.write(text);
    if (tail) {
      if (tail !== this.tailText) {
        this.tailText = tail;
        this.tailBytes = Buffer.from(tail, 'utf8');
      }
      if (this.used + this.tailBytes.length > this.bytes.length) this.flush();
      if (this.tailBytes.length > this.bytes.length) this.written += writeSync(this.fd, this.tailBytes);
      else this.used += this.tailBytes.copy(this.bytes, this.used);
    }
    if (this.used === this.bytes.length) this.flush();
    this.bytes[this.used] = 10;
    this.used += 1;
  }

  /** Hands the buffered bytes to the file. */
  flush(): void {
    let at = 0;
    while (at < this.used) at += writeSync(this.fd, this.bytes, at, this.used - at);
    this.written += at;
    this.used = 0;
  }

  /** Forgets what is buffered. */
  drop(): void {
    this.used = 0;
  }
}

/**
 * Writes a file all-or-nothing: lines go to a temporary file beside the target, which is
 * renamed over it only when everything was written. On failure the temporary file is
 * removed and an existing target is left untouched.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | null;
  private readonly out: Utf8FileBuffer;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
    this.out = new Utf8FileBuffer(this.fd);
  }

  /** Bytes handed to the file so far. */
  get written(): number {
    return this.out.written;
  }

  write(text: string): void {
    if (this.fd !== null) this.out.write(text);
  }

  /** `text + tail` followed by "\n" (see Utf8FileBuffer.writeLine). */
  writeLine(text: string, tail = ''): void {
    if (this.fd !== null) this.out.writeLine(text, tail);
  }

  /** Hands the buffered bytes to the file (without fsync; `commit` syncs). */
  flush(): void {
    if (this.fd !== null) this.out.flush();
  }

  commit(): void {
    if (this.fd === null) return;
    this.out.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    this.out.drop();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

/** Buffered writes to a stream such as standard output (synchronous for files and pipes on Linux). */
export class StreamWriter {
  private buffer = '';
  constructor(private readonly sink: (text: string) => void) {}
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 16) this.flush();
  }
  writeLine(text: string, tail = ''): void {
    this.write(`${text}${tail}\n`);
  }
  flush(): void {
    if (this.buffer) this.sink(this.buffer);
    this.buffer = '';
  }
  commit(): void {
    this.flush();
  }
  abort(): void {
    this.buffer = '';
  }
}

/**
 * The test set's file beside the training file: `rb.jsonl` → `rb.test.jsonl`,
 * `out/data.json` → `out/data.test.json`, `train` → `train.test`.
 */
export function siblingTestPath(path: string): string {
  const dir = dirname(path);
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const test = dot > 0 ? `${name.slice(0, dot)}.test${name.slice(dot)}` : `${name}.test`;
  return dir === '.' && !path.startsWith('./') ? test : join(dir, test);
}

/**
 * The lines of a file, read in blocks so that memory stays flat for large files. The text
 * after the last "\n" is a line too, unless it is empty. `\r\n` ends are taken as `\n`.
 */
export function* readLines(path: string, blockSize = 1 << 20): Generator<string, void, undefined> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8');
  const block = Buffer.allocUnsafe(blockSize);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, block, 0, blockSize, null);
      if (n === 0) break;
      rest += decoder.decode(block.subarray(0, n), { stream: true });
      let start = 0;
      for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
        const line = rest.slice(start, nl);
        yield line.endsWith('\r') ? line.slice(0, -1) : line;
        start = nl + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.decode();
    if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
  } finally {
    closeSync(fd);
  }
}
