import type { LinkCurve, Point } from './linkCurve';
import type { Rect } from './placement';

/** The part of a link's curve that is drawn on a big map, and what was cut off. */
export interface ClippedCurve {
  path: string;
  /** The curve's start (its source end) lies outside the window: no marker there. */
  startCut: boolean;
  /** The curve's end (its target end) lies outside the window: no marker there. */
  endCut: boolean;
  /** Length of the part cut off before the start, so a dash pattern keeps its phase (stroke-dashoffset). */
  dashOffset: number;
}

/** Samples along the curve about this far apart (flow px); a sample this near the window counts as in it. */
const SAMPLE_SPACING = 48;
const MAX_SAMPLES = 256;

function inside(p: Point, r: Rect, margin: number): boolean {
  return (
    p.x >= r.x - margin &&
    p.x <= r.x + r.width + margin &&
    p.y >= r.y - margin &&
    p.y <= r.y + r.height + margin
  );
}

function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The cubic bezier between parameters t0 < t1 of `p` (de Casteljau, twice). */
function subCurve(p: LinkCurve['points'], t0: number, t1: number): [Point, Point, Point, Point] {
  // [0, t1]
  const ab = lerp(p[0], p[1], t1);
  const bc = lerp(p[1], p[2], t1);
  const cd = lerp(p[2], p[3], t1);
  const abc = lerp(ab, bc, t1);
  const bcd = lerp(bc, cd, t1);
  const end = lerp(abc, bcd, t1);
  const left: [Point, Point, Point, Point] = [p[0], ab, abc, end];
  if (t0 <= 0) return left;
  // [t0, t1] is [t0 / t1, 1] of the left part.
  const s = t0 / t1;
  const q0 = lerp(left[0], left[1], s);
  const q1 = lerp(left[1], left[2], s);
  const q2 = lerp(left[2], left[3], s);
  const q01 = lerp(q0, q1, s);
  const q12 = lerp(q1, q2, s);
  return [lerp(q01, q12, s), q12, q2, left[3]];
}

const r = (v: number) => Math.round(v * 10) / 10;

/**
 * The piece of a link's curve inside `window` (the culling window around the viewport), or null to
 * draw the whole curve. On a big map most links run far off screen, and Chromium strokes and dashes
 * a path along its whole length for every tile it touches: in a trace of a drag, rastering the tiles
 * under a moved card's links cost 80 ms a tile with the dashed handovers drawn whole, 4 ms without
 * their dashes. Cutting each curve to the window bounds that work by the window's size, whatever
 * the map's. The cut happens one sample beyond the last one near the window, so the drawn part
 * covers everything visible until the view leaves the window (then the culler recounts and the
 * curves are cut again).
 */
export function clipCurve(curve: LinkCurve, window: Rect | null): ClippedCurve | null {
  if (!window) return null;
  const p = curve.points;
  // A bezier lies within its control points' hull: all four inside, the curve is too.
  if (p.every((q) => inside(q, window, 0))) return null;
  const polygon =
    Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y) +
    Math.hypot(p[2].x - p[1].x, p[2].y - p[1].y) +
    Math.hypot(p[3].x - p[2].x, p[3].y - p[2].y);
  // The control polygon is at least the curve's length, so samples are at most `step` apart along
  // it, and every point of the curve inside the window is within `step` of a sample counted in.
  const n = Math.min(MAX_SAMPLES, Math.max(8, Math.ceil(polygon / SAMPLE_SPACING)));
  const step = polygon / n;
  let first = -1;
  let last = -1;
  // Length along the curve up to the previous sample, and at the sample before the first inside.
  let lengthToPrevious = 0;
  let lengthAtCut = 0;
  let previous = p[0];
  for (let i = 0; i <= n; i++) {
    const point = i === 0 ? p[0] : curve.at(i / n);
    const length = Math.hypot(point.x - previous.x, point.y - previous.y);
    if (inside(point, window, step)) {
      if (first < 0) {
        first = i;
        lengthAtCut = lengthToPrevious;
      }
      last = i;
    }
    if (i > 0) lengthToPrevious += length;
    previous = point;
  }
  // Wholly outside (a selected link kept off screen) or reaching both ends: draw it as it is.
  if (first < 0 || (first === 0 && last === n)) return null;
  const t0 = first === 0 ? 0 : (first - 1) / n;
  const t1 = last === n ? 1 : (last + 1) / n;
  const [a, b, c, d] = subCurve(p, t0, t1);
  return {
    path: `M${r(a.x)},${r(a.y)} C${r(b.x)},${r(b.y)} ${r(c.x)},${r(c.y)} ${r(d.x)},${r(d.y)}`,
    startCut: t0 > 0,
    endCut: t1 < 1,
    dashOffset: t0 > 0 ? lengthAtCut : 0,
  };
}
