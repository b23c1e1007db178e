import type { ChainMapState } from '../../../shared/model/types';
import type { Ghosts } from './CanvasDecorations';
import { type FlowNode, GHOST_ID_PREFIX } from './flowTypes';

/**
 * Element ids → the node ids to frame on the canvas: a link frames its two actors, a removed
 * element shown while comparing frames its ghost, an id with no node (an anchored note, an
 * unknown id) frames nothing.
 */
export function frameIds(
  ids: readonly string[],
  state: ChainMapState,
  nodes: readonly FlowNode[],
  ghosts: Ghosts,
): string[] {
  const links = new Map(state.links.map((l) => [l.id, l]));
  const out = new Set<string>();
  for (const id of ids) {
    const link = links.get(id);
    if (link) {
      out.add(link.source);
      out.add(link.target);
    } else if (nodes.some((n) => n.id === id)) out.add(id);
    else if (ghosts.nodes.some((g) => g.id === id)) out.add(GHOST_ID_PREFIX + id);
  }
  return [...out];
}
