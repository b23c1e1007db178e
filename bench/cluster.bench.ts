/**
 * Past one machine: the same load, in one run, against the stock y-websocket server, one KetenKaart
 * node on SQLite, one on PostgreSQL, and two nodes on PostgreSQL + Redis with the peers of every map
 * split across both (the writer on the first, every other peer alternating). Plus PostgreSQL's own
 * commit latency (one-row transactions), the physical floor of durable-before-relay on that store.
 *
 * Every server runs in its own child process (CPU and RSS from /proc, summed over a run's nodes);
 * clients are stock y-websocket clients in this process. The writer of each map stamps an actor's label
 * with `performance.now()` through the model; every other peer records the delay when it arrives.
 * PostgreSQL and Redis are throwaway servers on this machine (their CPU is not counted).
 *
 *   npx tsx bench/cluster.bench.ts [--quick]
 */
import path from 'node:path';
import pg from 'pg';
import { SqliteMapStore } from '../server/storage/SqliteMapStore';
import { tempDir } from '../server/test/helpers';
import { type PostgresServer, startPostgres } from '../server/test/postgresServer';
import { startRedis } from '../server/test/redisServer';
import { machineDescription } from './lib/procStats';
import { type Kind, type LoadResult, type LoadShape, runLoad } from './lib/stampLoad';
import { type LatencySummary, summarize } from './lib/stats';
import { fmt, hasFlag, ratio, table } from './lib/table';

const quick = hasFlag('quick');
const MAPS = 20;
const PEERS = 5;
const WRITES_PER_SECOND = 50;
const SHAPE: LoadShape = {
  maps: MAPS,
  peers: PEERS,
  rate: WRITES_PER_SECOND,
  warmupMs: quick ? 1500 : 3000,
  measureMs: quick ? 4000 : 12_000,
};
const MEASURE_MS = SHAPE.measureMs;

/** One-row commits on PostgreSQL, one after another: what a durable append costs at least. */
async function postgresCommitLatency(pgServer: PostgresServer): Promise<LatencySummary> {
  const client = new pg.Client({ connectionString: await pgServer.createDatabase() });
  await client.connect();
  await client.query('CREATE TABLE t (id serial PRIMARY KEY, data bytea)');
  const samples: number[] = [];
  const payload = Buffer.alloc(120, 7);
  for (let i = 0; i < (quick ? 200 : 1000); i++) {
    const t0 = performance.now();
    await client.query('INSERT INTO t (data) VALUES ($1)', [payload]);
    samples.push(performance.now() - t0);
  }
  await client.end();
  return summarize(samples);
}

/** One-update appends on a SQLite store (FULL, the default), one after another: the disk's floor. */
async function sqliteCommitLatency(): Promise<LatencySummary> {
  const store = new SqliteMapStore({ file: path.join(tempDir('ketenkaart-floor-'), 'floor.sqlite') });
  const id = 'floor-map-aaaaaaaaaaaaaa';
  await store.createMap({ id, editKeyHash: new Uint8Array(32), viewKeyHash: new Uint8Array(32) });
  const samples: number[] = [];
  const payload = new Uint8Array(120).fill(7);
  for (let i = 0; i < (quick ? 200 : 1000); i++) {
    const t0 = performance.now();
    await store.appendUpdates(id, [payload]);
    samples.push(performance.now() - t0);
  }
  await store.close();
  return summarize(samples);
}

async function main(): Promise<void> {
  const [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    const floor = await postgresCommitLatency(pgServer);
    const disk = await sqliteCommitLatency();
    const kinds: Kind[] = ['stock', 'SQLite node', 'PostgreSQL node', 'two nodes PG + Redis'];
    const results = new Map<Kind, LoadResult>();
    for (const kind of kinds) results.set(kind, await runLoad(kind, { pg: pgServer, redis }, SHAPE));
    const stock = results.get('stock')!;
    const rows = kinds.map((kind) => {
      const r = results.get(kind)!;
      return [
        kind,
        fmt(r.latency.p50, 'ms'),
        fmt(r.latency.p99, 'ms'),
        ratio(r.latency.p99, stock.latency.p99),
        fmt(r.deliveriesPerSecond, '/s', 0),
        String(r.missing),
        fmt(r.cpuPercent, '%', 0),
        ratio(r.cpuPercent, stock.cpuPercent),
        fmt(r.rssMb, 'MB', 0),
        ratio(r.rssMb, stock.rssMb),
      ];
    });
    console.log(`## Several nodes (${MAPS} maps × ${PEERS} peers, ${WRITES_PER_SECOND} updates/s per map)\n`);
    console.log(
      `${machineDescription()}; ${quick ? 'quick' : 'full'} run, ${MEASURE_MS / 1000} s measured\n`,
    );
    console.log(
      table(
        [
          'server',
          'p50',
          'p99',
          'p99 ÷ stock',
          'deliveries',
          'missing',
          'CPU',
          'CPU ÷ stock',
          'RSS',
          'RSS ÷ stock',
        ],
        rows,
      ),
    );
    const sqlite = results.get('SQLite node')!;
    console.log(
      `\nSQLite commit (one-update append, FULL), the disk's floor: p50 ${fmt(disk.p50, 'ms', 2)}, p99 ${fmt(disk.p99, 'ms', 2)}`,
    );
    console.log(
      `SQLite node p99 ${fmt(sqlite.latency.p99, 'ms')} against stock p99 + disk commit p99 = ${fmt(stock.latency.p99 + disk.p99, 'ms')} (target ≤); RSS ${ratio(sqlite.rssMb, stock.rssMb)} (target ≤ 1.5×)`,
    );
    const one = results.get('PostgreSQL node')!;
    const two = results.get('two nodes PG + Redis')!;
    console.log(
      `PostgreSQL commit (one-row transaction): p50 ${fmt(floor.p50, 'ms', 2)}, p99 ${fmt(floor.p99, 'ms', 2)}`,
    );
    console.log(
      `Two nodes ÷ one PostgreSQL node: p99 ${ratio(two.latency.p99, one.latency.p99)} (target ≤ 2×), missing ${two.missing}`,
    );
  } finally {
    await redis.stop();
    await pgServer.destroy();
  }
}

await main();
