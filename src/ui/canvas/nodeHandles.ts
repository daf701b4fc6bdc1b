import { Position } from '@xyflow/react';
import type { NodeHandle } from '@xyflow/react';
import { FOREACH_TARGET_HANDLE, ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE, WHEN_TARGET_HANDLE } from '../../core/index.ts';
import { handleTop, nodeSize, NODE_HEADER_HEIGHT } from '../../core/index.ts';
import type { GraphNode } from '../../core/index.ts';

/**
 * Where a call node's handles are, worked out from its GraphNode instead of measured in the
 * page. React Flow renders and measures every node once to find its handles unless they are
 * given up front: with 2000 calls that was most of the time a design took to open, although
 * only the calls in view are drawn (onlyRenderVisibleElements).
 *
 * One geometry for both: the rows, header and strips are layout/nodeSize.ts's (app.css draws
 * them at those heights: `.call-card-head`, `.call-strip`, `.call-card-row`), and the handle
 * boxes below are app.css's `.react-flow__handle.handle-*` sizes. A handle sits on its row's
 * edge, centred on it (React Flow's `.react-flow__handle-left/right`), inside the card's
 * border. e2e/canvas-handles.spec.ts checks in the page that every wire starts and ends on its
 * handle as drawn, so a change to one side that the other does not follow fails there.
 */

/** `.call-card` border width: the header, strips and rows start this far inside the node. */
export const CARD_BORDER = 1;
/** The line under the header and under each strip (`border-bottom`): their handles centre on what is above it. */
const DIVIDER = 1;
/** Side of the handle boxes (app.css): order-only (header), strips (for each, only if), arguments and result fields. */
export const ORDER_HANDLE_SIZE = 10;
export const STRIP_HANDLE_SIZE = 10;
export const ROW_HANDLE_SIZE = 9;

const STRIP_HEIGHT = nodeSize(0, 0, 1).height - nodeSize(0, 0, 0).height;

/** A handle of `size` centred on the node's left or right edge (inside the border) at height `centreY`. */
function handleAt(id: string, type: 'source' | 'target', side: Position.Left | Position.Right, centreY: number, width: number, size: number): NodeHandle {
  const edgeX = side === Position.Left ? CARD_BORDER : width - CARD_BORDER;
  return { id, type, position: side, x: edgeX - size / 2, y: CARD_BORDER + centreY - size / 2, width: size, height: size };
}

/** Every handle ToolCallNode draws for this call, where it draws it (relative to the node's top-left, at zoom 1). */
export function callHandles(node: GraphNode): NodeHandle[] {
  const { width } = node;
  const head = (NODE_HEADER_HEIGHT - DIVIDER) / 2;
  const handles: NodeHandle[] = [
    handleAt(ORDER_TARGET_HANDLE, 'target', Position.Left, head, width, ORDER_HANDLE_SIZE),
    handleAt(ORDER_SOURCE_HANDLE, 'source', Position.Right, head, width, ORDER_HANDLE_SIZE),
  ];
  // Strips in ToolCallNode's order: "for each" (a handle), "only if" (a handle), badges (none).
  const stripCentre = (index: number) => NODE_HEADER_HEIGHT + index * STRIP_HEIGHT + (STRIP_HEIGHT - DIVIDER) / 2;
  const forEach = node.behaviour?.forEach !== undefined;
  if (forEach) handles.push(handleAt(FOREACH_TARGET_HANDLE, 'target', Position.Left, stripCentre(0), width, STRIP_HANDLE_SIZE));
  if (node.behaviour?.when) handles.push(handleAt(WHEN_TARGET_HANDLE, 'target', Position.Left, stripCentre(forEach ? 1 : 0), width, STRIP_HANDLE_SIZE));
  node.inputs.forEach((input, i) => handles.push(handleAt(input.name, 'target', Position.Left, handleTop(i, node.strips), width, ROW_HANDLE_SIZE)));
  node.outputs.forEach((field, i) => handles.push(handleAt(field.path, 'source', Position.Right, handleTop(i, node.strips), width, ROW_HANDLE_SIZE)));
  return handles;
}
