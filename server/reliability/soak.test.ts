/**
 * Soak: 200 stock clients in 20 maps edit, drop and rejoin for a while (seeded). Then everyone must hold
 * the identical state containing every edit ever made, the maps must unload once everyone left, heap
 * after GC must come back near its starting point, and a fresh client must find everything in storage.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../shared/seededRandom';
import {
  actorIds,
  type Client,
  connect,
  contentOf,
  createMap,
  type MapCredentials,
  putLabel,
  tempDir,
  waitFor,
} from '../test/helpers';
import { SEED, sized } from './reliabilityConfig';
import {
  memoryReportingArgs,
  metricValue,
  queryMemory,
  type ServerProcess,
  spawnServer,
} from './serverProcess';

const MAPS = 20;
const CLIENTS_PER_MAP = 10;
const DURATION_MS = sized(15_000, 60_000);
const TICK_MS = 10;
const EDITS_PER_TICK = 2;
const DROP_PROBABILITY = 0.03;
/** Heap after GC once every map is unloaded, compared with before any map was loaded. */
const HEAP_RETURN_BOUND = 6 * 2 ** 20;
/** Edits carry up to this many characters so loaded maps weigh clearly more than the bound above. */
const MAX_TEXT = 4000;

let server: ServerProcess | undefined;
let timer: NodeJS.Timeout | undefined;
const clients: Client[] = [];

afterEach(async () => {
  clearInterval(timer);
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});

interface SoakClient {
  client: Client;
  map: MapCredentials;
  /** Keys this client wrote; every one must end up everywhere. */
  written: string[];
  /** Tick at which a dropped client reconnects. */
  rejoinAt: number | undefined;
}

/** Content independent of key insertion order, which differs between clients. */
const canonical = (client: Client): string => JSON.stringify(contentOf(client.doc));

// y-websocket adds a process 'exit' listener per provider; 200 of them are intended here.
process.setMaxListeners(0);

describe('soak', () => {
  it(
    `${MAPS * CLIENTS_PER_MAP} clients in ${MAPS} maps editing and reconnecting for ${DURATION_MS / 1000} s converge, lose nothing, and the maps unload`,
    async () => {
      const rng = new SeededRandom(SEED);
      const dataDir = tempDir('ketenkaart-soak-');
      server = await spawnServer({
        args: memoryReportingArgs,
        ipc: true,
        env: {
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          ROOM_IDLE_MS: '100',
          COMPACT_THRESHOLD: '200',
          // Every client of this test comes from 127.0.0.1.
          MAX_CONNECTIONS_PER_ADDRESS: '1000',
          MAX_SOCKETS_PER_ADDRESS: '2000',
          STATIC_DIR: path.join(dataDir, 'no-client'),
        },
      });
      const baseline = await queryMemory(server);
      const maps: MapCredentials[] = [];
      for (let i = 0; i < MAPS; i++) maps.push(await createMap(server.url));
      const soakers: SoakClient[] = maps.flatMap((map) =>
        Array.from({ length: CLIENTS_PER_MAP }, () => {
          const client = connect(server!.url, map.id, map.editKey);
          clients.push(client);
          return { client, map, written: [], rejoinAt: undefined };
        }),
      );

      // Edits go on whether a client is connected or not: offline edits must arrive after the rejoin.
      let tick = 0;
      let edits = 0;
      let drops = 0;
      const started = Date.now();
      await new Promise<void>((resolve) => {
        timer = setInterval(() => {
          tick++;
          for (let i = 0; i < EDITS_PER_TICK; i++) {
            const soaker = rng.pick(soakers)!;
            const doc = soaker.client.doc;
            const index = soakers.indexOf(soaker);
            if (rng.bool(0.2)) {
              // A contended actor: last writer wins, all must agree on which.
              putLabel(doc, `shared-${rng.int(5)}`, `by ${index} at ${tick}`);
            } else {
              const key = `c${index}:${soaker.written.length}`;
              putLabel(doc, key, `${tick} ${'x'.repeat(rng.int(MAX_TEXT))}`);
              soaker.written.push(key);
            }
            edits++;
          }
          if (rng.bool(DROP_PROBABILITY)) {
            const soaker = rng.pick(soakers)!;
            if (soaker.rejoinAt === undefined) {
              soaker.client.provider.disconnect();
              soaker.rejoinAt = tick + 5 + rng.int(50);
              drops++;
            }
          }
          for (const soaker of soakers) {
            if (soaker.rejoinAt !== undefined && soaker.rejoinAt <= tick) {
              soaker.rejoinAt = undefined;
              soaker.client.provider.connect();
            }
          }
          if (Date.now() - started >= DURATION_MS) {
            clearInterval(timer);
            resolve();
          }
        }, TICK_MS);
      });
      for (const soaker of soakers) {
        if (soaker.rejoinAt !== undefined) {
          soaker.rejoinAt = undefined;
          soaker.client.provider.connect();
        }
      }
      console.info(
        `soak: ${edits} edits, ${drops} drops and rejoins in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );

      const expectedByMap = new Map<string, string[]>();
      for (const soaker of soakers) {
        expectedByMap.set(soaker.map.id, [...(expectedByMap.get(soaker.map.id) ?? []), ...soaker.written]);
      }
      const hasEverything = (soaker: SoakClient) => {
        const ids = new Set(actorIds(soaker.client.doc));
        return (expectedByMap.get(soaker.map.id) ?? []).every((key) => ids.has(key));
      };
      await waitFor(
        () => soakers.every((s) => s.client.provider.synced && hasEverything(s)),
        'every client holds every edit of its map',
        60_000,
      );
      for (const map of maps) {
        const members = soakers.filter((s) => s.map.id === map.id);
        await waitFor(
          () => new Set(members.map((s) => canonical(s.client))).size === 1,
          `clients of map ${map.id} hold identical state`,
          20_000,
        );
      }
      const loaded = await queryMemory(server);

      for (const client of clients.splice(0)) client.destroy();
      const deadline = Date.now() + 15_000;
      while (
        ((await metricValue(server.url, 'ketenkaart_loaded_maps')) > 0 ||
          (await metricValue(server.url, 'ketenkaart_connections')) > 0) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await metricValue(server.url, 'ketenkaart_connections')).toBe(0);
      expect(await metricValue(server.url, 'ketenkaart_loaded_maps')).toBe(0);
      const unloaded = await queryMemory(server);
      const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
      console.info(
        `soak: heap after GC ${mib(baseline.heapUsed)} (start) → ${mib(loaded.heapUsed)} (loaded) → ${mib(unloaded.heapUsed)} MiB (unloaded); RSS ${mib(baseline.rss)} → ${mib(loaded.rss)} → ${mib(unloaded.rss)} MiB`,
      );
      // Doc workers started during the run (isolated ones start when a map first needs one and stay)
      // each carry their own code and warm-up, as every worker at the start does: that is not the
      // maps' heap, which is what must return.
      const perWorker = baseline.workersHeapUsed / Math.max(1, baseline.workers);
      const startedMeanwhile = Math.max(0, unloaded.workers - baseline.workers);
      const kept = unloaded.heapUsed - baseline.heapUsed - startedMeanwhile * perWorker;
      console.info(
        `soak: doc workers ${baseline.workers} → ${loaded.workers} → ${unloaded.workers} (${mib(perWorker)} MiB each at the start); heap kept after unloading ${mib(kept)} MiB`,
      );
      // Also relative: under CI load fewer edits happen, so what the loaded maps weigh varies.
      expect(kept).toBeLessThan(0.5 * (loaded.heapUsed - baseline.heapUsed) + 2 ** 20);
      expect(kept).toBeLessThan(HEAP_RETURN_BOUND);

      // Storage holds it all: a newcomer per map, after the unload (and its compaction), gets every edit.
      for (const map of maps) {
        const newcomer = connect(server.url, map.id, map.viewKey);
        clients.push(newcomer);
        await waitFor(
          () => {
            const ids = new Set(actorIds(newcomer.doc));
            return (expectedByMap.get(map.id) ?? []).every((key) => ids.has(key));
          },
          `a newcomer to ${map.id} loads every edit from storage`,
          10_000,
        );
      }
    },
    sized(150_000, 400_000),
  );
});
