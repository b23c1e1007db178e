import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  ACK_PARAM,
  CLOSE_BAD_REQUEST,
  CLOSE_FORBIDDEN,
  CLOSE_GOING_AWAY,
  CLOSE_KEY_REVOKED,
  CLOSE_LOAD_FAILED,
  CLOSE_NOT_FOUND,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_UNAUTHORIZED,
  ID_PATTERN,
  SYNC_PATH,
} from '../shared/protocol/syncProtocol';
import { hashKey, roleForKey } from './accessControl';
import { Connection } from './Connection';
import { createApiHandler, sendJson } from './httpApi';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { isOriginAllowed } from './originCheck';
import { RoomRegistry } from './RoomRegistry';
import { setSecurityHeaders } from './securityHeaders';
import { networkUrls, shareBaseFor } from './shareBase';
import { createStaticHandler } from './staticFiles';
import type { MapStore } from './storage/MapStore';
import { SqliteMapStore, type SqliteSynchronous } from './storage/SqliteMapStore';

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
  /** Built client; default './dist/client'. */
  staticDir?: string;
  /**
   * Base of share links (`PUBLIC_URL`), for example `https://kaart.gemeente.be`; without it the share
   * dialog builds links from the page's address and, on localhost, offers the network addresses.
   */
  publicUrl?: string;
  /** Origins allowed to open sync sockets besides the server's own (`Host` header). */
  allowedOrigins?: string[];
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
}

export const SQLITE_FILE_NAME = 'ketenkaart.sqlite';

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
  const allowedOrigins = options.allowedOrigins ?? [];
  const registry = new RoomRegistry({
    store,
    metrics,
    limits,
    log,
    idleMs: options.roomIdleMs ?? 30_000,
    compactThreshold: options.compactThreshold ?? 500,
  });
  const connections = new Set<Connection>();
  /** Lowest key version still valid per map, raised by rotations; guards auths that raced a rotation. */
  const minKeyVersion = new Map<string, number>();

  const onKeysRotated = (mapId: string, keyVersion: number): void => {
    minKeyVersion.set(mapId, keyVersion);
    for (const conn of connections) {
      if (conn.mapId === mapId && conn.keyVersion < keyVersion) {
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
    shareBase: (req) => shareBaseFor(req, publicUrl, () => networkUrls(host, boundPort)),
  });
  const handleStatic = createStaticHandler(options.staticDir ?? './dist/client', log);

  const httpServer = http.createServer((req, res) => {
    setSecurityHeaders(res);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = async () => {
      if (pathname === '/healthz') {
        sendJson(res, 200, { status: 'ok', loadedMaps: registry.size, connections: connections.size });
      } else if (pathname === '/metrics') {
        res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(metrics.render());
      } else if (pathname === '/api' || pathname.startsWith('/api/')) {
        await handleApi(req, res, pathname);
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
  });
  httpServer.on('clientError', (err, socket) => {
    log.debug({ err }, 'bad HTTP request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
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
    if (!isOriginAllowed(req.headers.origin, req.headers.host, allowedOrigins)) {
      log.warn({ origin: req.headers.origin }, 'refused sync socket from a foreign origin');
      metrics.reject('unauthorized');
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      acceptSync(ws, url).catch((err: unknown) => log.error({ err }, 'sync connection setup failed'));
    });
  });

  // Refusals are sent as 44xx close codes after accepting the upgrade: a refused upgrade shows up in
  // browsers as 1006 and the stock client would retry forever. Nothing is sent before the close.
  const acceptSync = async (ws: WebSocket, url: URL): Promise<void> => {
    const mapId = url.pathname.slice(SYNC_PATH.length + 1);
    const key = url.searchParams.get('key');
    const conn = new Connection(
      ws,
      mapId,
      url.searchParams.get(ACK_PARAM) === '1',
      log.child({ mapId: ID_PATTERN.test(mapId) ? mapId : '(invalid)' }),
      limits,
      metrics,
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
      registry.leave(conn);
    });
    const deadline = setTimeout(() => {
      conn.log.warn('map not ready before the deadline');
      conn.close(CLOSE_LOAD_FAILED, 'the map could not be loaded in time; try again later');
    }, limits.joinTimeoutMs);

    const refuse = (code: number, reason: string) => {
      metrics.reject('unauthorized');
      conn.close(code, reason);
    };
    try {
      if (!ID_PATTERN.test(mapId)) return refuse(CLOSE_BAD_REQUEST, 'invalid map id');
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
      await registry.join(conn);
    } catch (err) {
      conn.log.error({ err }, 'loading the map failed');
      conn.close(CLOSE_LOAD_FAILED, 'the map could not be loaded; try again later');
    } finally {
      clearTimeout(deadline);
    }
  };

  const pingTimer = setInterval(() => {
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

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(pingTimer);
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      for (const conn of connections) conn.close(CLOSE_GOING_AWAY, 'server shutting down', true);
      await registry.closeAll();
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

  return { url, port: address.port, metrics, close };
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
