/**
 * Gathers an export's bytes into Blobs of about `batchBytes` before they leave the worker: the
 * page then receives a few dozen Blob handles for a file of hundreds of MB instead of thousands
 * of byte arrays, and never copies file bytes on its own thread (a Blob made in the worker is
 * stored by the browser; posting it passes a reference).
 *
 * `add` takes bytes that are valid only during the call (a view of the encoder's reused buffer):
 * a piece of `batchBytes` or more becomes a Blob at once (the Blob constructor copies it, once);
 * smaller pieces (a zip's) are copied and gathered. Making Blobs straight from large views is
 * what keeps the browser export fast: copying every piece into a fresh array first, then
 * handing thousands of them to Blobs, cost more than generating the lines (bench:export).
 */
export interface BlobBatcher {
  /** `bytes` may be overwritten by the caller once this returns. */
  add(bytes: Uint8Array): void;
  /** Sends what is gathered (call once at the end). */
  flush(): void;
}

export const BATCH_BYTES = 8 * 1024 * 1024;

export function blobBatcher(send: (blob: Blob) => void, batchBytes = BATCH_BYTES): BlobBatcher {
  let parts: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (!parts.length) return;
    send(new Blob(parts as BlobPart[]));
    parts = [];
    size = 0;
  };
  return {
    add(bytes) {
      if (!bytes.length) return;
      if (bytes.length >= batchBytes) {
        flush();
        send(new Blob([bytes as BlobPart]));
        return;
      }
      parts.push(bytes.slice());
      size += bytes.length;
      if (size >= batchBytes) flush();
    },
    flush,
  };
}
