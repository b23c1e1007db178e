import type { TargetGroupRoute } from '../../../shared/analysis';
import type { ChainMapState } from '../../../shared/model/types';
import type { DecorationLayer, DecorationMark, DecorationState } from '../canvas/CanvasDecorations';

/**
 * "Route van een doelgroep" on the canvas: everything on the group's routes is highlighted, the rest
 * dimmed, and the places where the route breaks carry the 'routeBreak' mark (a dead end on the
 * actor, a cold handover on the link). Framework-free.
 */
export function routeLayer(route: TargetGroupRoute, state: ChainMapState): DecorationLayer {
  const states = new Map<string, DecorationState>();
  const reachedActors = new Set(route.reached.actors);
  const reachedLinks = new Set(route.reached.links);
  for (const a of state.actors) states.set(a.id, reachedActors.has(a.id) ? 'highlight' : 'dim');
  for (const l of state.links) states.set(l.id, reachedLinks.has(l.id) ? 'highlight' : 'dim');
  for (const n of state.notes) if (!n.anchor) states.set(n.id, 'dim');
  const marks = new Map<string, DecorationMark[]>();
  for (const b of route.breaks) marks.set(b.reason === 'deadEnd' ? b.actorId : b.linkId, ['routeBreak']);
  return { states, marks };
}

/** Counts for the route's summary line. */
export function routeSummary(route: TargetGroupRoute): {
  destinations: number;
  deadEnds: number;
  coldHandovers: number;
} {
  return {
    destinations: route.destinationIds.length,
    deadEnds: route.breaks.filter((b) => b.reason === 'deadEnd').length,
    coldHandovers: route.breaks.filter((b) => b.reason === 'coldHandover').length,
  };
}
