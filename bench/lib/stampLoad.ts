/**
 * The load the server benches share: `maps` maps with `peers` stock y-websocket clients each; the first
 * peer of a map stamps an actor's label with `performance.now()` through the model at `rate` updates/s,
 * every other peer records the delay when the stamp arrives. Peers of a map are spread over the nodes
 * (the writer on the first, the others alternating).
 *
 * Every server runs in its own child process (CPU and RSS from /proc, summed over a run's nodes); the
 * clients run in the bench's process. PostgreSQL and Redis are throwaway servers on this machine.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { REPO_ROOT, type ServerProcess, spawnServer } from '../../server/reliability/serverProcess';
import { tempDir } from '../../server/test/helpers';
import type { PostgresServer } from '../../server/test/postgresServer';
import type { RedisServer } from '../../server/test/redisServer';
import { ChainMap } from '../../shared/model/ChainMap';
import { cpuSeconds, rssBytes } from './procStats';
import { type LatencySummary, summarize } from './stats';

export type Kind = 'stock' | 'SQLite node' | 'PostgreSQL node' | 'two nodes PG + Redis';

export interface LoadShape {
  maps: number;
  peers: number;
  /** Stamps per second per map. */
  rate: number;
  warmupMs: number;
  measureMs: number;
}

export interface LoadResult {
  latency: LatencySummary;
  deliveriesPerSecond: number;
  /** Stamps written in the window that some peer never received (within the drain time). */
  missing: number;
  cpuPercent: number;
  rssMb: number;
}

export interface Services {
  pg?: PostgresServer;
  redis?: RedisServer;
}

const DRAIN_MS = 2000;

let compiled: string[] | undefined;
/**
 * The server as production runs it (`npm start`): compiled JavaScript under plain node, built once per
 * bench run. Under tsx the main thread also carries the loader's hooks thread and its transpiled
 * sources (18 MB more RSS at idle, measured): a cost of development, not of the server.
 */
function compiledServerArgs(): string[] {
  if (compiled) return compiled;
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stderr}`);
  compiled = ['dist/server/main.mjs'];
  return compiled;
}
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server(s) of `kind`. `env` is added to ours (not the stock server's, which has no
 * settings): a bench whose clients all come from one address lifts the per-address caps with it.
 */
export async function startNodes(
  kind: Kind,
  services: Services,
  env: Record<string, string> = {},
): Promise<ServerProcess[]> {
  if (kind === 'stock') return [await spawnServer({ args: ['bench/stockServer.mjs'] })];
  const ketenKaartArgs = compiledServerArgs();
  const dir = tempDir('ketenkaart-bench-');
  const ours: Record<string, string> = {
    LOG_LEVEL: 'warn',
    STATIC_DIR: path.join(dir, 'no-client'),
    ...env,
  };
  if (kind === 'SQLite node')
    return [await spawnServer({ args: ketenKaartArgs, env: { ...ours, DATA_DIR: dir } })];
  if (!services.pg) throw new Error(`${kind} needs PostgreSQL`);
  ours.DATABASE_URL = await services.pg.createDatabase();
  if (kind === 'PostgreSQL node') return [await spawnServer({ args: ketenKaartArgs, env: ours })];
  if (!services.redis) throw new Error(`${kind} needs Redis`);
  ours.REDIS_URL = services.redis.url;
  return [
    await spawnServer({ args: ketenKaartArgs, env: ours }),
    await spawnServer({ args: ketenKaartArgs, env: ours }),
  ];
}

export interface BenchRoom {
  /** Sync URL per node and the room name and params to open it with. */
  urls: string[];
  room: string;
  params: Record<string, string>;
}

export async function openRooms(kind: Kind, nodes: ServerProcess[], count: number): Promise<BenchRoom[]> {
  const rooms: BenchRoom[] = [];
  for (let i = 0; i < count; i++) {
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

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Opens `peers` stock clients per room, spread over the room's nodes; resolves once all are synced. */
export async function connectPeers(rooms: readonly BenchRoom[], peers: number): Promise<Peer[][]> {
  // y-websocket adds a process 'exit' listener per provider; a hundred peers are intended here.
  process.setMaxListeners(0);
  const all = rooms.map((room) =>
    Array.from({ length: peers }, (_, p) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(room.urls[p % room.urls.length]!, room.room, doc, {
        params: room.params,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      return { doc, provider };
    }),
  );
  await Promise.all(
    all
      .flat()
      .map((peer) =>
        peer.provider.synced ? undefined : new Promise((resolve) => peer.provider.once('sync', resolve)),
      ),
  );
  return all;
}

export function closePeers(peers: readonly Peer[][]): void {
  for (const peer of peers.flat()) {
    peer.provider.destroy();
    peer.doc.destroy();
  }
}

/** Runs the stamp load on `kind`'s servers, started for this run and stopped after it. */
export async function runLoad(
  kind: Kind,
  services: Services,
  shape: LoadShape,
  env: Record<string, string> = {},
): Promise<LoadResult> {
  const nodes = await startNodes(kind, services, env);
  try {
    return await loadNodes(kind, nodes, shape);
  } finally {
    await Promise.all(nodes.map((n) => n.kill()));
  }
}

/** Runs the stamp load on servers already running (a profiled one, say). */
export async function loadNodes(kind: Kind, nodes: ServerProcess[], shape: LoadShape): Promise<LoadResult> {
  let peers: Peer[][] = [];
  try {
    const rooms = await openRooms(kind, nodes, shape.maps);
    peers = await connectPeers(rooms, shape.peers);
    return await measureStamps(nodes, peers, shape);
  } finally {
    closePeers(peers);
  }
}

async function measureStamps(nodes: ServerProcess[], peers: Peer[][], shape: LoadShape): Promise<LoadResult> {
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureTo = Number.POSITIVE_INFINITY;
  const samples: number[] = [];
  const writers: ChainMap[] = [];
  for (const room of peers) {
    room.forEach(({ doc }, p) => {
      const map = new ChainMap(doc);
      if (p === 0) {
        writers.push(map);
        return;
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
    });
  }
  for (const writer of writers) writer.addActor({ id: 'clock', kind: 'service', label: '0 0' });

  const total = shape.rate * writers.length;
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
  try {
    await delay(shape.warmupMs);
    const cpu = () => nodes.reduce((sum, n) => sum + cpuSeconds(n.pid), 0);
    const cpuBefore = cpu();
    measureFrom = performance.now();
    measureTo = measureFrom + shape.measureMs;
    let rssMax = 0;
    const rssTimer = setInterval(() => {
      rssMax = Math.max(
        rssMax,
        nodes.reduce((sum, n) => sum + rssBytes(n.pid), 0),
      );
    }, 250);
    await delay(shape.measureMs);
    const cpuAfter = cpu();
    clearInterval(rssTimer);
    clearInterval(tick);
    const expected = inWindow * (shape.peers - 1);
    const drainUntil = performance.now() + DRAIN_MS;
    while (samples.length < expected && performance.now() < drainUntil) await delay(20);
    return {
      latency: summarize(samples),
      deliveriesPerSecond: samples.length / (shape.measureMs / 1000),
      missing: expected - samples.length,
      cpuPercent: ((cpuAfter - cpuBefore) / (shape.measureMs / 1000)) * 100,
      rssMb: rssMax / 2 ** 20,
    };
  } finally {
    clearInterval(tick);
  }
}
