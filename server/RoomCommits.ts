import { CLOSE_LOAD_FAILED, CLOSE_RESYNC, CLOSE_TOO_BIG } from '../shared/protocol/syncProtocol';
import type { AckTracker } from './AckTracker';
import type { Connection } from './Connection';
import type { ApplyResult } from './docs/docMessages';
import type { HeldContent } from './HeldContent';
import type { Logger } from './logger';
import type { RoomDeps } from './RoomDeps';
import type { RoomDoc } from './RoomDoc';
import type { RoomLog } from './relay/RoomLog';
import { storedMessage } from './roomMessages';
import { type Outgoing, outboxOf, type Senders, sendOutbox } from './roomOutbox';
import { isMapFull } from './storage/MapStore';

/** A batch the doc worker applied, with the frame (and its connection) behind each of its results. */
export interface AppliedBatch {
  readonly result: ApplyResult;
  readonly senders: Senders;
}

/** Batches applied but not yet committed, per room; past it the room waits before applying more. */
const MAX_UNCOMMITTED = 8;

/** What committing needs from its room. */
export interface CommitHost {
  readonly connections: ReadonlySet<Connection>;
  connectionById(id: number): Connection | undefined;
  /** Closes the room (1011 and the like): nothing of the failed commit was stored or acknowledged. */
  fail(err: unknown, code: number, reason: string): void;
  isActive(): boolean;
  /** The room failed: nothing more is committed (a closing room still commits what it applied). */
  isFailed(): boolean;
  /** Wakes the room's queue: a refused commit waits there (`takeRefusal`). */
  schedule(): void;
}

/**
 * A room's commits: a batch's changes are appended to the store, and only then are its relayed updates,
 * sync answers and acks sent (durable before relay).
 *
 * Two ways in:
 * - `commitNow` commits one batch and resolves when it is stored and sent (a call of the server's own,
 *   rows relayed from other nodes, every batch of a room with a relay).
 * - `push` (a single-node room's frames) queues an applied batch and returns at once, so the room
 *   applies its next batch on the doc worker while this one commits: the wait for the writer thread
 *   is no longer paid once per batch. At most one append per room is in flight; the batches applied
 *   meanwhile go together in the next one (one row per emitted update, in apply order). A room waits
 *   (`room()`) past `MAX_UNCOMMITTED` batches, and `settle()` before anything that reads or replaces
 *   the doc or the stored log (a reload, a compaction, a task, a call).
 *
 * Invariants:
 * - Batches are committed and sent in the order they were applied; the ack bookkeeping of a batch
 *   (`outboxOf`) runs only when its append is submitted and `due()` after it resolved, so no ack covers
 *   a frame whose changes are not committed.
 * - When an append fails, nothing of it or of the batches queued behind it is stored or acknowledged:
 *   a storage failure fails the room; a refusal over the document-size limit is handed back to the
 *   room's queue (`takeRefusal`), which reloads the doc from the store (dropping every uncommitted
 *   batch from it) and closes every socket before it applies anything else.
 */
export class RoomCommits {
  private pending: AppliedBatch[] = [];
  private inFlight: Promise<void> | undefined;
  private refusal: AppliedBatch[] | undefined;
  private waiters: Array<() => void> = [];
  /** An append failed (not over the size limit): the room failed with it. */
  private storeFailed = false;

  constructor(
    private readonly mapId: string,
    private readonly deps: RoomDeps,
    private readonly log: Logger,
    private readonly parts: {
      acks: AckTracker;
      held: HeldContent;
      doc: RoomDoc;
      mapLog: RoomLog;
      room: CommitHost;
    },
  ) {}

  /** Batches applied and not yet committed (queued or in flight). */
  get uncommitted(): number {
    return this.pending.length + (this.inFlight ? 1 : 0);
  }

  /** A refused commit waits for the room (`takeRefusal`). */
  get hasRefusal(): boolean {
    return this.refusal !== undefined;
  }

  /** Queues an applied batch to be committed behind the ones before it. */
  push(batch: AppliedBatch): void {
    if (this.refusal || this.parts.room.isFailed()) return;
    this.pending.push(batch);
    this.next();
  }

  /** Resolves when the room may apply another batch (few enough uncommitted ones). */
  async room(): Promise<void> {
    while (this.uncommitted >= MAX_UNCOMMITTED) await this.progress();
  }

  /** Resolves once every pushed batch is committed (or dropped because a commit failed). */
  async settle(): Promise<void> {
    while (this.inFlight || this.pending.length > 0) await this.progress();
  }

  /** A commit the store refused over the document-size limit, for the room to handle (once). */
  takeRefusal(): AppliedBatch[] | undefined {
    const refusal = this.refusal;
    this.refusal = undefined;
    return refusal;
  }

  /** Commits one batch now; resolves whether its changes were stored (or it had none). */
  async commitNow(batch: AppliedBatch): Promise<boolean> {
    const refused = await this.commit([batch]);
    if (refused) await this.refuseOverfull(refused);
    return refused === undefined && !this.storeFailed;
  }

  private progress(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private next(): void {
    if (this.inFlight || this.pending.length === 0) return;
    const batches = this.pending;
    this.pending = [];
    const committed = this.commit(batches).catch((err: unknown) => {
      // Our code threw past the append: the batches' state is unknown, so the room fails (1011).
      this.storeFailed = true;
      this.parts.room.fail(err, CLOSE_LOAD_FAILED, 'the map failed on the server; try again');
      return undefined;
    });
    this.inFlight = committed.then((refused) => {
      this.inFlight = undefined;
      if (refused) {
        // Not stored, not sent; the room reloads the doc, which drops these and every later batch.
        this.refusal = refused;
        this.pending = [];
        this.parts.room.schedule();
      } else if (this.parts.room.isFailed()) {
        this.pending = [];
      }
      this.next();
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    });
  }

  /**
   * Stores the batches' emitted updates in one append, then sends what they produced. Resolves the
   * batches back when the store refused them over the document-size limit (nothing of them stored or
   * sent), else undefined.
   */
  private async commit(batches: AppliedBatch[]): Promise<AppliedBatch[] | undefined> {
    const { acks, held, doc, mapLog, room } = this.parts;
    const outbox: Outgoing[] = [];
    const updates: Uint8Array[] = [];
    // Batch by batch, in apply order: what a batch holds back or releases is seen by the next one.
    for (const { result, senders } of batches) {
      outbox.push(...outboxOf(result, senders, { acks, ...this.deps }));
      for (const id of result.released) {
        const conn = room.connectionById(id);
        if (conn) acks.release(conn);
      }
      held.drop(result.dropped, 'held-back content dropped; resync');
      for (const e of result.emitted) if (!e.stored) updates.push(e.update);
    }
    held.watch();

    // A reloaded doc (its worker ended) holds every row up to the seq it was loaded at.
    let released = mapLog.reloaded(doc.lastSeq);
    if (updates.length > 0) {
      const started = performance.now();
      try {
        const appended = await this.deps.store.appendUpdates(this.mapId, updates, {
          maxBytes: this.deps.limits.maxDocumentBytes,
        });
        doc.rowCount = appended.rows;
        const firstSeq = appended.seq - updates.length + 1;
        const own = mapLog.committed(firstSeq, appended.seq, updates);
        released = { apply: [...released.apply, ...own.apply], gap: own.gap };
      } catch (err) {
        if (isMapFull(err)) return batches;
        this.storeFailed = true;
        room.fail(err, CLOSE_LOAD_FAILED, 'storage failure, try again later');
        return undefined;
      }
      const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
      this.deps.metrics.observeWrite((performance.now() - started) / 1000);
      this.deps.metrics.bytesStored += bytes;
      // Storage is shared by every map: a map that writes more than its share waits before its next batch.
      this.deps.writes.charge(this.mapId, bytes);
    }
    sendOutbox(outbox, room.connections, this.deps.metrics);
    for (const [conn, n] of acks.due()) conn.send(storedMessage(n));
    if (released.apply.length > 0 || released.gap) await mapLog.release(released);
    return undefined;
  }

  /**
   * The store refused the batch: with it the map's log would pass the document-size limit, counted over
   * every node's rows (this node's doc may not have heard of the others' yet). Nothing of the batch was
   * stored, relayed or acknowledged, but the doc holds it: it is loaded again from the store (every
   * node's rows, none of this batch) and compacted there, so the log's bytes are the document's own
   * rather than its history's. Every socket of the room is closed, the senders of changes with 1009,
   * the others to resync (4100) from the reloaded doc; a change that fits after the compaction gets in
   * on its sender's resync, one that does not is refused by the doc's own size check.
   */
  async refuseOverfull(batches: readonly AppliedBatch[]): Promise<void> {
    const { doc, mapLog, room } = this.parts;
    const changed = new Set<Connection>();
    for (const { result, senders } of batches) {
      result.results.forEach((r, i) => {
        const sender = senders[i]?.conn;
        if (sender && r.kind === 'applied' && r.changed) changed.add(sender);
      });
    }
    this.deps.metrics.reject('document_too_big');
    this.log.warn({ senders: changed.size }, 'the stored map is at its size limit; batch refused');
    await doc.reload(doc.tier, 'the store refused a batch over the document size limit', true);
    await mapLog.release(mapLog.reloaded(doc.lastSeq));
    if (room.isActive()) await doc.compact(mapLog.applied);
    for (const conn of [...room.connections]) {
      if (changed.has(conn)) conn.close(CLOSE_TOO_BIG, 'the map is at its size limit');
      else conn.close(CLOSE_RESYNC, 'the map was reloaded; resync');
    }
  }
}
