import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { DOC_SHAPE_LIMITS } from '../shared/model/docShape';
import { parseDocRoom } from '../shared/protocol/docRooms';
import {
  ACK_PARAM,
  CLOSE_BAD_REQUEST,
  CLOSE_FORBIDDEN,
  CLOSE_GOING_AWAY,
  CLOSE_IDLE,
  CLOSE_KEY_REVOKED,
  CLOSE_LOAD_FAILED,
  CLOSE_NOT_FOUND,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_SERVER_BUSY,
  CLOSE_UNAUTHORIZED,
  SYNC_PATH,
} from '../shared/protocol/syncProtocol';
import { hashKey, roleForKey } from './accessControl';
import { Connection } from './Connection';
import { ConnectionCaps } from './ConnectionCaps';
import { clientAddress } from './clientAddress';
import { ConversationDocs } from './conversation/conversationDocs';
import { COST_MODEL, type CostModel } from './docs/costModel';
import { DocHostPool } from './docs/DocHostPool';
import { createApiHandler, sendJson } from './httpApi';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createLogger, type Logger } from './logger';
import { MapBudget } from './MapBudget';
import { Metrics } from './metrics';
import { isOriginAllowed, normalizeOrigin, ownOrigins } from './originCheck';
import { Quarantine } from './Quarantine';
import { JoinRefused, RoomRegistry } from './RoomRegistry';
import { SuspectAddresses } from './SuspectAddresses';
import { setSecurityHeaders } from './securityHeaders';
import { networkUrls, shareBaseFor } from './shareBase';
import { createStaticHandler } from './staticFiles';
import type { MapStore } from './storage/MapStore';
import { SqliteMapStore, type SqliteSynchronous } from './storage/SqliteMapStore';
import { SqliteVoteStore } from './voting/SqliteVoteStore';
import type { VoteStore } from './voting/VoteStore';
import { createVoting } from './voting/voting';
import { sendServerTime } from './workshop/serverTime';

export interface ServerOptions {
  /** Default 8080; 0 picks a free port (see `port` on the result). */
  port?: number;
  /** Default '0.0.0.0' so others on the LAN can join a workshop. */
  host?: string;
  /** Directory of `ketenkaart.sqlite`; default './data'. Ignored when `store` is given. */
  dataDir?: string;
  sqliteSynchronous?: SqliteSynchronous;
  /** 'worker' (default): commits run on a writer thread; 'inline': on the event loop (A/B measurements). */
  sqliteWriter?: 'worker' | 'inline';
  /** A ready store (tests, other backends). The caller keeps ownership: `close()` does not close it. */
  store?: MapStore;
  /**
   * Dot-vote storage (tests, other backends); the caller keeps ownership. Default: SQLite in
   * `<dataDir>/ketenkaart-votes.sqlite`, or in memory when a `store` but no `dataDir` is given.
   */
  voteStore?: VoteStore;
  /** Built client; default './dist/client'. */
  staticDir?: string;
  /** Origins allowed to open sync sockets besides the server's own listen addresses. */
  allowedOrigins?: string[];
  /**
   * The public URL the client is served from (`PUBLIC_URL`, e.g. https://kaart.gemeente.be behind a
   * proxy): its origin is allowed, and it is the base of share links. Without it the share dialog
   * builds links from the page's address and, on localhost, offers the network addresses.
   */
  publicUrl?: string;
  /** When set, POST /api/maps requires `Authorization: Bearer <token>`. */
  createMapsToken?: string;
  /** Shared doc worker threads (default 2), isolated ones at most (default 4), heap limit of each in MB (default 1024). */
  docWorkers?: number;
  isolatedDocWorkers?: number;
  docWorkerHeapMb?: number;
  /** Watchdog deadlines and memory estimates (`docs/costModel.ts`); tests shorten the deadlines. */
  costModel?: Partial<CostModel>;
  logger?: Logger;
  /** Used when no `logger` is given; default 'info'. */
  logLevel?: string;
  limits?: Partial<Limits>;
  /** Grace period before an unused map is unloaded; default 30000. */
  roomIdleMs?: number;
  /** Update-log rows per map before it is compacted; default 500. */
  compactThreshold?: number;
  /** Keep-alive ping period; a socket that missed one pong is terminated. Default 30000. */
  pingIntervalMs?: number;
  /** Longest wait at shutdown for clients to acknowledge the close before sockets are cut. Default 2000. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  /** http://host:port; with host 0.0.0.0 or :: it names localhost. */
  url: string;
  port: number;
  metrics: Metrics;
  /** Stops accepting, closes sockets with 1001, drains and compacts maps, closes an owned store. */
  close(): Promise<void>;
  /** Heap used by the doc worker threads after a full GC (with --expose-gc), for leak tests. */
  docWorkersHeapUsed(): Promise<number>;
}

export const SQLITE_FILE_NAME = 'ketenkaart.sqlite';
export const VOTES_FILE_NAME = 'ketenkaart-votes.sqlite';
/** Times a join's deadline is renewed while doc workers are still starting. */
const JOIN_EXTENSIONS = 2;

const KEY_REVOKED_REASON = 'the keys of this map were replaced; ask for the new link';

export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.logger ?? createLogger(options.logLevel ?? 'info');
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = new Metrics();
  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    new SqliteMapStore({
      file: path.join(options.dataDir ?? './data', SQLITE_FILE_NAME),
      synchronous: options.sqliteSynchronous ?? 'FULL',
      writer: options.sqliteWriter ?? 'worker',
    });
  const cost = { ...COST_MODEL, ...options.costModel };
  let registry: RoomRegistry | undefined;
  const pool = new DocHostPool({
    config: {
      maxDocumentBytes: limits.maxDocumentBytes,
      maxMapHeapBytes: limits.maxMapHeapBytes,
      maxPendingBytes: limits.maxPendingBytes,
      shape: DOC_SHAPE_LIMITS,
      cost,
    },
    sharedWorkers: options.docWorkers ?? 2,
    isolatedWorkers: options.isolatedDocWorkers ?? 4,
    heapLimitMb: options.docWorkerHeapMb ?? 1024,
    log,
    onWorkerDeath: (death) => registry?.onWorkerDeath(death),
    onWorkerCount: (count) => {
      metrics.docWorkers = count;
    },
  });
  await pool.start();
  const rooms = new RoomRegistry({
    store,
    metrics,
    limits,
    log,
    idleMs: options.roomIdleMs ?? 30_000,
    compactThreshold: options.compactThreshold ?? 500,
    pool,
    cost,
    cpu: new MapBudget(limits.cpuMsPerSecond, limits.cpuBurstMs),
    writes: new MapBudget(limits.writeBytesPerSecond, limits.writeBurstBytes),
    suspects: new SuspectAddresses(limits.quarantineMs),
    quarantine: new Quarantine(limits.quarantineMs, log, metrics),
    heapHeadroom: () => limits.maxLoadedHeapBytes - (registry?.loadedHeapBytes() ?? 0),
    makeHeadroom: async (bytes) => {
      await registry?.unloadIdleFor(bytes);
    },
  });
  registry = rooms;
  const caps = new ConnectionCaps(limits, metrics, log);
  const connections = new Set<Connection>();
  /** Filled once the listen address is known (own origins), before the first request is served. */
  const allowedOrigins = new Set<string>();
  /** Lowest key version still valid per map, raised by rotations; guards auths that raced a rotation. */
  const minKeyVersion = new Map<string, number>();

  const conversations = new ConversationDocs(store);
  const voting = createVoting({
    votes:
      options.voteStore ??
      new SqliteVoteStore(
        options.store && !options.dataDir
          ? ':memory:'
          : path.join(options.dataDir ?? './data', VOTES_FILE_NAME),
      ),
    ownsStore: options.voteStore === undefined,
    maps: store,
    log,
  });

  const onKeysRotated = (mapId: string, keyVersion: number): void => {
    minKeyVersion.set(mapId, keyVersion);
    for (const conn of connections) {
      // Both rooms of the map: its doc and its conversation.
      if (parseDocRoom(conn.mapId)?.mapId === mapId && conn.keyVersion < keyVersion) {
        conn.close(CLOSE_KEY_REVOKED, KEY_REVOKED_REASON);
      }
    }
  };

  const host = options.host ?? '0.0.0.0';
  /** Set once listening: the port the network addresses in share links need. */
  let boundPort = 0;
  const publicUrl = options.publicUrl ?? null;
  const handleApi = createApiHandler({
    store,
    limits,
    log,
    onKeysRotated,
    onMapCreated: (mapId) => conversations.ensure(mapId),
    createMapsToken: options.createMapsToken || undefined,
    shareBase: (req) => shareBaseFor(req, publicUrl, () => networkUrls(host, boundPort)),
  });
  const handleStatic = createStaticHandler(options.staticDir ?? './dist/client', log);

  // Reaps slow or stalled requests (headers, bodies) and idle keep-alive sockets on fixed deadlines.
  const httpServer = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(5000, limits.headersTimeoutMs),
    },
    (req, res) => {
      setSecurityHeaders(res);
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      const route = async () => {
        if (pathname === '/healthz') {
          sendJson(res, 200, { status: 'ok', loadedMaps: rooms.size, connections: connections.size });
        } else if (pathname === '/metrics') {
          res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          metrics.loadedHeapBytes = rooms.loadedHeapBytes();
          res.end(metrics.render());
        } else if (pathname === '/api/time' && (req.method === 'GET' || req.method === 'HEAD')) {
          sendServerTime(res);
        } else if (pathname === '/api' || pathname.startsWith('/api/')) {
          if (!(await voting.handle(req, res, pathname))) await handleApi(req, res, pathname);
        } else if (req.method === 'GET' || req.method === 'HEAD') {
          handleStatic(req, res, pathname);
        } else {
          res.setHeader('Allow', 'GET, HEAD');
          sendJson(res, 405, { error: 'method not allowed' });
        }
      };
      route().catch((err: unknown) => {
        log.error({ err, path: pathname }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      });
    },
  );
  // A connection that sends nothing at all has no request for the timeouts above: reap it after this
  // much inactivity. (Upgraded sockets are excluded: ws clears the timeout; the keep-alive ping and
  // the idle deadline cover them.)
  httpServer.timeout = limits.requestTimeoutMs;
  httpServer.on('connection', (socket) => caps.admitSocket(socket));
  httpServer.on('clientError', (err: Error & { code?: string }, socket) => {
    // Never the error object itself: Node attaches the raw request bytes (with ?key=) to it.
    log.debug({ code: err.code }, 'bad HTTP request');
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });

  // No compression: it would let a small frame inflate beyond maxPayload in memory.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const alive = new WeakMap<WebSocket, boolean>();

  const refuseUpgrade = (socket: Duplex, status: number, text: string): void => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => log.debug({ err }, 'upgrade socket error'));
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${SYNC_PATH}/`)) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (!isOriginAllowed(req.headers.origin, allowedOrigins)) {
      log.warn(
        { origin: String(req.headers.origin).slice(0, 200) },
        'refused sync socket from a foreign origin',
      );
      metrics.reject('origin');
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    const address = clientAddress(req.socket.remoteAddress);
    wss.handleUpgrade(req, socket, head, (ws) => {
      acceptSync(ws, url, address).catch((err: unknown) =>
        log.error({ err }, 'sync connection setup failed'),
      );
    });
  });

  // Refusals are sent as 44xx close codes after accepting the upgrade: a refused upgrade shows up in
  // browsers as 1006 and the stock client would retry forever. Nothing is sent before the close.
  const acceptSync = async (ws: WebSocket, url: URL, address: string): Promise<void> => {
    if (!caps.admitSync(address)) {
      ws.close(CLOSE_SERVER_BUSY, 'too many connections; try again later');
      return;
    }
    ws.once('close', () => caps.releaseSync(address));
    // The room: `<mapId>` for the map doc, `<mapId>/conversation` for its conversation doc.
    const roomId = url.pathname.slice(SYNC_PATH.length + 1);
    const room = parseDocRoom(roomId);
    const mapId = room?.mapId ?? roomId;
    const key = url.searchParams.get('key');
    const conn = new Connection(
      ws,
      roomId,
      url.searchParams.get(ACK_PARAM) === '1',
      log.child({
        mapId: room ? mapId : '(invalid)',
        ...(room?.kind === 'conversation' ? { doc: 'conversation' } : {}),
      }),
      limits,
      metrics,
      address,
    );
    connections.add(conn);
    metrics.connections = connections.size;
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      try {
        conn.receive(data, isBinary);
      } catch (err) {
        conn.log.error({ err }, 'handling a frame failed');
        conn.close(CLOSE_PROTOCOL_ERROR, 'internal error while handling a message');
      }
    });
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.reject('too_big');
      else metrics.reject('malformed');
      conn.rejected = true;
      conn.log.warn({ err: err.message, code: err.code }, 'socket error');
    });
    ws.on('close', () => {
      connections.delete(conn);
      metrics.connections = connections.size;
      rooms.leave(conn);
    });
    // The deadline bounds a join's own work (access, load); while doc workers are still starting
    // (after a worker ended, or many at once) it waits for them, up to JOIN_EXTENSIONS more times.
    let extensions = 0;
    const onDeadline = () => {
      if (pool.isStarting && extensions++ < JOIN_EXTENSIONS) {
        deadline = setTimeout(onDeadline, limits.joinTimeoutMs);
        return;
      }
      conn.log.warn('map not ready before the deadline');
      conn.close(CLOSE_LOAD_FAILED, 'the map could not be loaded in time; try again later');
    };
    let deadline = setTimeout(onDeadline, limits.joinTimeoutMs);

    const refuse = (code: number, reason: string) => {
      metrics.reject('unauthorized');
      conn.close(code, reason);
    };
    try {
      if (!room) return refuse(CLOSE_BAD_REQUEST, 'invalid map id');
      if (!key) return refuse(CLOSE_UNAUTHORIZED, 'a key is required: /sync/<mapId>?key=<key>');
      const access = await store.getMapAccess(mapId);
      if (!conn.isOpen) return;
      if (!access) return refuse(CLOSE_NOT_FOUND, 'no such map');
      const role = roleForKey(access, key);
      if (!role) {
        // A key this map had before a rotation: the holder needs the new link, and is told so.
        const retired = await store.isRetiredKey(mapId, hashKey(key));
        if (!conn.isOpen) return;
        if (retired) return refuse(CLOSE_KEY_REVOKED, KEY_REVOKED_REASON);
        return refuse(CLOSE_FORBIDDEN, 'this key does not open this map');
      }
      if (access.keyVersion < (minKeyVersion.get(mapId) ?? 0)) {
        return refuse(CLOSE_KEY_REVOKED, KEY_REVOKED_REASON);
      }
      conn.role = role;
      conn.keyVersion = access.keyVersion;
      if (room.kind === 'conversation') await conversations.ensure(mapId);
      if (!conn.isOpen) return;
      await rooms.join(conn);
    } catch (err) {
      if (err instanceof JoinRefused) {
        conn.close(err.closeCode, err.message);
        return;
      }
      conn.log.error({ err }, 'loading the map failed');
      conn.close(CLOSE_LOAD_FAILED, 'the map could not be loaded; try again later');
    } finally {
      clearTimeout(deadline);
    }
  };

  // Keep-alive: a socket that missed the previous pong is terminated. Silent sockets (answering pings
  // but sending nothing, when every client renews its awareness every 15 s) are closed with 4108.
  const pingTimer = setInterval(() => {
    const now = performance.now();
    for (const conn of connections) {
      if (now - conn.lastFrameAt > limits.idleSocketMs) {
        metrics.reject('idle');
        conn.close(CLOSE_IDLE, 'nothing received for too long; reconnect');
      }
    }
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 8080, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  httpServer.on('error', (err) => log.error({ err }, 'http server error'));
  const address = httpServer.address() as AddressInfo;
  boundPort = address.port;
  const shownHost = ['0.0.0.0', '::', ''].includes(address.address)
    ? 'localhost'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  const url = `http://${shownHost}:${address.port}`;
  const publicOrigin = options.publicUrl ? normalizeOrigin(options.publicUrl) : undefined;
  if (options.publicUrl && !publicOrigin) throw new Error(`PUBLIC_URL is not a URL: ${options.publicUrl}`);
  for (const origin of [
    ...ownOrigins(address.address, address.port),
    ...(publicOrigin ? [publicOrigin] : []),
    ...(options.allowedOrigins ?? []),
  ]) {
    const normalized = normalizeOrigin(origin);
    if (normalized) allowedOrigins.add(normalized);
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(pingTimer);
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      for (const conn of connections) conn.close(CLOSE_GOING_AWAY, 'server shutting down', true);
      await voting.close();
      await rooms.closeAll();
      await pool.close();
      await waitForSocketsToClose(wss, options.shutdownGraceMs ?? 2000);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      httpServer.closeAllConnections();
      await httpClosed;
      if (ownsStore) await store.close();
      log.info('server closed');
    })();
    return closing;
  };

  return { url, port: address.port, metrics, close, docWorkersHeapUsed: () => pool.heapUsed() };
}

function waitForSocketsToClose(wss: WebSocketServer, graceMs: number): Promise<void> {
  if (wss.clients.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, graceMs);
    const onClose = () => {
      if (wss.clients.size === 0) finish();
    };
    for (const ws of wss.clients) ws.once('close', onClose);
    function finish() {
      clearTimeout(timer);
      resolve();
    }
  });
}
