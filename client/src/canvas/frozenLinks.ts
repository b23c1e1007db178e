import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import type { FlowEdge, FlowNode } from './flowTypes';
import type { Rect } from './placement';

/**
 * The links that stand still while cards of ours are dragged, drawn as one static layer
 * (ui/editor/edges/FrozenLinks) instead of as React Flow edges. Every React Flow edge subscribes to
 * its store and recomputes its ends on every store update, and a drag frame is one: on a big map
 * that was most of a frame's script (300 edges in the DOM, in a profile). While the drag lasts,
 * React Flow draws only the dragged cards' links; the rest are drawn from their cards' rects as
 * they were when the drag started (or when the graph last changed: a peer's edit redraws them).
 */
export interface FrozenLinks {
  edges: readonly FlowEdge[];
  /** Rects of the cards at the ends of `edges`, by node id. */
  cards: ReadonlyMap<string, Rect>;
}

/** Below this many drawn links React Flow keeps them all: the split would only cost work. */
export const FREEZE_MIN_EDGES = 100;

/**
 * Splits the drawn edges while `dragging` is not empty: `live` (React Flow draws them: the links of
 * a dragged card, and ghosts) and `frozen`. Null when there is nothing to split.
 */
export function splitForDrag(
  edges: readonly FlowEdge[],
  nodes: readonly FlowNode[],
  dragging: ReadonlySet<string>,
): { live: FlowEdge[]; frozen: FrozenLinks } | null {
  if (dragging.size === 0 || edges.length < FREEZE_MIN_EDGES) return null;
  const live: FlowEdge[] = [];
  const still: FlowEdge[] = [];
  const ends = new Set<string>();
  for (const e of edges) {
    if (e.type !== 'link' || dragging.has(e.source) || dragging.has(e.target)) live.push(e);
    else {
      still.push(e);
      ends.add(e.source);
      ends.add(e.target);
    }
  }
  const cards = new Map<string, Rect>();
  for (const n of nodes) {
    if (!ends.has(n.id)) continue;
    cards.set(n.id, {
      x: n.position.x,
      y: n.position.y,
      width: n.width ?? ACTOR_WIDTH,
      height: n.height ?? ACTOR_HEIGHT,
    });
  }
  return { live, frozen: { edges: still, cards } };
}
