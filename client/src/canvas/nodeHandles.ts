import type { NodeHandle } from '@xyflow/react';
import { Position as RFPosition } from '@xyflow/react';
import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';

/** Edge length of the square connection handles (ui/editor/nodes/nodes.css `.react-flow__handle`). */
export const HANDLE_SIZE = 10;

/**
 * Static handle geometry (left target, right source, centred on the border), so React Flow can
 * draw edges to nodes it has not rendered (onlyRenderVisibleElements) and never has to measure.
 */
export function sideHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_SIZE / 2;
  return [
    {
      type: 'target',
      position: RFPosition.Left,
      x: -HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
    {
      type: 'source',
      position: RFPosition.Right,
      x: width - HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
  ];
}
export const ACTOR_HANDLES = sideHandles(ACTOR_WIDTH, ACTOR_HEIGHT);
