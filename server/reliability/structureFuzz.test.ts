/**
 * Structure-aware fuzz: seeded attackers with edit and view keys send valid Yjs updates that are
 * expensive or poisonous (deep nesting, missing dependencies, concurrent runs at one index, key-chain
 * quadratics, huge delete sets, many tiny items, unknown roots) and hostile awareness (deep, floods,
 * impersonation) and sync step 1 bursts, while an honest pair edits another map. The attack is on
 * and off in turns within the run, so the honest map's figures with and without it see the same
 * machine. Passes when the process stays up, the honest map's p99 and /healthz's under attack stay
 * within attackBound of the quiet turns, and every update any client (honest or not) was
 * acknowledged is in the SQLite file after kill -9, and the honest map is served from it after a
 * restart. The figures (against the 100 ms and 250 ms goals) are printed as facts of the run.
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../createServer';
import {
  type Client,
  connect,
  contentOf,
  createMap,
  docFromUpdates,
  type MapCredentials,
  synced,
  tempDir,
  waitFor,
} from '../test/helpers';
import { AckOracle, missingFrom } from './AckOracle';
import type { AttackReport } from './attackRunner';
import {
  attackBound,
  describeFigures,
  HEALTHZ_MAX_MS,
  HealthProbe,
  HONEST_P99_MS,
  LatencyProbe,
  PhaseClock,
} from './probes';
import { SEED, sized } from './reliabilityConfig';
import { freePort, memoryReportingArgs, REPO_ROOT, type ServerProcess, spawnServer } from './serverProcess';

const ATTACK_MS = sized(15_000, 180_000);
const LANES = sized(2, 6);
/** Length of each attack and each quiet turn; the run lasts twice ATTACK_MS. */
const PHASE_MS = 2500;
/** The start of a quiet turn that still counts as attack (the server finishing what it received). */
const SETTLE_MS = 500;
const SEQUENCES = sized(40, 400);
const HONEST_ADDRESS = '127.0.0.2';

let server: ServerProcess | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill();
  server = undefined;
});

/** Runs `attackRunner.ts` in a child process and resolves its report. */
async function runAttackers(env: Record<string, string>, clock: PhaseClock): Promise<AttackReport> {
  const out = path.join(tempDir('ketenkaart-attack-'), 'report.json');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/reliability/attackRunner.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, OUT: out },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message: { phase?: 'quiet' | 'attack' }) => {
    if (message.phase) clock.enter(message.phase);
  });
  // Building hostile frames costs the attackers CPU that real attackers spend on their own machines:
  // at the lowest priority it does not compete with the server and the honest clients for this
  // machine's cores, and what is measured is what the server's handling of the attack costs.
  if (child.pid !== undefined) os.setPriority(child.pid, 19);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the attackers exited with ${code}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as AttackReport;
}

/** The stored doc of every map, read from the SQLite file alone. */
function storedDocs(file: string): Map<string, ReturnType<typeof docFromUpdates>> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { map_id: string; data: Buffer }>('SELECT map_id, data FROM updates ORDER BY seq')
      .all();
    const byMap = new Map<string, Uint8Array[]>();
    for (const row of rows)
      byMap.set(row.map_id, [...(byMap.get(row.map_id) ?? []), new Uint8Array(row.data)]);
    return new Map([...byMap].map(([id, updates]) => [id, docFromUpdates(updates)]));
  } finally {
    db.close();
  }
}

describe('structure-aware fuzz', () => {
  it(
    `attackers with edit and view keys (${LANES} lanes, ${ATTACK_MS / 1000} s): the process stays up, the honest map stays fast, every ack survives kill -9`,
    async () => {
      const dataDir = tempDir('ketenkaart-structure-fuzz-');
      const port = await freePort();
      const start = () =>
        spawnServer({
          args: memoryReportingArgs,
          ipc: true,
          port,
          env: {
            DATA_DIR: dataDir,
            LOG_LEVEL: 'error',
            STATIC_DIR: path.join(dataDir, 'no-client'),
            MAX_MESSAGE_BYTES: String(2 * 1024 * 1024),
            // Shortened watchdog deadlines so expensive updates are stopped within a CI run.
            TEST_COST_MODEL: JSON.stringify({ baseDeadlineMs: 300, applyMsPerMb: 600 }),
          },
        });
      server = await start();

      const honestMap = await createMap(server.url);
      const honestOracle = new AckOracle();
      const writer = connect(server.url, honestMap.id, honestMap.editKey, {
        ack: true,
        localAddress: HONEST_ADDRESS,
        onFrameSent: honestOracle.onFrameSent,
      });
      const reader = connect(server.url, honestMap.id, honestMap.editKey, { localAddress: HONEST_ADDRESS });
      writer.provider.awareness.setLocalStateField('user', { name: 'Anna', colour: '#0a0' });
      clients.push(writer, reader);
      await Promise.all([synced(writer), synced(reader)]);

      const targets: MapCredentials[] = [];
      for (let i = 0; i < LANES + 1; i++) targets.push(await createMap(server.url));

      // One probe over the whole run; its samples are split by the turn they were written in.
      const clock = new PhaseClock(SETTLE_MS);
      const probe = new LatencyProbe(writer, reader);
      const health = new HealthProbe(server.url);
      probe.start();
      health.start();
      // A quiet turn first, then the attackers' turns on and off.
      await new Promise((resolve) => setTimeout(resolve, PHASE_MS));
      const report = await runAttackers(
        {
          SERVER_URL: server.url,
          TARGETS: JSON.stringify(targets),
          HONEST_IDS: JSON.stringify([writer.doc.clientID, reader.doc.clientID]),
          SEED: String(SEED),
          LANES: String(LANES),
          SEQUENCES: String(SEQUENCES),
          DURATION_MS: String(2 * ATTACK_MS),
          PHASE_MS: String(PHASE_MS),
        },
        clock,
      );
      const all = await probe.stop();
      const healthz = await health.stop();
      const { quiet, attack } = probe.byPhase(clock);
      const health2 = health.byPhase(clock);
      expect(server.isRunning(), `the server died:\n${server.output()}`).toBe(true);
      console.info(
        `structure fuzz: ${report.sockets} attacker sockets, frames ${JSON.stringify(report.kinds)}; close codes ${JSON.stringify(report.codes)}`,
      );
      console.info(`structure fuzz: ${describeFigures('honest map, quiet turns', quiet)}`);
      console.info(
        `structure fuzz: ${describeFigures('honest map, attack turns', attack)} (goal p99 < ${HONEST_P99_MS} ms; ratio ${(attack.p99 / quiet.p99).toFixed(2)})`,
      );
      console.info(
        `structure fuzz: /healthz quiet p99 ${health2.quiet.p99.toFixed(1)} ms, max ${health2.quiet.max.toFixed(1)} ms; under attack p99 ${health2.attack.p99.toFixed(1)} ms, max ${health2.attack.max.toFixed(1)} ms over ${healthz.checks} checks (goal max < ${HEALTHZ_MAX_MS} ms)`,
      );
      expect(all.missing).toBe(0);
      expect(attack.samples).toBeGreaterThan(100);
      expect(quiet.samples).toBeGreaterThan(100);
      expect(attack.p99).toBeLessThan(attackBound(quiet.p99));
      expect(healthz.failures).toBe(0);
      expect(health2.attack.p99).toBeLessThan(attackBound(health2.quiet.p99));

      // kill -9, then the file alone must hold every acknowledged update of every client.
      await server.kill();
      const stored = storedDocs(path.join(dataDir, SQLITE_FILE_NAME));
      const acknowledgedByMap = new Map<string, Uint8Array[]>([
        [honestMap.id, honestOracle.acknowledgedUpdates([writer])],
        ...Object.entries(report.acknowledged).map(([mapId, updates]): [string, Uint8Array[]] => [
          mapId,
          updates.map((u) => new Uint8Array(Buffer.from(u, 'base64'))),
        ]),
      ]);
      let acknowledged = 0;
      for (const [mapId, updates] of acknowledgedByMap) {
        acknowledged += updates.length;
        const doc = stored.get(mapId) ?? docFromUpdates([]);
        const lost = updates.flatMap((u) => missingFrom(doc, u)).slice(0, 5);
        expect(lost, `acknowledged updates of map ${mapId} missing from the file`).toEqual([]);
      }
      console.info(`structure fuzz: ${acknowledged} acknowledged updates, all in the file after kill -9`);
      expect(acknowledged).toBeGreaterThan(10);

      // And a restarted server serves the honest map from it.
      const expected = contentOf(stored.get(honestMap.id)!);
      server = await start();
      const fresh = connect(server.url, honestMap.id, honestMap.viewKey, { localAddress: HONEST_ADDRESS });
      clients.push(fresh);
      await waitFor(() => fresh.provider.synced, 'the honest map after the restart', 20_000);
      expect(contentOf(fresh.doc)).toEqual(expected);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    sized(120_000, 600_000),
  );
});
