/**
 * No map can stall or crash the others: what the shape rules cannot refuse runs on doc workers
 * under a watchdog, and memory is budgeted per map and for all maps. The server runs in a child
 * process (`memoryReportingServer.ts`), with the watchdog's deadlines shortened so a CI run stops the
 * expensive updates within seconds; the honest maps' latency and /healthz are measured before,
 * during and after the attack in one run, and the attack's figures are held to the quiet ones'.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLOSE_INVALID_CONTENT,
  CLOSE_MAP_QUARANTINED,
  CLOSE_SERVER_BUSY,
  CLOSE_TOO_BIG,
  MESSAGE_STORED,
} from '../../shared/protocol/syncProtocol';
import { concurrentRunsAtOneIndex, keyChainQuadratic, tinyItems } from '../../shared/testing/hostileUpdates';
import {
  allStored,
  type Client,
  connect,
  contentOf,
  createMap,
  labelOf,
  type MapCredentials,
  openRaw,
  putLabel,
  type RawSocket,
  synced,
  tempDir,
  updateFrame,
  waitFor,
  wsUrl,
} from '../test/helpers';
import {
  attackBound,
  describeFigures,
  HEALTHZ_MAX_MS,
  HealthProbe,
  HONEST_P99_MS,
  LatencyProbe,
  PhaseClock,
} from './probes';
import { memoryReportingArgs, metricValue, type ServerProcess, spawnServer } from './serverProcess';

/** Honest clients connect from another loopback address than the attacker's raw sockets. */
const HONEST_ADDRESS = '127.0.0.2';
/** Shortened deadlines (CPU ms): base plus per MB applied. */
const TEST_COST_MODEL = { baseDeadlineMs: 300, applyMsPerMb: 600 };
/** How long the honest map is measured alone before the attack. */
/** Each quiet phase, before and after the attack. */
const QUIET_MS = 3000;

let server: ServerProcess | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = tempDir('ketenkaart-isolation-');
  server = await spawnServer({
    args: memoryReportingArgs,
    ipc: true,
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      STATIC_DIR: path.join(dataDir, 'no-client'),
      DOC_WORKERS: '1',
      MAX_MESSAGE_BYTES: String(8 * 1024 * 1024),
      TEST_COST_MODEL: JSON.stringify(TEST_COST_MODEL),
      ...env,
    },
  });
  return server;
}

function honest(map: MapCredentials, ack = false): Client {
  const client = connect(server!.url, map.id, map.editKey, { ack, localAddress: HONEST_ADDRESS });
  clients.push(client);
  return client;
}

async function honestPair(map: MapCredentials): Promise<{ writer: Client; reader: Client }> {
  const writer = honest(map);
  const reader = honest(map);
  await Promise.all([synced(writer), synced(reader)]);
  return { writer, reader };
}

async function attacker(map: MapCredentials): Promise<RawSocket> {
  const raw = openRaw(`${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}&ack=1`);
  await raw.opened;
  await waitFor(() => raw.messages.length > 0, 'sync step 1 from the server');
  return raw;
}

const acksOf = (raw: RawSocket): number[] =>
  raw.messages.filter((m) => m[0] === MESSAGE_STORED).map((m) => m[1]!);

describe('one map cannot stall the others', () => {
  it('quadratic updates: runs at one index are refused at once, a key-chain quadratic is stopped by the watchdog and quarantined; other maps stay fast', async () => {
    await start();
    const target = await createMap(server!.url);
    const other = await createMap(server!.url);
    // Built before measuring: encoding them blocks this process (where the honest clients live).
    const runFrames = [concurrentRunsAtOneIndex(3500), concurrentRunsAtOneIndex(3500, 'meta')].map(
      updateFrame,
    );
    // Its cost grows with the square of its length, the deadline only linearly: at 16,000 links a
    // fast machine applied it within the second chance's 4× deadline (2.2 s of CPU), so nothing was
    // quarantined. At 40,000 it needs about 3× that second deadline on these machines.
    const chainFrame = updateFrame(keyChainQuadratic(40_000));
    const pair = await honestPair(other);
    // One probe throughout: quiet, attack, quiet, so both sides of the ratio see the same machine.
    const clock = new PhaseClock(0);
    const probe = new LatencyProbe(pair.writer, pair.reader);
    const health = new HealthProbe(server!.url);
    probe.start();
    health.start();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    clock.enter('attack');

    const runs = await attacker(target);
    for (const frame of runFrames) runs.ws.send(frame);
    expect((await runs.closed).code).toBe(CLOSE_INVALID_CONTENT);

    const chain = await attacker(target);
    const started = performance.now();
    chain.ws.send(chainFrame);
    const closed = await chain.closed;
    const stoppedAfter = performance.now() - started;
    expect(closed.code).toBe(CLOSE_MAP_QUARANTINED);
    expect(acksOf(chain)).toEqual([]);

    // A while longer counted as attack (the server finishing up), then quiet again.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    clock.enter('quiet');
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const all = await probe.stop();
    const healthz = await health.stop();
    const latency = probe.byPhase(clock);
    const healthzBy = health.byPhase(clock);
    console.info(
      `isolation: quadratic stopped after ${Math.round(stoppedAfter)} ms; ${describeFigures('other map quiet', latency.quiet)}; ${describeFigures('under attack', latency.attack)} (goal p99 < ${HONEST_P99_MS} ms); /healthz quiet max ${healthzBy.quiet.max.toFixed(1)} ms, under attack max ${healthzBy.attack.max.toFixed(1)} ms (goal < ${HEALTHZ_MAX_MS} ms)`,
    );
    expect(server!.isRunning()).toBe(true);
    expect(all.missing).toBe(0);
    expect(latency.attack.p99).toBeLessThan(attackBound(latency.quiet.p99));
    expect(healthz.failures).toBe(0);
    expect(healthzBy.attack.p99).toBeLessThan(attackBound(healthzBy.quiet.p99));
    expect(await metricValue(server!.url, 'ketenkaart_quarantines_total')).toBe(1);
    const refusedAgain = openRaw(`${wsUrl(server!.url)}/sync/${target.id}?key=${target.editKey}`);
    expect((await refusedAgain.closed).code).toBe(CLOSE_MAP_QUARANTINED);
  });

  it('an expensive update predicted cheap misses the shared deadline: its worker is replaced, the room moves, a map on the same worker loses nothing', async () => {
    await start();
    const target = await createMap(server!.url);
    const other = await createMap(server!.url);
    const writer = honest(other, true);
    const reader = honest(other);
    await Promise.all([synced(writer), synced(reader)]);
    putLabel(writer.doc, 'before', 'stored');
    await allStored(writer);

    const raw = await attacker(target);
    // About 110 KB: small enough to be placed on the shared worker, expensive enough to miss its deadline.
    raw.ws.send(updateFrame(keyChainQuadratic(5000)));
    await waitFor(
      async () =>
        (await metricValue(server!.url, 'ketenkaart_doc_worker_deaths_total{reason="deadline"}')) > 0,
      'the shared worker ran past its deadline',
      20_000,
    );
    putLabel(writer.doc, 'after', 'stored too');
    await waitFor(
      () => labelOf(reader.doc, 'after') === 'stored too',
      'the co-hosted map keeps syncing',
      10_000,
    );
    await allStored(writer, 'the co-hosted map acknowledges after the move');
    expect(contentOf(reader.doc)).toMatchObject({ before: 'stored', after: 'stored too' });
    expect(await metricValue(server!.url, 'ketenkaart_rooms_moved_total')).toBeGreaterThan(0);
    expect(server!.isRunning()).toBe(true);
  });
});

describe('memory is budgeted', () => {
  it(`updates of many tiny items stop at the map's heap budget (${CLOSE_TOO_BIG}) and at the server's (${CLOSE_SERVER_BUSY}); idle maps are unloaded first`, async () => {
    const mib = 1024 * 1024;
    await start({
      MAX_MAP_HEAP_BYTES: String(24 * mib),
      MAX_LOADED_HEAP_BYTES: String(32 * mib),
      ROOM_IDLE_MS: '600000',
    });
    const gauge = () => metricValue(server!.url, 'ketenkaart_loaded_heap_bytes');
    // 20,000 entries ≈ 13 MB estimated heap (650 bytes per struct): one fits a map, two do not.
    const first = await createMap(server!.url);
    const a = await attacker(first);
    a.ws.send(updateFrame(tinyItems(20_000, 3001)));
    await waitFor(() => acksOf(a).length > 0, 'the first map stores its items', 20_000);
    a.ws.send(updateFrame(tinyItems(20_000, 3002)));
    expect((await a.closed).code).toBe(CLOSE_TOO_BIG);
    expect(await metricValue(server!.url, 'ketenkaart_rejected_messages_total{reason="map_memory"}')).toBe(1);

    // The first map is loaded and idle (its socket closed). Two busy maps need the whole budget:
    // the idle one is unloaded to make room for the second of them.
    const second = await createMap(server!.url);
    const b = await attacker(second);
    b.ws.send(updateFrame(tinyItems(20_000, 3003)));
    await waitFor(() => acksOf(b).length > 0, 'the second map stores its items', 20_000);
    const third = await createMap(server!.url);
    const c = await attacker(third);
    c.ws.send(updateFrame(tinyItems(20_000, 3004)));
    await waitFor(
      () => acksOf(c).length > 0,
      'the third map stores its items after the idle one left',
      20_000,
    );
    expect(await metricValue(server!.url, 'ketenkaart_loaded_maps')).toBe(2);

    // Nothing idle is left: past the server's budget an update is refused with 1013, not applied.
    const fourth = await createMap(server!.url);
    const d = await attacker(fourth);
    d.ws.send(updateFrame(tinyItems(20_000, 3005)));
    expect((await d.closed).code).toBe(CLOSE_SERVER_BUSY);
    const heap = await gauge();
    console.info(`memory: estimated heap of loaded maps ${(heap / mib).toFixed(1)} MiB (budget 32 MiB)`);
    expect(heap).toBeLessThanOrEqual(32 * mib);
    expect(server!.isRunning()).toBe(true);
  }, 90_000);
});
