import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createClient } from 'redis';
import type { Logger } from '../logger';
import type { RelayedUpdates, RelayListener, RoomRelay } from './RoomRelay';

const PREFIX = 'ketenkaart:';
const mapChannel = (mapId: string) => `${PREFIX}map:${mapId}`;
const CONTROL_CHANNEL = `${PREFIX}control`;

enum Kind {
  Updates = 0,
  Awareness = 1,
  KeysRotated = 2,
  /** A node's link to Redis came back: messages it published meanwhile were lost; everyone heals. */
  Resync = 3,
}

export interface RedisRelayOptions {
  /** redis://[:password@]host:port[/db] */
  url: string;
  log: Logger;
  /** How long `connect` waits for Redis before the node starts without fan-out (degraded); default 3000. */
  connectTimeoutMs?: number;
}

const reconnectStrategy = (retries: number) => Math.min(50 * 2 ** Math.min(retries, 5), 1000);
const makeClient = (url: string, offlineQueue: boolean) =>
  createClient({ url, disableOfflineQueue: !offlineQueue, socket: { reconnectStrategy } });
type Client = ReturnType<typeof makeClient>;

/**
 * RoomRelay over Redis pub/sub: one channel per map (a node subscribes while the map is loaded), one
 * control channel (key rotations, resync requests). Messages are binary; each names the node that
 * sent it, and a node ignores its own.
 *
 * Pub/sub delivers nothing to a node that is not connected, which is fine here: the rows are in the
 * store and carry seqs. A node whose subscription comes back asks its rooms to heal (read the rows
 * after their last seq); a node whose publishing connection comes back tells every node to heal, for
 * the messages it could not publish. Publishing never queues while Redis is away (the commit path
 * must not wait on it, nor pile up messages).
 */
export class RedisRelay implements RoomRelay {
  private readonly node = randomUUID();
  private readonly listeners = new Map<string, RelayListener>();
  private readonly keyListeners: Array<(mapId: string, keyVersion: number) => void> = [];
  private pubWasDown = false;
  private subReadyBefore = false;
  private closed = false;

  private constructor(
    private readonly pub: Client,
    private readonly sub: Client,
    private readonly log: Logger,
  ) {}

  static async connect(options: RedisRelayOptions): Promise<RedisRelay> {
    const pub = makeClient(options.url, false);
    const sub = makeClient(options.url, true);
    const relay = new RedisRelay(pub, sub, options.log);
    relay.watch();
    const ready = Promise.all([pub.connect(), sub.connect()]).then(() => true);
    ready.catch(() => {});
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), options.connectTimeoutMs ?? 3000).unref(),
    );
    if (!(await Promise.race([ready, timeout]))) {
      options.log.error('Redis is unreachable: serving without fan-out to other nodes until it is back');
    }
    await relay.subscribeControl();
    return relay;
  }

  get connected(): boolean {
    return this.pub.isReady && this.sub.isReady;
  }

  async join(mapId: string, listener: RelayListener): Promise<void> {
    this.listeners.set(mapId, listener);
    const subscribed = this.sub.subscribe(mapChannel(mapId), this.onMessage, true);
    // While Redis is away the subscription waits in the offline queue; the map is served meanwhile
    // and heals when the subscription comes back.
    if (this.sub.isReady) await subscribed.catch((err: unknown) => this.warn(err, 'subscribing failed'));
    else subscribed.catch(() => {});
  }

  leave(mapId: string, listener: RelayListener): void {
    if (this.listeners.get(mapId) !== listener) return;
    this.listeners.delete(mapId);
    if (!this.closed) this.sub.unsubscribe(mapChannel(mapId)).catch(() => {});
  }

  publishUpdates(message: RelayedUpdates): void {
    const encoder = this.header(Kind.Updates);
    encoding.writeVarUint(encoder, message.firstSeq);
    encoding.writeVarUint(encoder, message.lastSeq);
    encoding.writeVarUint(encoder, message.updates.length);
    for (const update of message.updates) encoding.writeVarUint8Array(encoder, update);
    this.publish(mapChannel(message.mapId), encoder);
  }

  publishAwareness(mapId: string, update: Uint8Array): void {
    const encoder = this.header(Kind.Awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.publish(mapChannel(mapId), encoder);
  }

  publishKeysRotated(mapId: string, keyVersion: number): void {
    const encoder = this.header(Kind.KeysRotated);
    encoding.writeVarString(encoder, mapId);
    encoding.writeVarUint(encoder, keyVersion);
    this.publish(CONTROL_CHANNEL, encoder);
  }

  onKeysRotated(listener: (mapId: string, keyVersion: number) => void): void {
    this.keyListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    // close() waits for the connection to finish what it sent; a client that is reconnecting (Redis
    // away) would wait for Redis to return, and a shutdown during an outage would hang.
    const end = (client: typeof this.pub | typeof this.sub) =>
      client.isReady ? client.close() : Promise.resolve(client.destroy());
    await Promise.allSettled([end(this.pub), end(this.sub)]);
  }

  private watch(): void {
    let lastWarning = 0;
    const onError = (err: Error) => {
      // A client retries on its own; an outage would log this for every attempt.
      if (Date.now() - lastWarning < 5000) return;
      lastWarning = Date.now();
      this.log.warn({ err: err.message }, 'Redis connection error; retrying');
    };
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    this.pub.on('end', () => {
      this.pubWasDown = true;
    });
    this.pub.on('reconnecting', () => {
      this.pubWasDown = true;
    });
    this.pub.on('ready', () => {
      if (!this.pubWasDown) return;
      this.pubWasDown = false;
      this.log.info('Redis is back: asking every node to heal what it missed');
      this.publish(CONTROL_CHANNEL, this.header(Kind.Resync));
    });
    this.sub.on('ready', () => {
      if (!this.subReadyBefore) {
        this.subReadyBefore = true;
        return;
      }
      this.resyncAll();
    });
  }

  private async subscribeControl(): Promise<void> {
    const subscribed = this.sub.subscribe(CONTROL_CHANNEL, this.onMessage, true);
    if (this.sub.isReady) await subscribed;
    else subscribed.catch(() => {});
  }

  private resyncAll(): void {
    for (const listener of this.listeners.values()) listener.resync();
  }

  private header(kind: Kind): encoding.Encoder {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.node);
    return encoder;
  }

  private publish(channel: string, encoder: encoding.Encoder): void {
    if (this.closed) return;
    if (!this.pub.isReady) {
      this.pubWasDown = true;
      return;
    }
    this.pub.publish(channel, Buffer.from(encoding.toUint8Array(encoder))).catch((err: unknown) => {
      this.pubWasDown = true;
      this.warn(err, 'publishing failed; the other nodes heal from the store');
    });
  }

  private readonly onMessage = (message: Buffer, channel: Buffer | string): void => {
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      );
      const kind = decoding.readVarUint(decoder) as Kind;
      if (decoding.readVarString(decoder) === this.node) return;
      const name = channel.toString();
      if (kind === Kind.KeysRotated) {
        const mapId = decoding.readVarString(decoder);
        const keyVersion = decoding.readVarUint(decoder);
        for (const listener of this.keyListeners) listener(mapId, keyVersion);
        return;
      }
      if (kind === Kind.Resync) {
        this.resyncAll();
        return;
      }
      const mapId = name.slice(mapChannel('').length);
      const listener = this.listeners.get(mapId);
      if (!listener) return;
      if (kind === Kind.Awareness) {
        listener.awareness(decoding.readVarUint8Array(decoder));
        return;
      }
      if (kind === Kind.Updates) {
        const firstSeq = decoding.readVarUint(decoder);
        const lastSeq = decoding.readVarUint(decoder);
        const count = decoding.readVarUint(decoder);
        const updates: Uint8Array[] = [];
        for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder).slice());
        listener.updates({ mapId, firstSeq, lastSeq, updates });
      }
    } catch (err) {
      // Only nodes of this service publish here; a message that does not decode is dropped, and
      // the seqs it carried are healed from the store.
      this.warn(err, 'dropped an undecodable relay message');
    }
  };

  private warn(err: unknown, message: string): void {
    this.log.warn({ err: err instanceof Error ? err.message : String(err) }, message);
  }
}
