import type { NodeChange } from '@xyflow/react';
import type { Position } from '../../../shared/model/types';
import type { ElementIndex } from './ElementIndex';
import type { FlowNode } from './flowTypes';

/**
 * The drag fast path. A live drag frame is a batch of only position changes with `dragging`, of
 * nodes we know (`kinds`). It touches nothing but the dragged nodes: their objects are replaced in
 * a copy of the nodes array (edges, lanes, state, decorations and every other node keep their
 * identity), so a frame costs O(dragged) plus one array copy instead of a full `toFlow` over the
 * map. Lanes keep their band until the drag ends (the drag end's model change rebuilds everything).
 * Records each position in `localDrags`. Returns the new nodes array, or null for any other batch.
 */
export function dragFrameNodes(
  current: readonly FlowNode[],
  changes: readonly NodeChange<FlowNode>[],
  kinds: ReadonlyMap<string, 'actor' | 'note'>,
  nodeIndex: ElementIndex<FlowNode>,
  localDrags: Map<string, Position>,
): FlowNode[] | null {
  if (changes.length === 0) return null;
  for (const change of changes) {
    if (change.type !== 'position' || !change.dragging || !change.position) return null;
    if (!kinds.has(change.id)) return null;
  }
  const nodes = current.slice();
  for (const change of changes) {
    if (change.type !== 'position' || !change.position) return null;
    const position = change.position;
    const at = nodeIndex.slot(current, change.id);
    const prev = at === undefined ? undefined : nodes[at];
    if (at === undefined || !prev) return null;
    localDrags.set(change.id, position);
    if (prev.dragging && prev.position.x === position.x && prev.position.y === position.y) continue;
    nodes[at] = { ...prev, position, dragging: true } as FlowNode;
  }
  nodeIndex.adopt(current, nodes);
  return nodes;
}
