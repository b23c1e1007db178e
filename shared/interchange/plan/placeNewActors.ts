import { autoLayout, LAYOUT_ROW_GAP, LAYOUT_TOP, type LayoutMove } from '../../analysis/autoLayout';
import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../../model/laneGeometry';
import type { ChainMapState, Phase, Position } from '../../model/types';
import type { ProgressListener } from '../progress';
import type { ImportPlan, PlannedActor } from './importPlan';
import { compareByOrder } from './orderKeys';

/**
 * Up to this many newcomers get the full layout (ELK: order and alignment, about a second at this
 * size); above it the layout's fast mode (barycentre order per lane, no ELK) places a 2,000-row
 * workbook with its connections in well under a second, where ELK took seconds even in its own
 * fastest settings (bench/interchange.bench.ts, docs/performance.md).
 */
const FULL_LAYOUT_LIMIT = 150;

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
  // Keyed by their ends rather than their ids (new ones are random): the layout sorts its input by
  // id, so the same file gives the same picture.
  const links = plan.links
    .map((l) => l.value)
    .filter((l) => placing.has(l.source) && placing.has(l.target))
    .map((l) => {
      const key = `${l.source}\u0000${l.target}\u0000${l.kind}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return { ...l, id: `${key}\u0000${n}` };
    });
  // The layout orders linked actors to cut crossings; an actor in a lane without links among the
  // newcomers gains nothing from it, so those are stacked below the laid-out ones in file order
  // (a plain partner list keeps its order). Phase-less ones go through the layout's loose grid.
  const linked = new Set(links.flatMap((l) => [l.source, l.target]));
  const inLane = (a: PlannedActor) => a.value.phaseId !== null && laneIds.has(a.value.phaseId);
  const viaLayout = toPlace.filter((a) => linked.has(a.id) || !inLane(a));
  const laidOut =
    viaLayout.length === 0
      ? []
      : await autoLayout(
          {
            meta: state.meta,
            phases: lanes,
            actors: viaLayout.map((a) => a.value),
            links,
            notes: [],
            problems: [],
          },
          { effort: viaLayout.length > FULL_LAYOUT_LIMIT ? 'fast' : 'full' },
        );
  const moves = [
    ...laidOut,
    ...stackBelow(
      laidOut,
      toPlace.filter((a) => !linked.has(a.id) && inLane(a)),
      lanes,
    ),
  ];
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

/** Stacks `actors` in their lanes, in the given order, below the moves already made there. */
function stackBelow(
  moves: readonly LayoutMove[],
  actors: readonly PlannedActor[],
  lanes: readonly Phase[],
): LayoutMove[] {
  const index = new Map(lanes.map((p, i) => [p.id, i]));
  const next = new Map<string, number>();
  for (const m of moves) {
    if (m.phaseId === null) continue;
    next.set(
      m.phaseId,
      Math.max(next.get(m.phaseId) ?? LAYOUT_TOP, m.position.y + ACTOR_HEIGHT + LAYOUT_ROW_GAP),
    );
  }
  return actors.map((a) => {
    const phaseId = a.value.phaseId!;
    const y = next.get(phaseId) ?? LAYOUT_TOP;
    next.set(phaseId, y + ACTOR_HEIGHT + LAYOUT_ROW_GAP);
    const x = laneX(index.get(phaseId)!) + (LANE_WIDTH - ACTOR_WIDTH) / 2;
    return { id: a.id, position: { x, y }, phaseId };
  });
}

/** The lanes as they will be after the import, in lane order. */
function mergeLanes(state: ChainMapState, plan: ImportPlan) {
  const byId = new Map(state.phases.map((p) => [p.id, p]));
  for (const p of plan.phases) byId.set(p.id, p.value);
  return [...byId.values()].sort(compareByOrder);
}
