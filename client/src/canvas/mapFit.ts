import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH } from '../../../shared/model/laneGeometry';
import type { ChainMapState } from '../../../shared/model/types';
import { NOTE_HEIGHT, NOTE_WIDTH } from './flowTypes';
import { laneBand } from './laneLayout';
import type { Rect } from './placement';

/** An actor's name on screen, in CSS px at zoom 1 (`--kk-font-size-card` in theme/tokens.css). */
export const CARD_LABEL_PX = 18;
/**
 * The smallest an actor's name may render on screen when the map is presented (font size × zoom),
 * with a little margin over the 12 px that reads from the back of a meeting room.
 */
export const LEGIBLE_LABEL_PX = 12.5;

export interface FitOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** Presenting: never so small that a name drops under LEGIBLE_LABEL_PX; a bigger map pans. */
export const PRESENT_FIT: FitOptions = {
  padding: 12,
  minZoom: LEGIBLE_LABEL_PX / CARD_LABEL_PX,
  maxZoom: 1.25,
};
/** Opening a map in the editor: the whole map, or at least the first lanes at a workable size. */
export const EDIT_FIT: FitOptions = { padding: 24, minZoom: 0.55, maxZoom: 1 };

const BOTTOM_MARGIN = 40;

/**
 * What "the map" is when it is fitted: every actor and free note, widened to whole lanes (so the
 * first lane is never cropped) and from the lanes' headers down to the lowest card. Null for a map
 * with nothing on it yet (lanes alone are not worth framing).
 */
export function mapBounds(state: ChainMapState): Rect | null {
  const rects: Rect[] = state.actors.map((a) => ({
    ...a.position,
    width: ACTOR_WIDTH,
    height: ACTOR_HEIGHT,
  }));
  for (const n of state.notes)
    if (n.anchor === null) rects.push({ ...n.position, width: NOTE_WIDTH, height: NOTE_HEIGHT });
  if (rects.length === 0) return null;
  let minX = Math.min(...rects.map((r) => r.x));
  let maxX = Math.max(...rects.map((r) => r.x + r.width));
  const maxY = Math.max(...rects.map((r) => r.y + r.height)) + BOTTOM_MARGIN;
  const lanes = state.phases.length;
  if (lanes > 0) {
    minX = Math.min(minX, 0);
    maxX = Math.max(maxX, lanes * LANE_WIDTH);
  }
  const top = lanes > 0 ? laneBand(rects).top : Math.min(...rects.map((r) => r.y));
  return { x: minX, y: top, width: maxX - minX, height: maxY - top };
}

/**
 * The viewport that shows `bounds` in a `width` × `height` canvas: centred when it fits between the
 * zoom limits; at `minZoom` with its top-left corner in view (the first lane whole) when it does
 * not, so the rest is a pan away.
 */
export function fitViewport(
  bounds: Rect,
  width: number,
  height: number,
  options: FitOptions,
): { x: number; y: number; zoom: number } {
  const p = options.padding;
  const natural = Math.min((width - 2 * p) / bounds.width, (height - 2 * p) / bounds.height);
  const zoom = Math.max(options.minZoom, Math.min(options.maxZoom, natural));
  const axis = (start: number, size: number, screen: number) => {
    const scaled = size * zoom;
    return scaled + 2 * p <= screen ? (screen - scaled) / 2 - start * zoom : p - start * zoom;
  };
  return {
    x: axis(bounds.x, bounds.width, width),
    y: axis(bounds.y, bounds.height, height),
    zoom,
  };
}
