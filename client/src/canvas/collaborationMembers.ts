import type { Actor, ChainMapState, Link } from '../../../shared/model/types';

/** One member of a samenwerkingsverband: the actor and the membership link that makes it one. */
export interface CollaborationMember {
  actor: Actor;
  link: Link;
}

/**
 * The members of the collaboration `id`: every actor joined to it by a membership link (either
 * way round; templates and the canvas draw member → collaboration). The links are the model:
 * adding a member adds a link, removing one deletes it. Sorted by name, each actor once.
 */
export function collaborationMembers(state: ChainMapState, id: string): CollaborationMember[] {
  const actors = new Map(state.actors.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const members: CollaborationMember[] = [];
  for (const link of state.links) {
    if (link.kind !== 'membership') continue;
    const other = link.target === id ? link.source : link.source === id ? link.target : null;
    const actor = other ? actors.get(other) : undefined;
    if (!actor || seen.has(actor.id)) continue;
    seen.add(actor.id);
    members.push({ actor, link });
  }
  return members.sort((a, b) => a.actor.label.localeCompare(b.actor.label, 'nl'));
}

/** Member counts of every collaboration, for the cards (one pass over the links). */
export function memberCounts(state: ChainMapState): Map<string, number> {
  const collaborations = new Set(state.actors.filter((a) => a.kind === 'collaboration').map((a) => a.id));
  const members = new Map<string, Set<string>>();
  const add = (collaboration: string, member: string) => {
    const set = members.get(collaboration) ?? new Set<string>();
    set.add(member);
    members.set(collaboration, set);
  };
  for (const link of state.links) {
    if (link.kind !== 'membership') continue;
    if (collaborations.has(link.target)) add(link.target, link.source);
    if (collaborations.has(link.source)) add(link.source, link.target);
  }
  return new Map([...members].map(([id, set]) => [id, set.size]));
}
