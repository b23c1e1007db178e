import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  CLOSE_LOAD_FAILED,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_TOO_BIG,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_STORED,
  MESSAGE_SYNC,
} from '../shared/protocol/syncProtocol';
import type { Connection, Frame } from './Connection';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { ProtocolError } from './ProtocolError';
import { compactMap } from './storage/compactMap';
import type { MapStore } from './storage/MapStore';

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Frames handled per storage commit; bigger batches amortise fsync, smaller ones bound latency. */
const MAX_BATCH = 256;
const LOAD_ORIGIN = Symbol('load');

export interface RoomDeps {
  store: MapStore;
  metrics: Metrics;
  limits: Limits;
  log: Logger;
  /** Compact the update log once it holds more rows than this. */
  compactThreshold: number;
}

interface Outgoing {
  message: Uint8Array;
  /** Unicast when set; otherwise broadcast to every connection except `except`. */
  to?: Connection;
  except?: Connection;
}

const encodeMessage = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/**
 * One loaded map: its Y.Doc, awareness and connections.
 *
 * Invariants:
 * - The doc is exactly the stored log (plus changes of the batch being committed): it is built from
 *   storage before any connection joins, and only changes that pass validation are applied.
 * - Frames from all connections are processed in one FIFO. Everything a batch produces that could carry
 *   document content (relayed updates, sync step 2 replies, acks) is sent only after the batch's
 *   changes are committed, so no client ever holds server-relayed content the server could lose.
 * - Nothing here writes a whole document state over stored data: storage only receives the updates
 *   emitted by the doc, so an empty doc cannot overwrite anything.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Called once when storage failed; the registry evicts the room so the next join reloads it. */
  onFailure: (() => void) | undefined;
  private readonly queue: Array<{ conn: Connection; frame: Frame }> = [];
  private running: Promise<void> | undefined;
  private batchUpdates: Uint8Array[] = [];
  private outbox: Outgoing[] = [];
  private acks = new Map<Connection, number>();
  private rowCount = 0;
  /** Upper bound of the encoded doc size: sum of stored row sizes. Recomputed exactly near the limit. */
  private approxBytes = 0;
  private failed = false;
  private closed = false;
  private readonly log: Logger;

  private constructor(
    readonly mapId: string,
    private readonly deps: RoomDeps,
  ) {
    this.log = deps.log.child({ mapId });
    this.awareness.setLocalState(null);
  }

  static async load(mapId: string, deps: RoomDeps): Promise<Room> {
    const rows = await deps.store.loadUpdates(mapId);
    const room = new Room(mapId, deps);
    Y.transact(
      room.doc,
      () => {
        for (const row of rows) Y.applyUpdate(room.doc, row.data, LOAD_ORIGIN);
      },
      LOAD_ORIGIN,
    );
    room.rowCount = rows.length;
    room.approxBytes = rows.reduce((sum, row) => sum + row.data.byteLength, 0);
    room.doc.on('update', room.onDocUpdate);
    room.awareness.on('update', room.onAwarenessUpdate);
    return room;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(
      encodeMessage((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, SYNC_STEP_1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
      }),
    );
    const states = this.awareness.getStates();
    if (states.size > 0) conn.send(this.encodeAwareness([...states.keys()]));
    conn.attach((frame) => this.enqueue(conn, frame));
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
  }

  /** Finishes queued work, compacts, and frees the doc. The room accepts nothing afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    try {
      if (!this.failed && this.rowCount > 1) await this.compact();
    } finally {
      this.awareness.destroy();
      this.doc.destroy();
    }
  }

  private enqueue(conn: Connection, frame: Frame): void {
    if (this.failed || this.closed) return;
    this.queue.push({ conn, frame });
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
      });
    }
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0 && !this.failed) {
      for (const { conn, frame } of this.queue.splice(0, MAX_BATCH)) {
        if (!conn.rejected) this.handleFrame(conn, frame);
      }
      await this.commitBatch();
      if (!this.failed && this.rowCount > this.deps.compactThreshold) await this.compact();
      // Yield a full event-loop turn so one busy map cannot starve sockets and timers of others.
      if (this.queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async commitBatch(): Promise<void> {
    const updates = this.batchUpdates;
    const outbox = this.outbox;
    const acks = this.acks;
    this.batchUpdates = [];
    this.outbox = [];
    this.acks = new Map();
    if (updates.length > 0) {
      const started = performance.now();
      try {
        await this.deps.store.appendUpdates(this.mapId, updates);
      } catch (err) {
        this.fail(err);
        return;
      }
      const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
      this.deps.metrics.observeWrite((performance.now() - started) / 1000);
      this.deps.metrics.bytesStored += bytes;
      this.rowCount += updates.length;
      this.approxBytes += bytes;
    }
    for (const item of outbox) {
      if (item.to) {
        item.to.send(item.message);
        continue;
      }
      for (const conn of this.connections) {
        if (conn === item.except) continue;
        conn.send(item.message);
        this.deps.metrics.updatesOut++;
      }
    }
    for (const [conn, n] of acks) {
      conn.send(
        encodeMessage((e) => {
          encoding.writeVarUint(e, MESSAGE_STORED);
          encoding.writeVarUint(e, n);
        }),
      );
    }
  }

  private handleFrame(conn: Connection, frame: Frame): void {
    try {
      const decoder = decoding.createDecoder(frame.data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          this.handleSync(conn, frame, decoder);
          break;
        case MESSAGE_AWARENESS:
          this.handleAwareness(conn, decoding.readVarUint8Array(decoder));
          break;
        case MESSAGE_QUERY_AWARENESS:
          conn.send(this.encodeAwareness([...this.awareness.getStates().keys()]));
          break;
        default:
          throw new ProtocolError(CLOSE_PROTOCOL_ERROR, `unknown message type ${type}`, 'unknown_type');
      }
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.deps.metrics.reject(err.reason);
        conn.log.warn({ reason: err.reason }, err.message);
        conn.close(err.closeCode, err.message);
      } else {
        this.deps.metrics.reject('malformed');
        conn.log.warn({ err }, 'malformed message');
        conn.close(CLOSE_PROTOCOL_ERROR, 'malformed message');
      }
    }
  }

  private handleSync(conn: Connection, frame: Frame, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === SYNC_STEP_1) {
      // Throws on a malformed state vector before anything is queued.
      const diff = Y.encodeStateAsUpdate(this.doc, payload);
      this.outbox.push({
        to: conn,
        message: encodeMessage((e) => {
          encoding.writeVarUint(e, MESSAGE_SYNC);
          encoding.writeVarUint(e, SYNC_STEP_2);
          encoding.writeVarUint8Array(e, diff);
        }),
      });
      return;
    }
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
      throw new ProtocolError(CLOSE_PROTOCOL_ERROR, `unknown sync message type ${syncType}`, 'unknown_type');
    }
    if (conn.role !== 'edit') {
      this.deps.metrics.reject('read_only');
      return;
    }
    // Decoding the whole update first means a malformed one throws before the doc is touched:
    // Y.applyUpdate integrates structs before it reads the delete set, so it could fail halfway.
    Y.decodeUpdate(payload);
    this.ensureRoomFor(payload);
    const before = this.batchUpdates.length;
    Y.applyUpdate(this.doc, payload, conn);
    if (this.batchUpdates.length > before) this.deps.metrics.updatesIn++;
    if (conn.wantsAck) this.acks.set(conn, frame.index);
  }

  private ensureRoomFor(update: Uint8Array): void {
    const limit = this.deps.limits.maxDocumentBytes;
    const pending = this.batchUpdates.reduce((sum, u) => sum + u.byteLength, 0);
    if (this.approxBytes + pending + update.byteLength <= limit) return;
    // The row sum overestimates (overwritten and deleted content); measure before refusing.
    const exact = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.approxBytes = exact - pending;
    if (exact + update.byteLength > limit) {
      throw new ProtocolError(CLOSE_TOO_BIG, 'document size limit reached', 'document_too_big');
    }
  }

  private handleAwareness(conn: Connection, update: Uint8Array): void {
    if (update.byteLength > this.deps.limits.maxAwarenessBytes) {
      throw new ProtocolError(CLOSE_TOO_BIG, 'awareness state too large', 'awareness_too_big');
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.batchUpdates.push(update);
    this.outbox.push({
      message: encodeMessage((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, update);
      }),
      except: this.connections.has(origin as Connection) ? (origin as Connection) : undefined,
    });
  };

  // Awareness carries no document content, so it is relayed at once rather than after a commit.
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = this.connections.has(origin as Connection) ? (origin as Connection) : undefined;
    if (conn) {
      for (const id of added) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const message = this.encodeAwareness([...added, ...updated, ...removed]);
    for (const c of this.connections) c.send(message);
  };

  private encodeAwareness(clients: number[]): Uint8Array {
    return encodeMessage((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    });
  }

  private async compact(): Promise<void> {
    try {
      const result = await compactMap(this.deps.store, this.mapId);
      if (!result) return;
      // Rows appended while compacting are none: compaction runs between batches of this room's queue.
      this.rowCount = this.rowCount - result.rowsBefore + 1;
      this.approxBytes = result.bytesAfter;
      this.deps.metrics.compactions++;
      this.log.debug(result, 'compacted update log');
    } catch (err) {
      // The log is untouched on failure (one transaction), so serving can go on.
      this.log.error({ err }, 'compaction failed');
    }
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.queue.length = 0;
    this.log.error({ err }, 'storage write failed; closing the map so clients resend after reconnecting');
    for (const conn of this.connections) conn.close(CLOSE_LOAD_FAILED, 'storage failure, try again later');
    this.onFailure?.();
  }
}
