/**
 * Frame fuzz: thousands of random and mutated frames (seeded) over authorised and unauthorised sockets,
 * each socket's sequence ending in a frame that must get it closed. The server runs in a child process so
 * a crash or a leak shows as such. Passes when the process stays up, every socket is closed by the
 * server, honest clients of the fuzzed map and of another map keep syncing, no connection is left
 * behind, and heap after GC does not grow beyond a bound.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SeededRandom } from '../../shared/seededRandom';
import {
  type Client,
  connect,
  createMap,
  labelOf,
  type MapCredentials,
  putLabel,
  synced,
  tempDir,
  waitFor,
  wsUrl,
} from '../test/helpers';
import { type FuzzFrame, fuzzFrame, offendingFrame } from './fuzzFrames';
import { SEED, sized } from './reliabilityConfig';
import { memoryReportingArgs, queryMemory, type ServerProcess, spawnServer } from './serverProcess';

const FRAMES = sized(10_000, 60_000);
const CONCURRENT_SOCKETS = 25;
const MAX_MESSAGE_BYTES = 64 * 1024;
/** Heap after GC may grow this much at most: what a fuzzed doc or two legitimately gained, not a leak. */
const HEAP_GROWTH_BOUND = 24 * 2 ** 20;
/** RSS rarely shrinks after a peak, so its bound is looser; it catches buffers held outside the heap. */
const RSS_GROWTH_BOUND = 128 * 2 ** 20;
const CLOSE_DEADLINE_MS = 5000;

let server: ServerProcess | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});

type Access = 'edit key' | 'view key' | 'wrong key' | 'no key' | 'unknown map' | 'malformed id';

function socketUrl(base: string, access: Access, map: MapCredentials, unknownMapId: string): string {
  const sync = `${wsUrl(base)}/sync`;
  switch (access) {
    case 'edit key':
      return `${sync}/${map.id}?key=${map.editKey}`;
    case 'view key':
      return `${sync}/${map.id}?key=${map.viewKey}`;
    case 'wrong key':
      return `${sync}/${map.id}?key=${map.editKey.slice(1)}x`;
    case 'no key':
      return `${sync}/${map.id}`;
    case 'unknown map':
      return `${sync}/${unknownMapId}?key=${map.editKey}`;
    default:
      return `${sync}/..%2F${map.id}?key=${map.editKey}`;
  }
}

interface SocketOutcome {
  framesSent: number;
  closeCode: number | undefined;
}

/** Opens one socket, sends `frames`, and waits (bounded) for the server to close it. */
function fuzzSocket(url: string, frames: FuzzFrame[]): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let framesSent = 0;
    const timer = setTimeout(() => {
      ws.terminate();
      resolve({ framesSent, closeCode: undefined });
    }, CLOSE_DEADLINE_MS);
    ws.on('error', () => {});
    ws.on('open', () => {
      for (const frame of frames) {
        if (ws.readyState !== WebSocket.OPEN) break;
        ws.send(frame.data, { binary: typeof frame.data !== 'string' });
        framesSent++;
      }
    });
    ws.on('close', (code: number) => {
      clearTimeout(timer);
      resolve({ framesSent, closeCode: code });
    });
  });
}

describe('frame fuzz', () => {
  it(
    `${FRAMES} random and mutated frames: the server stays up, closes every offending socket, others keep syncing, heap bounded`,
    async () => {
      const rng = new SeededRandom(SEED);
      const dataDir = tempDir('ketenkaart-fuzz-');
      server = await spawnServer({
        args: memoryReportingArgs,
        ipc: true,
        env: {
          DATA_DIR: dataDir,
          LOG_LEVEL: 'error',
          MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
          STATIC_DIR: path.join(dataDir, 'no-client'),
        },
      });
      const targets = [await createMap(server.url), await createMap(server.url)];
      const bystanderMap = await createMap(server.url);
      const unknownMapId = 'A'.repeat(22);
      // Live maps: an honest client on a fuzzed map, and a pair on another map.
      const honest = connect(server.url, targets[0]!.id, targets[0]!.editKey);
      const b1 = connect(server.url, bystanderMap.id, bystanderMap.editKey);
      const b2 = connect(server.url, bystanderMap.id, bystanderMap.editKey);
      clients.push(honest, b1, b2);
      await Promise.all(clients.map(synced));
      const before = await queryMemory(server);

      const accesses: Access[] = [
        'edit key',
        'edit key',
        'edit key',
        'view key',
        'wrong key',
        'no key',
        'unknown map',
        'malformed id',
      ];
      const codes = new Map<number, number>();
      let framesSent = 0;
      let sockets = 0;
      const notClosed: string[] = [];
      while (framesSent < FRAMES) {
        const batch = Array.from({ length: CONCURRENT_SOCKETS }, () => {
          const access = rng.pick(accesses)!;
          const frames = Array.from({ length: rng.int(15) }, () => fuzzFrame(rng));
          frames.push(offendingFrame(rng, MAX_MESSAGE_BYTES + 1 + rng.int(1024)));
          const map = rng.pick(targets)!;
          return fuzzSocket(socketUrl(server!.url, access, map, unknownMapId), frames).then((outcome) => {
            sockets++;
            framesSent += outcome.framesSent;
            if (outcome.closeCode === undefined)
              notClosed.push(`${access}: ${frames.map((f) => f.kind).join(', ')}`);
            else codes.set(outcome.closeCode, (codes.get(outcome.closeCode) ?? 0) + 1);
          });
        });
        await Promise.all(batch);
        expect(server.isRunning(), `server exited:\n${server.output()}`).toBe(true);
      }
      console.info(
        `frame fuzz: ${framesSent} frames over ${sockets} sockets; close codes ${JSON.stringify(Object.fromEntries(codes))}`,
      );

      expect(server.isRunning(), server.output()).toBe(true);
      expect(notClosed.slice(0, 5), 'sockets the server left open past the deadline').toEqual([]);
      // Closed by the server with a code, never a dropped connection (1006) or a normal close (1000).
      expect([...codes.keys()].filter((code) => code === 1006 || code === 1000)).toEqual([]);

      // Honest clients: the fuzzed map and another map still sync, and a newcomer gets the content.
      putLabel(b1.doc, 'after-fuzz', 'yes');
      await waitFor(() => labelOf(b2.doc, 'after-fuzz') === 'yes', 'bystander map keeps syncing');
      putLabel(honest.doc, 'honest-after-fuzz', 'one');
      const newcomer = connect(server.url, targets[0]!.id, targets[0]!.viewKey);
      clients.push(newcomer);
      await waitFor(() => labelOf(newcomer.doc, 'honest-after-fuzz') === 'one', 'fuzzed map keeps syncing');

      const health = async () =>
        (await (await fetch(`${server!.url}/healthz`)).json()) as { connections: number };
      const deadline = Date.now() + 5000;
      while ((await health()).connections !== clients.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await health()).connections, 'connections left behind by the fuzz').toBe(clients.length);

      const after = await queryMemory(server);
      console.info(
        `frame fuzz: heap after GC ${(before.heapUsed / 2 ** 20).toFixed(1)} → ${(after.heapUsed / 2 ** 20).toFixed(1)} MiB, RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB`,
      );
      expect(after.heapUsed - before.heapUsed).toBeLessThan(HEAP_GROWTH_BOUND);
      expect(after.rss - before.rss).toBeLessThan(RSS_GROWTH_BOUND);
    },
    sized(120_000, 900_000),
  );
});
