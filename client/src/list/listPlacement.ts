import type { ChainMap } from '../../../shared/model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../../../shared/model/laneGeometry';
import type { ChainMapState, Position } from '../../../shared/model/types';
import { occupiedRects } from '../canvas/canvasCommands';
import { PLACEMENT_GAP, placeInView, type Rect } from '../canvas/placement';

/** Where the first card of an empty lane goes: below the lane's header. */
const FIRST_ROW_Y = 100;

/**
 * Where an actor added from the list (which has no view to drop into) goes on the canvas: at the
 * bottom of its phase's lane, inside the lane so it belongs to that phase; an actor without a
 * phase in a column right of the lanes. The canvas's own placement (`addActorNear`) then finds the
 * free spot nearest this centre inside `rect`.
 */
export function listPlacement(
  state: ChainMapState,
  phaseId: string | null,
): { centre: Position; rect: Rect | null } {
  const index = phaseId === null ? -1 : state.phases.findIndex((p) => p.id === phaseId);
  const inColumn = state.actors.filter((a) =>
    index >= 0 ? a.phaseId === phaseId : a.phaseId === null || !state.phases.some((p) => p.id === a.phaseId),
  );
  const lowest = inColumn.reduce((max, a) => Math.max(max, a.position.y), Number.NEGATIVE_INFINITY);
  const top = Number.isFinite(lowest) ? lowest + ACTOR_HEIGHT + PLACEMENT_GAP : FIRST_ROW_Y;
  const centreY = top + ACTOR_HEIGHT / 2;
  if (index >= 0) {
    const x = laneX(index);
    return {
      centre: { x: x + LANE_WIDTH / 2, y: centreY },
      // The whole lane below its header, however long: the card must land inside it.
      rect: { x, y: top - ACTOR_HEIGHT, width: LANE_WIDTH, height: 10 * ACTOR_HEIGHT },
    };
  }
  const x = laneX(state.phases.length) + PLACEMENT_GAP * 2;
  return { centre: { x: x + ACTOR_WIDTH / 2, y: centreY }, rect: null };
}

/**
 * Changes an actor's phase without a drag (from the list or the canvas's phase command): the card
 * moves to a free spot at the bottom of the new lane, so where it is drawn keeps agreeing with the
 * phase it belongs to. One transaction, one undo step; nothing when the phase is already that one.
 */
export function moveToPhase(model: ChainMap, state: ChainMapState, id: string, phaseId: string | null): void {
  const actor = state.actors.find((a) => a.id === id);
  if (!actor || actor.phaseId === phaseId) return;
  const others = { ...state, actors: state.actors.filter((a) => a.id !== id) };
  const { centre, rect } = listPlacement(others, phaseId);
  const position = placeInView(
    centre,
    { width: ACTOR_WIDTH, height: ACTOR_HEIGHT },
    rect,
    occupiedRects(others),
  );
  model.moveActors([{ id, position, phaseId }]);
}
