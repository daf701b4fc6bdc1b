import type { AppStore } from '../../state/store.ts';

/** Reads a chosen or dropped file and opens it as the project; a broken file leaves the project as it was. */
export async function openProjectFile(store: AppStore, file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (cause) {
    store.getState().notify('error', `Could not read ${file.name}: ${cause instanceof Error ? cause.message : String(cause)}`);
    return false;
  }
  return store.getState().openProjectText(text, file.name);
}

/** Fetches a bundled example (same origin, relative URL) and opens it. */
export async function openExample(store: AppStore, url: string, fileName: string, options: { recordHistory?: boolean } = {}): Promise<boolean> {
  let text: string;
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    text = await response.text();
  } catch (cause) {
    store.getState().notify('error', `Could not load ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
    return false;
  }
  const opened = store.getState().openProjectText(text, fileName);
  if (opened && options.recordHistory === false) store.temporal.getState().clear();
  return opened;
}

/** The dropped files, when a drag carries files (and not a tool from the library). */
export function draggedFiles(transfer: DataTransfer | null): boolean {
  return !!transfer && Array.from(transfer.types).includes('Files');
}
