import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { utf8Lines, type Utf8Lines } from '../core/index.ts';

/**
 * All of `bytes` to the file descriptor, synchronously; returns how many. A descriptor left
 * non-blocking by another program (a terminal, a pipe) is waited on; a reader that has gone
 * away is an EPIPE thrown here (see isClosedOutput).
 */
export function writeAll(fd: number, bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
  return at;
}

/**
 * Bytes per write. A piece this size is still in the core's cache when the kernel copies it: on
 * the bench machine (1 MiB of L2 cache per core) writing 256 KiB pieces took the kernel less
 * than half the time of 1 MiB pieces (strace -c, 641 MB of lines); 64 KiB pieces cost more
 * in calls than they save.
 */
export const PIECE_BYTES = 256 * 1024;

/**
 * Text and lines encoded into one reused buffer (the core's utf8Lines) and written to a file
 * descriptor a piece at a time; `written` counts the bytes.
 */
export function utf8FileLines(fd: number): { out: Utf8Lines; written: () => number } {
  let written = 0;
  const out = utf8Lines((bytes) => (written += writeAll(fd, bytes)), { copy: false, size: PIECE_BYTES });
  return { out, written: () => written };
}

/**
 * Writes a file all-or-nothing: lines go to a temporary file beside the target, which is
 * renamed over it only when everything was written. On failure the temporary file is
 * removed and an existing target is left untouched.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | null;
  private readonly file: ReturnType<typeof utf8FileLines>;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
    this.file = utf8FileLines(this.fd);
  }

  /** Bytes handed to the file so far. */
  get written(): number {
    return this.file.written();
  }

  write(text: string): void {
    if (this.fd !== null) this.file.out.write(text);
  }

  /** `text + tail` followed by "\n"; a `tail` that repeats from line to line is encoded once. */
  writeLine(text: string, tail = ''): void {
    if (this.fd !== null) this.file.out.line(text, tail);
  }

  /** Hands the buffered bytes to the file (without fsync; `commit` syncs). */
  flush(): void {
    if (this.fd !== null) this.file.out.flush();
  }

  commit(): void {
    if (this.fd === null) return;
    this.file.out.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    this.file.out.drop();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Lines to an open file descriptor such as standard output, encoded into one reused buffer as
 * a file's are; nothing to rename, so `abort` only drops what is buffered.
 */
export class FdWriter {
  private readonly file: ReturnType<typeof utf8FileLines>;
  constructor(fd: number) {
    this.file = utf8FileLines(fd);
  }
  write(text: string): void {
    this.file.out.write(text);
  }
  writeLine(text: string, tail = ''): void {
    this.file.out.line(text, tail);
  }
  commit(): void {
    this.file.out.flush();
  }
  abort(): void {
    this.file.out.drop();
  }
}

/** Buffered writes to a text sink (an Io's `stdout` when it has no file descriptor, as in tests). */
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
