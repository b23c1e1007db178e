/**
 * glibc's malloc arenas: the same cluster load (20 maps × 5 peers, 50 updates/s per map) against the
 * stock y-websocket server and one compiled SQLite node, each started with `MALLOC_ARENA_MAX` unset and
 * set to each value in `VARIANTS`, in turn (the order reversed every other round, so a drift in the
 * machine's load does not land on one variant). glibc reads the variable only when the process starts,
 * so it is set in each child's environment; the child's `/proc/<pid>/environ` is read back and printed.
 *
 * One tab-separated row per run: peak RSS in the measured window, anonymous RSS at its end, CPU, p50/p99.
 *
 *   ROUNDS=4 VARIANTS=unset,2 MEASURE=10000 npx tsx bench/mallocArenas.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerProcess, spawnServer } from '../server/reliability/serverProcess';
import { tempDir } from '../server/test/helpers';
import { machineDescription } from './lib/procStats';
import { type LoadShape, loadNodes } from './lib/stampLoad';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const VARIANTS = (process.env.VARIANTS ?? 'unset,2,1,4').split(',');
const SHAPE: LoadShape = {
  maps: 20,
  peers: 5,
  rate: 50,
  warmupMs: 3000,
  measureMs: Number(process.env.MEASURE ?? 10_000),
};
const KINDS = ['stock', 'SQLite node'] as const;

/** A `kB` field of /proc/<pid>/status, in MB. */
function statusMb(pid: number, key: string): number {
  const match = new RegExp(`${key}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function start(kind: (typeof KINDS)[number], env: Record<string, string>): Promise<ServerProcess> {
  if (kind === 'stock') return spawnServer({ args: ['bench/stockServer.mjs'], env });
  const dir = tempDir('ketenkaart-arena-');
  return spawnServer({
    args: ['dist/server/main.mjs'],
    env: { ...env, LOG_LEVEL: 'warn', STATIC_DIR: path.join(dir, 'no-client'), DATA_DIR: dir },
  });
}

const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`building the server failed:\n${build.stderr}`);
// The children inherit this process's environment: "unset" must mean unset.
delete process.env.MALLOC_ARENA_MAX;
console.log(`${machineDescription()}; ${SHAPE.measureMs / 1000} s measured per run`);
console.log('round\tserver\tMALLOC_ARENA_MAX\tload\tp50 ms\tp99 ms\tCPU %\tRSS MB\tanon MB\tmissing');
for (let round = 0; round < ROUNDS; round++) {
  for (const variant of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
    for (const kind of KINDS) {
      const node = await start(kind, variant === 'unset' ? {} : { MALLOC_ARENA_MAX: variant });
      const environ = fs.readFileSync(`/proc/${node.pid}/environ`, 'utf8');
      const seen = /(?:^|\0)MALLOC_ARENA_MAX=([^\0]*)/.exec(environ)?.[1] ?? 'unset';
      const load = os.loadavg()[0]!.toFixed(1);
      try {
        const r = await loadNodes(kind, [node], SHAPE);
        const anon = statusMb(node.pid, 'RssAnon');
        console.log(
          [
            round,
            kind,
            seen,
            load,
            r.latency.p50.toFixed(1),
            r.latency.p99.toFixed(1),
            r.cpuPercent.toFixed(0),
            r.rssMb.toFixed(1),
            anon.toFixed(1),
            r.missing,
          ].join('\t'),
        );
      } finally {
        await node.kill();
      }
    }
  }
}
