import type { Actor, ChainMapState, Link, Phase } from '../../../shared/model/types';

/**
 * The order a reader follows the chain in, shared by the list view and the canvas's keyboard
 * focus: lanes left to right in phase order, actors without a phase last, and within a lane top to
 * bottom, then left to right (as the cards stand), then by id, so every peer reads the same order.
 */

/** Actors by phase: one entry per phase in lane order, then `null` for actors without a (known) phase. */
export function actorsByPhase(state: ChainMapState): { phase: Phase | null; actors: Actor[] }[] {
  const groups = new Map<string | null, Actor[]>();
  for (const p of state.phases) groups.set(p.id, []);
  groups.set(null, []);
  for (const a of state.actors) {
    const key = a.phaseId !== null && groups.has(a.phaseId) ? a.phaseId : null;
    groups.get(key)!.push(a);
  }
  for (const list of groups.values()) list.sort(compareActors);
  return [
    ...state.phases.map((phase) => ({ phase, actors: groups.get(phase.id)! })),
    { phase: null, actors: groups.get(null)! },
  ];
}

function compareActors(a: Actor, b: Actor): number {
  return (
    a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Every actor id in chain order. */
export function actorOrder(state: ChainMapState): string[] {
  return actorsByPhase(state).flatMap((g) => g.actors.map((a) => a.id));
}

/** Links in chain order: by their source's place, then their target's, then id. */
export function linkOrder(state: ChainMapState, actorIds: readonly string[] = actorOrder(state)): Link[] {
  const rank = new Map(actorIds.map((id, i) => [id, i]));
  const at = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...state.links].sort(
    (a, b) =>
      at(a.source) - at(b.source) || at(a.target) - at(b.target) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
