import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import { MESSAGE_STORED } from '../../shared/protocol/syncProtocol';
import { createServer, type RunningServer, type ServerOptions } from '../createServer';

export const tempDir = (prefix = 'ketenkaart-test-'): string =>
  fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Polls `predicate` on short timers until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function once<T extends unknown[]>(emitter: EventEmitter, event: string): Promise<T> {
  return new Promise((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args as T)));
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  return createServer({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    roomIdleMs: 20,
    // One shared doc worker (plus its spare) per test server: workers take 200–400 ms to start.
    docWorkers: 1,
    isolatedDocWorkers: 2,
    staticDir: path.join(tempDir(), 'no-client'),
    dataDir: options.store ? undefined : tempDir(),
    ...options,
  });
}

export interface MapCredentials {
  id: string;
  editKey: string;
  viewKey: string;
  participateKey: string;
}

export async function createMap(
  serverUrl: string,
  body: Record<string, unknown> = {},
): Promise<MapCredentials> {
  const res = await fetch(`${serverUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/maps answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as MapCredentials;
}

export const wsUrl = (serverUrl: string): string => serverUrl.replace(/^http/, 'ws');

/** A WebSocket that counts the frames it sends, to check the ack's `n`. */
export class CountingWebSocket extends WebSocket {
  sentFrames = 0;
  override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
    this.sentFrames++;
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** `n` of every MESSAGE_STORED received (only when connected with ack). */
  acks: number[];
  /** Every MESSAGE_STORED with the socket it arrived on. */
  acksBySocket: Array<{ socket: CountingWebSocket; n: number }>;
  /** Close events from the server, in order. */
  closes: Array<{ code: number; reason: string }>;
  socket(): CountingWebSocket;
  destroy(): void;
}

/** The stock y-websocket client, as the browser app uses it (BroadcastChannel off: one process, many clients). */
export interface ConnectOptions {
  ack?: boolean;
  doc?: Y.Doc;
  /** Sees every frame the client sends, with its socket and 1-based index on that socket. */
  onFrameSent?: (socket: CountingWebSocket, index: number, data: Uint8Array) => void;
  /** Binds the client's sockets to this local address (127.x.y.z), to look like another client machine. */
  localAddress?: string;
}

export function connect(
  serverUrl: string,
  mapId: string,
  key: string | undefined,
  { ack = false, doc = new Y.Doc(), onFrameSent, localAddress }: ConnectOptions = {},
): Client {
  const params: Record<string, string> = {};
  if (key !== undefined) params.key = key;
  if (ack) params.ack = '1';
  class ClientSocket extends CountingWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, localAddress ? { localAddress } : {});
    }
    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      super.send(data, ...rest);
      onFrameSent?.(this, this.sentFrames, data as Uint8Array);
    }
  }
  const provider = new WebsocketProvider(`${wsUrl(serverUrl)}/sync`, mapId, doc, {
    params,
    WebSocketPolyfill: ClientSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 100,
  });
  const acks: number[] = [];
  const acksBySocket: Client['acksBySocket'] = [];
  if (ack) {
    provider.messageHandlers[MESSAGE_STORED] = (_encoder: encoding.Encoder, decoder: decoding.Decoder) => {
      const n = decoding.readVarUint(decoder);
      acks.push(n);
      acksBySocket.push({ socket: provider.ws as unknown as CountingWebSocket, n });
    };
  }
  const closes: Client['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    acks,
    acksBySocket,
    closes,
    socket: () => provider.ws as unknown as CountingWebSocket,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export const synced = (client: Client): Promise<void> =>
  client.provider.synced
    ? Promise.resolve()
    : new Promise((resolve) => client.provider.once('sync', () => resolve()));

/** Resolves once the server acknowledged every frame this client sent so far. */
export async function allStored(client: Client, what = 'ack of all frames sent'): Promise<void> {
  await waitFor(() => {
    const socket = client.socket();
    return socket !== null && client.acks.at(-1) === socket.sentFrames;
  }, what);
}

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare socket for sending hand-made frames and seeing exactly what the server sends back. */
export function openRaw(url: string, headers: Record<string, string> = {}, localAddress?: string): RawSocket {
  const ws = new WebSocket(url, { headers, ...(localAddress ? { localAddress } : {}) });
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, messages, opened, closed };
}

export const encodeFrame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** `[sync, update, bytes]` as the client sends it. */
export const updateFrame = (update: Uint8Array): Uint8Array =>
  encodeFrame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

/**
 * Test content is real KetenKaart content, written through the model: an actor per key, its label
 * the value. (The server refuses anything a KetenKaart client would not write.)
 */
export function putLabel(doc: Y.Doc, id: string, label: string): void {
  const map = new ChainMap(doc);
  if (map.getActor(id)) map.updateActor(id, { label });
  else map.addActor({ id, kind: 'service', label });
}

export const labelOf = (doc: Y.Doc, id: string): string | undefined => new ChainMap(doc).getActor(id)?.label;

/** Actor ids stored in the doc. */
export const actorIds = (doc: Y.Doc): string[] => new ChainMap(doc).storedIds().actors;

/** Content of a doc as plain JSON (actor id → label), for comparisons. */
export const contentOf = (doc: Y.Doc): Record<string, string> =>
  Object.fromEntries(new ChainMap(doc).actors().map((a) => [a.id, a.label]));

export function docFromUpdates(updates: Iterable<Uint8Array>): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** What `closedAfterEach` closes: a server, a store, a worker; its `close` may be called again. */
export interface Closable {
  close(): unknown;
}

/**
 * `closing` for a test file: `closing(resource)` answers the resource and closes it after each test,
 * last registered first, so a server closes before the store it was given (its close still writes
 * to that store). Every resource a test opened is closed, also one whose variable a restart
 * overwrote. Registering a resource twice closes it once; one the test closed itself is closed
 * again, which is why `close` must be idempotent (RunningServer and every MapStore answer the same
 * promise). A failing close does not keep the others open: all are closed, then the first failure
 * is thrown. Call it before `clientsClosedAfterEach`, whose hook must run first.
 */
export function closedAfterEach(): <T extends Closable>(resource: T) => T {
  const resources: Closable[] = [];
  afterEach(async () => {
    const failures: unknown[] = [];
    for (const resource of resources.splice(0).reverse()) {
      try {
        await resource.close();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  });
  return (resource) => {
    if (!resources.includes(resource)) resources.push(resource);
    return resource;
  };
}

/**
 * `open` for a test file: connects like `connect` and destroys every client it opened after each
 * test. Call it after the file's own afterEach: Vitest runs after-hooks in reverse order of
 * registration, so clients go before the file's hook closes the server, which then need not wait
 * for them to acknowledge its close.
 */
export function clientsClosedAfterEach(): (...args: Parameters<typeof connect>) => Client {
  const clients: Client[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  return (...args) => {
    const client = connect(...args);
    clients.push(client);
    return client;
  };
}
