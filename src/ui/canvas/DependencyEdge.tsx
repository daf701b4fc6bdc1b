import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { DependencyFlowEdge } from './flowElements.ts';

/**
 * An edge of the DAG: a data dependency labelled with its reference path, or an order-only
 * dependency (`after`) drawn dashed. A type mismatch is drawn in the error colour with a ⚠
 * and the reason as its title.
 */
function DependencyEdgeComponent({ id, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected }: EdgeProps<DependencyFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const edge = data?.edge;
  const label = edge ? (edge.kind === 'order' ? 'after' : edge.label) : '';
  const title = edge?.typeMismatch ? edge.mismatch : edge?.brokenField ? `{${edge.label}}: no such field in the result` : undefined;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className="dependency-path" interactionWidth={16} />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label${edge?.kind === 'order' ? ' edge-label-order' : ''}${edge?.typeMismatch || edge?.brokenField ? ' edge-label-mismatch' : ''}${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={title}
          >
            {(edge?.typeMismatch || edge?.brokenField) && <span aria-label="type mismatch">⚠ </span>}
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const DependencyEdge = memo(DependencyEdgeComponent);
