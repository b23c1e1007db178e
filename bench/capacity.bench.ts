/**
 * How much one node holds: the most maps (with their connections) at which the stamp latency p99 stays
 * under 50 ms, and the memory a loaded, idle map costs. Both for the stock y-websocket server and one
 * KetenKaart node on SQLite, measured in the same run and compared as ratios.
 *
 * Capacity: a ladder of map counts, each map with PEERS stock clients and a writer at RATE updates/s;
 * every step starts the server afresh. A step passes when p99 < 50 ms and nothing went missing; a
 * server holds the largest step below which every step passed. All clients come from 127.0.0.1, so our per-address
 * caps (meant for the open internet) are lifted for the run.
 *
 * Idle memory: IDLE_MAPS maps are loaded with one client each, the client writes a demo-sized map
 * (IDLE_ACTORS actors through the model), then everyone stays idle; (RSS with the maps − RSS before)
 * ÷ IDLE_MAPS, after a settling pause.
 *
 *   npx tsx bench/capacity.bench.ts [--quick]
 */
import { ChainMap } from '../shared/model/ChainMap';
import { machineDescription, rssBytes } from './lib/procStats';
import { closePeers, connectPeers, type Kind, openRooms, runLoad, startNodes } from './lib/stampLoad';
import { fmt, hasFlag, ratio, table } from './lib/table';

const quick = hasFlag('quick');
const PEERS = 5;
const RATE = 10;
const P99_BOUND_MS = 50;
const GIVE_UP_MS = 2000;
const LADDER = quick ? [5, 20, 80] : [5, 10, 20, 40, 80, 160];
const SHAPE = { peers: PEERS, rate: RATE, warmupMs: quick ? 1000 : 2000, measureMs: quick ? 3000 : 5000 };
const IDLE_MAPS = quick ? 50 : 200;
const IDLE_ACTORS = 40;
const KINDS: Kind[] = ['stock', 'SQLite node'];

/** Our caps per address and on map creation, out of the way of a bench from one address. */
const UNCAPPED = {
  CREATE_MAPS_PER_MINUTE: '1000000',
  MAX_CONNECTIONS: '100000',
  MAX_CONNECTIONS_PER_ADDRESS: '100000',
  MAX_SOCKETS_PER_ADDRESS: '100000',
  MESSAGES_PER_SECOND: '100000',
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Step {
  maps: number;
  p99: number;
  missing: number;
  ok: boolean;
}

/**
 * The ladder, step by step for both servers back to back: the machine's load drifts, so each step's
 * two figures are measured as close together as possible. A server leaves the ladder once it loses
 * stamps or its p99 passes GIVE_UP_MS; past the bound it goes on, so a loaded machine still shows
 * how both scale side by side.
 */
async function capacity(): Promise<Map<Kind, Step[]>> {
  const ladders = new Map<Kind, Step[]>(KINDS.map((kind) => [kind, []]));
  for (const maps of LADDER) {
    for (const kind of KINDS) {
      const steps = ladders.get(kind)!;
      const last = steps.at(-1);
      if (last && (last.missing > 0 || last.p99 > GIVE_UP_MS)) continue;
      const r = await runLoad(kind, {}, { ...SHAPE, maps }, UNCAPPED);
      const ok = r.latency.p99 < P99_BOUND_MS && r.missing === 0;
      steps.push({ maps, p99: r.latency.p99, missing: r.missing, ok });
      console.error(`${kind}: ${maps} maps, p99 ${r.latency.p99.toFixed(1)} ms, missing ${r.missing}`);
    }
  }
  return ladders;
}

async function idleBytesPerMap(kind: Kind): Promise<number> {
  const [node] = await startNodes(kind, {}, UNCAPPED);
  const peers = [];
  try {
    const rooms = await openRooms(kind, [node!], IDLE_MAPS);
    await delay(1000);
    const before = rssBytes(node!.pid);
    for (const room of rooms) {
      const [peer] = await connectPeersOf(room);
      peers.push(peer!);
      const map = new ChainMap(peer!.doc);
      for (let i = 0; i < IDLE_ACTORS; i++) {
        map.addActor({ id: `a${i}`, kind: 'service', label: `Dienst ${i}`, position: { x: i * 10, y: 0 } });
      }
    }
    await delay(3000);
    return (rssBytes(node!.pid) - before) / IDLE_MAPS;
  } finally {
    closePeers([peers]);
    await node!.kill();
  }
}

const connectPeersOf = async (room: Parameters<typeof connectPeers>[0][number]) =>
  (await connectPeers([room], 1))[0]!;

async function main(): Promise<void> {
  const ladders = await capacity();
  const idle = new Map<Kind, number>();
  for (const kind of KINDS) idle.set(kind, await idleBytesPerMap(kind));
  // The largest step below which every step passed: a lucky pass above a failed step is no capacity.
  const held = (kind: Kind) => {
    const steps = ladders.get(kind)!;
    const firstFailed = steps.findIndex((s) => !s.ok);
    return (firstFailed === -1 ? steps : steps.slice(0, firstFailed)).at(-1)?.maps ?? 0;
  };
  const stockIdle = idle.get('stock')!;
  console.log(
    `## Capacity of one node (${PEERS} peers per map, ${RATE} updates/s per map, p99 < ${P99_BOUND_MS} ms)\n`,
  );
  console.log(
    `${machineDescription()}; ${quick ? 'quick' : 'full'} run, ${SHAPE.measureMs / 1000} s per step\n`,
  );
  console.log(
    table(
      ['server', ...LADDER.map((m) => `${m} maps p99`), 'most maps held', 'connections'],
      KINDS.map((kind) => {
        const steps = ladders.get(kind)!;
        return [
          kind,
          ...LADDER.map((m) => {
            const s = steps.find((x) => x.maps === m);
            return s ? `${fmt(s.p99, 'ms')}${s.missing ? ` (${s.missing} missing)` : ''}` : '—';
          }),
          String(held(kind)),
          String(held(kind) * PEERS),
        ];
      }),
    ),
  );
  console.log(
    `\n## Idle memory per loaded map (${IDLE_MAPS} maps of ${IDLE_ACTORS} actors, one client each)\n`,
  );
  console.log(
    table(
      ['server', 'RSS per map', '÷ stock'],
      KINDS.map((kind) => [kind, fmt(idle.get(kind)! / 1024, 'KB', 0), ratio(idle.get(kind)!, stockIdle)]),
    ),
  );
}

await main();
