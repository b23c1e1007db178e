import type { Position } from '../../../shared/model/types';

/** A rectangle in flow coordinates: top-left corner and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept free around a placed element, so cards never touch. */
export const PLACEMENT_GAP = 24;
const STEP = 24;
const MAX_RINGS = 60;

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

function inside(r: Rect, view: Rect): boolean {
  return (
    r.x >= view.x &&
    r.y >= view.y &&
    r.x + r.width <= view.x + view.width &&
    r.y + r.height <= view.y + view.height
  );
}

/**
 * Where a new element of `size` goes when added by click, as in Miro and FigJam: the free spot
 * nearest to `centre` (the view's centre) that lies wholly inside `view` (the visible part of the
 * canvas) and keeps `PLACEMENT_GAP` from every rectangle in `taken`. Candidates are searched ring by
 * ring on a grid around the centre, nearest first, so the result is deterministic. When the view is
 * full, the nearest free spot outside it is taken (the caller then brings it into view); the
 * centre itself only when nothing within the search is free.
 */
export function placeInView(
  centre: Position,
  size: { width: number; height: number },
  view: Rect | null,
  taken: readonly Rect[],
): Position {
  const at = (dx: number, dy: number): Rect => ({
    x: Math.round(centre.x - size.width / 2 + dx),
    y: Math.round(centre.y - size.height / 2 + dy),
    width: size.width,
    height: size.height,
  });
  const free = (r: Rect) => !taken.some((t) => overlaps(r, t, PLACEMENT_GAP));
  let outside: Rect | null = null;
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    let best: Rect | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [dx, dy] of ringOffsets(ring)) {
      const candidate = at(dx * STEP, dy * STEP);
      if (!free(candidate)) continue;
      // Inside the ring, the candidate nearest to the centre; ties keep the first found.
      const distance = Math.hypot(dx, dy);
      if (view && !inside(candidate, view)) {
        outside ??= candidate;
        continue;
      }
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best) return { x: best.x, y: best.y };
    if (view && ring * STEP > Math.max(view.width, view.height) && outside) break;
  }
  const chosen = outside ?? at(0, 0);
  return { x: chosen.x, y: chosen.y };
}

/** Grid offsets on the square ring at Chebyshev distance `ring`, in a fixed order. */
function ringOffsets(ring: number): [number, number][] {
  if (ring === 0) return [[0, 0]];
  const out: [number, number][] = [];
  for (let dx = -ring; dx <= ring; dx++) {
    out.push([dx, -ring], [dx, ring]);
  }
  for (let dy = -ring + 1; dy <= ring - 1; dy++) {
    out.push([-ring, dy], [ring, dy]);
  }
  return out;
}

/**
 * Where a note added to an actor goes: beside the actor, on its right (else its left, else below),
 * on a spot no other element covers. The note is drawn as a badge on its actor while anchored; this
 * is where it stands once it is detached (its actor deleted), so it never lands on another card.
 */
export function placeBeside(
  host: Rect,
  size: { width: number; height: number },
  taken: readonly Rect[],
): Position {
  const candidates: Rect[] = [
    { x: host.x + host.width + PLACEMENT_GAP, y: host.y, ...size },
    { x: host.x - size.width - PLACEMENT_GAP, y: host.y, ...size },
    { x: host.x, y: host.y + host.height + PLACEMENT_GAP, ...size },
  ];
  const others = taken.filter((t) => !(t.x === host.x && t.y === host.y));
  const free = candidates.find((c) => !others.some((t) => overlaps(c, t, 0)));
  const chosen = free ?? candidates[0]!;
  return { x: Math.round(chosen.x), y: Math.round(chosen.y) };
}
