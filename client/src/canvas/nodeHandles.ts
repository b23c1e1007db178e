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

/**
 * The inverse of `ACTOR_HANDLES`: the cards of a link from the points React Flow hands its edge
 * (the middle of the source's right handle and of the target's left handle). A floating edge
 * needs its two cards' rectangles; reading them here instead of subscribing to both nodes in
 * React Flow's store saves two store selectors per drawn link, which on a big map are run on
 * every drag frame.
 */
export function actorRectsFromHandles(
  sourceX: number,
  sourceY: number,
  targetX: number,
  targetY: number,
): {
  source: { x: number; y: number; width: number; height: number };
  target: { x: number; y: number; width: number; height: number };
} {
  const size = { width: ACTOR_WIDTH, height: ACTOR_HEIGHT };
  return {
    source: { x: sourceX - HANDLE_SIZE / 2 - ACTOR_WIDTH, y: sourceY - ACTOR_HEIGHT / 2, ...size },
    target: { x: targetX + HANDLE_SIZE / 2, y: targetY - ACTOR_HEIGHT / 2, ...size },
  };
}
