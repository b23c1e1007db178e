/**
 * Server fan-out: the same load, in the same run, against the stock y-websocket server and KetenKaart.
 *
 * Each server runs in its own child process so the load generator's CPU does not count as the server's;
 * its CPU and RSS are read from /proc. Clients are the stock y-websocket client in this process. A writer
 * stamps every update with `performance.now()` (a key of the declared `meta` root: the KetenKaart server
 * refuses roots the layout does not declare); every other peer of the map records the delay when the
 * update arrives. KetenKaart runs as in production: durability FULL (every update is
 * fsynced before it is relayed) and keys checked, maps created through POST /api/maps.
 *
 *   npx tsx bench/fanout.bench.ts [--quick] [--preset=1|2] [--server=stock|full|normal]
 *
 * `--preset` runs one preset (1-based), `--server` one server kind (comma-separated); both for profiling.
 * `SERVER_NODE_ARGS` (space-separated) is passed to the KetenKaart child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ketenKaartArgs, type ServerProcess, spawnServer } from '../server/reliability/serverProcess';
import { cpuSeconds, rssBytes } from './lib/procStats';
import { type LatencySummary, summarize } from './lib/stats';
import { fmt, hasFlag, ratio, table } from './lib/table';

interface Preset {
  name: string;
  maps: number;
  peersPerMap: number;
  /** Updates per second per writer (one writer per map), held fixed whatever the server does. */
  writesPerSecond: number;
}

const PRESETS: Preset[] = [
  { name: '1 map × 50 peers, 1 writer @ 100 updates/s', maps: 1, peersPerMap: 50, writesPerSecond: 100 },
  { name: '100 maps × 5 peers, 1 writer each @ 5 updates/s', maps: 100, peersPerMap: 5, writesPerSecond: 5 },
];

const quick = hasFlag('quick');
/** A value root of the layout (`shared/model/layout.ts`): an entry with a small JSON value is a model write. */
const STAMP_ROOT = 'meta';
const WARMUP_MS = quick ? 1000 : 2000;
const MEASURE_MS = quick ? 3000 : 12_000;
/** Longest wait after the last write for updates still in flight; late ones count as missing. */
const DRAIN_MS = 2000;

/** 'KetenKaart NORMAL' isolates the price of fsync per commit (durable against process crash, not power loss). */
type ServerKind = 'stock' | 'KetenKaart' | 'KetenKaart NORMAL';

interface RunResult {
  latency: LatencySummary;
  writesPerSecond: number;
  deliveriesPerSecond: number;
  missing: number;
  serverCpuPercent: number;
  rssEndMb: number;
  rssMaxMb: number;
}

interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const tmpDirs: string[] = [];

async function startServer(kind: ServerKind): Promise<ServerProcess> {
  if (kind === 'stock') return spawnServer({ args: ['bench/stockServer.mjs'] });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-bench-'));
  tmpDirs.push(dataDir);
  const extraArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawnServer({
    args: [...extraArgs, ...ketenKaartArgs],
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SQLITE_SYNCHRONOUS: kind === 'KetenKaart' ? 'FULL' : 'NORMAL',
      // Every peer of this load generator connects from 127.0.0.1.
      MAX_CONNECTIONS_PER_ADDRESS: '10000',
      MAX_SOCKETS_PER_ADDRESS: '20000',
      STATIC_DIR: path.join(dataDir, 'no-client'),
    },
  });
}

/** Room names and connection params: stock accepts any name; KetenKaart needs a created map and its edit key. */
async function openRooms(kind: ServerKind, server: ServerProcess, count: number) {
  const rooms: Array<{ serverUrl: string; room: string; params: Record<string, string> }> = [];
  const ws = server.url.replace(/^http/, 'ws');
  for (let i = 0; i < count; i++) {
    if (kind === 'stock') {
      rooms.push({ serverUrl: ws, room: `bench-room-${i}`, params: {} });
      continue;
    }
    const res = await fetch(`${server.url}/api/maps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `bench ${i}` }),
    });
    if (res.status !== 201) throw new Error(`POST /api/maps answered ${res.status}`);
    const map = (await res.json()) as { id: string; editKey: string };
    rooms.push({ serverUrl: `${ws}/sync`, room: map.id, params: { key: map.editKey } });
  }
  return rooms;
}

function connectPeer(serverUrl: string, room: string, params: Record<string, string>): Peer {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

const whenSynced = (peer: Peer): Promise<void> =>
  peer.provider.synced
    ? Promise.resolve()
    : new Promise((resolve) => peer.provider.once('sync', () => resolve()));

async function run(kind: ServerKind, preset: Preset): Promise<RunResult> {
  const server = await startServer(kind);
  const peers: Peer[][] = [];
  try {
    const rooms = await openRooms(kind, server, preset.maps);
    for (const { serverUrl, room, params } of rooms) {
      peers.push(Array.from({ length: preset.peersPerMap }, () => connectPeer(serverUrl, room, params)));
    }
    const all = peers.flat();
    await withDeadline(Promise.all(all.map(whenSynced)), 30_000, 'all peers synced');

    let measureFrom = Number.POSITIVE_INFINITY;
    let measureTo = Number.POSITIVE_INFINITY;
    const samples: number[] = [];
    let expected = 0;
    // Receivers: every peer but the writer (index 0) of each map.
    for (const mapPeers of peers) {
      for (const peer of mapPeers.slice(1)) {
        const stamps = peer.doc.getMap<{ seq: number; at: number }>(STAMP_ROOT);
        let lastSeq = -1;
        peer.doc.on('update', () => {
          const now = performance.now();
          const stamp = stamps.get('t');
          if (!stamp || stamp.seq <= lastSeq) return;
          lastSeq = stamp.seq;
          if (stamp.at >= measureFrom && stamp.at < measureTo) samples.push(now - stamp.at);
        });
      }
    }

    // One scheduler for all writers, round-robin, catching up on due writes so the rate stays fixed.
    const writers = peers.map((mapPeers) => mapPeers[0]!.doc.getMap<{ seq: number; at: number }>(STAMP_ROOT));
    const totalRate = preset.writesPerSecond * writers.length;
    const started = performance.now();
    let written = 0;
    let writtenInWindow = 0;
    const tick = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * totalRate);
      while (written < due) {
        const at = performance.now();
        writers[written % writers.length]!.set('t', { seq: Math.floor(written / writers.length), at });
        if (at >= measureFrom && at < measureTo) writtenInWindow++;
        written++;
      }
    }, 1);

    await delay(WARMUP_MS);
    const cpuBefore = cpuSeconds(server.pid);
    measureFrom = performance.now();
    measureTo = measureFrom + MEASURE_MS;
    let rssMax = 0;
    const rssTimer = setInterval(() => {
      rssMax = Math.max(rssMax, rssBytes(server.pid));
    }, 250);
    await delay(MEASURE_MS);
    const cpuAfter = cpuSeconds(server.pid);
    const rssEnd = rssBytes(server.pid);
    rssMax = Math.max(rssMax, rssEnd);
    clearInterval(rssTimer);
    clearInterval(tick);
    expected = writtenInWindow * (preset.peersPerMap - 1);
    const drainUntil = performance.now() + DRAIN_MS;
    while (samples.length < expected && performance.now() < drainUntil) await delay(20);

    return {
      latency: summarize(samples),
      writesPerSecond: writtenInWindow / (MEASURE_MS / 1000),
      deliveriesPerSecond: samples.length / (MEASURE_MS / 1000),
      missing: expected - samples.length,
      serverCpuPercent: ((cpuAfter - cpuBefore) / (MEASURE_MS / 1000)) * 100,
      rssEndMb: rssEnd / 2 ** 20,
      rssMaxMb: rssMax / 2 ** 20,
    };
  } finally {
    for (const peer of peers.flat()) {
      peer.provider.destroy();
      peer.doc.destroy();
    }
    await server.kill();
  }
}

const argValue = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** A run that was not asked for (`--server`): prints as n/a. */
const SKIPPED: RunResult = {
  latency: { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN },
  writesPerSecond: Number.NaN,
  deliveriesPerSecond: Number.NaN,
  missing: Number.NaN,
  serverCpuPercent: Number.NaN,
  rssEndMb: Number.NaN,
  rssMaxMb: Number.NaN,
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function report(preset: Preset, stock: RunResult, ours: RunResult, normal: RunResult): string {
  const row = (label: string, unit: string, pick: (r: RunResult) => number, digits = 1): string[] => [
    label,
    fmt(pick(stock), unit, digits),
    fmt(pick(ours), unit, digits),
    ratio(pick(ours), pick(stock)),
    fmt(pick(normal), unit, digits),
    ratio(pick(normal), pick(stock)),
  ];
  return table(
    [
      'figure',
      'stock y-websocket',
      'KetenKaart (FULL + keys)',
      'KetenKaart ÷ stock',
      'KetenKaart (NORMAL + keys)',
      'NORMAL ÷ stock',
    ],
    [
      row('latency p50', 'ms', (r) => r.latency.p50, 2),
      row('latency p95', 'ms', (r) => r.latency.p95, 2),
      row('latency p99', 'ms', (r) => r.latency.p99, 2),
      row('latency max', 'ms', (r) => r.latency.max, 2),
      row('updates written', 'updates/s', (r) => r.writesPerSecond, 0),
      row('deliveries', 'deliveries/s', (r) => r.deliveriesPerSecond, 0),
      row('deliveries missing after drain', 'deliveries', (r) => r.missing, 0),
      row('server CPU', '% of a core', (r) => r.serverCpuPercent, 0),
      row('server RSS at end', 'MB', (r) => r.rssEndMb, 0),
      row('server RSS max', 'MB', (r) => r.rssMaxMb, 0),
    ],
  ).replace(/^/, `### ${preset.name}\n\n`);
}

async function main(): Promise<void> {
  // y-websocket adds a process 'exit' listener per provider; hundreds of peers are intended here.
  process.setMaxListeners(0);
  console.log(
    `## Server fan-out\n\nwarm-up ${WARMUP_MS / 1000} s, measured ${MEASURE_MS / 1000} s per run${quick ? ' (--quick)' : ''}; latency = write → receipt at every other peer of the map.\n`,
  );
  const p99Ratios: string[] = [];
  const presetArg = argValue('preset');
  const presets = presetArg ? [PRESETS[Number(presetArg) - 1]!] : PRESETS;
  const kinds = (argValue('server') ?? 'stock,full,normal').split(',');
  const skipped = (kind: string) => (kinds.includes(kind) ? undefined : SKIPPED);
  for (const preset of presets) {
    const stock = skipped('stock') ?? (await run('stock', preset));
    const ours = skipped('full') ?? (await run('KetenKaart', preset));
    const normal = skipped('normal') ?? (await run('KetenKaart NORMAL', preset));
    console.log(`${report(preset, stock, ours, normal)}\n`);
    p99Ratios.push(`${preset.name}: p99 ${ratio(ours.latency.p99, stock.latency.p99)}`);
  }
  console.log(`Target p99 ≤ 1.0× stock — ${p99Ratios.join('; ')}`);
}

try {
  await main();
} finally {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
}
