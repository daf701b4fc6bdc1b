/** The size a call node is drawn at, from its handle counts: the layout and the canvas agree on it. */
export const NODE_WIDTH = 240;
export const NODE_HEADER_HEIGHT = 44;
export const HANDLE_ROW_HEIGHT = 22;
export const NODE_PADDING = 10;

export function nodeSize(inputCount: number, outputCount: number): { width: number; height: number } {
  const rows = Math.max(1, inputCount, outputCount);
  return { width: NODE_WIDTH, height: NODE_HEADER_HEIGHT + rows * HANDLE_ROW_HEIGHT + NODE_PADDING };
}

/** Offset from the node's top of handle row `index` (its centre), for placing handles. */
export function handleTop(index: number): number {
  return NODE_HEADER_HEIGHT + index * HANDLE_ROW_HEIGHT + HANDLE_ROW_HEIGHT / 2;
}
