import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { DependencyEdge } from './DependencyEdge.tsx';
import { ToolCallNode } from './ToolCallNode.tsx';
import { TurnBandNode } from './TurnBandNode.tsx';

/** Module scope, so React Flow never sees a new object and never remounts nodes. */
export const nodeTypes: NodeTypes = { call: ToolCallNode, band: TurnBandNode };
export const edgeTypes: EdgeTypes = { dependency: DependencyEdge };
