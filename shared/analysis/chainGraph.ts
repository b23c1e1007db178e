import Graph from 'graphology';
import type { Actor, ChainMapState, Link, LinkKind } from '../model/types';

/**
 * The chain map as a graphology graph, built once per read and shared by the routes, the rules and
 * the network metrics (a React view can memoise it on the `ChainMapState` it already holds).
 *
 * The graph is *mixed*: each link becomes a directed or an undirected edge, so that graphology's
 * "outbound" neighbourhood (out-edges plus undirected edges) is exactly where a newcomer can go next.
 * Edge keys are link ids and node keys are actor ids, so anything found on the graph maps straight
 * back to canvas elements.
 */

export interface ChainNodeAttributes {
  readonly actor: Actor;
}

export interface ChainEdgeAttributes {
  readonly link: Link;
}

export type ChainGraphology = Graph<ChainNodeAttributes, ChainEdgeAttributes>;

/** One traversable step out of an actor: the link and the actor it leads to. */
export interface ChainStep {
  readonly to: string;
  readonly link: Link;
}

export interface ChainGraph {
  readonly state: ChainMapState;
  readonly graph: ChainGraphology;
  /**
   * graphology's outbound neighbourhood of each actor, flattened once into arrays: routes walk it
   * many times per analysis (once per target group, more for single points of failure), and plain
   * arrays walk several times faster than graphology's per-call iterators.
   */
  readonly steps: ReadonlyMap<string, readonly ChainStep[]>;
  readonly actorsById: ReadonlyMap<string, Actor>;
  readonly linksById: ReadonlyMap<string, Link>;
  /** All actor and link ids, sorted once here so that results can list ids in order without sorting. */
  readonly sortedActorIds: readonly string[];
  readonly sortedLinkIds: readonly string[];
  /** Actors marked as entry point, sorted by id. */
  readonly entryPointIds: readonly string[];
  /** Target-group actors, sorted by id. */
  readonly targetGroupIds: readonly string[];
}

/**
 * Whether a link can carry a newcomer from one actor to the next, and in which direction:
 * - handover: directed source → target. A person is referred onwards; the referral has a sender
 *   and a receiver, and being sent to X does not mean X sends you back.
 * - information: directed source → target. Data about the newcomer flows (e.g. burgerzaken passes
 *   contact data to the wijkinspecteur), which lets the receiver reach out to them; it does not
 *   make the sender reachable from the receiver.
 * - partnership: undirected. Partners refer to each other both ways; a map seldom records a
 *   direction for it, so assuming one would hide real routes.
 * - membership (actor ↔ collaboration): undirected. Being in a collaboration means the members
 *   reach one another through it, whichever way the link was drawn.
 */
export const LINK_TRAVERSAL: Readonly<Record<LinkKind, 'directed' | 'undirected'>> = {
  handover: 'directed',
  information: 'directed',
  partnership: 'undirected',
  membership: 'undirected',
};

export function buildChainGraph(state: ChainMapState): ChainGraph {
  // multi: two actors may share several links (e.g. a handover and a partnership).
  const graph: ChainGraphology = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  const actorsById = new Map<string, Actor>();
  const linksById = new Map<string, Link>();
  const entryPointIds: string[] = [];
  const targetGroupIds: string[] = [];
  // Insert in id order (ChainMap.read already sorts; a hand-built state may not), so node order —
  // and every traversal — is the same on every peer.
  const actors = [...state.actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const links = [...state.links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const actor of actors) {
    graph.addNode(actor.id, { actor });
    actorsById.set(actor.id, actor);
    if (actor.entryPoint) entryPointIds.push(actor.id);
    if (actor.kind === 'targetGroup') targetGroupIds.push(actor.id);
  }
  for (const link of links) {
    // ChainMap.read already drops links to missing actors and self-loops; guard anyway so a
    // hand-built state cannot throw here.
    if (link.source === link.target || !actorsById.has(link.source) || !actorsById.has(link.target)) continue;
    if (LINK_TRAVERSAL[link.kind] === 'directed') {
      graph.addDirectedEdgeWithKey(link.id, link.source, link.target, { link });
    } else {
      graph.addUndirectedEdgeWithKey(link.id, link.source, link.target, { link });
    }
    linksById.set(link.id, link);
  }
  const steps = new Map<string, ChainStep[]>();
  graph.forEachNode((id) => {
    const out: ChainStep[] = [];
    graph.forEachOutboundEdge(id, (_edge, { link }, source, target) => {
      out.push({ to: source === id ? target : source, link });
    });
    steps.set(id, out);
  });
  return {
    state,
    graph,
    steps,
    actorsById,
    linksById,
    sortedActorIds: [...actorsById.keys()].sort(),
    sortedLinkIds: [...linksById.keys()].sort(),
    entryPointIds: entryPointIds.sort(),
    targetGroupIds: targetGroupIds.sort(),
  };
}

/** Services and partners are where a newcomer gets help: the ends a route is for. */
export function isDestinationKind(actor: Actor): boolean {
  return (actor.kind === 'service' || actor.kind === 'partner') && !actor.entryPoint;
}

/** Handover points and roles (toeleider, wijkinspecteur) exist to pass people on. */
export function isIntermediary(actor: Actor): boolean {
  return actor.kind === 'handover' || actor.kind === 'role' || actor.entryPoint;
}
