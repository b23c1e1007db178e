import type { ChainMap } from '../../../shared/model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, phaseIdAt } from '../../../shared/model/laneGeometry';
import type { ActorKind, ChainMapState, NoteAnchor, NoteKind, Position } from '../../../shared/model/types';
import type { FlowEdge, FlowNode } from './flowTypes';
import type { Selection } from './viewState';

/**
 * What the palette, the inspector's note buttons and the inline label editor do to the map: domain
 * decisions the React layer should not make. Each user action is one model transaction. The canvas
 * store calls them after its read-only check and selects what they add.
 */

/** Adds an actor centred on `center` (flow coordinates), on a free spot, in the lane it lands in. */
export function addActorNear(
  model: ChainMap,
  state: ChainMapState,
  kind: ActorKind,
  center: Position,
  label: string,
): string {
  const position = freeSpot(
    { x: Math.round(center.x - ACTOR_WIDTH / 2), y: Math.round(center.y - ACTOR_HEIGHT / 2) },
    state.actors.map((a) => a.position),
  );
  return model.addActor({ kind, label, position, phaseId: phaseIdAt(position, state.phases) });
}

/** Adds a note centred on `center`, on `anchor` (an actor or link) or free. */
export function addNoteAt(model: ChainMap, kind: NoteKind, center: Position, anchor: NoteAnchor): string {
  const position = { x: Math.round(center.x - 100), y: Math.round(center.y - 48) };
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

/** The first spot at or below `start` where a new actor does not cover an existing one. */
export function freeSpot(start: Position, taken: readonly Position[]): Position {
  const overlaps = (p: Position) =>
    taken.some((t) => Math.abs(t.x - p.x) < ACTOR_WIDTH && Math.abs(t.y - p.y) < ACTOR_HEIGHT + 8);
  let p = start;
  for (let i = 0; i < 50 && overlaps(p); i++) p = { x: start.x, y: start.y + (i + 1) * (ACTOR_HEIGHT + 24) };
  return p;
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

/** Adds a note to the selected actor or link (or a free one at `centre`) in its phase: one undo step. */
/** The part of the canvas store a note command needs (structural, so this module does not import it). */
export interface NoteHost {
  readonly model: ChainMap;
  selection(): Selection;
  getState(): ChainMapState;
  addNote(kind: NoteKind, center: Position, anchor: NoteAnchor): string | null;
}

export function addNoteToSelection(store: NoteHost, kind: NoteKind, centre: Position): string | null {
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
