/**
 * Builds the download of an export from its chunks — Blobs (what the worker sends) or byte
 * arrays. Byte arrays are folded into a Blob every `foldBytes` (a Blob of a Blob and parts does
 * not copy the older Blob's bytes into the JavaScript heap), so the page never holds the file as
 * one string or one array, and memory the parts held is given back as the file grows.
 */
export interface BlobAssembler {
  add(part: Uint8Array | Blob): void;
  /** Bytes added so far. */
  readonly size: number;
  /** The whole file. */
  finish(type: string): Blob;
}

export const FOLD_BYTES = 8 * 1024 * 1024;

export function blobAssembler(foldBytes = FOLD_BYTES): BlobAssembler {
  let folded: Blob | null = null;
  let parts: (Uint8Array | Blob)[] = [];
  let pending = 0;
  let size = 0;
  const fold = (type?: string) => {
    const all: BlobPart[] = folded ? [folded, ...(parts as BlobPart[])] : (parts as BlobPart[]);
    folded = new Blob(all, type ? { type } : {});
    parts = [];
    pending = 0;
  };
  return {
    add(part) {
      parts.push(part);
      const n = part instanceof Blob ? part.size : part.length;
      size += n;
      // Blobs cost the page nothing to keep; only byte arrays are folded.
      if (!(part instanceof Blob)) pending += n;
      if (pending >= foldBytes) fold();
    },
    get size() {
      return size;
    },
    finish(type) {
      fold(type);
      return folded!;
    },
  };
}
