import type { ServerOptions } from './createServer';
import type { Limits } from './limits';
import type { SqliteSynchronous } from './storage/SqliteMapStore';

type Env = Record<string, string | undefined>;

/** Env var → `limits` field. Documented in docs/API.md. */
const LIMIT_VARS: Record<string, keyof Limits> = {
  MAX_MESSAGE_BYTES: 'maxMessageBytes',
  MAX_DOCUMENT_BYTES: 'maxDocumentBytes',
  MAX_AWARENESS_BYTES: 'maxAwarenessBytes',
  MESSAGES_PER_SECOND: 'messagesPerSecond',
  MESSAGE_BURST: 'messageBurst',
  JOIN_TIMEOUT_MS: 'joinTimeoutMs',
  MAX_BODY_BYTES: 'maxBodyBytes',
  MAX_IMPORT_BYTES: 'maxImportBytes',
  INTERCHANGE_DEADLINE_MS: 'interchangeDeadlineMs',
  CREATE_MAPS_PER_MINUTE: 'createMapsPerMinute',
  MAX_CONNECTIONS: 'maxConnections',
  MAX_CONNECTIONS_PER_ADDRESS: 'maxConnectionsPerAddress',
  MAX_SOCKETS_PER_ADDRESS: 'maxSocketsPerAddress',
  IDLE_SOCKET_MS: 'idleSocketMs',
  HEADERS_TIMEOUT_MS: 'headersTimeoutMs',
  REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  MAX_PENDING_BYTES: 'maxPendingBytes',
  MAX_PENDING_MS: 'maxPendingMs',
  MAX_MAP_HEAP_BYTES: 'maxMapHeapBytes',
  MAX_LOADED_HEAP_BYTES: 'maxLoadedHeapBytes',
  CPU_MS_PER_SECOND: 'cpuMsPerSecond',
  QUARANTINE_MS: 'quarantineMs',
};

const SYNC_LEVELS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function integer(env: Env, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function serviceUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL such as ${protocols[0]}//host:port, got something else`);
  }
  if (!protocols.includes(url.protocol))
    throw new Error(`${name} must start with ${protocols.join(' or ')}//`);
  return raw;
}

/** `PUBLIC_URL` as the base of share links: an http(s) URL, kept without query, hash or trailing slash. */
function publicUrl(env: Env): string | undefined {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an http(s) URL such as https://kaart.example.org, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must be an http(s) URL such as https://kaart.example.org, got "${raw}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Reads server options from the environment; throws with the variable's name on an invalid value. */
export function optionsFromEnv(env: Env): ServerOptions {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase() as SqliteSynchronous;
  if (!SYNC_LEVELS.includes(synchronous)) {
    throw new Error(`SQLITE_SYNCHRONOUS must be one of ${SYNC_LEVELS.join(', ')}`);
  }
  const writer = (env.SQLITE_WRITER || 'worker').toLowerCase();
  if (writer !== 'worker' && writer !== 'inline') throw new Error('SQLITE_WRITER must be worker or inline');
  const shareBase = publicUrl(env);
  const limits: Partial<Limits> = {};
  for (const [name, field] of Object.entries(LIMIT_VARS)) {
    const value = integer(env, name, 1);
    if (value !== undefined) limits[field] = value;
  }
  const databaseUrl = serviceUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = serviceUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (redisUrl && !databaseUrl) {
    throw new Error('REDIS_URL needs DATABASE_URL: the nodes share their maps through PostgreSQL');
  }
  return {
    port: integer(env, 'PORT', 0) ?? 8080,
    databaseUrl,
    redisUrl,
    relayGapMs: integer(env, 'RELAY_GAP_MS', 1),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    sqliteSynchronous: synchronous,
    sqliteWriter: writer,
    staticDir: env.STATIC_DIR || './dist/client',
    ...(shareBase ? { publicUrl: shareBase } : {}),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    createMapsToken: env.CREATE_MAPS_TOKEN || undefined,
    docWorkers: integer(env, 'DOC_WORKERS', 1),
    isolatedDocWorkers: integer(env, 'DOC_ISOLATED_WORKERS', 1),
    docWorkerHeapMb: integer(env, 'DOC_WORKER_HEAP_MB', 64),
    logLevel: env.LOG_LEVEL || 'info',
    limits,
    roomIdleMs: integer(env, 'ROOM_IDLE_MS', 0) ?? 30_000,
    compactThreshold: integer(env, 'COMPACT_THRESHOLD', 2) ?? 500,
    pingIntervalMs: integer(env, 'PING_INTERVAL_MS', 100) ?? 30_000,
  };
}
