import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import type { GhostEdge, GhostNode, Ghosts } from './CanvasDecorations';
import { type FlowEdge, GHOST_ID_PREFIX, type GhostFlowNode, NOTE_HEIGHT, NOTE_WIDTH } from './flowTypes';
import { ACTOR_HANDLES, sideHandles } from './nodeHandles';

/**
 * Ghosts: removed elements drawn at their old place while a version is compared. They are not in
 * the model, cannot be selected, dragged or deleted, and never reach the doc.
 */

/** A ghost edge's end: a ghost node (preferred: the element was removed) or a live actor. */
export function ghostEndpoint(id: string, ghosts: Ghosts, liveIds: ReadonlySet<string>): string | null {
  if (ghosts.nodes.some((n) => n.id === id)) return GHOST_ID_PREFIX + id;
  return liveIds.has(id) ? id : null;
}

export function ghostToNode(ghost: GhostNode): GhostFlowNode {
  const width = ghost.width ?? (ghost.kind === 'actor' ? ACTOR_WIDTH : NOTE_WIDTH);
  const height = ghost.height ?? (ghost.kind === 'actor' ? ACTOR_HEIGHT : NOTE_HEIGHT);
  return {
    id: GHOST_ID_PREFIX + ghost.id,
    type: 'ghost',
    position: ghost.position,
    width,
    height,
    measured: { width, height },
    handles:
      ghost.kind === 'actor' && !ghost.width && !ghost.height ? ACTOR_HANDLES : sideHandles(width, height),
    data: { ghost },
    className: 'kk-ghost',
    style: { pointerEvents: 'none' },
    draggable: false,
    selectable: false,
    connectable: false,
    deletable: false,
    focusable: false,
    zIndex: 0,
  };
}

export function ghostToEdge(ghost: GhostEdge, source: string, target: string): FlowEdge {
  return {
    id: GHOST_ID_PREFIX + ghost.id,
    source,
    target,
    type: 'default',
    data: { ghost },
    className: 'kk-ghost-edge',
    selectable: false,
    focusable: false,
    deletable: false,
    interactionWidth: 0,
    style: { stroke: 'var(--kk-deco-removed)', strokeWidth: 2, strokeDasharray: '6 4' },
    ...(ghost.label ? { label: ghost.label } : {}),
  };
}
