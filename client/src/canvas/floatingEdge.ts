import { Position as Side } from '@xyflow/react';
import type { Rect } from './placement';

/** Where a link leaves its source and enters its target, and on which sides. */
export interface FloatingEnds {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  sourceSide: Side;
  targetSide: Side;
}

/**
 * The sides of two cards that face each other, as in xyflow's floating-edges example: a link
 * attaches to the middle of the side its other end lies beyond, so a link drawn backwards (to a
 * card on the left) leaves on the left and enters on the right instead of looping around both
 * cards.
 */
export function floatingEnds(source: Rect, target: Rect): FloatingEnds {
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const dx = tc.x - sc.x;
  const dy = tc.y - sc.y;
  // The pair of sides with the widest gap between them faces each other: cards in neighbouring
  // lanes meet left to right even a row apart, cards stacked in one lane meet top to bottom.
  const horizontalGap = Math.abs(dx) - (source.width + target.width) / 2;
  const verticalGap = Math.abs(dy) - (source.height + target.height) / 2;
  const horizontal = horizontalGap >= verticalGap;
  if (horizontal) {
    const right = dx >= 0;
    return {
      sx: right ? source.x + source.width : source.x,
      sy: sc.y,
      tx: right ? target.x : target.x + target.width,
      ty: tc.y,
      sourceSide: right ? Side.Right : Side.Left,
      targetSide: right ? Side.Left : Side.Right,
    };
  }
  const down = dy >= 0;
  return {
    sx: sc.x,
    sy: down ? source.y + source.height : source.y,
    tx: tc.x,
    ty: down ? target.y : target.y + target.height,
    sourceSide: down ? Side.Bottom : Side.Top,
    targetSide: down ? Side.Top : Side.Bottom,
  };
}
