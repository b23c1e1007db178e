import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { DOC_SHAPE_LIMITS } from '../shared/model/docShape';
import type { Authorizer } from './access/Authorizer';
import { KeyAuthorizer } from './access/KeyAuthorizer';
import { ConnectionCaps } from './ConnectionCaps';
import { ConversationDocs } from './conversation/conversationDocs';
import { COST_MODEL, type CostModel } from './docs/costModel';
import { DocHostPool } from './docs/DocHostPool';
import { createHttpRoutes } from './httpRoutes';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createLogger, type Logger } from './logger';
import { MapBudget } from './MapBudget';
import { Metrics } from './metrics';
import { normalizeOrigin, ownOrigins } from './originCheck';
import { Quarantine } from './Quarantine';
import { RoomRegistry } from './RoomRegistry';
import type { RoomRelay } from './relay/RoomRelay';
import { SuspectAddresses } from './SuspectAddresses';
import { networkUrls, shareBaseFor } from './shareBase';
import type { MapStore } from './storage/MapStore';
import { isShared, openStore, type StoreConfig } from './storage/openStore';
import type { SqliteSynchronous } from './storage/SqliteMapStore';
import { SyncSockets } from './syncSockets';
import { openVoteStore } from './voting/openVoteStore';
import type { VoteStore } from './voting/VoteStore';
import { createVoting } from './voting/voting';

export { SQLITE_FILE_NAME } from './storage/openStore';

export interface ServerOptions {
  /** Default 8080; 0 picks a free port (see `port` on the result). */
  port?: number;
  /** Default '0.0.0.0' so others on the LAN can join a workshop. */
  host?: string;
  /**
   * Which store to open (owned: `close()` closes it). Default: PostgreSQL when `databaseUrl` is set,
   * else SQLite under `dataDir`.
   */
  storage?: StoreConfig;
  /** postgres://… selects the PostgreSQL store (`DATABASE_URL`). */
  databaseUrl?: string;
  /** Directory of `ketenkaart.sqlite`; default './data'. */
  dataDir?: string;
  sqliteSynchronous?: SqliteSynchronous;
  /** 'worker' (default): commits run on a writer thread; 'inline': on the event loop (A/B measurements). */
  sqliteWriter?: 'worker' | 'inline';
  /** A ready store (tests, other backends). The caller keeps ownership: `close()` does not close it. */
  store?: MapStore;
  /**
   * Dot-vote storage (tests); the caller keeps ownership. Default: beside the map store (SQLite in
   * `<dataDir>/ketenkaart-votes.sqlite`, the same PostgreSQL database), or in memory when a ready
   * `store` but no `dataDir` is given.
   */
  voteStore?: VoteStore;
  /** redis://… enables fan-out to the other nodes on the same PostgreSQL store (`REDIS_URL`). */
  redisUrl?: string;
  /** A ready relay (tests). The caller keeps ownership. */
  relay?: RoomRelay;
  /** How long a hole in relayed seqs waits for its message before the rows are read; default 250. */
  relayGapMs?: number;
  /** The access policy; default: capability keys (`KeyAuthorizer`) and `createMapsToken`. */
  authorizer?: Authorizer;
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
  /**
   * Shared doc worker threads (default 2), isolated ones at most (default 4), heap limit of each in MB
   * (default 1024). One shared thread saves 10–15 MB of RSS, but on a loaded machine it made the
   * cluster bench's p99 worse in every run measured (`docs/performance.md`, "Several nodes").
   */
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

/** The store configuration `options` select when no ready store is given. */
export function storeConfigOf(options: ServerOptions): StoreConfig {
  if (options.storage) return options.storage;
  if (options.databaseUrl) return { kind: 'postgres', url: options.databaseUrl };
  return {
    kind: 'sqlite',
    dataDir: options.dataDir ?? './data',
    synchronous: options.sqliteSynchronous ?? 'FULL',
    writer: options.sqliteWriter ?? 'worker',
  };
}

export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.logger ?? createLogger(options.logLevel ?? 'info');
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = new Metrics();
  const ownsStore = options.store === undefined;
  const storeConfig = storeConfigOf(options);
  if (options.redisUrl && !options.store && !isShared(storeConfig)) {
    throw new Error('REDIS_URL needs DATABASE_URL: the nodes share their maps through PostgreSQL');
  }
  const store = options.store ?? (await openStore(storeConfig));
  const ownsRelay = options.relay === undefined && options.redisUrl !== undefined;
  let relay = options.relay;
  if (!relay && options.redisUrl) {
    const { RedisRelay } = await import('./relay/RedisRelay');
    relay = await RedisRelay.connect({ url: options.redisUrl, log });
  }
  if (relay) metrics.relayConnected = relay.connected ? 1 : 0;
  const authorizer = options.authorizer ?? new KeyAuthorizer(store, options.createMapsToken || undefined);
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
    relay,
    relayGapMs: options.relayGapMs ?? 250,
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
  const conversations = new ConversationDocs(store);
  const voting = createVoting({
    votes:
      options.voteStore ??
      (await openVoteStore(options.store && !options.dataDir ? { kind: 'memory' } : storeConfig)),
    ownsStore: options.voteStore === undefined,
    authorizer,
    log,
  });
  /** Filled once the listen address is known (own origins), before the first request is served. */
  const allowedOrigins = new Set<string>();
  const sockets = new SyncSockets({
    limits,
    log,
    metrics,
    caps,
    rooms,
    authorizer,
    conversations,
    pool,
    allowedOrigins,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
  });
  relay?.onKeysRotated((mapId, keyVersion) => {
    authorizer.revoke(mapId, keyVersion);
    sockets.closeRevoked(mapId);
  });

  const host = options.host ?? '0.0.0.0';
  /** Set once listening: the port the network addresses in share links need. */
  let boundPort = 0;
  const publicUrl = options.publicUrl ?? null;
  const routes = createHttpRoutes({
    store,
    rooms,
    authorizer,
    relay,
    limits,
    log,
    metrics,
    connectionCount: () => sockets.connections.size,
    onMapCreated: (mapId) => conversations.ensure(mapId),
    onKeysRotated: (mapId, keyVersion) => {
      sockets.closeRevoked(mapId);
      relay?.publishKeysRotated(mapId, keyVersion);
    },
    voting: voting.handle,
    staticDir: options.staticDir ?? './dist/client',
    shareBase: (req) => shareBaseFor(req, publicUrl, () => networkUrls(host, boundPort)),
  });

  // Reaps slow or stalled requests (headers, bodies) and idle keep-alive sockets on fixed deadlines.
  const httpServer = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(5000, limits.headersTimeoutMs),
    },
    routes.handle,
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
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    sockets.handleUpgrade(req, socket, head),
  );

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
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      sockets.goingAway();
      await routes.close();
      await voting.close();
      await rooms.closeAll();
      await pool.close();
      await sockets.drain(options.shutdownGraceMs ?? 2000);
      httpServer.closeAllConnections();
      await httpClosed;
      if (ownsRelay) await relay?.close();
      if (ownsStore) await store.close();
      log.info('server closed');
    })();
    return closing;
  };

  return { url, port: address.port, metrics, close, docWorkersHeapUsed: () => pool.heapUsed() };
}
