import type { Actor, Link, Note, Phase } from '../../model/types';
import type { VersionContent } from '../../versions/versionContent';

/**
 * Elements of a validated `ketenkaart/1` file → the model's values, with the defaults the model's
 * own validation uses for fields a file leaves out (a hand-written file may omit them; an export
 * writes them all).
 */

export interface JsonActor extends Partial<Omit<Actor, 'id' | 'kind' | 'label' | 'position'>> {
  readonly id: string;
  readonly kind: Actor['kind'];
  readonly label: string;
  readonly position: Actor['position'];
}
export type JsonLink = Partial<Link> & Pick<Link, 'id' | 'kind' | 'source' | 'target'>;
export type JsonNote = Partial<Note> & Pick<Note, 'id' | 'kind'>;
export type JsonPhase = Phase;

export interface JsonContent {
  readonly meta: { readonly title: string; readonly municipality?: string; readonly schemaVersion?: number };
  readonly phases: readonly JsonPhase[];
  readonly actors: readonly JsonActor[];
  readonly links: readonly JsonLink[];
  readonly notes: readonly JsonNote[];
}

export interface JsonVersion {
  readonly id: string;
  readonly name: string;
  readonly author?: string;
  readonly createdAt: number;
  readonly auto?: boolean;
  readonly content: JsonContent;
}

export interface KetenKaartDocument extends JsonContent {
  readonly format: 'ketenkaart/1';
  readonly exportedAt?: string;
  readonly versions?: readonly JsonVersion[];
}

export function actorFromJson(a: JsonActor): Actor {
  return {
    id: a.id,
    kind: a.kind,
    label: a.label,
    description: a.description ?? '',
    phaseId: a.phaseId ?? null,
    regie: a.regie ?? null,
    tags: [...(a.tags ?? [])],
    contact: a.contact ?? '',
    position: { x: a.position.x, y: a.position.y },
    entryPoint: a.entryPoint ?? false,
    municipality: a.municipality ?? '',
    needs: a.needs ?? '',
    languages: [...(a.languages ?? [])],
    kbo: a.kbo ?? '',
  };
}

export function linkFromJson(l: JsonLink): Link {
  return {
    id: l.id,
    kind: l.kind,
    source: l.source,
    target: l.target,
    label: l.label ?? '',
    description: l.description ?? '',
    warmth: l.kind === 'handover' ? (l.warmth ?? 'cold') : null,
    dataShared: l.dataShared ?? false,
    owner: l.owner ?? '',
    regie: l.regie ?? null,
    tags: [...(l.tags ?? [])],
  };
}

export function noteFromJson(n: JsonNote): Note {
  return {
    id: n.id,
    kind: n.kind,
    text: n.text ?? '',
    status: n.status ?? 'open',
    owner: n.owner ?? '',
    due: n.due ?? '',
    regie: n.regie ?? null,
    priority: n.priority ?? null,
    phaseId: n.phaseId ?? null,
    anchor: n.anchor ? { type: n.anchor.type, id: n.anchor.id } : null,
    position: n.position ? { x: n.position.x, y: n.position.y } : { x: 0, y: 0 },
    sourceNoteId: n.sourceNoteId ?? null,
  };
}

export function contentFromJson(c: JsonContent): VersionContent {
  return {
    meta: {
      title: c.meta.title,
      municipality: c.meta.municipality ?? '',
      schemaVersion: c.meta.schemaVersion ?? 0,
    },
    phases: c.phases.map((p) => ({ id: p.id, label: p.label, order: p.order })),
    actors: c.actors.map(actorFromJson),
    links: c.links.map(linkFromJson),
    notes: c.notes.map(noteFromJson),
  };
}
