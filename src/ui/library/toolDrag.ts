/** The drag-and-drop payload of a tool dragged from the library onto the canvas. */
export const TOOL_DRAG_TYPE = 'application/x-chainwright-tool';

interface TransferLike {
  types: readonly string[];
  getData(format: string): string;
  setData(format: string, data: string): void;
  effectAllowed?: string;
}

export function writeToolDrag(transfer: TransferLike, toolName: string): void {
  transfer.setData(TOOL_DRAG_TYPE, toolName);
  transfer.setData('text/plain', toolName);
  transfer.effectAllowed = 'copy';
}

/** During dragover the data cannot be read, only its types. */
export function hasToolDrag(transfer: Pick<TransferLike, 'types'>): boolean {
  return Array.from(transfer.types).includes(TOOL_DRAG_TYPE);
}

/** The tool's name on drop, or null when this is not a tool from the library. */
export function readToolDrag(transfer: TransferLike): string | null {
  if (!hasToolDrag(transfer)) return null;
  const name = transfer.getData(TOOL_DRAG_TYPE);
  return name === '' ? null : name;
}
