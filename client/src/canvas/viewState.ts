import type { ChainMapState, Position } from '../../../shared/model/types';
import type { ElementDecoration, Ghosts } from './CanvasDecorations';

/** Per-element UI state the view keeps outside the doc. */
export interface ViewState {
  readOnly: boolean;
  selected: ReadonlySet<string>;
  /** Local in-progress drags and peers' live drags, by element id. */
  dragPositions: ReadonlyMap<string, Position>;
  draggingIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  peerSelections: ReadonlyMap<string, readonly string[]>;
  /** Resolved decorations by element id (see CanvasDecorations). */
  decorations: ReadonlyMap<string, ElementDecoration>;
  ghosts: Ghosts;
}

export const EMPTY_VIEW: ViewState = {
  readOnly: false,
  selected: new Set(),
  dragPositions: new Map(),
  draggingIds: new Set(),
  measured: new Map(),
  peerSelections: new Map(),
  decorations: new Map(),
  ghosts: { nodes: [], edges: [] },
};

/** The selected elements by collection. */
export interface Selection {
  actors: string[];
  links: string[];
  notes: string[];
}

/** Sorts selected ids into actors, links and notes of `state`. */
export function splitSelection(state: ChainMapState, selected: ReadonlySet<string>): Selection {
  const sel: Selection = { actors: [], links: [], notes: [] };
  const actors = new Set(state.actors.map((a) => a.id));
  const links = new Set(state.links.map((l) => l.id));
  for (const id of selected) {
    if (actors.has(id)) sel.actors.push(id);
    else if (links.has(id)) sel.links.push(id);
    else sel.notes.push(id);
  }
  return sel;
}

// Equality of view inputs, so that a republish that changes nothing costs no rebuild.
/** The selected ids that are still elements of the map (a peer may have deleted the others). */
export function aliveSelection(state: ChainMapState, selected: ReadonlySet<string>): string[] {
  const alive = new Set<string>();
  for (const element of [...state.actors, ...state.links, ...state.notes]) alive.add(element.id);
  return [...selected].filter((id) => alive.has(id));
}

/**
 * The selection React Flow's select changes apply to: only what the canvas draws. An anchored
 * note (selected from the inspector or the action plan) has no node, so React Flow never
 * deselects it; a click on the canvas replaces it instead of adding to it.
 */
export function canvasSelection(state: ChainMapState, selected: ReadonlySet<string>): Set<string> {
  const anchored = new Set(state.notes.filter((n) => n.anchor !== null).map((n) => n.id));
  return new Set([...selected].filter((id) => !anchored.has(id)));
}

/** Which node ids are actors and which are free or anchored notes. */
export function nodeKinds(state: ChainMapState): Map<string, 'actor' | 'note'> {
  const kinds = new Map<string, 'actor' | 'note'>();
  for (const a of state.actors) kinds.set(a.id, 'actor');
  for (const n of state.notes) kinds.set(n.id, 'note');
  return kinds;
}

export function sameMap<V>(
  a: ReadonlyMap<string, V>,
  b: ReadonlyMap<string, V>,
  same: (x: V, y: V) => boolean,
) {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !same(value, other)) return false;
  }
  return true;
}

export const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
export const samePosition = (a: Position, b: Position) => a.x === b.x && a.y === b.y;
/** Equal model values (an element, a lane): the same object, or the same JSON. */
export const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
