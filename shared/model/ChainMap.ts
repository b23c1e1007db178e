import * as Y from 'yjs';
import { AuthorActivity } from './AuthorActivity';
import { type ChangeListener, observeChanges } from './changeFeed';
import * as elements from './elementWrites';
import { type DocLayout, elementOf, layoutOf } from './layout';
import { type LiveText, liveText, type TextFieldRef } from './liveText';
import { initialiseMeta, writeMeta, writeTimer } from './metaWrites';
import { MIGRATIONS, type Migration, migrationsFrom, runMigrations } from './migrations';
import { COMMAND_ORIGIN, LOCAL_ORIGIN, WORKSHOP_ORIGIN } from './origins';
import { evictChangedElements } from './parseCache';
import * as phases from './phaseWrites';
import * as reads from './readElements';
import { checkedActorFields } from './records/actor';
import { newDismissal, readDismissals } from './records/dismissal';
import { parseMeta, schemaVersionOf } from './records/meta';
import { parseTimer, TIMER_KEY, type WorkshopTimer } from './records/timer';
import { readVersions, versionSnapshotOf } from './records/version';
import { CURRENT_SCHEMA_VERSION, NewerSchemaError } from './schemaVersion';
import type {
  ActivityEntry,
  Actor,
  ActorInput,
  ActorPatch,
  ChainMapState,
  Dismissal,
  ElementCollection,
  Link,
  LinkInput,
  LinkPatch,
  MapMeta,
  Note,
  NoteInput,
  NotePatch,
  Phase,
  Position,
  Priority,
  ValidationProblem,
  VersionInfo,
} from './types';
import { createUndoManager, type MapUndoManager } from './undo';
import * as versions from './versionWrites';

export { COMMAND_ORIGIN, LOCAL_ORIGIN, MIGRATION_ORIGIN } from './origins';

/**
 * The chain map's typed API over a Y.Doc. Everything else reads and writes the map through this
 * class. It holds no state of its own beyond its author (`AuthorActivity`): the doc is the truth,
 * its roots come from `layout.ts`, each record's fields, defaults and parser from `records/`, and
 * the work is done by the modules imported above.
 *
 * Every write runs in one transaction (one update on the wire); calls made inside `transact` join
 * its transaction. A field edit carries LOCAL_ORIGIN (quick edits merge into one undo step, as typing
 * does); every other write is a command with COMMAND_ORIGIN (its own undo step, `undo.ts`). A doc
 * from a newer app refuses every write.
 */

export interface ChainMapCreateOptions {
  readonly title: string;
  readonly municipality?: string;
}

export interface ChainMapTemplateOptions {
  /** Fills the new map inside the creation transaction, e.g. with a template from shared/templates. */
  readonly fill?: (map: ChainMap) => void;
}

export class ChainMap {
  readonly doc: Y.Doc;
  private readonly layout: DocLayout;
  /** Name stamped on activity entries and versions made through this instance; none records nothing. */
  private readonly authorActivity: AuthorActivity;
  private readonly writer: elements.ElementWriter;

  /** The model of `doc`; without one, of a new empty doc (an uninitialised map, as a joined one before its first sync). */
  constructor(doc: Y.Doc = new Y.Doc()) {
    this.doc = doc;
    evictChangedElements(doc);
    this.layout = layoutOf(doc);
    this.authorActivity = new AuthorActivity(this.layout);
    this.writer = {
      layout: this.layout,
      noteActivity: (op, c, id) => this.authorActivity.noteChange(op, c, id),
    };
  }

  /** Initialises a new map: schema version and metadata (and `fill`'s content), in one transaction. */
  static create(doc: Y.Doc, meta: ChainMapCreateOptions, options: ChainMapTemplateOptions = {}): ChainMap {
    const map = new ChainMap(doc);
    doc.transact(() => {
      initialiseMeta(map.layout, meta);
      options.fill?.(map);
    }, LOCAL_ORIGIN);
    return map;
  }

  // ── schema ────────────────────────────────────────────────────────────────

  schemaVersion(): number {
    return schemaVersionOf(this.layout.meta);
  }

  /** True once some peer has created the map; a joined map is uninitialised until its first sync. */
  isInitialised(): boolean {
    return this.schemaVersion() > 0;
  }

  /** A doc from a newer app: this code must not write to it, or it could corrupt fields it does not know. */
  get readOnly(): boolean {
    return this.schemaVersion() > CURRENT_SCHEMA_VERSION;
  }

  /**
   * Brings an older doc up to CURRENT_SCHEMA_VERSION in one transaction with MIGRATION_ORIGIN, which
   * no undo manager tracks. Migrations must be idempotent: two peers may run the same one
   * concurrently, and both results merge.
   */
  migrate(migrations: readonly Migration[] = MIGRATIONS): number[] {
    this.assertWritable();
    return runMigrations(this.doc, this.layout, migrationsFrom(migrations, this.schemaVersion()));
  }

  private assertWritable(): void {
    if (this.readOnly) throw new NewerSchemaError(this.schemaVersion());
  }

  /** Groups several calls into one command: one undo step of its own, one update on the wire. */
  transact(fn: () => void): void {
    this.assertWritable();
    this.doc.transact(fn, COMMAND_ORIGIN);
  }

  /** A field edit: merges into the undo step of the edits just before it (typing). */
  private edit(fn: () => void): void {
    this.assertWritable();
    this.doc.transact(fn, LOCAL_ORIGIN);
  }

  private write<T>(fn: () => T): T {
    let result: T | undefined;
    this.transact(() => {
      result = fn();
    });
    return result as T;
  }

  // ── reads ─────────────────────────────────────────────────────────────────

  getMeta(): MapMeta {
    return parseMeta(this.layout.meta);
  }

  /** The workshop timer, if one is set (moments on the server's clock: `records/timer.ts`). */
  getTimer(): WorkshopTimer | null {
    return parseTimer(this.layout.meta.get(TIMER_KEY));
  }

  /** Sets or clears the workshop timer, outside the undo history; a `meta` change for every peer. */
  setTimer(timer: WorkshopTimer | null): void {
    this.assertWritable();
    this.doc.transact(() => writeTimer(this.layout, timer), WORKSHOP_ORIGIN);
  }

  phases(problems?: ValidationProblem[]): Phase[] {
    return reads.readPhases(this.layout, problems);
  }

  actors(problems?: ValidationProblem[]): Actor[] {
    return reads.readActors(this.layout, problems);
  }

  /** Links whose endpoints both exist; a concurrent delete-and-connect leaves the others hidden. */
  links(problems?: ValidationProblem[]): Link[] {
    return reads.readLinks(this.layout, reads.validActorIds(this.layout), problems);
  }

  notes(problems?: ValidationProblem[]): Note[] {
    const actorIds = reads.validActorIds(this.layout);
    const linkIds = new Set(reads.readLinks(this.layout, actorIds).map((l) => l.id));
    return reads.readNotes(this.layout, actorIds, linkIds, problems);
  }

  getActor(id: string): Actor | undefined {
    return reads.getActor(this.layout, id);
  }

  getLink(id: string): Link | undefined {
    return reads.getLink(this.layout, id);
  }

  getNote(id: string): Note | undefined {
    return reads.getNote(this.layout, id);
  }

  /** Every stored element id, valid or not, including links hidden because an endpoint is gone. */
  storedIds(): Record<ElementCollection, string[]> {
    return reads.storedIds(this.layout);
  }

  /** A consistent, validated read of everything; each collection is scanned exactly once. */
  read(): ChainMapState {
    return reads.readState(this.layout, this.getMeta());
  }

  // ── element writes ────────────────────────────────────────────────────────

  setMeta(patch: Partial<Pick<MapMeta, 'title' | 'municipality'>>): void {
    this.edit(() => writeMeta(this.layout, patch));
  }

  /** Throws InvalidKboError for a KBO number that fails its check (nothing is written). */
  addActor(input: ActorInput): string {
    const checked = checkedActorFields(input);
    return this.write(() => elements.addActor(this.writer, checked));
  }

  /** Throws InvalidKboError for a KBO number that fails its check (nothing is written). */
  updateActor(id: string, patch: ActorPatch): void {
    const checked = checkedActorFields(patch);
    this.edit(() => elements.updateElement(this.writer, 'actors', id, checked));
  }

  /** One transaction for a whole drag: writes only `position` (and `phaseId` when the lane changed). */
  moveActors(moves: readonly { id: string; position: Position; phaseId?: string | null }[]): void {
    this.transact(() => elements.moveActors(this.writer, moves));
  }

  addLink(input: LinkInput): string {
    elements.assertLinkable(this.layout, input);
    return this.write(() => elements.addLink(this.writer, input));
  }

  updateLink(id: string, patch: LinkPatch): void {
    this.edit(() => elements.updateElement(this.writer, 'links', id, patch));
  }

  /** Swaps a directed link's ends, keeping its id (and so the notes anchored to it). */
  reverseLink(id: string): void {
    this.transact(() => elements.reverseLink(this.writer, id));
  }

  addNote(input: NoteInput): string {
    return this.write(() => elements.addNote(this.writer, input));
  }

  updateNote(id: string, patch: NotePatch): void {
    this.edit(() => elements.updateElement(this.writer, 'notes', id, patch));
  }

  /**
   * Sets the priority of several notes in one transaction (one undo step, one update): a vote's
   * ranking applied to the notes. Notes that are gone or already have that priority are skipped.
   */
  setNotePriorities(priorities: ReadonlyMap<string, Priority>): void {
    const changes = elements.priorityChanges(this.layout, priorities);
    if (changes.length > 0) this.transact(() => elements.setNotePriorities(this.writer, changes));
  }

  moveNotes(moves: readonly { id: string; position: Position }[]): void {
    this.transact(() => elements.moveNotes(this.writer, moves));
  }

  /**
   * Deletes elements in one transaction. Deleting an actor also deletes its links; notes anchored
   * to a deleted actor or link are detached (kept, free-standing), never lost.
   */
  deleteElements(ids: {
    actors?: readonly string[];
    links?: readonly string[];
    notes?: readonly string[];
  }): void {
    this.transact(() => elements.deleteElements(this.writer, ids));
  }

  /**
   * A text field (an actor's or link's label or description, a target group's needs, a note's
   * text) bound for live typing: keystrokes merge with a peer's typing in the same field.
   */
  liveText(ref: TextFieldRef): LiveText {
    return liveText({ ...this.writer, transact: (fn) => this.edit(fn) }, ref);
  }

  // ── phases ────────────────────────────────────────────────────────────────

  /** Adds a lane after `afterId` (null or omitted: at the end). */
  addPhase(label: string, opts: { afterId?: string | null; id?: string } = {}): string {
    return this.write(() => phases.addPhase(this.writer, label, opts));
  }

  renamePhase(id: string, label: string): void {
    this.edit(() => phases.renamePhase(this.writer, id, label));
  }

  /** Moves a lane before `beforeId`; null moves it to the end. */
  movePhase(id: string, beforeId: string | null): void {
    if (id === beforeId) return;
    this.transact(() => phases.movePhase(this.writer, id, beforeId));
  }

  /** Removing a lane never deletes actors: they and the lane's notes become phase-less. */
  deletePhase(id: string): void {
    this.transact(() => phases.deletePhase(this.writer, id));
  }

  // ── whole-element writes (restore, paste, import) ────────────────────────

  /** Makes the stored element equal to `value`, writing only the fields that differ. */
  putActor(value: Actor): void {
    const checked = checkedActorFields(value);
    this.transact(() => elements.putElement(this.writer, 'actors', checked));
  }

  putLink(value: Link): void {
    this.transact(() => elements.putElement(this.writer, 'links', value));
  }

  putNote(value: Note): void {
    this.transact(() => elements.putElement(this.writer, 'notes', value));
  }

  putPhase(value: Phase): void {
    this.transact(() => elements.putElement(this.writer, 'phases', value));
  }

  // ── analysis dismissals ───────────────────────────────────────────────────

  dismissals(): Dismissal[] {
    return readDismissals(this.layout.dismissals);
  }

  /** Sets a finding aside for everyone, with the reason why. */
  dismissFinding(key: string, reason: string, by: string = this.authorActivity.getAuthor() ?? ''): void {
    this.transact(() => this.layout.dismissals.set(key, newDismissal(reason, by, Date.now())));
  }

  restoreFinding(key: string): void {
    this.transact(() => this.layout.dismissals.delete(key));
  }

  // ── versions ──────────────────────────────────────────────────────────────

  /** Versions, oldest first, without their snapshots (which can be large). */
  versions(): VersionInfo[] {
    return readVersions(this.layout.versions);
  }

  versionSnapshot(id: string): Uint8Array | undefined {
    return versionSnapshotOf(elementOf(this.layout.versions, id));
  }

  /** Stores a version; the snapshot's encoding belongs to the versions module, not to the layout. */
  addVersion(
    input: Omit<VersionInfo, 'id' | 'author'> & { id?: string; author?: string; snapshot: Uint8Array },
  ): string {
    const author = input.author ?? this.authorActivity.getAuthor() ?? '';
    return this.write(() => versions.addVersion(this.layout, { ...input, author }));
  }

  renameVersion(id: string, name: string): void {
    this.edit(() => versions.renameVersion(this.layout, id, name));
  }

  // ── activity ──────────────────────────────────────────────────────────────

  /** Who writes through this instance; their name goes on activity entries and versions. */
  setAuthor(name: string | null): void {
    this.authorActivity.setAuthor(name);
  }

  getAuthor(): string | null {
    return this.authorActivity.getAuthor();
  }

  /** Most recent first, across all authors. */
  activity(limit = 200): ActivityEntry[] {
    return this.authorActivity.entries(limit);
  }

  /** Records a bulk action (restore, layout, import) as one activity entry. */
  recordActivity(
    op: ActivityEntry['op'],
    collection: ActivityEntry['collection'],
    id: string,
    label: string,
  ): void {
    this.transact(() => this.authorActivity.record(op, collection, id, label));
  }

  // ── change feed and undo ──────────────────────────────────────────────────

  /** Calls `listener` once per transaction that touched the map, with what it changed and who made it. */
  onChange(listener: ChangeListener): () => void {
    return observeChanges(this.layout, listener);
  }

  /** Undo covers only this client's own writes, never a peer's, never a migration. */
  createUndoManager(): MapUndoManager {
    return createUndoManager(this.layout);
  }
}
