import { CLOSE_LOAD_FAILED, CLOSE_MAP_QUARANTINED } from '../shared/protocol/syncProtocol';
import { AckTracker } from './AckTracker';
import { applyFrames } from './applyFrames';
import type { Connection, Frame } from './Connection';
import type { OpSize } from './docs/costModel';
import type { Tier } from './docs/DocWorker';
import type { ApplyResult, DocFrame } from './docs/docMessages';
import { HeldContent } from './HeldContent';
import type { Logger } from './logger';
import { type AwarenessChange, RoomAwareness } from './RoomAwareness';
import { type RoomCall, runCall } from './RoomCall';
import { type AppliedBatch, RoomCommits } from './RoomCommits';
import type { RoomDeps } from './RoomDeps';
import { QuarantineError, RoomDoc } from './RoomDoc';
import { type BatchItem, RoomQueue, type RoomTask } from './RoomQueue';
import { RoomLog } from './relay/RoomLog';
import { readFrame, refuseFrame } from './roomFrames';
import { awarenessMessage, SYNC_STEP_1, syncMessage } from './roomMessages';
import type { Senders } from './roomOutbox';

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
 *   lose. `[100, n]` covers a frame only when its changes are committed (`AckTracker`). Without a
 *   relay the next batch is applied while the previous one commits (`RoomCommits`); commits and
 *   sends keep the order of the batches.
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
  private readonly commits: RoomCommits;
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
    this.commits = new RoomCommits(mapId, deps, this.log, {
      acks: this.acks,
      held: this.held,
      doc: this.doc,
      mapLog: this.mapLog,
      room: {
        connections: this.connections,
        connectionById: (id) => this.connectionById(id),
        fail: (err, code, reason) => this.fail(err, code, reason),
        isActive: () => this.isActive,
        isFailed: () => this.failed,
        schedule: () => this.schedule(),
      },
    });
    this.doc.beforeReload = () => this.commits.settle();
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
    await this.commits.settle();
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
      if ((this.queue.length > 0 || this.commits.hasRefusal) && !this.failed) this.schedule();
    });
  }

  private async run(): Promise<void> {
    while ((this.queue.length > 0 || this.commits.hasRefusal) && !this.failed) {
      const refused = this.commits.takeRefusal();
      if (refused) {
        await this.commits.refuseOverfull(refused);
        continue;
      }
      const wait = Math.max(this.deps.cpu.waitMs(this.mapId), this.deps.writes.waitMs(this.mapId));
      if (wait > 0) {
        this.deps.metrics.throttledBatches++;
        this.log.debug({ wait }, 'map over its CPU or storage budget; its next batch waits');
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      try {
        const call = this.queue.takeCall();
        if (call) {
          await this.commits.settle();
          await this.processCall(call);
        } else await this.processBatch(this.takeBatch());
        if (!this.failed && this.doc.rowCount > this.deps.compactThreshold) {
          await this.commits.settle();
          if (!this.failed && !this.commits.hasRefusal) await this.doc.compact(this.mapLog.applied);
        }
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
      // Tasks and relayed rows read or replace the doc or the stored log: everything before is committed.
      if (!('conn' in item)) await this.commits.settle();
      if (this.failed || this.commits.hasRefusal) return;
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
    await this.commits.room();
    const result = await this.applyFrames(docFrames, size);
    // A refused commit reloads the doc, which drops this batch: its senders are closed to resync.
    if (!result || this.failed || this.commits.hasRefusal) return;
    this.doc.stats = result.stats;
    if (this.deps.relay) await this.commit(result, senders);
    else this.commits.push({ result, senders });
  }

  /** Rows already in the store, into the doc and out to local clients. */
  private async applyStored(updates: readonly Uint8Array[]): Promise<void> {
    const frames: DocFrame[] = updates.map((update) => ({ kind: 'stored', conn: STORE_CONN, update }));
    const appliedBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    const size = { appliedBytes, encodedBytes: 0, frames: frames.length };
    const result = await this.applyFrames(frames, size);
    if (!result) return;
    this.doc.stats = result.stats;
    await this.commit(result, []);
  }

  private processCall(call: RoomCall): Promise<void> {
    return runCall(call, this.doc.stats.bytes, {
      apply: (frames, size) => this.applyFrames(frames, size),
      keepStats: (result) => {
        this.doc.stats = result.stats;
      },
      commit: (result) => {
        this.doc.stats = result.stats;
        return this.commit(result, [undefined]);
      },
      failed: () => this.failed,
    });
  }

  private applyFrames(frames: DocFrame[], size: OpSize): Promise<ApplyResult | undefined> {
    return applyFrames(
      {
        deps: this.deps,
        doc: this.doc,
        connectionById: (id) => this.connectionById(id),
        fail: (err, code, reason) => this.fail(err, code, reason),
      },
      frames,
      size,
    );
  }

  /** Commits one batch before the room goes on; resolves whether its changes were stored (or it had none). */
  private commit(result: AppliedBatch['result'], senders: Senders): Promise<boolean> {
    return this.commits.commitNow({ result, senders });
  }

  private connectionById(id: number): Connection | undefined {
    for (const conn of this.connections) if (conn.id === id) return conn;
    return undefined;
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
