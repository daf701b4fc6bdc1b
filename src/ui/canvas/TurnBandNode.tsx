import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { BandFlowNode } from './flowElements.ts';

/**
 * A labelled column behind the calls of one assistant turn ("Turn 2 · 2 calls in parallel",
 * "Turn 2 · 0–6 calls, varies per example").
 * The node itself is the named group (flowElements), so the visible title is not read twice.
 */
function TurnBandNodeComponent({ data }: NodeProps<BandFlowNode>) {
  const band = data.band;
  return (
    <div className={`turn-band${band.callIds.length > 1 ? ' is-parallel' : ''}${band.varies ? ' is-varying' : ''}`}>
      <span className="turn-band-title" aria-hidden="true">
        {band.title}
      </span>
    </div>
  );
}

export const TurnBandNode = memo(TurnBandNodeComponent);
