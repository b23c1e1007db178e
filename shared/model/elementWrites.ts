import { randomId } from '../randomId';
import { storedElement, writeFields } from './elementFields';
import { type DocLayout, elementOf, elementsOf } from './layout';
import { getNote } from './readElements';
import { newActorFields } from './records/actor';
import { newLinkFields } from './records/link';
import { newNoteFields } from './records/note';
import type {
  ActivityEntry,
  ActorInput,
  ElementCollection,
  LinkInput,
  NoteInput,
  Position,
  Priority,
} from './types';

/**
 * Element writes. Each function runs inside the caller's transaction (ChainMap opens it, with the
 * local origin, so one user action is one undo step and one update on the wire) and reports what
 * it did to the activity feed through `noteActivity`.
 */
export interface ElementWriter {
  readonly layout: DocLayout;
  noteActivity(op: ActivityEntry['op'], collection: ElementCollection, id: string): void;
}

/** How far above its actor a detached note is placed, so it stays near where it was. */
const DETACHED_NOTE_OFFSET = 120;

export function addActor(w: ElementWriter, input: ActorInput): string {
  const { id = randomId(), ...fields } = input;
  w.layout.actors.set(id, storedElement('actors', newActorFields(fields)));
  w.noteActivity('add', 'actors', id);
  return id;
}

/** Checks before any transaction opens, so a refused link writes nothing. */
export function assertLinkable(layout: DocLayout, input: LinkInput): void {
  if (input.source === input.target) throw new Error('A link needs two different actors.');
  if (!layout.actors.has(input.source) || !layout.actors.has(input.target)) {
    throw new Error('A link can only connect actors that exist.');
  }
}

export function addLink(w: ElementWriter, input: LinkInput): string {
  const { id = randomId(), ...fields } = input;
  w.layout.links.set(id, storedElement('links', newLinkFields(fields)));
  w.noteActivity('add', 'links', id);
  return id;
}

export function addNote(w: ElementWriter, input: NoteInput): string {
  const { id = randomId(), ...fields } = input;
  w.layout.notes.set(id, storedElement('notes', newNoteFields(fields)));
  w.noteActivity('add', 'notes', id);
  return id;
}

/** Writes the fields of `patch` that differ; an unchanged patch writes and records nothing. */
export function updateElement(
  w: ElementWriter,
  collection: ElementCollection,
  id: string,
  patch: Readonly<Record<string, unknown>>,
): void {
  if (writeFields(collection, elementOf(w.layout[collection], id), patch))
    w.noteActivity('update', collection, id);
}

/** A whole drag: writes only `position` (and `phaseId` when the lane changed). Moves are not in the feed. */
export function moveActors(
  w: ElementWriter,
  moves: readonly { id: string; position: Position; phaseId?: string | null }[],
): void {
  for (const m of moves) {
    const element = elementOf(w.layout.actors, m.id);
    if (!element) continue;
    element.set('position', { x: m.position.x, y: m.position.y });
    if (m.phaseId !== undefined && element.get('phaseId') !== m.phaseId) element.set('phaseId', m.phaseId);
  }
}

/**
 * The entries of `priorities` that would change a note. Gone notes and equal priorities are left
 * out, so re-applying an unchanged ranking opens no transaction and adds no undo step.
 */
export function priorityChanges(
  layout: DocLayout,
  priorities: ReadonlyMap<string, Priority>,
): (readonly [string, Priority])[] {
  return [...priorities].filter(([id, priority]) => {
    const note = getNote(layout, id);
    return note !== undefined && note.priority !== priority;
  });
}

/** A vote's ranking applied to the notes: each a field write, so a peer's edit of the text merges. */
export function setNotePriorities(w: ElementWriter, changes: readonly (readonly [string, Priority])[]): void {
  for (const [id, priority] of changes) updateElement(w, 'notes', id, { priority });
}

export function moveNotes(w: ElementWriter, moves: readonly { id: string; position: Position }[]): void {
  for (const m of moves)
    elementOf(w.layout.notes, m.id)?.set('position', { x: m.position.x, y: m.position.y });
}

/** Swaps a directed link's ends, keeping its id (and so the notes anchored to it). */
export function reverseLink(w: ElementWriter, id: string): void {
  const element = elementOf(w.layout.links, id);
  const source = element?.get('source');
  const target = element?.get('target');
  if (!element || typeof source !== 'string' || typeof target !== 'string') return;
  element.set('source', target);
  element.set('target', source);
  w.noteActivity('update', 'links', id);
}

/**
 * Deletes elements. Deleting an actor also deletes its links; notes anchored to a deleted actor or
 * link are detached (kept, free-standing, near their actor), never lost.
 */
export function deleteElements(
  w: ElementWriter,
  ids: { actors?: readonly string[]; links?: readonly string[]; notes?: readonly string[] },
): void {
  const { actors, links, notes } = w.layout;
  const actorIds = new Set(ids.actors ?? []);
  const linkIds = new Set(ids.links ?? []);
  if (actorIds.size > 0) {
    for (const [linkId, link] of elementsOf(links)) {
      if (actorIds.has(link.get('source') as string) || actorIds.has(link.get('target') as string)) {
        linkIds.add(linkId);
      }
    }
  }
  for (const [, note] of elementsOf(notes)) {
    const anchor = note.get('anchor') as { type?: string; id?: string } | null | undefined;
    if (!anchor || typeof anchor.id !== 'string') continue;
    const gone = anchor.type === 'actor' ? actorIds.has(anchor.id) : linkIds.has(anchor.id);
    if (!gone) continue;
    const host = anchor.type === 'actor' ? elementOf(actors, anchor.id) : undefined;
    const hostPosition = host?.get('position') as Position | undefined;
    note.set('anchor', null);
    if (hostPosition) note.set('position', { x: hostPosition.x, y: hostPosition.y - DETACHED_NOTE_OFFSET });
  }
  for (const id of ids.notes ?? []) w.noteActivity('delete', 'notes', id);
  for (const id of ids.links ?? []) w.noteActivity('delete', 'links', id);
  for (const id of actorIds) w.noteActivity('delete', 'actors', id);
  for (const id of linkIds) links.delete(id);
  for (const id of actorIds) actors.delete(id);
  for (const id of ids.notes ?? []) notes.delete(id);
}

/**
 * Makes the stored element equal to `value`, creating it when absent. Only fields that differ are
 * written, so restoring an unchanged element costs nothing and merges with concurrent edits of
 * other fields.
 */
export function putElement(w: ElementWriter, collection: ElementCollection, value: { id: string }): void {
  const { id, ...fields } = value as { id: string } & Record<string, unknown>;
  const existing = elementOf(w.layout[collection], id);
  if (existing) {
    if (writeFields(collection, existing, fields)) w.noteActivity('update', collection, id);
  } else {
    w.layout[collection].set(id, storedElement(collection, fields));
    w.noteActivity('add', collection, id);
  }
}
