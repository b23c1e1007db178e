import * as Y from 'yjs';
import { checkUpdateShape } from '../../../shared/model/docShape';
import type { RootsDeclaration } from '../../../shared/model/layout';
import { rootsOfRoom } from '../../../shared/model/roomRoots';
import { applyUnheard, type UpdateListener } from './applyUnheard';
import type { KetenKaartDb, UpdateRow } from './KetenKaartDb';
import { docPerfMark } from './perfMark';

/** Compact when a map has more stored rows than this. */
export const COMPACT_THRESHOLD = 200;

/**
 * Binds one Y.Doc to its rows in IndexedDB.
 *
 * Invariants:
 * - Every doc update not applied by this binding is queued at once and written in the same
 *   microtask turn (no throttle): by the time React paints an edit, its IndexedDB write is in flight.
 * - `pending` counts writes not yet committed; `whenFlushed()` resolves when it is zero.
 * - Compaction merges exactly the rows it read, in the same read-write transaction, so rows that
 *   another tab appends meanwhile are never lost.
 * - Every row it writes is `checked`: the doc's content comes from the model on this device or
 *   entered through a shape check (server updates: `guardIncomingUpdates`; other tabs and stored
 *   rows: here). Rows without the mark are checked when read.
 */
export class DocPersistence {
  private queue: Uint8Array[] = [];
  private scheduled = false;
  private inFlight: Promise<void> = Promise.resolve();
  private writesSinceCompaction = 0;
  private destroyed = false;
  private channel: BroadcastChannel | null = null;
  private pendingCount = 0;
  private readonly flushListeners = new Set<() => void>();
  private readonly pendingListeners = new Set<(pending: number) => void>();
  readonly whenLoaded: Promise<void>;
  /** Rows of this map in the store as far as this binding knows (read at load + written since). */
  private storedRows = 0;
  private idleCompaction: number | null = null;
  private closed: Promise<void> = Promise.resolve();
  /** Last write error, shown to the user; the doc keeps working in memory. */
  error: Error | null = null;
  /**
   * Stored rows that broke the KetenKaart document shape and were not applied (a poisoned map
   * must not hang the tab). They stay in IndexedDB: compaction keeps them, nothing is wiped.
   */
  invalidRows = 0;
  /** The roots this doc may hold: a map's, or (for a `<mapId>/conversation` id) its conversation's. */
  private readonly roots: RootsDeclaration;

  constructor(
    private readonly db: KetenKaartDb,
    /** The doc's id: a map's id, or its conversation doc's (`conversationDocId`). */
    readonly mapId: string,
    readonly doc: Y.Doc,
  ) {
    this.roots = rootsOfRoom(mapId);
    // Listen before loading: an edit made while rows are still being read must not be missed.
    this.doc.on('update', this.onUpdate);
    this.whenLoaded = this.load();
  }

  get pending(): number {
    return this.pendingCount;
  }

  private async load(): Promise<void> {
    docPerfMark(this.mapId, 'rows-read-start');
    const rows = await this.db.updates.where('mapId').equals(this.mapId).sortBy('seq');
    docPerfMark(this.mapId, `rows-read(${rows.length})`);
    if (this.destroyed) return;
    // The rows are stored already, so this binding ignores their update events; with no 'update'
    // listener Yjs skips re-encoding the whole loaded doc for that event (0.6 s of a 1.4 s open of
    // a 483 KB map in a profile). The transaction is synchronous: no other update can slip by.
    this.doc.off('update', this.onUpdate);
    try {
      Y.transact(
        this.doc,
        () => {
          for (const row of rows) {
            if (shapeOk(row, this.doc, this.roots)) Y.applyUpdate(this.doc, row.update, this);
            else this.invalidRows++;
          }
        },
        this,
      );
    } finally {
      this.doc.on('update', this.onUpdate);
    }
    if (this.invalidRows > 0) console.warn(`${this.invalidRows} stored rows of this map were not loaded`);
    docPerfMark(this.mapId, 'doc-applied');
    // Content the doc had before it was bound (e.g. built in memory) must be stored too.
    if (rows.length === 0 && !isEmptyDoc(this.doc)) this.enqueue(Y.encodeStateAsUpdate(this.doc));
    this.storedRows += rows.length;
    this.openChannel();
    if (rows.length > COMPACT_THRESHOLD) await this.compact();
    else if (rows.length > 1) this.compactWhenIdle();
  }

  /**
   * Opening reads every row of the map, so more than one row left from the last session (a tab that
   * was closed without `destroy`, another tab's writes) is merged once the browser is idle after
   * opening: the next open reads one row. Browsers only (requestIdleCallback).
   */
  private compactWhenIdle(): void {
    if (typeof requestIdleCallback !== 'function' || this.idleCompaction !== null) return;
    this.idleCompaction = requestIdleCallback(
      () => {
        this.idleCompaction = null;
        if (!this.destroyed) this.compact().catch(() => {});
      },
      { timeout: 10_000 },
    );
  }

  /**
   * Origin of the updates this binding applies: rows read from IndexedDB and updates other tabs
   * relayed. They are stored already, and the sync layer does not send them (the tab that made an
   * update sends it).
   */
  get relayOrigin(): unknown {
    return this;
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.enqueue(update);
    this.channel?.postMessage(update);
  };

  /**
   * Other tabs of this device with the same map open: apply their edits live. This is the only
   * cross-tab relay (the sync layer turns y-websocket's off), for local and shared maps alike, so
   * each update is stored once, by the tab that made it.
   */
  private openChannel(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(`ketenkaart-doc-${this.mapId}`);
    this.channel.onmessage = (event: MessageEvent<Uint8Array>) => {
      // Applied with our origin: the sending tab already stored it.
      if (
        event.data instanceof Uint8Array &&
        checkUpdateShape(event.data, this.doc, undefined, this.roots).ok
      ) {
        Y.applyUpdate(this.doc, event.data, this);
      }
    };
  }

  /**
   * Applies a shape-checked update through `apply` (one transaction: y-websocket's sync step 2
   * handler) and stores the update's own bytes as a row, instead of what Yjs would encode of the
   * transaction for this binding's `update` listener (that encode: 120 ms of a cold open in an
   * earlier browser profile, 28 ms of CPU in Node for the bench's 617 KB step 2). `quiet` are the other `update` listeners that ignore this update anyway (the
   * provider's sender): Yjs encodes for the event while any listener is registered, so they are
   * detached for that one transaction too (`applyUnheard`: every other transaction, e.g. an
   * observer's write during the same sync, is heard and stored as usual).
   *
   * The bytes are stored only when they hold exactly what was integrated (`ends`, from the shape
   * check: every struct integrated, nothing beyond it, nothing held back as pending, which the
   * check did not place); otherwise, and after a doc that held pending content, the row is Yjs's
   * own encoding of what the transaction brought, as before. Nothing is stored when it changed
   * nothing (as Yjs emits no event then).
   */
  applyChecked(
    update: Uint8Array,
    ends: ReadonlyMap<number, number>,
    apply: () => void,
    quiet: readonly UpdateListener[],
  ): void {
    if (this.destroyed || hasPending(this.doc)) {
      apply();
      return;
    }
    // Edits queued before keep their place before this row.
    this.flush();
    const before = Y.encodeStateVector(this.doc);
    let tr: Y.Transaction | null = null;
    try {
      tr = applyUnheard(this.doc, [this.onUpdate, ...quiet], apply);
    } finally {
      if (tr && changedDoc(tr)) {
        const verbatim = !hasPending(this.doc) && integratedExactly(tr, ends);
        const row = verbatim ? update.slice() : integratedSince(this.doc, before);
        this.enqueue(row);
        this.flush();
        this.channel?.postMessage(row);
      }
    }
  }

  private enqueue(update: Uint8Array): void {
    if (this.destroyed) return;
    this.queue.push(update);
    this.setPending(this.pendingCount + 1);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.writeQueued());
  }

  /**
   * Issues the queued IndexedDB write now instead of at the end of this turn. For the last moments
   * of a page (pagehide), when no later microtask is guaranteed to run.
   */
  flush(): void {
    if (this.queue.length > 0) this.writeQueued();
  }

  /** Called with the new count whenever `pending` changes. */
  onPendingChange(listener: (pending: number) => void): () => void {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  private setPending(count: number): void {
    this.pendingCount = count;
    for (const listener of this.pendingListeners) listener(count);
  }

  private writeQueued(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    const write = this.db.updates.add({ mapId: this.mapId, update, checked: true });
    this.inFlight = this.inFlight
      .then(() => write)
      .then(
        () => {
          this.setPending(this.pendingCount - batch.length);
          this.writesSinceCompaction++;
          this.storedRows++;
          this.notifyIfFlushed();
          if (this.writesSinceCompaction >= COMPACT_THRESHOLD) void this.compact();
        },
        (error: unknown) => {
          this.setPending(this.pendingCount - batch.length);
          this.error = error instanceof Error ? error : new Error(String(error));
          this.notifyIfFlushed();
        },
      );
  }

  private notifyIfFlushed(): void {
    if (this.pendingCount !== 0) return;
    for (const listener of this.flushListeners) listener();
    this.flushListeners.clear();
  }

  /** Resolves once every update seen so far is committed to IndexedDB. */
  whenFlushed(): Promise<void> {
    if (this.pendingCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.flushListeners.add(resolve));
  }

  /** Replaces all stored rows of this map by one equivalent row (garbage-collected state). */
  async compact(): Promise<void> {
    this.writesSinceCompaction = 0;
    await this.db.transaction('rw', this.db.updates, async () => {
      const rows = await this.db.updates.where('mapId').equals(this.mapId).toArray();
      this.storedRows = rows.length;
      if (rows.length <= 1) return;
      // Rows that break the document shape are neither applied nor deleted.
      const merged = new Y.Doc();
      const mergedRows: typeof rows = [];
      Y.transact(merged, () => {
        for (const row of rows) {
          if (!shapeOk(row, merged, this.roots)) continue;
          Y.applyUpdate(merged, row.update);
          mergedRows.push(row);
        }
      });
      const state = Y.encodeStateAsUpdate(merged);
      merged.destroy();
      this.storedRows = 1 + rows.length - mergedRows.length;
      await this.db.updates.bulkDelete(mergedRows.map((r) => r.seq!));
      await this.db.updates.add({ mapId: this.mapId, update: state, checked: true });
    });
  }

  async rowCount(): Promise<number> {
    return this.db.updates.where('mapId').equals(this.mapId).count();
  }

  /**
   * Stops listening. Once every pending write is committed, a map left with more than one row is
   * compacted (closing a map is a natural idle moment), so the next open reads one row.
   * `whenClosed()` resolves when that is done.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.channel?.close();
    this.channel = null;
    if (this.idleCompaction !== null && typeof cancelIdleCallback === 'function') {
      cancelIdleCallback(this.idleCompaction);
      this.idleCompaction = null;
    }
    this.closed = this.whenLoaded
      .then(() => this.whenFlushed())
      .then(() => (this.storedRows > 1 && this.db.isOpen() ? this.compact() : undefined))
      .catch(() => {
        // Best effort: the rows stay loadable as they are; the next open compacts them.
      });
  }

  /** Resolves after `destroy()` once the closing compaction (if any) has finished. */
  whenClosed(): Promise<void> {
    return this.closed;
  }
}

/** A stored row may be applied: checked when it was written, or passing the check now. */
function shapeOk(row: UpdateRow, doc: Y.Doc, roots: RootsDeclaration): boolean {
  return row.checked === true || checkUpdateShape(row.update, doc, undefined, roots).ok;
}

/**
 * What the doc integrated since `before`, without the content Yjs holds back (pending): that was
 * never placed in the doc, so it is not stored as checked (`encodeStateAsUpdate` would add it).
 */
function integratedSince(doc: Y.Doc, before: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** What Yjs checks before it emits `update`: the transaction inserted or deleted something. */
function changedDoc(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** Every struct of the update is in the doc, and the transaction inserted nothing else. */
function integratedExactly(tr: Y.Transaction, ends: ReadonlyMap<number, number>): boolean {
  for (const [client, end] of ends) if ((tr.afterState.get(client) ?? 0) < end) return false;
  for (const [client, clock] of tr.afterState) {
    if (clock !== (tr.beforeState.get(client) ?? 0) && clock > (ends.get(client) ?? 0)) return false;
  }
  return true;
}

function isEmptyDoc(doc: Y.Doc): boolean {
  return doc.store.clients.size === 0;
}
