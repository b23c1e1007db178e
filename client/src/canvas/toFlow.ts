import type { ChainMapState } from '../../../shared/model/types';
import type { GhostEdge } from './CanvasDecorations';
import { flowContext } from './flowContext';
import { actorNode, laneNodes, noteNode } from './flowNodes';
import {
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  GHOST_ID_PREFIX,
  type GhostFlowNode,
} from './flowTypes';
import { ghostEndpoint, ghostToEdge, ghostToNode } from './ghostElements';
import { linkEdge } from './linkEdge';
import type { ViewState } from './viewState';

/**
 * Model ↔ React Flow, as pure functions (the elements' builders are in `flowNodes` and `linkEdge`,
 * what they read of the whole map in `flowContext`).
 *
 * Invariants:
 * - Only model fields go into nodes/edges from the model; UI state (selection, measured size,
 *   drag position) is layered on by the caller and never flows back into the doc.
 * - For an unchanged element the previous node/edge object is returned (identity-stable), so
 *   React Flow and memoised node components skip it.
 * - One batch of React Flow changes becomes at most one list of model commands, which the caller
 *   runs in one transaction (one undo step, one sync frame).
 */

/** Id → node or edge of a graph, for identity reuse. */
export function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) map.set(item.id, item);
  return map;
}

/**
 * Builds the React Flow graph. `previous` is the last result: any node or edge whose inputs are
 * unchanged is reused as the same object (compared by identity first, so an incrementally updated
 * state costs O(n) pointer checks), and an array whose items are all unchanged is `previous`'s array (when nothing changed,
 * `previous` itself is returned). `patchFlow` (flowPatch.ts) does the same for a few changed
 * elements without visiting the others.
 */
export function toFlow(state: ChainMapState, view: ViewState, previous?: FlowGraph): FlowGraph {
  const prevNodes = byId(previous?.nodes);
  const prevEdges = byId(previous?.edges);
  const ctx = flowContext(state, view);

  const nodes: FlowNode[] = laneNodes(state, view, (id) => prevNodes.get(id));

  for (const ghost of view.ghosts.nodes) {
    const id = GHOST_ID_PREFIX + ghost.id;
    const prev = prevNodes.get(id) as GhostFlowNode | undefined;
    if (prev && prev.data.ghost === ghost) {
      nodes.push(prev);
      continue;
    }
    nodes.push(ghostToNode(ghost));
  }

  for (const actor of state.actors) nodes.push(actorNode(actor, view, prevNodes.get(actor.id)));
  for (const note of state.notes)
    if (note.anchor === null) nodes.push(noteNode(note, view, prevNodes.get(note.id)));

  const edges: FlowEdge[] = [];
  for (const link of state.links) edges.push(linkEdge(link, view, ctx, prevEdges.get(link.id)));

  const liveIds = new Set(state.actors.map((a) => a.id));
  for (const ghost of view.ghosts.edges) {
    const id = GHOST_ID_PREFIX + ghost.id;
    const source = ghostEndpoint(ghost.source, view.ghosts, liveIds);
    const target = ghostEndpoint(ghost.target, view.ghosts, liveIds);
    if (!source || !target) continue;
    const prev = prevEdges.get(id);
    if (
      prev &&
      (prev.data as { ghost?: GhostEdge }).ghost === ghost &&
      prev.source === source &&
      prev.target === target
    ) {
      edges.push(prev);
      continue;
    }
    edges.push(ghostToEdge(ghost, source, target));
  }

  // Unchanged arrays keep their identity too: React Flow rebuilds its connection lookup (every
  // edge) whenever the edges array changes, and re-adopts every node when the nodes array does.
  const sameNodes = previous !== undefined && sameItems(nodes, previous.nodes);
  const sameEdges = previous !== undefined && sameItems(edges, previous.edges);
  if (sameNodes && sameEdges) return previous;
  return { nodes: sameNodes ? previous!.nodes : nodes, edges: sameEdges ? previous!.edges : edges };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
