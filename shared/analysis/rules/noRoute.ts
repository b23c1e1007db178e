import { elements, type Finding } from '../finding';
import { labelOf, type RuleContext } from './ruleContext';

/**
 * Rule 1: a target group whose routes reach no service or partner. Either nothing on the map says
 * where the group comes in (no entry point, no contact), or every route stops before any help.
 */
export function noRouteRule({ cg, routes }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const route of routes) {
    if (route.destinationIds.length > 0) continue;
    const group = cg.actorsById.get(route.targetGroupId);
    const noStart = route.startIds.length === 0;
    const deadEnds = route.breaks.flatMap((b) => (b.reason === 'deadEnd' ? [b.actorId] : []));
    out.push({
      key: `noRoute:${route.targetGroupId}`,
      rule: 'noRoute',
      severity: 'high',
      elementIds: elements({
        actors: [route.targetGroupId, ...deadEnds.filter((id) => id !== route.targetGroupId)],
        links: route.reached.links,
      }),
      message: {
        key: noStart ? 'noRoute.noStart' : 'noRoute.noDestination',
        params: { targetGroup: labelOf(group) },
      },
    });
  }
  return out;
}
