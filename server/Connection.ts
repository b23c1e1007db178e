import type { WebSocket } from 'ws';
import { type DocKind, parseDocRoom } from '../shared/protocol/docRooms';
import { CLOSE_PROTOCOL_ERROR, CLOSE_TOO_MANY_MESSAGES } from '../shared/protocol/syncProtocol';
import type { Role } from './access/mapKeys';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { TokenBucket } from './TokenBucket';

/** One received binary frame; `index` counts every frame of the connection from 1 (the ack's `n`). */
export interface Frame {
  data: Uint8Array;
  index: number;
}

/**
 * One sync socket. Frames are counted and rate-limited on arrival; until `attach` they wait in a
 * bounded queue (the map is still being authorised or loaded), afterwards they go straight to the room.
 */
let nextConnectionId = 1;

export class Connection {
  /** Names this connection to doc workers (which see no sockets). */
  readonly id = nextConnectionId++;
  role: Role | undefined;
  /** Whether this socket's document updates are taken (the Authorizer's grant for its room). */
  writes = false;
  /** Which of the map's documents this socket syncs (its room, `mapId`, names it). */
  readonly docKind: DocKind;
  /** The map whose room this is (its keys open it, its rotations close it). */
  readonly ofMap: string;
  keyVersion = 0;
  /** Awareness client ids this socket introduced; removed and broadcast when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Set when the server refused this connection's input; its later frames are ignored. */
  rejected = false;
  private framesReceived = 0;
  private queued: Frame[] | undefined = [];
  private queuedBytes = 0;
  private sink: ((frame: Frame) => void) | undefined;
  private readonly bucket: TokenBucket;
  private readonly answers: TokenBucket;
  /** Bytes of frames handed to the room and not yet processed (bounded by `maxQueuedBytes`). */
  private queuedInRoom = 0;
  /** When the last frame arrived (for the idle deadline). */
  lastFrameAt = performance.now();

  constructor(
    readonly socket: WebSocket,
    /** The room: the map's id, or its conversation doc's (`docRooms.ts`). */
    readonly mapId: string,
    readonly wantsAck: boolean,
    readonly log: Logger,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    /** The client address as per-address limits count it (`clientAddress`). */
    readonly address = 'unknown',
  ) {
    const room = parseDocRoom(mapId);
    this.docKind = room?.kind ?? 'map';
    this.ofMap = room?.mapId ?? mapId;
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.answers = new TokenBucket(limits.syncAnswersPerMinute / 60, limits.syncAnswerBurst);
  }

  /** One sync step 1 answer (a document encoding) for this connection, if its budget allows. */
  takeSyncAnswer(): boolean {
    return this.answers.take();
  }

  /** Counts a frame the room queued; false (and the socket closed) when the connection queues too much. */
  queueInRoom(bytes: number): boolean {
    this.queuedInRoom += bytes;
    if (this.queuedInRoom <= this.limits.maxQueuedBytes) return true;
    this.metrics.reject('queue_full');
    this.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages waiting for the map');
    return false;
  }

  processedInRoom(bytes: number): void {
    this.queuedInRoom -= bytes;
  }

  /**
   * Asks the client to prove it is alive: a ping that must be answered within `withinMs`, else the
   * socket is terminated (a half-open socket would otherwise keep what it owns until keep-alive).
   */
  probe(withinMs: number): void {
    if (this.probing || !this.isOpen) return;
    this.probing = setTimeout(() => {
      this.log.info('no answer to a liveness probe; terminating');
      this.socket.terminate();
    }, withinMs);
    this.probing.unref();
    this.socket.once('pong', () => {
      clearTimeout(this.probing);
      this.probing = undefined;
    });
    try {
      this.socket.ping();
    } catch {
      this.socket.terminate();
    }
  }

  private probing: NodeJS.Timeout | undefined;

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  receive(data: Uint8Array, isBinary: boolean): void {
    if (this.rejected) return;
    if (!isBinary) {
      this.metrics.reject('text_frame');
      this.close(CLOSE_PROTOCOL_ERROR, 'text frames are not part of the protocol');
      return;
    }
    if (!this.bucket.take()) {
      this.metrics.reject('rate_limited');
      this.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages');
      return;
    }
    this.lastFrameAt = performance.now();
    const frame: Frame = { data, index: ++this.framesReceived };
    if (this.sink) {
      this.sink(frame);
      return;
    }
    if (!this.queued) return;
    this.queuedBytes += data.byteLength;
    if (this.queued.length >= this.limits.maxQueuedFrames || this.queuedBytes > this.limits.maxQueuedBytes) {
      this.metrics.reject('queue_full');
      this.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages before the map was ready');
      return;
    }
    this.queued.push(frame);
  }

  /** Starts delivering frames to `sink`, first the ones queued meanwhile, in arrival order. */
  attach(sink: (frame: Frame) => void): void {
    const queued = this.queued ?? [];
    this.queued = undefined;
    this.queuedBytes = 0;
    this.sink = sink;
    for (const frame of queued) sink(frame);
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log.warn({ buffered: this.socket.bufferedAmount }, 'dropping a connection that does not read');
      this.socket.terminate();
      return;
    }
    this.socket.send(message, (err) => {
      if (err) this.log.debug({ err }, 'send failed');
    });
  }

  /**
   * Closes once. Unless `keepInput` (shutdown: frames already received are still worth storing), frames
   * not yet processed are dropped. Reasons are capped to the 123 bytes a close frame allows.
   */
  close(code: number, reason: string, keepInput = false): void {
    if (!keepInput) {
      this.rejected = true;
      this.queued = undefined;
      this.sink = undefined;
    }
    const state = this.socket.readyState;
    if (state === this.socket.CLOSING || state === this.socket.CLOSED) return;
    this.log.info({ code, reason }, 'closing connection');
    try {
      this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
    } catch (err) {
      this.log.warn({ err }, 'close failed; terminating');
      this.socket.terminate();
    }
  }
}
