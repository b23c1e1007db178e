import type { WebSocket } from 'ws';
import { CLOSE_PROTOCOL_ERROR, CLOSE_TOO_MANY_MESSAGES } from '../shared/protocol/syncProtocol';
import type { Role } from './accessControl';
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
export class Connection {
  role: Role | undefined;
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

  constructor(
    readonly socket: WebSocket,
    readonly mapId: string,
    readonly wantsAck: boolean,
    readonly log: Logger,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
  }

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
