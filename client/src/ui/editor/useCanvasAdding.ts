import { useReactFlow } from '@xyflow/react';
import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../../shared/model/laneGeometry';
import type { ActorKind, NoteKind } from '../../../../shared/model/types';
import type { CanvasStore } from '../../canvas/CanvasStore';
import { addNoteToSelection } from '../../canvas/canvasCommands';
import type { Rect } from '../../canvas/placement';
import { useT } from '../../i18n/i18n';

function containsRect(view: Rect, p: { x: number; y: number }): boolean {
  return (
    p.x >= view.x &&
    p.y >= view.y &&
    p.x + ACTOR_WIDTH <= view.x + view.width &&
    p.y + ACTOR_HEIGHT <= view.y + view.height
  );
}

/**
 * Adding actors and notes from the sidebar: where on the canvas they go (a free spot in view, or under
 * the pointer of a drop), and bringing a new actor into view so its name editor can open. `onAdded`
 * gets the id of an actor just added (the editor opens its name).
 */
export function useCanvasAdding(store: CanvasStore, onAdded: (id: string) => void) {
  const t = useT();
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  /** The visible part of the canvas in flow coordinates, and its centre. */
  const visibleCanvas = (): { centre: { x: number; y: number }; rect: Rect | null } => {
    const el = document.querySelector('.kk-canvas')?.getBoundingClientRect();
    if (!el) return { centre: { x: 0, y: 0 }, rect: null };
    const topLeft = screenToFlowPosition({ x: el.left, y: el.top });
    const bottomRight = screenToFlowPosition({ x: el.right, y: el.bottom });
    const rect = {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
    return { centre: { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, rect };
  };
  /** By click: a free spot in view near its centre. By drop: under the pointer (`at`). */
  const addActor = (kind: ActorKind, at?: { x: number; y: number }) => {
    const visible = visibleCanvas();
    const id = at
      ? store.addActor(kind, at, t(`canvas.newActor.${kind}`))
      : store.addActor(kind, visible.centre, t(`canvas.newActor.${kind}`), visible.rect);
    if (!id) return;
    const added = store.getState().actors.find((a) => a.id === id);
    // A full view puts the actor just outside it: bring it in, so its name editor can open.
    if (added && visible.rect && !containsRect(visible.rect, added.position))
      void setCenter(added.position.x + ACTOR_WIDTH / 2, added.position.y + ACTOR_HEIGHT / 2, {
        zoom: getZoom(),
      });
    onAdded(id);
  };
  const addNote = (kind: NoteKind) => {
    const visible = visibleCanvas();
    return addNoteToSelection(store, kind, visible.centre, visible.rect);
  };
  return { addActor, addNote };
}
