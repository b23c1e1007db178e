import { compareIds } from './compareIds';
import { compareOrdered } from './fractionalOrder';
import type { DocLayout, RecordRoot } from './layout';
import { parseStored } from './parseCache';
import { parseActor } from './records/actor';
import type { Fields, Parsed } from './records/fieldValues';
import { parseLink } from './records/link';
import { parseNote } from './records/note';
import { parsePhase } from './records/phase';
import type {
  Actor,
  ChainMapState,
  ElementCollection,
  Link,
  MapMeta,
  Note,
  Phase,
  ValidationProblem,
} from './types';

/**
 * Validated reads of the elements. Every element passes its record's parser (through the parse
 * cache); invalid ones are skipped and reported as problems. Cross-element rules are applied here:
 * a link whose endpoint is not a valid actor is hidden, a note whose anchor is gone reads as
 * free-standing, and an actor or note whose phase was deleted reads as phase-less.
 * Lists are sorted by id (phases by (order, id)), so every peer reads the same model.
 */

function readAll<T extends { id: string }>(
  root: RecordRoot,
  collection: ElementCollection,
  parse: (id: string, fields: Fields) => Parsed<T>,
  problems?: ValidationProblem[],
): T[] {
  const out: T[] = [];
  for (const [id, element] of root.entries()) {
    const parsed = parseStored(collection, id, element, parse);
    if (parsed.ok) out.push(parsed.value);
    else problems?.push({ collection, id, reason: parsed.reason });
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}

function readOne<T>(
  root: RecordRoot,
  collection: ElementCollection,
  id: string,
  parse: (id: string, f: Fields) => Parsed<T>,
): T | undefined {
  const element = root.get(id);
  if (element === undefined) return undefined;
  const parsed = parseStored(collection, id, element, parse);
  return parsed.ok ? parsed.value : undefined;
}

export function readPhases(layout: DocLayout, problems?: ValidationProblem[]): Phase[] {
  return readAll(layout.phases, 'phases', parsePhase, problems).sort(compareOrdered);
}

export function readActors(layout: DocLayout, problems?: ValidationProblem[]): Actor[] {
  return readAll(layout.actors, 'actors', parseActor, problems).map((a) => withLivePhase(layout, a));
}

/** Links among `actorIds` (the valid actors); the others stay stored but hidden. */
export function readLinks(
  layout: DocLayout,
  actorIds: ReadonlySet<string>,
  problems?: ValidationProblem[],
): Link[] {
  return readAll(layout.links, 'links', parseLink, problems).filter(
    (l) => l.source !== l.target && actorIds.has(l.source) && actorIds.has(l.target),
  );
}

export function readNotes(
  layout: DocLayout,
  actorIds: ReadonlySet<string>,
  linkIds: ReadonlySet<string>,
  problems?: ValidationProblem[],
): Note[] {
  return readAll(layout.notes, 'notes', parseNote, problems).map((n) => {
    const alive =
      n.anchor === null || (n.anchor.type === 'actor' ? actorIds.has(n.anchor.id) : linkIds.has(n.anchor.id));
    return resolveNote(layout, n, alive);
  });
}

/** A consistent read of everything; each collection's root is scanned exactly once. */
export function readState(layout: DocLayout, meta: MapMeta): ChainMapState {
  const problems: ValidationProblem[] = [];
  const phases = readPhases(layout, problems);
  const actors = readActors(layout, problems);
  const actorIds = new Set(actors.map((a) => a.id));
  const links = readLinks(layout, actorIds, problems);
  const notes = readNotes(layout, actorIds, new Set(links.map((l) => l.id)), problems);
  return { meta, phases, actors, links, notes, problems };
}

export function validActorIds(layout: DocLayout): Set<string> {
  return new Set(readAll(layout.actors, 'actors', parseActor).map((a) => a.id));
}

export function isValidActor(layout: DocLayout, id: string): boolean {
  return readOne(layout.actors, 'actors', id, parseActor) !== undefined;
}

export function getActor(layout: DocLayout, id: string): Actor | undefined {
  const a = readOne(layout.actors, 'actors', id, parseActor);
  return a && withLivePhase(layout, a);
}

export function getLink(layout: DocLayout, id: string): Link | undefined {
  const l = readOne(layout.links, 'links', id, parseLink);
  return l && l.source !== l.target && isValidActor(layout, l.source) && isValidActor(layout, l.target)
    ? l
    : undefined;
}

export function getNote(layout: DocLayout, id: string): Note | undefined {
  const n = readOne(layout.notes, 'notes', id, parseNote);
  if (!n) return undefined;
  const alive =
    n.anchor === null ||
    (n.anchor.type === 'actor'
      ? isValidActor(layout, n.anchor.id)
      : getLink(layout, n.anchor.id) !== undefined);
  return resolveNote(layout, n, alive);
}

function withLivePhase(layout: DocLayout, a: Actor): Actor {
  return a.phaseId !== null && !layout.phases.has(a.phaseId) ? { ...a, phaseId: null } : a;
}

/** A note whose anchor or phase vanished (concurrent delete) reads as free-standing / phase-less. */
function resolveNote(layout: DocLayout, n: Note, anchorAlive: boolean): Note {
  let out = n;
  if (!anchorAlive) out = { ...out, anchor: null };
  if (n.phaseId !== null && !layout.phases.has(n.phaseId)) out = { ...out, phaseId: null };
  return out;
}

/** Every stored element id, valid or not, including links hidden because an endpoint is gone. */
export function storedIds(layout: DocLayout): Record<ElementCollection, string[]> {
  return {
    actors: [...layout.actors.keys()].sort(compareIds),
    links: [...layout.links.keys()].sort(compareIds),
    notes: [...layout.notes.keys()].sort(compareIds),
    phases: [...layout.phases.keys()].sort(compareIds),
  };
}
