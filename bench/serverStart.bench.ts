/**
 * Server start, as the kill loop restarts it: the production entry point (`node --import tsx
 * server/main.ts`) on a data directory holding a map of 2,000 actors. Figures per start: until
 * `/healthz` answers, and until a fresh client is synced on that map (its doc worker started and the
 * map loaded). Yardstick, measured in turn with every start: a bare `node --import tsx` process that
 * runs nothing, the part of a start no server code can shorten.
 * Run: npx tsx bench/serverStart.bench.ts [--quick]
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ketenKaartArgs, REPO_ROOT, spawnServer } from '../server/reliability/serverProcess';
import { allStored, connect, createMap, putLabel, synced, tempDir } from '../server/test/helpers';

const RUNS = process.argv.includes('--quick') ? 4 : 10;
const dataDir = tempDir('ketenkaart-start-bench-');
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', STATIC_DIR: path.join(dataDir, 'no-client') };

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function bareTsx(): Promise<number> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', ''], { cwd: REPO_ROOT, stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', () => resolve(performance.now() - startedAt)));
}

// The map, written by a first server and stored.
const first = await spawnServer({ args: ketenKaartArgs, env });
const map = await createMap(first.url);
const writer = connect(first.url, map.id, map.editKey, { ack: true });
await synced(writer);
writer.doc.transact(() => {
  for (let i = 0; i < 2000; i++) putLabel(writer.doc, `a${i}`, `actor ${i}`);
});
await allStored(writer);
writer.destroy();
await first.kill();

const healthz: number[] = [];
const joined: number[] = [];
const yardstick: number[] = [];
for (let run = 0; run < RUNS; run++) {
  yardstick.push(await bareTsx());
  const startedAt = performance.now();
  const server = await spawnServer({ args: ketenKaartArgs, env, port: first.port });
  healthz.push(performance.now() - startedAt);
  const client = connect(server.url, map.id, map.editKey);
  await synced(client);
  joined.push(performance.now() - startedAt);
  client.destroy();
  await server.kill();
}

const load = os.loadavg()[0]!.toFixed(1);
console.log(`server start, ${RUNS} runs (median; load ${load}, ${os.cpus().length} cores):`);
console.log(`  bare node --import tsx   ${median(yardstick).toFixed(0)} ms (yardstick)`);
console.log(
  `  until /healthz answers   ${median(healthz).toFixed(0)} ms (${(median(healthz) / median(yardstick)).toFixed(2)}× the yardstick)`,
);
console.log(
  `  until a client is synced ${median(joined).toFixed(0)} ms (${(median(joined) / median(yardstick)).toFixed(2)}× the yardstick)`,
);
