import type { ChainMap } from '../../../shared/model/ChainMap';
import { phaseIdAt } from '../../../shared/model/laneGeometry';
import type { Actor, ChainMapState, Link, Note, Phase } from '../../../shared/model/types';

/** What Ctrl+C holds: copies of elements, independent of the doc they came from. */
export interface ClipboardContent {
  readonly format: 'ketenkaart/elements@1';
  readonly actors: readonly Actor[];
  readonly links: readonly Link[];
  readonly notes: readonly Note[];
  /** How many times this content was pasted: each paste lands a step further. */
  readonly offset: number;
}

const STEP = 40;

/** Copies the selected actors and notes, plus links whose both ends are copied. */
export function copySelection(
  state: ChainMapState,
  selection: { actors: readonly string[]; notes: readonly string[] },
): ClipboardContent | null {
  const actorIds = new Set(selection.actors);
  const noteIds = new Set(selection.notes);
  const actors = state.actors.filter((a) => actorIds.has(a.id));
  const notes = state.notes.filter(
    (n) => noteIds.has(n.id) || (n.anchor?.type === 'actor' && actorIds.has(n.anchor.id)),
  );
  if (actors.length === 0 && notes.length === 0) return null;
  const links = state.links.filter((l) => actorIds.has(l.source) && actorIds.has(l.target));
  return { format: 'ketenkaart/elements@1', actors, links, notes, offset: 1 };
}

/** Adds copies with fresh ids in one transaction; returns the ids of the new actors and free notes. */
export function pasteInto(model: ChainMap, content: ClipboardContent, phases: readonly Phase[]): string[] {
  const shift = STEP * content.offset;
  const newIds = new Map<string, string>();
  const selected: string[] = [];
  model.transact(() => {
    for (const { id, ...actor } of content.actors) {
      const position = { x: actor.position.x + shift, y: actor.position.y + shift };
      const newId = model.addActor({ ...actor, position, phaseId: phaseIdAt(position, phases) });
      newIds.set(id, newId);
      selected.push(newId);
    }
    for (const { id, ...link } of content.links) {
      const source = newIds.get(link.source);
      const target = newIds.get(link.target);
      if (source && target) newIds.set(id, model.addLink({ ...link, source, target }));
    }
    for (const { id, ...note } of content.notes) {
      const anchorId = note.anchor ? newIds.get(note.anchor.id) : undefined;
      const anchor = note.anchor && anchorId ? { type: note.anchor.type, id: anchorId } : null;
      const position = { x: note.position.x + shift, y: note.position.y + shift };
      const newId = model.addNote({ ...note, anchor, position, sourceNoteId: null });
      if (!anchor) selected.push(newId);
    }
  });
  return selected;
}
