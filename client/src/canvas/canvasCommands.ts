import type { ChainMap } from '../../../shared/model/ChainMap';
import type { ChainMapState, NoteAnchor, NoteKind, Position } from '../../../shared/model/types';
import type { CanvasStore, Selection } from './CanvasStore';

/**
 * What the palette, the inspector's note buttons and the inline label editor do to the map: domain
 * decisions the React layer should not make. Each user action is one model transaction.
 */

/** The anchor of a note added now: the one selected actor, else the one selected link, else none. */
export function noteAnchorFor(selection: Selection): NoteAnchor {
  if (selection.actors.length === 1) return { type: 'actor', id: selection.actors[0]! };
  if (selection.links.length === 1) return { type: 'link', id: selection.links[0]! };
  return null;
}

/**
 * The phase a note on `anchor` belongs to: its actor's phase (a link: its source's), so the action
 * plan groups it there; null for a free note.
 */
export function anchorPhaseId(state: ChainMapState, anchor: NoteAnchor): string | null {
  const hostId = anchor?.type === 'link' ? state.links.find((l) => l.id === anchor.id)?.source : anchor?.id;
  return state.actors.find((a) => a.id === hostId)?.phaseId ?? null;
}

/** Adds a note to the selected actor or link (or a free one at `centre`) in its phase: one undo step. */
export function addNoteToSelection(store: CanvasStore, kind: NoteKind, centre: Position): string | null {
  const anchor = noteAnchorFor(store.selection());
  const phaseId = anchorPhaseId(store.getState(), anchor);
  let id: string | null = null;
  store.model.transact(() => {
    id = store.addNote(kind, centre, anchor);
    if (id && phaseId) store.model.updateNote(id, { phaseId });
  });
  return id;
}

/**
 * The inline editor's text for an element: an actor's name (an empty or unchanged one is not
 * written) or a note's text.
 */
export function commitLabel(model: ChainMap, state: ChainMapState, id: string, label: string): void {
  const actor = state.actors.find((a) => a.id === id);
  if (actor) {
    if (label && label !== actor.label) model.updateActor(id, { label });
  } else if (state.notes.some((n) => n.id === id)) {
    model.updateNote(id, { text: label });
  }
}
