import { type ChainGraph, isDestinationKind, isIntermediary } from './chainGraph';
import { reach } from './reach';

/**
 * "Route van een doelgroep": where a target group can get to through the chain.
 *
 * Where a target group enters (a decision, documented here because the map does not say it):
 * - at every actor the target group is linked to, by any kind of link and in either direction:
 *   a link touching a target group records contact (a toeleider reaching out to Roemeense
 *   arbeidsmigranten is as much an entrance as the group walking into the Huis van het Kind);
 * - only when the group is linked to nobody: at every entry point (e.g. burgerzaken), because
 *   registration is where every new resident is assumed to come in.
 * Entry points are deliberately *not* added for a group that has links: drawing a group's links is
 * how a municipality says where that group really comes in — some groups (labour migrants, posted
 * workers) often never pass the registration desk, or pass it without being seen. Linking the
 * group to the entry point says it does. This keeps routes, rule 1 (no route) and rule 5 (single
 * point of failure) specific to each group instead of the same for all.
 * From there the route follows the traversable links (LINK_TRAVERSAL). It reaches a *destination*
 * when it reaches a service or partner that is not itself an entry point: an entry point is a door,
 * not the help a newcomer came for.
 *
 * Where the route breaks (for the canvas to mark):
 * - deadEnd: a reached handover point, role or entry point with no handover onwards to another
 *   actor; those exist to pass people on, and data or a partnership alone passes nobody on;
 * - coldHandover: a reached handover that is cold (an address instead of a personal introduction),
 *   where newcomers most often drop out.
 */

export type RouteBreak =
  | { readonly reason: 'deadEnd'; readonly actorId: string }
  | { readonly reason: 'coldHandover'; readonly linkId: string; readonly actorId: string };

export interface TargetGroupRoute {
  readonly targetGroupId: string;
  /** Where the group enters: its own contacts, or the entry points when it has none; sorted by id. */
  readonly startIds: readonly string[];
  /** The actors the target group is itself linked to, sorted by id. */
  readonly contactIds: readonly string[];
  /** Everything on the group's routes, to highlight: the group itself, reached actors, traversed links. */
  readonly reached: { readonly actors: readonly string[]; readonly links: readonly string[] };
  /** Reached services and partners (entry points excluded), sorted by id. */
  readonly destinationIds: readonly string[];
  readonly breaks: readonly RouteBreak[];
}

/** The actors a target group is linked to, other target groups excepted. */
export function contactsOf(cg: ChainGraph, targetGroupId: string): string[] {
  const out = new Set<string>();
  cg.graph.forEachNeighbor(targetGroupId, (id, attributes) => {
    if (attributes.actor.kind !== 'targetGroup') out.add(id);
  });
  return [...out].sort();
}

/** Where a group's routes start: its contacts, or every entry point when it has none. */
export function startsOf(cg: ChainGraph, targetGroupId: string): string[] {
  const contacts = contactsOf(cg, targetGroupId);
  if (contacts.length > 0) return contacts;
  return cg.entryPointIds.filter((id) => cg.actorsById.get(id)?.kind !== 'targetGroup');
}

export function routeForTargetGroup(cg: ChainGraph, targetGroupId: string): TargetGroupRoute {
  const { graph, actorsById } = cg;
  if (actorsById.get(targetGroupId)?.kind !== 'targetGroup') {
    throw new Error(`${targetGroupId} is not a target group on this map.`);
  }
  const contactIds = contactsOf(cg, targetGroupId);
  const startIds = contactIds.length > 0 ? contactIds : startsOf(cg, targetGroupId);
  const { reached } = reach(cg, startIds);

  const links = new Set<string>();
  // The group's own links show where it comes in.
  graph.forEachEdge(targetGroupId, (edge, _attributes, source, target) => {
    const other = source === targetGroupId ? target : source;
    if (reached.has(other)) links.add(edge);
  });
  const deadEnds = new Set<string>();
  for (const id of reached) {
    let handsOn = false;
    for (const { to, link } of cg.steps.get(id)!) {
      if (!reached.has(to)) continue; // only target groups stay unreached from a reached actor
      links.add(link.id);
      if (link.kind === 'handover' && link.source === id) handsOn = true;
    }
    if (!handsOn && isIntermediary(actorsById.get(id)!)) deadEnds.add(id);
  }
  // Lists come out in id order by filtering the pre-sorted ids: no per-route sort.
  const actorIds = cg.sortedActorIds.filter((id) => id === targetGroupId || reached.has(id));
  const linkIds = cg.sortedLinkIds.filter((id) => links.has(id));
  const breaks: RouteBreak[] = [];
  for (const id of actorIds) if (deadEnds.has(id)) breaks.push({ reason: 'deadEnd', actorId: id });
  for (const id of linkIds) {
    const link = cg.linksById.get(id)!;
    if (link.kind === 'handover' && link.warmth === 'cold') {
      breaks.push({ reason: 'coldHandover', linkId: id, actorId: link.target });
    }
  }
  return {
    targetGroupId,
    startIds,
    contactIds,
    reached: { actors: actorIds, links: linkIds },
    destinationIds: actorIds.filter((id) => reached.has(id) && isDestinationKind(actorsById.get(id)!)),
    breaks,
  };
}

/** Routes of every target group on the map, in id order. */
export function routesOfAllTargetGroups(cg: ChainGraph): TargetGroupRoute[] {
  return cg.targetGroupIds.map((id) => routeForTargetGroup(cg, id));
}
