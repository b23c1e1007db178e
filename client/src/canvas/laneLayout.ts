import { LANE_WIDTH, laneX } from '../../../shared/model/laneGeometry';
import type { Phase, Position } from '../../../shared/model/types';

/** Vertical extent of the lanes: always tall enough to hold every element with room to spare. */
export interface LaneBand {
  top: number;
  height: number;
}

export interface LaneRect {
  phase: Phase;
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lanes start at y = 0 (their headers above the first row of cards) unless something stands higher. */
const MIN_TOP = 0;
const MIN_HEIGHT = 900;
const PADDING = 160;
/** Room above the highest element for the lane's header. */
const TOP_PADDING = 100;

/** Pure: the band the lanes span, given where the elements stand. */
export function laneBand(positions: Iterable<Position>, elementHeight = 80): LaneBand {
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of positions) {
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (!Number.isFinite(minY)) return { top: MIN_TOP, height: MIN_HEIGHT };
  // Round to a grid so the band does not jitter (and re-render every lane) on every small move.
  const top = Math.min(MIN_TOP, Math.floor((minY - TOP_PADDING) / 200) * 200);
  const bottom = Math.ceil((maxY + elementHeight + PADDING) / 200) * 200;
  return { top, height: Math.max(MIN_HEIGHT, bottom - top) };
}

/** Pure: one rectangle per phase, left to right in phase order (phases must be sorted). */
export function laneRects(phases: readonly Phase[], band: LaneBand): LaneRect[] {
  return phases.map((phase, index) => ({
    phase,
    index,
    x: laneX(index),
    y: band.top,
    width: LANE_WIDTH,
    height: band.height,
  }));
}
