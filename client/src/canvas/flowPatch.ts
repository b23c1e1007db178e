import { changedIds } from '../../../shared/model/changeFeed';
import type { Actor, ChainMapChange, ChainMapState } from '../../../shared/model/types';
import { ElementIndex } from './ElementIndex';
import { flowContext } from './flowContext';
import { actorNode, laneNodes, noteNode } from './flowNodes';
import {
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  GHOST_ID_PREFIX,
  type LinkEdgeData,
} from './flowTypes';
import { linkEdge } from './linkEdge';
import { showsLabel } from './linkLabels';
import type { StateLookup } from './MapSnapshot';
import type { ViewState } from './viewState';

/** What a patch rebuilds; everything else keeps its object (and both arrays their slots). */
export interface FlowPatch {
  /** Actor and free-note nodes to rebuild (ids without a node, such as anchored notes, are skipped). */
  readonly nodes: Iterable<string>;
  /** Actors whose links' edges are rebuilt too (their cards changed). */
  readonly edgesOf: Iterable<string>;
  /** Links whose edges are rebuilt (ids without an edge are skipped). */
  readonly links: Iterable<string>;
  /** Re-place the lanes (an element moved, so their band may have changed). */
  readonly lanes: boolean;
}

/**
 * Where each node and edge sits in a graph's arrays, and each actor's links. Built once per layout
 * of the arrays: a patch keeps every id in its slot, so the index carries over (`adopt`).
 */
export class GraphIndex {
  private readonly nodes = new ElementIndex<FlowNode>();
  private edgesOf: readonly FlowEdge[] | null = null;
  private edgeSlots = new Map<string, number>();
  private links = new Map<string, string[]>();

  nodeSlot(nodes: readonly FlowNode[], id: string): number | undefined {
    return this.nodes.slot(nodes, id);
  }

  edgeSlot(edges: readonly FlowEdge[], id: string): number | undefined {
    this.indexEdges(edges);
    return this.edgeSlots.get(id);
  }

  /** The ids of the links drawn from or to `actorId`. */
  linksOf(edges: readonly FlowEdge[], actorId: string): readonly string[] {
    this.indexEdges(edges);
    return this.links.get(actorId) ?? [];
  }

  /**
   * `next` is a patch of `previous`: the same ids in the same slots (and, with `sameEnds`, every
   * link between the same actors), so the index carries over without a rebuild.
   */
  adopt(previous: FlowGraph, next: FlowGraph, sameEnds: boolean): void {
    this.nodes.adopt(previous.nodes, next.nodes);
    if (sameEnds && this.edgesOf === previous.edges) this.edgesOf = next.edges;
  }

  private indexEdges(edges: readonly FlowEdge[]): void {
    if (this.edgesOf === edges) return;
    this.edgeSlots = new Map(edges.map((e, i) => [e.id, i]));
    this.links = new Map();
    for (const e of edges) {
      if (e.id.startsWith(GHOST_ID_PREFIX)) continue;
      for (const end of [e.source, e.target]) {
        const list = this.links.get(end);
        if (list) list.push(e.id);
        else this.links.set(end, [e.id]);
      }
    }
    this.edgesOf = edges;
  }
}

/**
 * Rebuilds only the nodes and edges `patch` names, with the same builders as `toFlow`, so the
 * result equals `toFlow(state, view, previous)` whenever nothing else changed; the caller
 * (`CanvasStore`) decides when that holds and falls back to `toFlow` otherwise. Unchanged elements
 * keep their objects, and an array with no changed item is `previous`'s array; labels keep their
 * spots (nothing a patch covers moves them). Null when a named
 * element is missing from the state or the graph (the caller then builds the whole graph).
 */
export function patchFlow(
  state: ChainMapState,
  find: StateLookup,
  view: ViewState,
  previous: FlowGraph,
  index: GraphIndex,
  patch: FlowPatch,
): FlowGraph | null {
  const ctx = flowContext(state, view);
  let nodes: FlowNode[] | null = null;
  let edges: FlowEdge[] | null = null;
  const setNode = (slot: number, node: FlowNode) => {
    if (previous.nodes[slot] === node) return;
    nodes ??= previous.nodes.slice();
    nodes[slot] = node;
  };
  for (const id of patch.nodes) {
    const slot = index.nodeSlot(previous.nodes, id);
    if (slot === undefined) continue;
    const prev = previous.nodes[slot]!;
    if (prev.type === 'actor') {
      const actor = find.actor(id);
      if (!actor) return null;
      setNode(slot, actorNode(actor, view, prev));
    } else if (prev.type === 'note') {
      const note = find.note(id);
      if (!note || note.anchor !== null) return null;
      setNode(slot, noteNode(note, view, prev));
    }
  }
  const linkIds = new Set(patch.links);
  for (const id of patch.edgesOf) for (const linkId of index.linksOf(previous.edges, id)) linkIds.add(linkId);
  if (linkIds.size > 0) {
    for (const id of linkIds) {
      const slot = index.edgeSlot(previous.edges, id);
      if (slot === undefined) continue;
      const link = find.link(id);
      if (!link) return null;
      const edge = linkEdge(link, view, ctx, previous.edges[slot], true);
      if (edge === previous.edges[slot]) continue;
      edges ??= previous.edges.slice();
      edges[slot] = edge;
    }
  }
  if (patch.lanes && state.phases.length > 0) {
    const prevAt = (id: string) => {
      const slot = index.nodeSlot(previous.nodes, id);
      return slot === undefined ? undefined : previous.nodes[slot];
    };
    for (const lane of laneNodes(state, view, prevAt)) {
      const slot = index.nodeSlot(previous.nodes, lane.id);
      if (slot === undefined) return null;
      setNode(slot, lane);
    }
  }
  if (!nodes && !edges) return previous;
  return { nodes: nodes ?? previous.nodes, edges: edges ?? previous.edges };
}

/** True when the edge draws a label box: its spot depends on every card and earlier label. */
function labelled(edge: FlowEdge): boolean {
  const data = edge.data as LinkEdgeData | undefined;
  return data?.link !== undefined && showsLabel(data.link, data.notes, data.ownerName);
}

/**
 * The patch for a model change that touched only existing actors and links (the snapshot was
 * patched, not re-read), or null when the whole graph must be built: notes changed (badges, free
 * notes), a card moved or was renamed while any link shows a label (labels are placed around every
 * card, in link order), a collaboration's kind or a membership link changed (member counts), or a
 * changed link shows a label. `sameEnds` is false when a link got other ends (the index of each
 * actor's links is then rebuilt).
 */
export function modelPatch(
  changes: readonly ChainMapChange[],
  find: StateLookup,
  previous: FlowGraph,
  index: GraphIndex,
  /** Each actor as the graph last drew it (its node carries no content: see `ActorContent`). */
  drawnActor: (id: string) => Actor | undefined,
): (FlowPatch & { sameEnds: boolean }) | null {
  if (changedIds(changes, 'notes').size > 0) return null;
  const actorIds = changedIds(changes, 'actors');
  const linkIds = changedIds(changes, 'links');
  const labels = previous.edges.some(labelled);
  let moved = false;
  for (const id of actorIds) {
    const slot = index.nodeSlot(previous.nodes, id);
    const prev = slot === undefined ? undefined : previous.nodes[slot];
    const actor = find.actor(id);
    const was = drawnActor(id);
    if (prev?.type !== 'actor' || !actor || !was) return null;
    if (was.kind !== actor.kind && (was.kind === 'collaboration' || actor.kind === 'collaboration'))
      return null;
    const movedNow = was.position.x !== actor.position.x || was.position.y !== actor.position.y;
    if (labels && (movedNow || was.label !== actor.label)) return null;
    moved ||= movedNow;
  }
  let sameEnds = true;
  for (const id of linkIds) {
    const slot = index.edgeSlot(previous.edges, id);
    const prev = slot === undefined ? undefined : previous.edges[slot];
    const link = find.link(id);
    const was = (prev?.data as LinkEdgeData | undefined)?.link;
    if (!prev || !link || !was) return null;
    if (was.kind === 'membership' || link.kind === 'membership') return null;
    const owner = link.kind === 'handover' && link.owner ? link.owner : '';
    if (labelled(prev) || showsLabel(link, 0, owner)) return null;
    if (was.source !== link.source || was.target !== link.target) sameEnds = false;
  }
  return { nodes: actorIds, edgesOf: actorIds, links: linkIds, lanes: moved, sameEnds };
}
