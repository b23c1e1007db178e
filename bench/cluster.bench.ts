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
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ketenKaartArgs, type ServerProcess, spawnServer } from '../server/reliability/serverProcess';
import { tempDir } from '../server/test/helpers';
import { type PostgresServer, startPostgres } from '../server/test/postgresServer';
import { type RedisServer, startRedis } from '../server/test/redisServer';
import { ChainMap } from '../shared/model/ChainMap';
import { cpuSeconds, machineDescription, rssBytes } from './lib/procStats';
import { type LatencySummary, summarize } from './lib/stats';
import { fmt, hasFlag, ratio, table } from './lib/table';

const quick = hasFlag('quick');
const MAPS = 20;
const PEERS = 5;
const WRITES_PER_SECOND = 50;
const WARMUP_MS = quick ? 1500 : 3000;
const MEASURE_MS = quick ? 4000 : 12_000;
const DRAIN_MS = 2000;

type Kind = 'stock' | 'SQLite node' | 'PostgreSQL node' | 'two nodes PG + Redis';

interface Result {
  latency: LatencySummary;
  deliveriesPerSecond: number;
  missing: number;
  cpuPercent: number;
  rssMb: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startNodes(
  kind: Kind,
  pgServer: PostgresServer,
  redis: RedisServer,
): Promise<ServerProcess[]> {
  if (kind === 'stock') return [await spawnServer({ args: ['bench/stockServer.mjs'] })];
  const dir = tempDir('ketenkaart-bench-');
  const env: Record<string, string> = { LOG_LEVEL: 'warn', STATIC_DIR: path.join(dir, 'no-client') };
  if (kind === 'SQLite node')
    return [await spawnServer({ args: ketenKaartArgs, env: { ...env, DATA_DIR: dir } })];
  env.DATABASE_URL = await pgServer.createDatabase();
  if (kind === 'PostgreSQL node') return [await spawnServer({ args: ketenKaartArgs, env })];
  env.REDIS_URL = redis.url;
  return [await spawnServer({ args: ketenKaartArgs, env }), await spawnServer({ args: ketenKaartArgs, env })];
}

interface Room {
  /** Sync URL per node and the room name and params to open it with. */
  urls: string[];
  room: string;
  params: Record<string, string>;
}

async function openRooms(kind: Kind, nodes: ServerProcess[]): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let i = 0; i < MAPS; i++) {
    if (kind === 'stock') {
      rooms.push({ urls: [nodes[0]!.url.replace(/^http/, 'ws')], room: `bench-room-${i}`, params: {} });
      continue;
    }
    const res = await fetch(`${nodes[0]!.url}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `bench ${i}` }),
    });
    if (res.status !== 201) throw new Error(`POST /api/maps answered ${res.status}`);
    const map = (await res.json()) as { id: string; editKey: string };
    rooms.push({
      urls: nodes.map((n) => `${n.url.replace(/^http/, 'ws')}/sync`),
      room: map.id,
      params: { key: map.editKey },
    });
  }
  return rooms;
}

async function run(kind: Kind, pgServer: PostgresServer, redis: RedisServer): Promise<Result> {
  const nodes = await startNodes(kind, pgServer, redis);
  const peers: Array<{ doc: Y.Doc; provider: WebsocketProvider }> = [];
  try {
    const rooms = await openRooms(kind, nodes);
    const writers: ChainMap[] = [];
    let measureFrom = Number.POSITIVE_INFINITY;
    let measureTo = Number.POSITIVE_INFINITY;
    const samples: number[] = [];
    for (const room of rooms) {
      for (let p = 0; p < PEERS; p++) {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(room.urls[p % room.urls.length]!, room.room, doc, {
          params: room.params,
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
        });
        peers.push({ doc, provider });
        const map = new ChainMap(doc);
        if (p === 0) {
          writers.push(map);
          continue;
        }
        let last = -1;
        doc.on('update', () => {
          const now = performance.now();
          const label = map.getActor('clock')?.label;
          if (!label) return;
          const [seq, at] = label.split(' ').map(Number) as [number, number];
          if (seq <= last) return;
          last = seq;
          if (at >= measureFrom && at < measureTo) samples.push(now - at);
        });
      }
    }
    await Promise.all(
      peers.map((peer) =>
        peer.provider.synced ? undefined : new Promise((resolve) => peer.provider.once('sync', resolve)),
      ),
    );
    for (const writer of writers) writer.addActor({ id: 'clock', kind: 'service', label: '0 0' });

    const total = WRITES_PER_SECOND * writers.length;
    const started = performance.now();
    let written = 0;
    let inWindow = 0;
    const tick = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * total);
      while (written < due) {
        const at = performance.now();
        writers[written % writers.length]!.updateActor('clock', {
          label: `${Math.floor(written / writers.length) + 1} ${at}`,
        });
        if (at >= measureFrom && at < measureTo) inWindow++;
        written++;
      }
    }, 1);
    await delay(WARMUP_MS);
    const cpu = () => nodes.reduce((sum, n) => sum + cpuSeconds(n.pid), 0);
    const cpuBefore = cpu();
    measureFrom = performance.now();
    measureTo = measureFrom + MEASURE_MS;
    let rssMax = 0;
    const rssTimer = setInterval(() => {
      rssMax = Math.max(
        rssMax,
        nodes.reduce((sum, n) => sum + rssBytes(n.pid), 0),
      );
    }, 250);
    await delay(MEASURE_MS);
    const cpuAfter = cpu();
    clearInterval(rssTimer);
    clearInterval(tick);
    const expected = inWindow * (PEERS - 1);
    const drainUntil = performance.now() + DRAIN_MS;
    while (samples.length < expected && performance.now() < drainUntil) await delay(20);
    return {
      latency: summarize(samples),
      deliveriesPerSecond: samples.length / (MEASURE_MS / 1000),
      missing: expected - samples.length,
      cpuPercent: ((cpuAfter - cpuBefore) / (MEASURE_MS / 1000)) * 100,
      rssMb: rssMax / 2 ** 20,
    };
  } finally {
    for (const peer of peers) {
      peer.provider.destroy();
      peer.doc.destroy();
    }
    await Promise.all(nodes.map((n) => n.kill()));
  }
}

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

async function main(): Promise<void> {
  const [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    const floor = await postgresCommitLatency(pgServer);
    const kinds: Kind[] = ['stock', 'SQLite node', 'PostgreSQL node', 'two nodes PG + Redis'];
    const results = new Map<Kind, Result>();
    for (const kind of kinds) results.set(kind, await run(kind, pgServer, redis));
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
    const one = results.get('PostgreSQL node')!;
    const two = results.get('two nodes PG + Redis')!;
    console.log(
      `\nPostgreSQL commit (one-row transaction): p50 ${fmt(floor.p50, 'ms', 2)}, p99 ${fmt(floor.p99, 'ms', 2)}`,
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
