import { LANE_WIDTH } from '../../../../../shared/model/laneGeometry';
import type { ChainMapState } from '../../../../../shared/model/types';
import { mapBounds } from '../../../canvas/mapFit';
import type { Rect } from '../../../canvas/placement';

/** Room around the whole map, in flow units, so the outer cards' strokes and arrows are not cut. */
const MARGIN = 24;

/**
 * The whole map as a picture frames it: every card and free note, widened to whole lanes, with a
 * margin. A map with lanes but nothing on them yet shows its lanes.
 */
export function wholeMapArea(state: ChainMapState): Rect {
  const bounds = mapBounds(state) ?? {
    x: 0,
    y: 0,
    width: Math.max(1, state.phases.length) * LANE_WIDTH,
    height: 400,
  };
  return {
    x: bounds.x - MARGIN,
    y: bounds.y - MARGIN,
    width: bounds.width + 2 * MARGIN,
    height: bounds.height + 2 * MARGIN,
  };
}

/** The part of the flow a `width` × `height` canvas shows at `viewport`, in flow coordinates. */
export function visibleArea(
  viewport: { x: number; y: number; zoom: number },
  width: number,
  height: number,
): Rect {
  return {
    // (0 - …): a viewport at the origin is at 0, not -0.
    x: (0 - viewport.x) / viewport.zoom,
    y: (0 - viewport.y) / viewport.zoom,
    width: width / viewport.zoom,
    height: height / viewport.zoom,
  };
}

/** Whether two rectangles overlap (touching edges count): what is outside the area is not drawn. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}
