import path from 'node:path';
import pg from 'pg';
import { freePort, ketenKaartArgs, type ServerProcess, spawnServer } from '../reliability/serverProcess';
import { docFromUpdates, tempDir } from './helpers';
import { type PostgresServer, startPostgres } from './postgresServer';
import { type RedisServer, startRedis } from './redisServer';

export interface Cluster {
  pg: PostgresServer;
  redis: RedisServer;
  databaseUrl: string;
  /** The running node processes, by index; a killed one is replaced by `restart`. */
  nodes: ServerProcess[];
  kill(i: number): Promise<void>;
  /** Starts node `i` again on its port (clients reconnecting to its URL find it). */
  restart(i: number): Promise<void>;
  /** The map as stored in PostgreSQL, read directly (no node involved). */
  storedDoc(mapId: string): Promise<import('yjs').Doc>;
  stop(): Promise<void>;
}

/**
 * `count` KetenKaart processes (`server/main.ts`, configured by environment as in production) on
 * one throwaway PostgreSQL and one Redis, each on its own free port. One shared doc worker each:
 * the machine running the tests has two cores.
 */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await pgServer.createDatabase();
  const dir = tempDir('ketenkaart-cluster-');
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const start = (i: number) =>
    spawnServer({
      args: ketenKaartArgs,
      port: ports[i],
      readyTimeoutMs: 30_000,
      env: {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        LOG_LEVEL: 'warn',
        DOC_WORKERS: '1',
        DOC_ISOLATED_WORKERS: '1',
        ROOM_IDLE_MS: '200',
        STATIC_DIR: path.join(dir, 'no-client'),
        ...env,
      },
    });
  // One at a time at first: the migrations' lock is tested elsewhere, and parallel starts on two
  // cores only add to the time each takes.
  const nodes: ServerProcess[] = [];
  for (let i = 0; i < count; i++) nodes.push(await start(i));
  const reader = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  reader.on('error', () => {});
  return {
    pg: pgServer,
    redis,
    databaseUrl,
    nodes,
    kill: (i) => nodes[i]!.kill(),
    restart: async (i) => {
      await nodes[i]!.kill();
      nodes[i] = await start(i);
    },
    storedDoc: async (mapId) => {
      const { rows } = await reader.query<{ data: Buffer }>(
        'SELECT data FROM updates WHERE map_id = $1 ORDER BY seq',
        [mapId],
      );
      return docFromUpdates(rows.map((row) => new Uint8Array(row.data)));
    },
    stop: async () => {
      await Promise.all(nodes.map((node) => node.kill()));
      await reader.end();
      await redis.stop();
      await pgServer.destroy();
    },
  };
}
