import {
  CLOSE_INVALID_CONTENT,
  CLOSE_LOAD_FAILED,
  CLOSE_MAP_QUARANTINED,
  CLOSE_RESYNC,
  CLOSE_TOO_BIG,
} from '../shared/protocol/syncProtocol';
import { AckTracker } from './AckTracker';
import type { Connection, Frame } from './Connection';
import type { OpSize } from './docs/costModel';
import type { Tier } from './docs/DocWorker';
import type { ApplyResult, DocFrame } from './docs/docMessages';
import { HeldContent } from './HeldContent';
import type { Logger } from './logger';
import { type AwarenessChange, RoomAwareness } from './RoomAwareness';
import { type RoomCall, runCall } from './RoomCall';
import type { RoomDeps } from './RoomDeps';
import { QuarantineError, RoomDoc } from './RoomDoc';
import { type BatchItem, RoomQueue, type RoomTask } from './RoomQueue';
import { RoomLog } from './relay/RoomLog';
import { readFrame, refuseFrame } from './roomFrames';
import { awarenessMessage, SYNC_STEP_1, storedMessage, syncMessage } from './roomMessages';
import { outboxOf, type Senders, sendOutbox } from './roomOutbox';
import { isMapFull } from './storage/MapStore';

/** Frames handled per storage commit; bigger batches amortise fsync, smaller ones bound latency. */
const MAX_BATCH = 256;
const PROBE_MS = 5000;
/** Connection id of rows that come from the store rather than a client. */
const STORE_CONN = -1;

/**
 * One loaded map: its connections and awareness here, its Y.Doc on a doc worker (`docs/`).
 *
 * Invariants:
 * - The doc is exactly the stored log plus the changes of the batch being committed: it is loaded
 *   from storage before any connection joins, and only updates that pass the shape rules and the
 *   budgets are applied. When its worker ends, the doc is loaded again from storage and the batch
 *   in flight replayed (nothing of it was stored or acknowledged).
 * - Frames from all connections are processed in one FIFO. Everything a batch produces that could
 *   carry document content (relayed updates, sync step 2 answers, acks) is sent only after the
 *   batch's changes are committed, so no client ever holds server-relayed content the server could
 *   lose. `[100, n]` covers a frame only when its changes are committed (`AckTracker`).
 * - When applying fails (Yjs or our code threw), nothing of the batch is stored or acknowledged and
 *   the room closes (1011): the map reloads from storage on the next join. A room never keeps
 *   serving a doc whose state is unknown.
 * - Storage only receives the updates the doc emitted, so an empty doc cannot overwrite anything.
 * - With a relay (several nodes on one store): rows are published after they are committed, and rows
 *   from other nodes are applied in seq order (`SeqOrder`) in the same FIFO, relayed to local clients
 *   and not stored again. A hole in the seqs that does not fill within `relayGapMs`, or a relay
 *   that reconnected, is healed by reading the rows after the last applied seq from the store.
 */
export type { RoomDeps };

export class Room {
  readonly connections = new Set<Connection>();
  /** Called once when the room failed or was quarantined; the registry evicts it. */
  onFailure: ((quarantined?: string) => void) | undefined;
  readonly presence: RoomAwareness;
  private readonly log: Logger;
  private readonly doc: RoomDoc;
  private readonly queue = new RoomQueue();
  private running: Promise<void> | undefined;
  private readonly acks = new AckTracker();
  private readonly held: HeldContent;
  private failed = false;
  private closed = false;
  private readonly mapLog: RoomLog;
  /** Calls of the import and export API under way; the registry keeps a room with any loaded. */
  holds = 0;

  private constructor(
    readonly mapId: string,
    private readonly deps: RoomDeps,
  ) {
    this.log = deps.log.child({ mapId });
    this.doc = new RoomDoc(mapId, deps, this.log);
    this.held = new HeldContent(
      this.acks,
      deps,
      (id) => this.connectionById(id),
      () => this.enqueueTask('expirePending'),
    );
    // A reloaded doc lost what Yjs held back; its senders resync.
    this.doc.onReload = () => this.held.drop(this.held.holders(), 'the map moved; resync');
    this.presence = new RoomAwareness(deps.limits, deps.metrics, (owner) => owner.probe(PROBE_MS));
    this.presence.awareness.on('update', this.onAwarenessUpdate);
    this.mapLog = new RoomLog(
      mapId,
      deps,
      {
        enqueue: (item) => {
          this.queue.push(item);
          this.schedule();
        },
        applyStored: (updates) => this.applyStored(updates),
        isActive: () => this.isActive,
      },
      (update) => this.presence.applyRelayed(update),
    );
  }

  private get isActive(): boolean {
    return !this.failed && !this.closed;
  }

  /** Loads the map onto a doc worker. Rejects with QuarantineError when it is too expensive to load. */
  static async load(mapId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(mapId, deps);
    try {
      await room.doc.load();
      await room.mapLog.start(room.doc.lastSeq);
    } catch (err) {
      room.mapLog.stop();
      room.presence.destroy();
      throw err;
    }
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Estimated heap of this map's doc (for the server's memory budget). */
  get heapBytes(): number {
    return this.doc.heapBytes;
  }

  get placement(): Tier {
    return this.doc.tier;
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(syncMessage(SYNC_STEP_1, this.doc.stats.stateVector));
    const states = this.presence.awareness.getStates();
    if (states.size > 0) conn.send(awarenessMessage(this.presence.awareness, [...states.keys()]));
    conn.attach((frame) => this.enqueue(conn, frame));
  }

  /** Connections or API calls use it: not to be unloaded. */
  get inUse(): boolean {
    return this.connections.size > 0 || this.holds > 0;
  }

  /** The map's whole state as one update, ordered after every frame queued before. */
  read(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => this.enqueueCall({ kind: 'read', resolve, reject }));
  }

  /**
   * Applies an update of the server's own (an import) like a client's edit: shape rules and budgets
   * on the doc worker, stored before it resolves, relayed to every connection.
   */
  write(update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.enqueueCall({ kind: 'write', update, resolve, reject }));
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.leave(conn);
    this.acks.forget(conn);
  }

  /** Its worker ended while it hosted this room (for another room's sake): load the doc again. */
  hostLost(): void {
    if (this.failed || this.closed) return;
    this.enqueueTask('reload');
  }

  /** Finishes queued work, compacts, and frees the doc. The room accepts nothing afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.held.stop();
    this.mapLog.stop();
    await this.running;
    try {
      if (!this.failed && this.doc.rowCount > 1) await this.doc.compact(this.mapLog.applied);
    } finally {
      await this.doc.unload();
      this.presence.destroy();
    }
  }

  private enqueue(conn: Connection, frame: Frame): void {
    if (this.failed || this.closed) return;
    if (!conn.queueInRoom(frame.data.byteLength)) return;
    this.queue.push({ conn, frame });
    this.schedule();
  }

  private enqueueCall(call: RoomCall): void {
    this.queue.push({ call });
    if (this.failed || this.closed) this.queue.drop();
    else this.schedule();
  }

  private enqueueTask(task: RoomTask): void {
    this.queue.push({ task });
    this.schedule();
  }

  private schedule(): void {
    if (this.running) return;
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.queue.length > 0 && !this.failed) this.schedule();
    });
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0 && !this.failed) {
      const wait = Math.max(this.deps.cpu.waitMs(this.mapId), this.deps.writes.waitMs(this.mapId));
      if (wait > 0) {
        this.deps.metrics.throttledBatches++;
        this.log.debug({ wait }, 'map over its CPU or storage budget; its next batch waits');
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      try {
        const call = this.queue.takeCall();
        if (call) await this.processCall(call);
        else await this.processBatch(this.takeBatch());
        if (!this.failed && this.doc.rowCount > this.deps.compactThreshold)
          await this.doc.compact(this.mapLog.applied);
      } catch (err) {
        if (err instanceof QuarantineError) this.quarantine(err.reason);
        else this.fail(err, CLOSE_LOAD_FAILED, 'the map failed on the server; try again');
        return;
      }
      // Yield a full event-loop turn so one busy map cannot starve sockets and timers of others.
      if (this.queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /**
   * The next batch: at most MAX_BATCH frames and `maxBatchBytes` of input, and no more sync step 1
   * requests than `maxOutboxBytes` of answers allow (each answer may be the whole document).
   */
  private takeBatch(): BatchItem[] {
    const { maxOutboxBytes, maxBatchBytes } = this.deps.limits;
    return this.queue.takeBatch({
      maxFrames: this.doc.maxBatchFrames(MAX_BATCH),
      maxBytes: maxBatchBytes,
      maxAnswers: Math.max(1, Math.floor(maxOutboxBytes / Math.max(1, this.doc.stats.bytes))),
    });
  }

  private async processBatch(items: BatchItem[]): Promise<void> {
    const docFrames: DocFrame[] = [];
    const senders: Array<{ conn: Connection; frame: Frame }> = [];
    let appliedBytes = 0;
    let answers = 0;
    for (const item of items) {
      if ('relayed' in item) {
        await this.mapLog.relayed(item.relayed);
        continue;
      }
      if ('task' in item) {
        if (item.task === 'expirePending') await this.held.expire(() => this.doc.dropPending());
        else if (item.task === 'heal') await this.mapLog.heal();
        else if (!this.doc.isHosted) await this.doc.reload(this.doc.tier, 'its doc worker ended');
        continue;
      }
      const { conn, frame } = item;
      conn.processedInRoom(frame.data.byteLength);
      if (conn.rejected) continue;
      try {
        const docFrame = readFrame(conn, frame, this.presence, this.deps.metrics);
        if (!docFrame) continue;
        docFrames.push(docFrame);
        senders.push({ conn, frame });
        if (docFrame.kind === 'update') {
          appliedBytes += docFrame.update.byteLength;
        } else {
          answers++;
        }
      } catch (err) {
        refuseFrame(conn, err, this.deps.metrics, this.deps.suspects);
      }
    }
    if (docFrames.length === 0) return;
    // Answers share one encoding per state vector, but each may be the whole doc: bound the batch.
    const size = { appliedBytes, encodedBytes: answers * this.doc.stats.bytes, frames: docFrames.length };
    const result = await this.applyFrames(docFrames, size);
    if (!result) return;
    await this.commit(result, senders);
  }

  /** Rows already in the store, into the doc and out to local clients. */
  private async applyStored(updates: readonly Uint8Array[]): Promise<void> {
    const frames: DocFrame[] = updates.map((update) => ({ kind: 'stored', conn: STORE_CONN, update }));
    const appliedBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    const size = { appliedBytes, encodedBytes: 0, frames: frames.length };
    const result = await this.applyFrames(frames, size);
    if (result) await this.commit(result, []);
  }

  private processCall(call: RoomCall): Promise<void> {
    return runCall(call, this.doc.stats.bytes, {
      apply: (frames, size) => this.applyFrames(frames, size),
      keepStats: (result) => {
        this.doc.stats = result.stats;
      },
      commit: (result) => this.commit(result, [undefined]),
      failed: () => this.failed,
    });
  }

  private async applyFrames(frames: DocFrame[], size: OpSize): Promise<ApplyResult | undefined> {
    const suspect = frames.some((f) => {
      const conn = this.connectionById(f.conn);
      return conn !== undefined && this.deps.suspects.isSuspect(conn.address);
    });
    const markSenders = () => {
      for (const frame of frames) this.markSuspect(frame.conn);
    };
    if (size.appliedBytes > 0)
      await this.deps.makeHeadroom(size.appliedBytes * this.deps.cost.worstHeapBytesPerByte);
    const headroom = this.deps.heapHeadroom();
    const response = await this.doc.apply(frames, size, suspect, markSenders, headroom);
    if (response.ok) return response.apply;
    for (const id of response.invalid ?? []) {
      const conn = this.connectionById(id);
      if (!conn) continue;
      this.deps.metrics.reject('invalid_shape');
      this.deps.suspects.mark(conn.address);
      conn.close(CLOSE_INVALID_CONTENT, 'not a KetenKaart document');
    }
    this.fail(new Error(response.message), CLOSE_LOAD_FAILED, 'applying a change failed; reconnect');
    return undefined;
  }

  /** Resolves whether the batch's changes were stored (or it had none). */
  private async commit(result: ApplyResult, senders: Senders): Promise<boolean> {
    const outbox = outboxOf(result, senders, { acks: this.acks, ...this.deps });
    for (const id of result.released) {
      const conn = this.connectionById(id);
      if (conn) this.acks.release(conn);
    }
    this.held.drop(result.dropped, 'held-back content dropped; resync');
    this.doc.stats = result.stats;
    this.held.watch();

    // A reloaded doc (its worker ended) holds every row up to the seq it was loaded at.
    let released = this.mapLog.reloaded(this.doc.lastSeq);
    const updates = result.emitted.filter((e) => !e.stored).map((e) => e.update);
    if (updates.length > 0) {
      const started = performance.now();
      try {
        const appended = await this.deps.store.appendUpdates(this.mapId, updates, {
          maxBytes: this.deps.limits.maxDocumentBytes,
        });
        this.doc.rowCount = appended.rows;
        const firstSeq = appended.seq - updates.length + 1;
        const own = this.mapLog.committed(firstSeq, appended.seq, updates);
        released = { apply: [...released.apply, ...own.apply], gap: own.gap };
      } catch (err) {
        if (isMapFull(err)) await this.refuseOverfull(result, senders);
        else this.fail(err, CLOSE_LOAD_FAILED, 'storage failure, try again later');
        return false;
      }
      const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
      this.deps.metrics.observeWrite((performance.now() - started) / 1000);
      this.deps.metrics.bytesStored += bytes;
      // Storage is shared by every map: a map that writes more than its share waits before its next batch.
      this.deps.writes.charge(this.mapId, bytes);
    }
    sendOutbox(outbox, this.connections, this.deps.metrics);
    for (const [conn, n] of this.acks.due()) conn.send(storedMessage(n));
    if (released.apply.length > 0 || released.gap) await this.mapLog.release(released);
    return true;
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
  private async refuseOverfull(result: ApplyResult, senders: Senders): Promise<void> {
    const changed = new Set<Connection>();
    result.results.forEach((r, i) => {
      const sender = senders[i]?.conn;
      if (sender && r.kind === 'applied' && r.changed) changed.add(sender);
    });
    this.deps.metrics.reject('document_too_big');
    this.log.warn({ senders: changed.size }, 'the stored map is at its size limit; batch refused');
    await this.doc.reload(this.doc.tier, 'the store refused a batch over the document size limit');
    await this.mapLog.release(this.mapLog.reloaded(this.doc.lastSeq));
    if (this.isActive) await this.doc.compact(this.mapLog.applied);
    for (const conn of [...this.connections]) {
      if (changed.has(conn)) conn.close(CLOSE_TOO_BIG, 'the map is at its size limit');
      else conn.close(CLOSE_RESYNC, 'the map was reloaded; resync');
    }
  }

  private connectionById(id: number): Connection | undefined {
    for (const conn of this.connections) if (conn.id === id) return conn;
    return undefined;
  }

  private markSuspect(id: number): void {
    const conn = this.connectionById(id);
    if (conn) this.deps.suspects.mark(conn.address);
  }

  // Awareness carries no document content, so it is relayed at once rather than after a commit.
  private readonly onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void => {
    this.presence.broadcast(change, origin, this.connections, (update) =>
      this.deps.relay?.publishAwareness(this.mapId, update),
    );
  };

  private quarantine(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.queue.drop();
    this.held.stop();
    for (const conn of this.connections) {
      conn.close(CLOSE_MAP_QUARANTINED, 'this map is quarantined: it costs more than the server allows');
    }
    this.onFailure?.(reason);
  }

  private fail(err: unknown, code: number, reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.queue.drop();
    this.held.stop();
    this.log.error({ err }, 'closing the map; clients resend their unsaved changes after reconnecting');
    for (const conn of this.connections) conn.close(code, reason);
    this.onFailure?.();
  }
}
