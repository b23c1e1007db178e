import * as Y from 'yjs';
import { randomId } from '../randomId';
import { compareOrdered, evenlySpacedOrders, orderBetween } from './fractionalOrder';
import { docRoots } from './layout';
import { MIGRATIONS, type Migration, migrationsFrom } from './migrations';
import { CURRENT_SCHEMA_VERSION, NewerSchemaError } from './schemaVersion';
import { ketenaanpakStarter } from './starterTemplate';
import type {
  ActivityEntry,
  Actor,
  ActorInput,
  ActorPatch,
  ChainMapChange,
  ChainMapState,
  Dismissal,
  Link,
  LinkInput,
  LinkPatch,
  MapMeta,
  Note,
  NoteInput,
  NotePatch,
  Phase,
  Position,
  ValidationProblem,
  VersionInfo,
} from './types';
import { type Parsed, parseActor, parseLink, parseNote, parsePhase } from './validateElement';

/**
 * The chain map's typed API over a Y.Doc. Everything else reads and writes the map through this class;
 * the roots it uses are declared in `layout.ts`.
 *
 * Each element is its own Y.Map of fields, so concurrent edits to different fields merge, and a move
 * writes only the `position` key. Field values are JSON primitives, arrays or small plain objects.
 */

/** Origin of every write made through this API; the undo manager tracks exactly this origin. */
export const LOCAL_ORIGIN = Symbol('ketenkaart-local');

type Collection = 'actors' | 'links' | 'notes' | 'phases';
type ElementMap = Y.Map<unknown>;
type Root = Y.Map<ElementMap>;

export interface ChainMapCreateOptions {
  readonly title: string;
  readonly municipality?: string;
}

export interface ChainMapTemplateOptions {
  /** Fill the new map with the ketenaanpak starter: default lanes, typical actors, example links. */
  readonly starter?: boolean;
}

export class ChainMap {
  readonly doc: Y.Doc;
  private readonly meta: Y.Map<unknown>;
  private readonly roots: Readonly<Record<Collection, Root>>;
  private readonly dismissalRoot: Y.Map<unknown>;
  private readonly versionRoot: Y.Map<Y.Map<unknown>>;
  private readonly activityRoot: Y.Map<unknown>;
  /** This author's newest ring slot and entry, found by one scan on first use. */
  /** Per author: the newest ring slot and entry this instance knows of (scanned once, then kept). */
  private readonly activityCursor = new Map<string, { slot: number; entry: ActivityEntry } | null>();
  /** Name stamped on activity entries and versions made through this instance; null records nothing. */
  private author: string | null = null;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    evictChangedElements(doc);
    const roots = docRoots(doc);
    this.meta = roots.meta;
    this.roots = {
      actors: roots.actors as Root,
      links: roots.links as Root,
      notes: roots.notes as Root,
      phases: roots.phases as Root,
    };
    this.dismissalRoot = roots.dismissals;
    this.versionRoot = roots.versions as Y.Map<Y.Map<unknown>>;
    this.activityRoot = roots.activityLog;
  }

  /** Initialises a new map: schema version and metadata, in one transaction. */
  static create(doc: Y.Doc, meta: ChainMapCreateOptions, options: ChainMapTemplateOptions = {}): ChainMap {
    const map = new ChainMap(doc);
    doc.transact(() => {
      map.meta.set('schemaVersion', CURRENT_SCHEMA_VERSION);
      map.meta.set('title', meta.title);
      map.meta.set('municipality', meta.municipality ?? '');
      if (options.starter) map.applyStarter();
    }, LOCAL_ORIGIN);
    return map;
  }

  /** Adds the ketenaanpak starter's lanes, actors and links, in one transaction. */
  applyStarter(): void {
    const plan = ketenaanpakStarter();
    this.transact(() => {
      const existing = this.phases();
      let afterId: string | null = existing[existing.length - 1]?.id ?? null;
      const laneIds = plan.phases.map((label) => {
        afterId = this.addPhase(label, { afterId });
        return afterId;
      });
      const actorIds = new Map<string, string>();
      for (const { key, lane, ...input } of plan.actors) {
        actorIds.set(key, this.addActor({ ...input, phaseId: laneIds[lane] ?? null }));
      }
      for (const l of plan.links) {
        const source = actorIds.get(l.from);
        const target = actorIds.get(l.to);
        if (source && target) this.addLink({ ...l.input, source, target });
      }
    });
  }

  // ── schema ────────────────────────────────────────────────────────────────

  schemaVersion(): number {
    const v = this.meta.get('schemaVersion');
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
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
   * Brings an older doc up to CURRENT_SCHEMA_VERSION in one transaction. Migrations must be
   * idempotent: two peers may run the same one concurrently, and both results merge.
   */
  migrate(migrations: readonly Migration[] = MIGRATIONS): number[] {
    this.assertWritable();
    const from = this.schemaVersion();
    const pending = migrationsFrom(migrations, from);
    if (pending.length === 0) return [];
    this.doc.transact(() => {
      for (const m of pending) {
        m.up({ meta: this.meta, ...this.roots });
        this.meta.set('schemaVersion', m.version);
      }
    }, LOCAL_ORIGIN);
    return pending.map((m) => m.version);
  }

  private assertWritable(): void {
    if (this.readOnly) throw new NewerSchemaError(this.schemaVersion());
  }

  /** Groups several calls into one transaction: one undo step, one update on the wire. */
  transact(fn: () => void): void {
    this.assertWritable();
    this.doc.transact(fn, LOCAL_ORIGIN);
  }

  // ── reads ─────────────────────────────────────────────────────────────────

  getMeta(): MapMeta {
    const title = this.meta.get('title');
    const municipality = this.meta.get('municipality');
    return {
      title: typeof title === 'string' ? title : '',
      municipality: typeof municipality === 'string' ? municipality : '',
      schemaVersion: this.schemaVersion(),
    };
  }

  private readAll<T extends { id: string }>(
    collection: Collection,
    parse: (id: string, fields: Record<string, unknown>) => Parsed<T>,
    problems?: ValidationProblem[],
  ): T[] {
    const out: T[] = [];
    for (const [id, element] of this.roots[collection].entries()) {
      const parsed = parseStored(id, element, parse);
      if (parsed.ok) out.push(parsed.value);
      else problems?.push({ collection, id, reason: parsed.reason });
    }
    // Y.Map iteration follows local insertion order, which differs between peers; sort by id so
    // that every peer reads the same model.
    return out.sort((a, b) => compareIds(a.id, b.id));
  }

  private readOne<T>(
    collection: Collection,
    id: string,
    parse: (id: string, fields: Record<string, unknown>) => Parsed<T>,
  ): T | undefined {
    const element = this.roots[collection].get(id);
    if (element === undefined) return undefined;
    const parsed = parseStored(id, element, parse);
    return parsed.ok ? parsed.value : undefined;
  }

  phases(problems?: ValidationProblem[]): Phase[] {
    return this.readAll('phases', parsePhase, problems).sort(compareOrdered);
  }

  actors(problems?: ValidationProblem[]): Actor[] {
    const phaseIds = new Set(this.roots.phases.keys());
    return this.readAll('actors', parseActor, problems).map((a) =>
      a.phaseId !== null && !phaseIds.has(a.phaseId) ? { ...a, phaseId: null } : a,
    );
  }

  getActor(id: string): Actor | undefined {
    const a = this.readOne('actors', id, parseActor);
    if (a && a.phaseId !== null && !this.roots.phases.has(a.phaseId)) return { ...a, phaseId: null };
    return a;
  }

  /** Every stored element id, valid or not, including links hidden because an endpoint is gone. */
  storedIds(): Record<Collection, string[]> {
    return {
      actors: [...this.roots.actors.keys()].sort(compareIds),
      links: [...this.roots.links.keys()].sort(compareIds),
      notes: [...this.roots.notes.keys()].sort(compareIds),
      phases: [...this.roots.phases.keys()].sort(compareIds),
    };
  }

  /** Links whose endpoints both exist; a concurrent delete-and-connect leaves the others hidden. */
  links(problems?: ValidationProblem[]): Link[] {
    return this.linksAmong(this.validActorIds(), problems);
  }

  private linksAmong(actorIds: ReadonlySet<string>, problems?: ValidationProblem[]): Link[] {
    return this.readAll('links', parseLink, problems).filter((l) => linkEndpointsExist(l, actorIds));
  }

  getLink(id: string): Link | undefined {
    const l = this.readOne('links', id, parseLink);
    return l && this.isValidActor(l.source) && this.isValidActor(l.target) && l.source !== l.target
      ? l
      : undefined;
  }

  private validActorIds(): Set<string> {
    const ids = new Set<string>();
    for (const [id, element] of this.roots.actors.entries()) {
      if (parseStored(id, element, parseActor).ok) ids.add(id);
    }
    return ids;
  }

  private isValidActor(id: string): boolean {
    const element = this.roots.actors.get(id);
    return element !== undefined && parseStored(id, element, parseActor).ok;
  }

  notes(problems?: ValidationProblem[]): Note[] {
    const actorIds = this.validActorIds();
    return this.notesAmong(actorIds, new Set(this.linksAmong(actorIds).map((l) => l.id)), problems);
  }

  private notesAmong(
    actorIds: ReadonlySet<string>,
    linkIds: ReadonlySet<string>,
    problems?: ValidationProblem[],
  ): Note[] {
    const alive = (n: Note) =>
      n.anchor === null || (n.anchor.type === 'actor' ? actorIds.has(n.anchor.id) : linkIds.has(n.anchor.id));
    return this.readAll('notes', parseNote, problems).map((n) => this.resolveNote(n, alive(n)));
  }

  getNote(id: string): Note | undefined {
    const n = this.readOne('notes', id, parseNote);
    if (!n) return undefined;
    const alive =
      n.anchor === null ||
      (n.anchor.type === 'actor' ? this.isValidActor(n.anchor.id) : this.getLink(n.anchor.id) !== undefined);
    return this.resolveNote(n, alive);
  }

  /** A note whose anchor or phase vanished (concurrent delete) reads as free-standing / phase-less. */
  private resolveNote(n: Note, anchorAlive: boolean): Note {
    let out = n;
    if (!anchorAlive) out = { ...out, anchor: null };
    if (n.phaseId !== null && !this.roots.phases.has(n.phaseId)) out = { ...out, phaseId: null };
    return out;
  }

  /** A consistent, validated read of everything. */
  read(): ChainMapState {
    const problems: ValidationProblem[] = [];
    const state: ChainMapState = {
      meta: this.getMeta(),
      phases: this.phases(problems),
      actors: this.actors(problems),
      links: this.links(problems),
      notes: this.notes(problems),
      problems,
    };
    return state;
  }

  // ── writes ────────────────────────────────────────────────────────────────

  setMeta(patch: Partial<Pick<MapMeta, 'title' | 'municipality'>>): void {
    this.transact(() => {
      if (patch.title !== undefined) this.meta.set('title', patch.title);
      if (patch.municipality !== undefined) this.meta.set('municipality', patch.municipality);
    });
  }

  addActor(input: ActorInput): string {
    const id = input.id ?? randomId();
    const { id: _ignored, ...fields } = input;
    this.transact(() => {
      this.roots.actors.set(id, elementMap({ label: '', position: { x: 0, y: 0 }, ...fields }));
      this.noteActivity('add', 'actors', id);
    });
    return id;
  }

  updateActor(id: string, patch: ActorPatch): void {
    this.transact(() => {
      if (writeFields(this.roots.actors.get(id), patch)) this.noteActivity('update', 'actors', id);
    });
  }

  /** One transaction for a whole drag: writes only `position` (and `phaseId` when the lane changed). */
  moveActors(moves: readonly { id: string; position: Position; phaseId?: string | null }[]): void {
    this.transact(() => {
      for (const m of moves) {
        const element = this.roots.actors.get(m.id);
        if (!element) continue;
        element.set('position', { x: m.position.x, y: m.position.y });
        if (m.phaseId !== undefined && element.get('phaseId') !== m.phaseId)
          element.set('phaseId', m.phaseId);
      }
    });
  }

  addLink(input: LinkInput): string {
    if (input.source === input.target) throw new Error('A link needs two different actors.');
    if (!this.roots.actors.has(input.source) || !this.roots.actors.has(input.target)) {
      throw new Error('A link can only connect actors that exist.');
    }
    const id = input.id ?? randomId();
    const { id: _ignored, ...fields } = input;
    const defaults = input.kind === 'handover' ? { warmth: 'cold', dataShared: false } : {};
    this.transact(() => {
      this.roots.links.set(id, elementMap({ ...defaults, ...fields }));
      this.noteActivity('add', 'links', id);
    });
    return id;
  }

  updateLink(id: string, patch: LinkPatch): void {
    this.transact(() => {
      if (writeFields(this.roots.links.get(id), patch)) this.noteActivity('update', 'links', id);
    });
  }

  /** Swaps a directed link's ends, keeping its id (and so the notes anchored to it). */
  reverseLink(id: string): void {
    this.transact(() => {
      const element = this.roots.links.get(id);
      const source = element?.get('source');
      const target = element?.get('target');
      if (!element || typeof source !== 'string' || typeof target !== 'string') return;
      element.set('source', target);
      element.set('target', source);
      this.noteActivity('update', 'links', id);
    });
  }

  addNote(input: NoteInput): string {
    const id = input.id ?? randomId();
    const { id: _ignored, ...fields } = input;
    this.transact(() => {
      this.roots.notes.set(id, elementMap({ text: '', status: 'open', position: { x: 0, y: 0 }, ...fields }));
      this.noteActivity('add', 'notes', id);
    });
    return id;
  }

  updateNote(id: string, patch: NotePatch): void {
    this.transact(() => {
      if (writeFields(this.roots.notes.get(id), patch)) this.noteActivity('update', 'notes', id);
    });
  }

  moveNotes(moves: readonly { id: string; position: Position }[]): void {
    this.transact(() => {
      for (const m of moves)
        this.roots.notes.get(m.id)?.set('position', { x: m.position.x, y: m.position.y });
    });
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
    this.transact(() => {
      const actorIds = new Set(ids.actors ?? []);
      const linkIds = new Set(ids.links ?? []);
      if (actorIds.size > 0) {
        for (const [linkId, link] of this.roots.links.entries()) {
          if (actorIds.has(link.get('source') as string) || actorIds.has(link.get('target') as string)) {
            linkIds.add(linkId);
          }
        }
      }
      for (const note of this.roots.notes.values()) {
        const anchor = note.get('anchor') as { type?: string; id?: string } | null | undefined;
        if (!anchor || typeof anchor.id !== 'string') continue;
        const gone = anchor.type === 'actor' ? actorIds.has(anchor.id) : linkIds.has(anchor.id);
        if (!gone) continue;
        const host = anchor.type === 'actor' ? this.roots.actors.get(anchor.id) : undefined;
        const hostPosition = host?.get('position') as Position | undefined;
        note.set('anchor', null);
        if (hostPosition) note.set('position', { x: hostPosition.x, y: hostPosition.y - 120 });
      }
      for (const id of ids.notes ?? []) this.noteActivity('delete', 'notes', id);
      for (const id of ids.links ?? []) this.noteActivity('delete', 'links', id);
      for (const id of actorIds) this.noteActivity('delete', 'actors', id);
      for (const id of linkIds) this.roots.links.delete(id);
      for (const id of actorIds) this.roots.actors.delete(id);
      for (const id of ids.notes ?? []) this.roots.notes.delete(id);
    });
  }

  // ── phases ────────────────────────────────────────────────────────────────

  /** Adds a lane after `afterId` (null or omitted: at the end). */
  addPhase(label: string, opts: { afterId?: string | null; id?: string } = {}): string {
    const id = opts.id ?? randomId();
    this.transact(() => {
      const ordered = this.phases();
      const afterIndex = opts.afterId ? ordered.findIndex((p) => p.id === opts.afterId) : ordered.length - 1;
      const order = this.orderAt(ordered, afterIndex + 1);
      this.roots.phases.set(id, elementMap({ label, order }));
      this.noteActivity('add', 'phases', id);
    });
    return id;
  }

  renamePhase(id: string, label: string): void {
    this.transact(() => {
      if (writeFields(this.roots.phases.get(id), { label })) this.noteActivity('update', 'phases', id);
    });
  }

  /** Moves a lane before `beforeId`; null moves it to the end. */
  movePhase(id: string, beforeId: string | null): void {
    if (id === beforeId) return;
    this.transact(() => {
      const element = this.roots.phases.get(id);
      if (!element) return;
      const others = this.phases().filter((p) => p.id !== id);
      const index = beforeId === null ? others.length : others.findIndex((p) => p.id === beforeId);
      element.set('order', this.orderAt(others, index < 0 ? others.length : index));
    });
  }

  /** Removing a lane never deletes actors: they and the lane's notes become phase-less. */
  deletePhase(id: string): void {
    this.transact(() => {
      for (const root of [this.roots.actors, this.roots.notes]) {
        for (const element of root.values()) if (element.get('phaseId') === id) element.set('phaseId', null);
      }
      this.noteActivity('delete', 'phases', id);
      this.roots.phases.delete(id);
    });
  }

  /**
   * An order key that sorts at `index` among `ordered`. When concurrent inserts left two equal keys
   * at that spot, the lanes are re-keyed evenly first; the (order, id) sort keeps peers agreeing.
   */
  private orderAt(ordered: readonly Phase[], index: number): string {
    const lo = ordered[index - 1]?.order ?? null;
    const hi = ordered[index]?.order ?? null;
    const key = orderBetween(lo, hi);
    if (key !== null) return key;
    const fresh = evenlySpacedOrders(ordered.length + 1);
    ordered.forEach((p, i) => {
      this.roots.phases.get(p.id)?.set('order', fresh[i < index ? i : i + 1]);
    });
    return fresh[index]!;
  }

  // ── whole-element writes (restore, paste, import) ────────────────────────

  /**
   * Makes the stored element equal to `value`, creating it when absent. Only fields that differ are
   * written, so restoring an unchanged element costs nothing and merges with concurrent edits of
   * other fields.
   */
  putActor(value: Actor): void {
    this.put('actors', value);
  }

  putLink(value: Link): void {
    this.put('links', value);
  }

  putNote(value: Note): void {
    this.put('notes', value);
  }

  putPhase(value: Phase): void {
    this.put('phases', value);
  }

  private put(collection: Collection, value: { id: string }): void {
    this.transact(() => {
      const { id, ...fields } = value as { id: string } & Record<string, unknown>;
      const existing = this.roots[collection].get(id);
      if (existing instanceof Y.Map) {
        if (writeFields(existing, fields)) this.noteActivity('update', collection, id);
      } else {
        this.roots[collection].set(id, elementMap(fields));
        this.noteActivity('add', collection, id);
      }
    });
  }

  // ── analysis dismissals ───────────────────────────────────────────────────

  dismissals(): Dismissal[] {
    const out: Dismissal[] = [];
    for (const [key, value] of this.dismissalRoot.entries()) {
      const d = value as Partial<Dismissal> | null;
      if (!d || typeof d !== 'object') continue;
      out.push({
        key,
        reason: typeof d.reason === 'string' ? d.reason : '',
        by: typeof d.by === 'string' ? d.by : '',
        at: typeof d.at === 'number' ? d.at : 0,
      });
    }
    return out.sort((a, b) => compareIds(a.key, b.key));
  }

  /** Sets a finding aside for everyone, with the reason why. */
  dismissFinding(key: string, reason: string, by: string = this.author ?? ''): void {
    this.transact(() => this.dismissalRoot.set(key, { reason, by, at: Date.now() }));
  }

  restoreFinding(key: string): void {
    this.transact(() => this.dismissalRoot.delete(key));
  }

  // ── versions ──────────────────────────────────────────────────────────────

  /** Versions, oldest first, without their snapshots (which can be large). */
  versions(): VersionInfo[] {
    const out: VersionInfo[] = [];
    for (const [id, element] of this.versionRoot.entries()) {
      if (!(element instanceof Y.Map)) continue;
      const name = element.get('name');
      const createdAt = element.get('createdAt');
      if (typeof createdAt !== 'number' || !(element.get('snapshot') instanceof Uint8Array)) continue;
      const author = element.get('author');
      out.push({
        id,
        name: typeof name === 'string' ? name : '',
        author: typeof author === 'string' ? author : '',
        createdAt,
        auto: element.get('auto') === true,
      });
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
  }

  versionSnapshot(id: string): Uint8Array | undefined {
    const snapshot = this.versionRoot.get(id)?.get('snapshot');
    return snapshot instanceof Uint8Array ? snapshot : undefined;
  }

  /** Stores a version; the snapshot's encoding belongs to the versions module, not to the layout. */
  addVersion(
    input: Omit<VersionInfo, 'id' | 'author'> & { id?: string; author?: string; snapshot: Uint8Array },
  ): string {
    const id = input.id ?? randomId();
    this.transact(() => {
      const element = new Y.Map<unknown>();
      element.set('name', input.name);
      element.set('author', input.author ?? this.author ?? '');
      element.set('createdAt', input.createdAt);
      element.set('auto', input.auto);
      element.set('snapshot', input.snapshot);
      this.versionRoot.set(id, element);
    });
    return id;
  }

  renameVersion(id: string, name: string): void {
    this.transact(() => this.versionRoot.get(id)?.set('name', name));
  }

  // ── activity ──────────────────────────────────────────────────────────────

  /** Who writes through this instance; their name goes on activity entries and versions. */
  setAuthor(name: string | null): void {
    this.author = name?.trim() ? name.trim() : null;
  }

  getAuthor(): string | null {
    return this.author;
  }

  /** Most recent first, across all authors. */
  activity(limit = 200): ActivityEntry[] {
    const out: ActivityEntry[] = [];
    for (const value of this.activityRoot.values()) {
      const e = parseActivity(value);
      if (e) out.push(e);
    }
    return out.sort((a, b) => b.at - a.at || compareIds(a.id, b.id)).slice(0, limit);
  }

  /** Records a bulk action (restore, layout, import) as one activity entry. */
  recordActivity(
    op: ActivityEntry['op'],
    collection: ActivityEntry['collection'],
    id: string,
    label: string,
  ): void {
    const by = this.author ?? '';
    this.transact(() => this.writeActivity({ at: Date.now(), by, op, collection, id, label }, false));
  }

  /**
   * Stamps an element change in the feed, inside the caller's transaction. Repeated edits of one
   * element by one person within a minute overwrite that person's previous entry, so typing does
   * not grow the feed.
   */
  private noteActivity(op: ActivityEntry['op'], collection: Collection, id: string): void {
    if (this.author === null) return;
    const element = this.roots[collection].get(id);
    const rawLabel = element instanceof Y.Map ? (element.get('label') ?? element.get('text')) : undefined;
    const label = typeof rawLabel === 'string' ? rawLabel.slice(0, 80) : '';
    const entry: ActivityEntry = { at: Date.now(), by: this.author, op, collection, id, label };
    const last = this.latestOwnActivity(this.author);
    const coalesce =
      last !== null &&
      last.entry.id === id &&
      (last.entry.op === op || (last.entry.op === 'add' && op === 'update')) &&
      entry.at - last.entry.at < 60_000;
    this.writeActivity(coalesce ? { ...entry, op: last.entry.op } : entry, coalesce);
  }

  /**
   * The feed is a ring of ACTIVITY_SLOTS entries per author in a Y.Map: writing is a single key
   * overwrite (constant time, no array walk over tombstones), and the feed stays bounded per author.
   * Two tabs of one author may pick the same slot concurrently; the map keeps one of the two entries,
   * which is acceptable for a feed.
   */
  private writeActivity(entry: ActivityEntry, overwriteLast: boolean): void {
    const last = this.latestOwnActivity(entry.by);
    const slot = overwriteLast && last ? last.slot : last ? (last.slot + 1) % ACTIVITY_SLOTS : 0;
    // Strictly increasing per author, so that entries made in the same millisecond keep their order.
    const stamped =
      last && !overwriteLast && entry.at <= last.entry.at ? { ...entry, at: last.entry.at + 1 } : entry;
    this.activityRoot.set(`${slot}:${entry.by}`, stamped);
    this.activityCursor.set(entry.by, { slot, entry: stamped });
  }

  private latestOwnActivity(by: string): { slot: number; entry: ActivityEntry } | null {
    const cached = this.activityCursor.get(by);
    if (cached !== undefined) return cached;
    let latest: { slot: number; entry: ActivityEntry } | null = null;
    for (const [key, value] of this.activityRoot.entries()) {
      const separator = key.indexOf(':');
      if (key.slice(separator + 1) !== by) continue;
      const entry = parseActivity(value);
      const slot = Number(key.slice(0, separator));
      if (entry && Number.isInteger(slot) && (!latest || entry.at > latest.entry.at))
        latest = { slot, entry };
    }
    this.activityCursor.set(by, latest);
    return latest;
  }

  // ── change feed and undo ──────────────────────────────────────────────────

  /** Calls `listener` once per transaction that touched the map, with the touched ids. */
  onChange(listener: (change: ChainMapChange) => void): () => void {
    const handler = (tr: Y.Transaction) => {
      const touched: Record<Collection, Set<string>> = {
        actors: new Set(),
        links: new Set(),
        notes: new Set(),
        phases: new Set(),
      };
      let meta = false;
      let dismissals = false;
      let versions = false;
      let activity = false;
      for (const [changedType, keys] of tr.changed) {
        const type = changedType as Y.AbstractType<unknown>;
        if (type === (this.meta as Y.AbstractType<unknown>)) {
          meta = true;
          continue;
        }
        if (type === (this.dismissalRoot as Y.AbstractType<unknown>)) {
          dismissals = true;
          continue;
        }
        if (type === (this.activityRoot as Y.AbstractType<unknown>)) {
          activity = true;
          continue;
        }
        if (
          type === (this.versionRoot as Y.AbstractType<unknown>) ||
          type._item?.parent === (this.versionRoot as Y.AbstractType<unknown>)
        ) {
          versions = true;
          continue;
        }
        for (const collection of COLLECTIONS) {
          const root = this.roots[collection] as Y.AbstractType<unknown>;
          if (type === root) {
            for (const key of keys) if (key !== null) touched[collection].add(key);
          } else if (type._item?.parent === root && type._item.parentSub !== null) {
            touched[collection].add(type._item.parentSub);
          }
        }
      }
      if (!meta && !dismissals && !versions && !activity && COLLECTIONS.every((c) => touched[c].size === 0))
        return;
      listener({ ...touched, meta, dismissals, versions, activity, local: tr.local, origin: tr.origin });
    };
    this.doc.on('afterTransaction', handler);
    return () => this.doc.off('afterTransaction', handler);
  }

  /** Undo covers only this client's own writes, never a peer's. */
  createUndoManager(): Y.UndoManager {
    return new Y.UndoManager([this.meta, this.dismissalRoot, ...COLLECTIONS.map((c) => this.roots[c])], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 500,
    });
  }
}

const COLLECTIONS: readonly Collection[] = ['actors', 'links', 'notes', 'phases'];
const ACTIVITY_SLOTS = 50;

function parseActivity(value: unknown): ActivityEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Partial<ActivityEntry>;
  if (typeof e.at !== 'number' || typeof e.id !== 'string') return null;
  if (e.op !== 'add' && e.op !== 'update' && e.op !== 'delete' && e.op !== 'restore' && e.op !== 'layout')
    return null;
  const collections: readonly string[] = ['actors', 'links', 'notes', 'phases', 'map'];
  if (typeof e.collection !== 'string' || !collections.includes(e.collection)) return null;
  return {
    at: e.at,
    by: typeof e.by === 'string' ? e.by : '',
    op: e.op,
    collection: e.collection,
    id: e.id,
    label: typeof e.label === 'string' ? e.label : '',
  };
}

function linkEndpointsExist(l: Link, actorIds: ReadonlySet<string>): boolean {
  return l.source !== l.target && actorIds.has(l.source) && actorIds.has(l.target);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Parsed elements, per element Y.Map. Validation dominates a full read of a big map, and most reads
 * follow a transaction that touched a handful of elements, so each element is parsed once and again
 * only after it changed. Invariants: the cache is neither read nor written while a transaction is
 * open (Yjs does not report changes to types created in the same transaction); entries of maps a
 * transaction changed are dropped in 'beforeObserverCalls', before any observer or afterTransaction
 * listener can read the model. A parse
 * depends only on the element's own fields and id (the id is its key in the root, which never
 * changes for a given Y.Map), so the cache is valid across ChainMap instances of one doc.
 */
const parseCache = new WeakMap<Y.Map<unknown>, Parsed<unknown>>();
const docsWithEviction = new WeakSet<Y.Doc>();

function evictChangedElements(doc: Y.Doc): void {
  if (docsWithEviction.has(doc)) return;
  docsWithEviction.add(doc);
  doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) if (type instanceof Y.Map) parseCache.delete(type);
  });
}

function parseStored<T>(
  id: string,
  element: unknown,
  parse: (id: string, fields: Record<string, unknown>) => Parsed<T>,
): Parsed<T> {
  if (!(element instanceof Y.Map)) return { ok: false, reason: 'element is not a map of fields' };
  const doc = element.doc;
  const cacheable = doc !== null && doc._transaction === null;
  if (cacheable) {
    const cached = parseCache.get(element);
    if (cached !== undefined) return cached as Parsed<T>;
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of element.entries()) fields[key] = value;
  const parsed = parse(id, fields);
  if (cacheable) {
    evictChangedElements(doc);
    parseCache.set(element, parsed);
  }
  return parsed;
}

function elementMap(fields: Record<string, unknown>): ElementMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, toStored(value));
  return map;
}

/** Writes only the fields that changed, so an unchanged field never creates an update. */
function writeFields(element: ElementMap | undefined, patch: Record<string, unknown>): boolean {
  if (!element) return false;
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || value === undefined) continue;
    const stored = toStored(value);
    if (!sameValue(element.get(key), stored)) {
      element.set(key, stored);
      changed = true;
    }
  }
  return changed;
}

/** Stored values are plain JSON: frozen readonly arrays and objects are copied. */
function toStored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toStored);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStored(v)]));
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
