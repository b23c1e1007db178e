import { type ChainGraph, isDestinationKind } from '../chainGraph';
import { elements, type Finding } from '../finding';
import { reach, reachesAny } from '../reach';
import type { TargetGroupRoute } from '../routes';
import { labelOf, type RuleContext } from './ruleContext';

/**
 * The actors without which a target group reaches no service or partner at all: the articulation
 * points of its routes (in the directed sense: every route from its starts to every destination
 * passes through them).
 *
 * Any such actor must lie on *every* route, so in particular on the one shortest route the reach
 * already found; only those few actors are tested, each by one more reach without it. That keeps
 * the cost at (route length) × (links) per target group instead of (actors) × (links).
 */
export function criticalActors(cg: ChainGraph, route: TargetGroupRoute): string[] {
  if (route.destinationIds.length === 0) return [];
  const { parent } = reach(cg, route.startIds);
  const isDestination = (id: string) => isDestinationKind(cg.actorsById.get(id)!);
  // `parent` was filled in breadth-first order, so the first destination in it is a nearest one.
  let first: string | undefined;
  for (const id of parent.keys()) {
    if (isDestination(id)) {
      first = id;
      break;
    }
  }
  const candidates: string[] = [];
  for (let at = first ?? null; at !== null; at = parent.get(at) ?? null) candidates.push(at);
  return candidates.filter((c) => !reachesAny(cg, route.startIds, c, isDestination)).sort();
}

/** Rule 5: one finding per critical actor, naming every target group it would cut off. */
export function singlePointOfFailureRule({ cg, routes }: RuleContext): Finding[] {
  const groupsByActor = new Map<string, string[]>();
  for (const route of routes) {
    for (const id of criticalActors(cg, route)) {
      const groups = groupsByActor.get(id) ?? [];
      groups.push(route.targetGroupId);
      groupsByActor.set(id, groups);
    }
  }
  return [...groupsByActor].map(([actorId, groupIds]) => {
    const labels = groupIds.map((id) => labelOf(cg.actorsById.get(id)));
    return {
      key: `singlePointOfFailure:${actorId}`,
      rule: 'singlePointOfFailure' as const,
      severity: 'high' as const,
      elementIds: elements({ actors: [actorId, ...groupIds] }),
      message: {
        key: groupIds.length === 1 ? 'singlePointOfFailure.one' : 'singlePointOfFailure.many',
        params: {
          actor: labelOf(cg.actorsById.get(actorId)),
          targetGroups: labels.map((l) => `‘${l}’`).join(', '),
          count: groupIds.length,
        },
      },
    };
  });
}
