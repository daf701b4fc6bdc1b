import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Writes a file all-or-nothing: lines go to a temporary file beside the target, which is
 * renamed over it only when everything was written. On failure the temporary file is
 * removed and an existing target is left untouched.
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | null;
  private buffer = '';

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.fd !== null && this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  commit(): void {
    this.flush();
    if (this.fd === null) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
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
