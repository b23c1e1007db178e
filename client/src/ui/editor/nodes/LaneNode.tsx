import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LaneFlowNode } from '../../../canvas/flowTypes';

/** A phase lane, drawn behind actors. It takes no pointer events, so panning and drops pass through. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<LaneFlowNode>) {
  const { lane } = data;
  return (
    <div className={`kk-lane${lane.index % 2 === 1 ? ' kk-lane--odd' : ''}`} aria-hidden="true">
      <div className="kk-lane__label">
        <span className="kk-lane__index">{lane.index + 1}</span>
        {lane.phase.label}
      </div>
    </div>
  );
});
