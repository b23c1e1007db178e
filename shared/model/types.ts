/**
 * The chain map's element types: plain, immutable values that the model API returns and accepts.
 * Names are English in code; the UI shows the Dutch labels (see client i18n).
 */

export const ACTOR_KINDS = [
  'service',
  'partner',
  'collaboration',
  'handover',
  'targetGroup',
  'role',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const LINK_KINDS = ['handover', 'partnership', 'membership', 'information'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const NOTE_KINDS = ['quickWin', 'gap', 'action'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_STATUSES = ['open', 'inProgress', 'done'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Lokale regie: how an actor or action is steered. */
export const REGIE_LEVELS = ['zelf', 'partnerschap', 'bovenlokaal', 'intergemeentelijk'] as const;
export type RegieLevel = (typeof REGIE_LEVELS)[number];

export const WARMTHS = ['warm', 'cold'] as const;
export type Warmth = (typeof WARMTHS)[number];

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** Fields every actor has. */
export interface ActorBase {
  readonly id: string;
  readonly kind: ActorKind;
  readonly label: string;
  readonly description: string;
  /** The phase lane the actor stands in; null when it stands outside every lane. */
  readonly phaseId: string | null;
  readonly regie: RegieLevel | null;
  readonly tags: readonly string[];
  readonly contact: string;
  readonly position: Position;
  /** Marks a chain entry point, e.g. the burgerzaken registration desk. */
  readonly entryPoint: boolean;
  /** Municipality this actor belongs to (used for collaborations spanning municipalities). */
  readonly municipality: string;
  /** Target group: needs (noden en behoeften). Empty for other kinds. */
  readonly needs: string;
  /** Role: languages spoken. Empty for other kinds. */
  readonly languages: readonly string[];
  /**
   * Partner and collaboration: the KBO number (ondernemingsnummer), ten digits with a valid mod-97
   * check, or '' for none. The key for matching organisations across files and maps. Other kinds
   * keep a number they had (a kind change loses nothing) but the inspector does not offer it.
   */
  readonly kbo: string;
}
export type Actor = ActorBase;

export interface Link {
  readonly id: string;
  readonly kind: LinkKind;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  readonly description: string;
  /** Handover only: warm (personal introduction) or cold (an address). */
  readonly warmth: Warmth | null;
  /** Handover only: whether personal data is shared along the handover. */
  readonly dataShared: boolean;
  /** Handover only: who owns the handover (free text or an actor id). */
  readonly owner: string;
  readonly regie: RegieLevel | null;
  readonly tags: readonly string[];
}

export type NoteAnchor = { readonly type: 'actor' | 'link'; readonly id: string } | null;

export interface Note {
  readonly id: string;
  readonly kind: NoteKind;
  readonly text: string;
  readonly status: NoteStatus;
  /** An actor id on the map, or a person's name. */
  readonly owner: string;
  /** ISO date (YYYY-MM-DD) or '' when not set. */
  readonly due: string;
  readonly regie: RegieLevel | null;
  readonly priority: Priority | null;
  readonly phaseId: string | null;
  readonly anchor: NoteAnchor;
  /** Canvas position of a free-standing note card. */
  readonly position: Position;
  /** For an action made from a gap ("aanpakken"): the gap's id. */
  readonly sourceNoteId: string | null;
}

export interface Phase {
  readonly id: string;
  readonly label: string;
  /** Fractional index; phases sort by (order, id) so concurrent reorders converge. */
  readonly order: string;
}

export interface MapMeta {
  readonly title: string;
  readonly municipality: string;
  readonly schemaVersion: number;
}

/** A piece of the doc that failed validation: skipped by readers, reported here. */
export interface ValidationProblem {
  readonly collection: 'actors' | 'links' | 'notes' | 'phases' | 'meta';
  readonly id: string;
  readonly reason: string;
}

/** A consistent read of the whole map. Links to missing actors are left out. */
export interface ChainMapState {
  readonly meta: MapMeta;
  readonly actors: readonly Actor[];
  readonly links: readonly Link[];
  readonly notes: readonly Note[];
  readonly phases: readonly Phase[];
  readonly problems: readonly ValidationProblem[];
}

export type ActorInput = Partial<Omit<Actor, 'id' | 'kind'>> & {
  readonly kind: ActorKind;
  readonly id?: string;
};
export type ActorPatch = Partial<Omit<Actor, 'id'>>;
export type LinkInput = Partial<Omit<Link, 'id' | 'kind' | 'source' | 'target'>> & {
  readonly kind: LinkKind;
  readonly source: string;
  readonly target: string;
  readonly id?: string;
};
export type LinkPatch = Partial<Omit<Link, 'id' | 'source' | 'target'>>;
export type NoteInput = Partial<Omit<Note, 'id' | 'kind'>> & {
  readonly kind: NoteKind;
  readonly id?: string;
};
export type NotePatch = Partial<Omit<Note, 'id'>>;

/** The four kinds of element a map holds, each in its own record root. */
export type ElementCollection = 'actors' | 'links' | 'notes' | 'phases';

/**
 * One thing a transaction changed, as xyflow's `NodeChange` is one thing a gesture changed; the
 * change feed (`ChainMap.onChange`) reports each transaction as a list of these. An element is
 * `add`ed when it appeared in its collection (created, pasted, restored, or arrived from a peer),
 * `remove`d when it is gone, `update`d when fields of an element that stays changed.
 */
export type ChainMapChange =
  | { readonly type: 'add'; readonly collection: ElementCollection; readonly id: string }
  | { readonly type: 'update'; readonly collection: ElementCollection; readonly id: string }
  | { readonly type: 'remove'; readonly collection: ElementCollection; readonly id: string }
  | { readonly type: 'meta' }
  | { readonly type: 'dismissals' }
  | { readonly type: 'versions' }
  | { readonly type: 'activity' };

/** A change to one element. */
export type ChainMapElementChange = Extract<ChainMapChange, { readonly collection: ElementCollection }>;

/**
 * Who made a transaction: this client's model calls (`local`), its undo manager (`undo`), a schema
 * migration run on open (`migration`), or anything applied from elsewhere (`remote`: a peer via the
 * server, another tab of this device, this device's stored copy).
 */
export type ChangeSource = 'local' | 'undo' | 'migration' | 'remote';

/** An analysis finding that a participant set aside, with the reason; keyed by the finding's key. */
export interface Dismissal {
  readonly key: string;
  readonly reason: string;
  readonly by: string;
  readonly at: number;
}

/** A named version of the map (its snapshot is read separately). */
export interface VersionInfo {
  readonly id: string;
  readonly name: string;
  readonly author: string;
  readonly createdAt: number;
  /** Kept automatically (once a day when the map changed), not named by a person. */
  readonly auto: boolean;
}

/** One line of the activity feed: who did what to which element, when. */
export interface ActivityEntry {
  readonly at: number;
  readonly by: string;
  readonly op: 'add' | 'update' | 'delete' | 'restore' | 'layout';
  readonly collection: 'actors' | 'links' | 'notes' | 'phases' | 'map';
  readonly id: string;
  /** The element's label (or note text) when the entry was made; deleted elements keep theirs here. */
  readonly label: string;
}
