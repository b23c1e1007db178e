import { Position as Side } from '@xyflow/react';
import { floatingEnds } from './floatingEdge';
import type { Rect } from './placement';

export interface Point {
  x: number;
  y: number;
}

/** A link's drawn curve: its SVG path, its cubic bezier's four points, and the point at any t in [0, 1]. */
export interface LinkCurve {
  path: string;
  /** Start, first control, second control, end. */
  points: readonly [Point, Point, Point, Point];
  at(t: number): Point;
}

const CURVATURE = 0.25;

/** React Flow's bezier control offset (getBezierPath, curvature 0.25), so both draw the same curve. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

function control(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case Side.Left:
      return [x1 - controlOffset(x1 - x2), y1];
    case Side.Right:
      return [x1 + controlOffset(x2 - x1), y1];
    case Side.Top:
      return [x1, y1 - controlOffset(y1 - y2)];
    case Side.Bottom:
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

/**
 * The curve of a link between two cards: it leaves and enters on the sides that face each other
 * (`floatingEnds`) as a cubic bezier with React Flow's control points. The canvas, the label
 * placement and the printed map all draw links with it.
 */
export function linkCurve(source: Rect, target: Rect): LinkCurve {
  const e = floatingEnds(source, target);
  const [c1x, c1y] = control(e.sourceSide, e.sx, e.sy, e.tx, e.ty);
  const [c2x, c2y] = control(e.targetSide, e.tx, e.ty, e.sx, e.sy);
  return {
    path: `M${e.sx},${e.sy} C${c1x},${c1y} ${c2x},${c2y} ${e.tx},${e.ty}`,
    points: [
      { x: e.sx, y: e.sy },
      { x: c1x, y: c1y },
      { x: c2x, y: c2y },
      { x: e.tx, y: e.ty },
    ],
    at(t) {
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const d = t * t * t;
      return { x: a * e.sx + b * c1x + c * c2x + d * e.tx, y: a * e.sy + b * c1y + c * c2y + d * e.ty };
    },
  };
}
