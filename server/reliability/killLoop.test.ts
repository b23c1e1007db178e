/**
 * kill -9 loop: the server child is SIGKILLed at random (seeded) moments while clients write actors
 * through the model. After every kill, before the restart, the SQLite file alone must pass
 * `PRAGMA integrity_check` and hold every actor some client had received from the server (the server
 * relays only what it has committed) and every actor whose frame the server acknowledged with
 * `[100, n]` (the ack is the client's "opgeslagen"). After the last cycle the writers, which kept
 * their unsent edits locally, push them, and everyone converges on every edit ever made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { SeededRandom } from '../../shared/seededRandom';
import { SQLITE_FILE_NAME } from '../createServer';
import {
  actorIds,
  type Client,
  connect,
  contentOf,
  createMap,
  docFromUpdates,
  putLabel,
  tempDir,
  waitFor,
} from '../test/helpers';
import { AckOracle } from './AckOracle';
import { SEED, sized } from './reliabilityConfig';
import { freePort, ketenKaartArgs, type ServerProcess, spawnServer } from './serverProcess';

const CYCLES = sized(20, 80);
const WRITERS = 3;

let server: ServerProcess | undefined;
const clients: Client[] = [];
let writeTimer: NodeJS.Timeout | undefined;

afterEach(async () => {
  clearInterval(writeTimer);
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});

/** What the file alone holds: integrity and the map's content, read without recovering anything. */
function inspectDatabase(file: string, mapId: string): { integrity: string; doc: Y.Doc } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const rows = db
      .prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE map_id = ? ORDER BY seq')
      .all(mapId);
    return { integrity, doc: docFromUpdates(rows.map((row) => new Uint8Array(row.data))) };
  } finally {
    db.close();
  }
}

/** Actors a client holds that it did not write itself: it can only have them from the server. */
const relayedKeys = (client: Client, ownPrefix: string | undefined): string[] =>
  actorIds(client.doc).filter((key) => ownPrefix === undefined || !key.startsWith(ownPrefix));

/** Content independent of insertion order (the model reads sorted by id). */
const canonical = (client: Client): string => JSON.stringify(contentOf(client.doc));

describe('kill -9 loop', () => {
  it(
    `after each of ${CYCLES} SIGKILLs the file is intact and holds every relayed update; unsent edits arrive after restart`,
    async () => {
      const rng = new SeededRandom(SEED);
      const dataDir = tempDir('ketenkaart-kill-');
      const dbFile = path.join(dataDir, SQLITE_FILE_NAME);
      const port = await freePort();
      // A low compaction threshold makes kills also land during compactions, not only appends.
      // Restart times are reported (a start is CPU-bound, so they grow with the machine's load).
      const startMs: number[] = [];
      const start = async () => {
        const startedAt = performance.now();
        const started = await spawnServer({
          args: ketenKaartArgs,
          port,
          env: {
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            COMPACT_THRESHOLD: '25',
            ROOM_IDLE_MS: '50',
            STATIC_DIR: path.join(dataDir, 'no-client'),
          },
        });
        startMs.push(performance.now() - startedAt);
        return started;
      };
      server = await start();
      const map = await createMap(server.url);

      const oracle = new AckOracle();
      const writers = Array.from({ length: WRITERS }, () =>
        connect(server!.url, map.id, map.editKey, { ack: true, onFrameSent: oracle.onFrameSent }),
      );
      const observer = connect(server.url, map.id, map.editKey);
      clients.push(...writers, observer);
      let observed = 0;
      observer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin === observer.provider) observed++;
      });

      // Writers never stop, connected or not: edits made while the server is down stay local until then.
      // One actor per 10 ms (an actor is a Y.Map of fields, several times the bytes of a plain value).
      const written: string[] = [];
      let counter = 0;
      writeTimer = setInterval(() => {
        const w = counter % WRITERS;
        const key = `w${w}:${counter++}`;
        putLabel(writers[w]!.doc, key, String(counter));
        written.push(key);
      }, 10);

      const allConnected = () => clients.every((c) => c.provider.wsconnected && c.provider.synced);
      let ackedTotal = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        await waitFor(allConnected, `cycle ${cycle}: all clients reconnected`, 20_000).catch((err: Error) => {
          const closes = clients.map((c) => c.closes.at(-1)?.code ?? '-').join(', ');
          throw new Error(`${err.message}; last closes ${closes}; server:\n${server!.output().slice(-3000)}`);
        });
        // A random moment, counted in updates the observer receives rather than in wall-clock time.
        const killAt = observed + 1 + rng.int(40);
        await waitFor(() => observed >= killAt, `cycle ${cycle}: observer received updates`, 10_000);

        const mustSurvive = new Set([
          ...relayedKeys(observer, undefined),
          ...writers.flatMap((writer, w) => relayedKeys(writer, `w${w}:`)),
        ]);
        await server.kill();
        // Read after the kill: every ack that arrived before the process died counts.
        const acknowledged = oracle.acknowledged(writers);
        ackedTotal = acknowledged.size;

        const { integrity, doc } = inspectDatabase(dbFile, map.id);
        expect(integrity, `cycle ${cycle}: integrity_check`).toBe('ok');
        const stored = new Set(actorIds(doc));
        const lost = [...mustSurvive].filter((key) => !stored.has(key)).slice(0, 10);
        expect(lost, `cycle ${cycle}: relayed updates missing from the file`).toEqual([]);
        const ackedLost = [...acknowledged].filter((key) => !stored.has(key)).slice(0, 10);
        expect(ackedLost, `cycle ${cycle}: acknowledged updates missing from the file`).toEqual([]);
        doc.destroy();

        server = await start();
      }

      clearInterval(writeTimer);
      const everything = new Set(written);
      await waitFor(
        () => allConnected() && clients.every((c) => actorIds(c.doc).length === everything.size),
        'every client holds every edit ever made',
        30_000,
      );
      const reference = canonical(observer);
      const diverged = clients.filter((client) => canonical(client) !== reference).length;
      expect(diverged, 'clients whose content differs from the observer').toBe(0);
      const observerHas = new Set(actorIds(observer.doc));
      expect([...everything].filter((key) => !observerHas.has(key)).slice(0, 10)).toEqual([]);
      expect(ackedTotal, 'actors acknowledged by the last cycle').toBeGreaterThan(0);
      console.info(
        `kill loop: ${CYCLES} kills, ${everything.size} actors written, ${ackedTotal} acknowledged`,
      );
      const sorted = [...startMs].sort((a, b) => a - b);
      console.info(
        `kill loop: ${sorted.length} starts until /healthz answered, median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (load ${os.loadavg()[0]!.toFixed(1)})`,
      );

      // Everyone converged through the server, so the server committed it all: one more kill proves it.
      await server.kill();
      const { integrity, doc } = inspectDatabase(dbFile, map.id);
      expect(integrity).toBe('ok');
      const final = new Set(actorIds(doc));
      expect([...everything].filter((key) => !final.has(key)).slice(0, 10)).toEqual([]);
      doc.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    sized(300_000, 900_000),
  );
});
