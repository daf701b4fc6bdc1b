import { memo, useCallback } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { selectLineageSets, useAppStore } from '../../state/store.ts';
import type { AppState } from '../../state/store.ts';
import { edgeInLineage } from './flowElements.ts';
import type { DependencyFlowEdge } from './flowElements.ts';

/**
 * An edge of the DAG: a data dependency labelled with its reference path, an order-only
 * dependency (`after`) drawn dashed, a fan-out's list labelled "each", or what a condition
 * reads, dashed and labelled with the test ("if cal.events.length > 0"). A type mismatch is
 * drawn in the error colour with a ⚠ and the reason as its title. An edge between two calls of
 * the selected call's lineage is drawn highlighted (`edge-lineage`): the edge asks the store
 * itself, so that selecting a call changes no edge React Flow is given.
 */
function DependencyEdgeComponent({
  id,
  source,
  target,
  data,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  selected,
}: EdgeProps<DependencyFlowEdge>) {
  const inLineage = useAppStore(useCallback((s: AppState) => edgeInLineage(source, target, selectLineageSets(s)), [source, target]));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const edge = data?.edge;
  const label = edge ? (edge.kind === 'order' ? 'after' : edge.kind === 'condition' && edge.argPath.startsWith('when') ? `if ${edge.label}` : edge.label) : '';
  const title = edge?.typeMismatch
    ? edge.mismatch
    : edge?.brokenField
      ? `{${edge.reference ?? edge.label}}: no such field in the result`
      : edge?.kind === 'condition'
        ? label
        : undefined;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={inLineage ? 'dependency-path edge-lineage' : 'dependency-path'} interactionWidth={16} />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label${edge?.kind === 'order' ? ' edge-label-order' : ''}${edge?.kind === 'each' ? ' edge-label-each' : ''}${edge?.kind === 'condition' ? ' edge-label-condition' : ''}${edge?.typeMismatch || edge?.brokenField ? ' edge-label-mismatch' : ''}${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + labelShift(edge?.kind)}px)` }}
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

/**
 * A fan-out's "each" edge and a condition's edge often leave the same list field for the two
 * strips of one call: their labels are moved apart (up and down) so that both can be read.
 */
function labelShift(kind: string | undefined): number {
  return kind === 'each' ? -8 : kind === 'condition' ? 8 : 0;
}

export const DependencyEdge = memo(DependencyEdgeComponent);
