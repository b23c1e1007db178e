import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { GhostFlowNode } from '../../../canvas/flowTypes';

/**
 * A removed element drawn at its old place (version compare). Not part of the model: it cannot be
 * selected, dragged or connected, and takes no pointer events. The hidden handles only anchor ghost
 * edges.
 */
export const GhostNode = memo(function GhostNode({ data }: NodeProps<GhostFlowNode>) {
  const { ghost } = data;
  return (
    <div className={`kk-ghost-node kk-ghost-node--${ghost.kind}`} data-ghost-id={ghost.id} aria-hidden="true">
      <span className="kk-ghost-node__label">{ghost.label}</span>
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="kk-ghost-node__handle"
      />
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="kk-ghost-node__handle"
      />
    </div>
  );
});
