import { Zip, ZipDeflate } from 'fflate';

/**
 * A zip written as a stream with fflate: whole files (small) and line files pushed in pieces,
 * one entry after the other, the zip's bytes handed to `onData` as they are made — nothing
 * waits for the whole archive. Entries get a fixed modification time so that the same lines
 * give the same archive.
 */
export interface ZipEntry {
  push(text: string): void;
  close(): void;
}

export interface ZipWriter {
  /** A whole file. */
  addFile(name: string, text: string): void;
  /** A file written in pieces; close it before opening the next one. */
  open(name: string): ZipEntry;
  /** Writes the central directory; the last bytes go to `onData`. */
  end(): void;
}

/** 2000-01-01 (local time, as zip stores it). */
const FIXED_MTIME = new Date(2000, 0, 1);

export function zipWriter(onData: (bytes: Uint8Array) => void, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): ZipWriter {
  const encoder = new TextEncoder();
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    // A copy: fflate may reuse its buffers, and the caller may transfer these bytes to another thread.
    else if (data.length) onData(data.slice());
  });
  const check = () => {
    if (failure) throw failure;
  };
  let openEntry: string | null = null;
  const open = (name: string): ZipEntry => {
    if (openEntry !== null) throw new Error(`zip: "${openEntry}" is still open; close it before opening "${name}"`);
    openEntry = name;
    const file = new ZipDeflate(name, { level });
    file.mtime = FIXED_MTIME;
    zip.add(file);
    let closed = false;
    return {
      push(text) {
        if (closed) throw new Error(`zip: "${name}" is closed`);
        if (text.length) file.push(encoder.encode(text), false);
        check();
      },
      close() {
        if (closed) return;
        closed = true;
        file.push(new Uint8Array(0), true);
        openEntry = null;
        check();
      },
    };
  };
  return {
    addFile(name, text) {
      const entry = open(name);
      entry.push(text);
      entry.close();
    },
    open,
    end() {
      if (openEntry !== null) throw new Error(`zip: "${openEntry}" is still open`);
      zip.end();
      check();
    },
  };
}
