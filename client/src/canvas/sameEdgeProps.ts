/** Handle points of an edge that differ by no more than this many flow px are the same point. */
export const SAME_POINT_PX = 0.01;

const POINTS = new Set(['sourceX', 'sourceY', 'targetX', 'targetY']);

/**
 * The comparison for a memoised edge component: every prop the same (`Object.is`), except the
 * handle points, which may differ by `SAME_POINT_PX`. React Flow measures each card once when it
 * mounts (a ResizeObserver) and hands back the declared handle bounds off by a fraction of a pixel
 * (214.99999999999997 for 215, 37.00001109730113 for 37 at zoom 0.55), so every drawn link rendered
 * and committed again inside the frame of the first paint. React compares with the props last
 * rendered, so small differences never add up.
 */
export function sameEdgeProps(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(right, key)) return false;
    const x = left[key];
    const y = right[key];
    if (Object.is(x, y)) continue;
    if (POINTS.has(key) && typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) <= SAME_POINT_PX)
      continue;
    return false;
  }
  return true;
}
