import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { utf8Lines, type Utf8Lines } from '../core/generation.ts';

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
export function utf8FileLines(fd: number): { out: Utf8Lines; written: () => number; bytes: (bytes: Uint8Array) => void } {
  let written = 0;
  const out = utf8Lines((bytes) => (written += writeAll(fd, bytes)), { copy: false, size: PIECE_BYTES });
  return {
    out,
    written: () => written,
    // Bytes encoded elsewhere (a worker thread's lines), after what is buffered.
    bytes: (bytes) => {
      out.flush();
      written += writeAll(fd, bytes);
    },
  };
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

  /** Bytes already encoded (lines made by a worker thread), after what was written before. */
  writeBytes(bytes: Uint8Array): void {
    if (this.fd !== null) this.file.bytes(bytes);
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
 * What an output path is, looked at before any work starts:
 * - `file`: a regular file, replaced atomically (AtomicFileWriter); `path` is the real file,
 *   after following symbolic links (a link stays a link and its target gets the content);
 * - `new`: nothing there yet, in a folder that exists: written atomically at `path` (for a
 *   dangling link, where the link points);
 * - `stream`: a FIFO, a terminal or other character device (`/dev/null`), a socket, or an open
 *   file descriptor (`/dev/stdout`, `/proc/self/fd/N`): opened for writing as it is, never
 *   truncated, renamed or replaced; `append` for a regular file reached through a descriptor;
 * - `folder`: an existing folder, when a folder was asked for (`--format distil`);
 * - `refused`: anything else (a folder where a file is wanted, a block device, a missing
 *   parent folder, a link loop…), with the reason as one line.
 */
export type OutputTarget =
  | { kind: 'file'; path: string }
  | { kind: 'new'; path: string }
  | { kind: 'folder'; path: string }
  | { kind: 'stream'; path: string; append: boolean }
  | { kind: 'refused'; message: string };

/** A target that a file is written to (see openOutput). */
export type WritableTarget = Extract<OutputTarget, { kind: 'file' | 'new' | 'stream' }>;

/** Paths of open file descriptors: /dev/fd/N, /proc/self/fd/N, /proc/PID/fd/N. Their links are not paths (`pipe:[123]`), so they are opened as they are. */
const FD_PATH = /^\/(?:dev|proc\/(?:self|thread-self|\d+))\/fd\/\d+$/;
/** How many links are followed, as the kernel's limit (ELOOP beyond). */
const MAX_LINKS = 40;

function errorText(e: unknown): string {
  return (e as Error).message;
}

function whatItIs(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  return 'a file';
}

/** For a path under a file (ENOTDIR): the nearest thing above it that exists, which is not a folder. */
function notAFolder(at: string): OutputTarget {
  let dir = dirname(at);
  while (dirname(dir) !== dir && !existsSync(dir)) dir = dirname(dir);
  return { kind: 'refused', message: `${dir} is not a folder` };
}

/** The target of a path with nothing there yet: the folder it goes in must exist. */
function newTarget(at: string, want: 'file' | 'folder'): OutputTarget {
  if (want === 'folder') return { kind: 'new', path: at }; // made with its parents
  const dir = dirname(at);
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'refused', message: `the folder ${dir} does not exist` };
    if (code === 'ENOTDIR') return notAFolder(dir);
    return { kind: 'refused', message: `cannot write there: ${errorText(e)}` };
  }
  if (!st.isDirectory()) return { kind: 'refused', message: `${dir} is not a folder` };
  return { kind: 'new', path: join(realpathSync(dir), basename(at)) };
}

/**
 * What `path` is as an output (see OutputTarget): a `file`, `folder` (when `want` is
 * 'folder'), `new`, `stream` or `refused` target. Symbolic links are followed one by one, so
 * that a chain of links ending in a file, a device or `/proc/self/fd/N` is seen as such.
 */
export function outputTarget(path: string, want: 'file' | 'folder' = 'file'): OutputTarget {
  const expected = want === 'folder' ? 'expected a folder' : 'expected a file';
  let at = resolve(path);
  for (let links = 0; ; links += 1) {
    if (FD_PATH.test(at)) {
      let st: Stats;
      try {
        st = statSync(at);
      } catch (e) {
        return { kind: 'refused', message: `not an open file descriptor: ${errorText(e)}` };
      }
      if (want === 'folder' || st.isDirectory() || st.isBlockDevice()) return { kind: 'refused', message: `is ${whatItIs(st)}, ${expected}` };
      return { kind: 'stream', path: at, append: st.isFile() };
    }
    let st: Stats;
    try {
      st = lstatSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return newTarget(at, want);
      if (code === 'ENOTDIR') return notAFolder(at);
      return { kind: 'refused', message: `cannot look at it: ${errorText(e)}` };
    }
    if (st.isSymbolicLink()) {
      if (links === MAX_LINKS) return { kind: 'refused', message: `more than ${MAX_LINKS} symbolic links to follow (a loop?)` };
      try {
        at = resolve(realpathSync(dirname(at)), readlinkSync(at));
      } catch (e) {
        return { kind: 'refused', message: `cannot follow the link: ${errorText(e)}` };
      }
      continue;
    }
    if (want === 'folder') return st.isDirectory() ? { kind: 'folder', path: at } : { kind: 'refused', message: `is ${whatItIs(st)}, ${expected}` };
    if (st.isFile()) return { kind: 'file', path: realpathSync(at) };
    if (st.isFIFO() || st.isCharacterDevice() || st.isSocket()) return { kind: 'stream', path: at, append: false };
    return { kind: 'refused', message: `is ${whatItIs(st)}, ${expected}` };
  }
}

/**
 * Lines written straight to a `stream` target (a FIFO, a device, `/dev/stdout`): opened for
 * writing without truncating it (appending, for a regular file reached through a descriptor),
 * never renamed or replaced. Opening a FIFO waits for its reader, as a shell's `>` does. What
 * was written before a failure stays written; `abort` drops the rest and closes.
 */
export class DirectWriter {
  private fd: number | null;
  private readonly file: ReturnType<typeof utf8FileLines>;

  constructor(
    readonly path: string,
    append = false,
  ) {
    this.fd = openSync(path, constants.O_WRONLY | (append ? constants.O_APPEND : 0));
    this.file = utf8FileLines(this.fd);
  }

  write(text: string): void {
    if (this.fd !== null) this.file.out.write(text);
  }

  writeLine(text: string, tail = ''): void {
    if (this.fd !== null) this.file.out.line(text, tail);
  }

  writeBytes(bytes: Uint8Array): void {
    if (this.fd !== null) this.file.bytes(bytes);
  }

  commit(): void {
    if (this.fd === null) return;
    this.file.out.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  abort(): void {
    this.file.out.drop();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** What the commands write their output through. */
export interface Writer {
  write(text: string): void;
  writeLine(text: string, tail?: string): void;
  /** UTF-8 bytes already encoded (whole lines, from a worker thread), after what was written before. */
  writeBytes(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** A writer for a target of outputTarget: atomic for a `file` or `new` one, direct for a `stream`. */
export function openOutput(target: WritableTarget): Writer {
  return target.kind === 'stream' ? new DirectWriter(target.path, target.append) : new AtomicFileWriter(target.path);
}

/** An error of the file system in opening, writing or renaming an output, to report as one line; not EPIPE, a reader that went away (see isClosedOutput). */
export function isWriteError(e: unknown): e is NodeJS.ErrnoException {
  const err = e as NodeJS.ErrnoException | null;
  return typeof err?.syscall === 'string' && typeof err.code === 'string' && err.code !== 'EPIPE';
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
  writeBytes(bytes: Uint8Array): void {
    this.file.bytes(bytes);
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
  private readonly decoder = new TextDecoder();
  constructor(private readonly sink: (text: string) => void) {}
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 16) this.flush();
  }
  writeLine(text: string, tail = ''): void {
    this.write(`${text}${tail}\n`);
  }
  /** Whole lines' bytes (a piece never ends inside a character). */
  writeBytes(bytes: Uint8Array): void {
    this.write(this.decoder.decode(bytes));
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
