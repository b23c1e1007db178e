import type { ChainMap } from '../../../shared/model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, phaseIdAt } from '../../../shared/model/laneGeometry';
import type { ActorKind, ChainMapState, NoteAnchor, NoteKind, Position } from '../../../shared/model/types';
import { type FlowEdge, type FlowNode, NOTE_HEIGHT, NOTE_WIDTH } from './flowTypes';
import { placeBeside, placeInView, type Rect } from './placement';
import type { Selection } from './viewState';

/**
 * What the palette, the inspector's note buttons and the inline label editor do to the map: domain
 * decisions the React layer should not make. Each user action is one model transaction. The canvas
 * store calls them after its read-only check and selects what they add.
 */

/** Every element's rectangle on the canvas: actors and free notes (anchored notes are badges). */
export function occupiedRects(state: ChainMapState): Rect[] {
  const rects: Rect[] = state.actors.map((a) => ({
    ...a.position,
    width: ACTOR_WIDTH,
    height: ACTOR_HEIGHT,
  }));
  for (const n of state.notes)
    if (n.anchor === null) rects.push({ ...n.position, width: NOTE_WIDTH, height: NOTE_HEIGHT });
  return rects;
}

/**
 * Adds an actor near `center` (flow coordinates) on a free spot inside `view` (the visible canvas;
 * null: anywhere), in the lane it lands in.
 */
export function addActorNear(
  model: ChainMap,
  state: ChainMapState,
  kind: ActorKind,
  center: Position,
  label: string,
  view: Rect | null = null,
): string {
  const position = placeInView(
    center,
    { width: ACTOR_WIDTH, height: ACTOR_HEIGHT },
    view,
    occupiedRects(state),
  );
  return model.addActor({ kind, label, position, phaseId: phaseIdAt(position, state.phases) });
}

/**
 * Adds a note: on an actor it stands beside that actor (where it lands if ever detached); on a link
 * beside the link's source; a free one on a free spot near `center` inside `view`.
 */
export function addNoteAt(
  model: ChainMap,
  state: ChainMapState,
  kind: NoteKind,
  center: Position,
  anchor: NoteAnchor,
  view: Rect | null = null,
): string {
  const size = { width: NOTE_WIDTH, height: NOTE_HEIGHT };
  const hostId = anchor?.type === 'link' ? state.links.find((l) => l.id === anchor.id)?.source : anchor?.id;
  const host = hostId ? state.actors.find((a) => a.id === hostId) : undefined;
  const taken = occupiedRects(state);
  const position = host
    ? placeBeside({ ...host.position, width: ACTOR_WIDTH, height: ACTOR_HEIGHT }, size, taken)
    : placeInView(center, size, view, taken);
  return model.addNote({ kind, position, anchor });
}

/** React Flow's onDelete: nodes and their edges arrive together, so this is one transaction. */
export function deleteFlowElements(
  model: ChainMap,
  state: ChainMapState,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): void {
  const actorIds = new Set(state.actors.map((a) => a.id));
  model.deleteElements({
    actors: nodes.filter((n) => actorIds.has(n.id)).map((n) => n.id),
    notes: nodes.filter((n) => n.type === 'note').map((n) => n.id),
    links: edges.map((e) => e.id),
  });
}

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

/** The part of the canvas store a note command needs (structural, so this module does not import it). */
export interface NoteHost {
  readonly model: ChainMap;
  selection(): Selection;
  getState(): ChainMapState;
  addNote(kind: NoteKind, center: Position, anchor: NoteAnchor, view?: Rect | null): string | null;
}

/**
 * Adds a note to the selected actor or link (or a free one near `centre`, inside `view`) in its
 * phase: one undo step.
 */
export function addNoteToSelection(
  store: NoteHost,
  kind: NoteKind,
  centre: Position,
  view: Rect | null = null,
): string | null {
  const anchor = noteAnchorFor(store.selection());
  const phaseId = anchorPhaseId(store.getState(), anchor);
  let id: string | null = null;
  store.model.transact(() => {
    id = store.addNote(kind, centre, anchor, view);
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
