import { blobAssembler } from './blobParts.ts';

/**
 * Where an export's bytes go: a file the user picked (`showSaveFilePicker`, written chunk by
 * chunk), or a Blob offered as a download. `abort` leaves no partial file to offer: the
 * picker's writable is aborted (Chromium keeps the writes in a temporary file until `close`).
 */
export interface FileTarget {
  write(part: Blob): Promise<void> | void;
  /** Done: the picked file is complete, or the Blob is ready. */
  close(): Promise<{ blob?: Blob; name: string }>;
  abort(): Promise<void>;
}

interface WritableLike {
  write(data: BufferSource | Blob | string): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

interface SaveFileHandle {
  name: string;
  createWritable(): Promise<WritableLike>;
}

type SavePicker = (options: { suggestedName?: string; types?: { description: string; accept: Record<string, string[]> }[] }) => Promise<SaveFileHandle>;

/** Whether this browser can write straight to a file the user picks. */
export function canPickSaveFile(): boolean {
  return typeof window !== 'undefined' && typeof (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker === 'function';
}

/** Asks where to save (must run in the click's handler); null when the user closes the picker. */
export async function pickSaveFile(fileName: string, kind: 'jsonl' | 'zip'): Promise<FileTarget | null> {
  const picker = (window as unknown as { showSaveFilePicker: SavePicker }).showSaveFilePicker;
  let handle: SaveFileHandle;
  try {
    handle = await picker({
      suggestedName: fileName,
      types: [
        kind === 'zip'
          ? { description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }
          : { description: 'JSON Lines', accept: { 'application/jsonl': ['.jsonl'] } },
      ],
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
  const writable = await handle.createWritable();
  return {
    write: (part) => writable.write(part),
    close: async () => {
      await writable.close();
      return { name: handle.name };
    },
    abort: () => writable.abort().catch(() => undefined),
  };
}

/** Collects the bytes into a Blob for a download link. */
export function blobTarget(fileName: string, mime: string): FileTarget {
  const assembler = blobAssembler();
  return {
    write: (part) => assembler.add(part),
    close: async () => ({ blob: assembler.finish(mime), name: fileName }),
    abort: async () => undefined,
  };
}
