import { autoLayout, LAYOUT_ROW_GAP, LAYOUT_TOP } from '../../analysis/autoLayout';
import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../model/laneGeometry';
import type { ChainMapState, Position } from '../../model/types';
import type { ProgressListener } from '../progress';
import type { ImportPlan, PlannedActor } from './importPlan';
import { compareByOrder } from './orderKeys';

/**
 * Places the new actors that the file gave no position, in their lanes, with the map's own
 * auto-layout ("Automatisch schikken", elkjs): the new actors and the links among them are laid out
 * on their own, then each lane's newcomers are moved down below the actors already standing in that
 * lane (phase-less ones below the phase-less ones), so nothing that was on the map moves and nothing
 * overlaps. Runs before `applyPlan`, so the positions are part of the one import transaction.
 */
export async function placeNewActors(
  state: ChainMapState,
  plan: ImportPlan,
  onProgress?: ProgressListener,
): Promise<ImportPlan> {
  const toPlace = plan.actors.filter((a) => a.needsPlacement);
  if (toPlace.length === 0) return plan;
  onProgress?.({ stage: 'place', fraction: 0 });
  const planned = new Map(plan.actors.map((a) => [a.id, a]));
  const lanes = mergeLanes(state, plan);
  const laneIds = new Set(lanes.map((p) => p.id));
  const placing = new Set(toPlace.map((a) => a.id));
  const seen = new Map<string, number>();
  const moves = await autoLayout({
    meta: state.meta,
    phases: lanes,
    actors: toPlace.map((a) => a.value),
    // Keyed by their ends rather than their ids (new ones are random): the layout sorts its input
    // by id, so the same file gives the same picture.
    links: plan.links
      .map((l) => l.value)
      .filter((l) => placing.has(l.source) && placing.has(l.target))
      .map((l) => {
        const key = `${l.source}\u0000${l.target}\u0000${l.kind}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        return { ...l, id: `${key}\u0000${n}` };
      }),
    notes: [],
    problems: [],
  });
  // Everything that already stands, or stands where the file put it.
  const standing = [
    ...state.actors.map((a) => planned.get(a.id)?.value ?? a),
    ...plan.actors.filter((a) => a.status === 'new' && !a.needsPlacement).map((a) => a.value),
  ];
  // The newcomers of one lane (or the phase-less ones) move down together, below whatever stands in
  // the columns they occupy: found by geometry, so an old phase-less actor that a new lane now
  // covers is avoided too.
  const groups = new Map<string, typeof moves>();
  for (const move of moves) {
    const key = move.phaseId !== null && laneIds.has(move.phaseId) ? move.phaseId : '';
    groups.set(key, [...(groups.get(key) ?? []), move]);
  }
  const positions = new Map<string, Position>();
  for (const group of groups.values()) {
    const left = Math.min(...group.map((m) => m.position.x));
    const right = Math.max(...group.map((m) => m.position.x)) + ACTOR_WIDTH;
    let below = Number.NEGATIVE_INFINITY;
    for (const a of standing) {
      if (a.position.x < right && a.position.x + ACTOR_WIDTH > left)
        below = Math.max(below, a.position.y + ACTOR_HEIGHT);
    }
    const shift = Number.isFinite(below) ? Math.max(0, below + LAYOUT_ROW_GAP - LAYOUT_TOP) : 0;
    for (const m of group) positions.set(m.id, { x: m.position.x, y: m.position.y + shift });
  }
  onProgress?.({ stage: 'place', fraction: 1 });
  return {
    ...plan,
    actors: plan.actors.map((a): PlannedActor => {
      const position = positions.get(a.id);
      if (!a.needsPlacement || !position) return a;
      const value = { ...a.value, position };
      return { ...a, value, patch: value, needsPlacement: false };
    }),
  };
}

/** The lanes as they will be after the import, in lane order. */
function mergeLanes(state: ChainMapState, plan: ImportPlan) {
  const byId = new Map(state.phases.map((p) => [p.id, p]));
  for (const p of plan.phases) byId.set(p.id, p.value);
  return [...byId.values()].sort(compareByOrder);
}
