/**
 * Where phase lanes stand on the canvas. Lanes are columns of equal width, left to right in phase
 * order, starting at x = 0. An actor belongs to the lane that contains its centre; both the client
 * (on drop) and the starter template use these functions, so membership and drawing never disagree.
 */

export const LANE_WIDTH = 360;
/** Default size of an actor node, used to find its centre before the view has measured it. */
export const ACTOR_WIDTH = 220;
export const ACTOR_HEIGHT = 84;

export function laneX(index: number): number {
  return index * LANE_WIDTH;
}

/** Index of the lane that contains canvas x, or -1 when x lies outside every lane. */
export function laneIndexAt(x: number, laneCount: number): number {
  if (x < 0) return -1;
  const index = Math.floor(x / LANE_WIDTH);
  return index < laneCount ? index : -1;
}

/** The phase id for an actor whose top-left corner stands at `position`. */
export function phaseIdAt(
  position: { x: number; y: number },
  phasesInOrder: readonly { id: string }[],
  width = ACTOR_WIDTH,
): string | null {
  const index = laneIndexAt(position.x + width / 2, phasesInOrder.length);
  return index < 0 ? null : (phasesInOrder[index]?.id ?? null);
}
