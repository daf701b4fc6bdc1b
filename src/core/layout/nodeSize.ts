import type { Call } from '../project/types.ts';

/** The size a call node is drawn at, from its handle counts and strips: the layout and the canvas agree on it. */
export const NODE_WIDTH = 240;
export const NODE_HEADER_HEIGHT = 44;
export const HANDLE_ROW_HEIGHT = 22;
export const NODE_PADDING = 10;
/** One strip under the header: "for each …", "only if …", or the failure / confirmation badges. */
export const STRIP_HEIGHT = 24;

/** How many strips a call's node draws under its header: one for a fan-out, one for a condition, one for failure and confirmation badges. */
export function stripCount(call: Pick<Call, 'forEach' | 'when' | 'failure' | 'confirm'>): number {
  return (call.forEach !== undefined ? 1 : 0) + (call.when !== undefined ? 1 : 0) + (call.failure !== undefined || call.confirm !== undefined ? 1 : 0);
}

export function nodeSize(inputCount: number, outputCount: number, strips = 0): { width: number; height: number } {
  const rows = Math.max(1, inputCount, outputCount);
  return { width: NODE_WIDTH, height: NODE_HEADER_HEIGHT + strips * STRIP_HEIGHT + rows * HANDLE_ROW_HEIGHT + NODE_PADDING };
}

/** Offset from the node's top of handle row `index` (its centre), for placing handles; below `strips` strips. */
export function handleTop(index: number, strips = 0): number {
  return NODE_HEADER_HEIGHT + strips * STRIP_HEIGHT + index * HANDLE_ROW_HEIGHT + HANDLE_ROW_HEIGHT / 2;
}

/** Offset from the node's top of strip `index` (its centre), for the strips' handles. */
export function stripTop(index: number): number {
  return NODE_HEADER_HEIGHT + index * STRIP_HEIGHT + STRIP_HEIGHT / 2;
}
