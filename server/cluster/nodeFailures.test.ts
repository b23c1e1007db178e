import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../shared/seededRandom';
import { AckOracle } from '../reliability/AckOracle';
import { SEED, sized } from '../reliability/reliabilityConfig';
import { type Cluster, startCluster } from '../test/cluster';
import { actorIds, type Client, connect, contentOf, createMap, putLabel, waitFor } from '../test/helpers';

const CYCLES = sized(10, 40);

let cluster: Cluster;
const clients: Client[] = [];
let writeTimer: NodeJS.Timeout | undefined;

beforeAll(async () => {
  cluster = await startCluster(3);
}, 120_000);
afterEach(() => {
  clearInterval(writeTimer);
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await cluster?.stop();
});

const url = (i: number) => cluster.nodes[i]!.url;
const canonical = (client: Client) => JSON.stringify(contentOf(client.doc));
const connected = () => clients.every((c) => c.provider.wsconnected && c.provider.synced);

/**
 * A writer per node (acks on) writing an actor every 15 ms in turn, and an observer per node. Writers
 * never stop: edits made while their node is away stay local until they reach one.
 */
async function underLoad(oracle: AckOracle) {
  const map = await createMap(url(0));
  const writers = [0, 1, 2].map((i) =>
    connect(url(i), map.id, map.editKey, { ack: true, onFrameSent: oracle.onFrameSent }),
  );
  const observers = [0, 1, 2].map((i) => connect(url(i), map.id, map.viewKey));
  clients.push(...writers, ...observers);
  const written = new Set<string>();
  let counter = 0;
  writeTimer = setInterval(() => {
    const w = counter % writers.length;
    const key = `w${w}:${counter++}`;
    putLabel(writers[w]!.doc, key, String(counter));
    written.add(key);
  }, 15);
  await waitFor(connected, 'every client connected', 20_000);
  return { map, writers, observers, written };
}

/** What clients hold that they did not write: they can only have it from a node, so it was relayed. */
const relayed = (observers: Client[]) => new Set(observers.flatMap((o) => actorIds(o.doc)));

async function convergeWithStore(mapId: string, written: Set<string>) {
  clearInterval(writeTimer);
  await waitFor(
    () => connected() && clients.every((c) => actorIds(c.doc).length === written.size),
    'every client holds every edit ever made',
    60_000,
  ).catch(async (err: Error) => {
    const state = clients.map(
      (c) =>
        `${c.provider.wsconnected}/${c.provider.synced}/${actorIds(c.doc).length} closes ${c.closes
          .slice(-3)
          .map((x) => x.code)
          .join(',')}`,
    );
    throw new Error(
      `${err.message}: ${written.size} written; ${state.join(' | ')}; stored ${actorIds(await cluster.storedDoc(mapId)).length}\n${cluster.nodes.map((n) => n.output().slice(-1500)).join('\n---\n')}`,
    );
  });
  const reference = canonical(clients[0]!);
  expect(clients.filter((c) => canonical(c) !== reference).length, 'clients that differ').toBe(0);
  await waitFor(
    async () => actorIds(await cluster.storedDoc(mapId)).length === written.size,
    'PostgreSQL holds every edit',
    20_000,
  );
}

describe('node failures under load (three nodes)', () => {
  it(`kill -9 of a random node, ${CYCLES} times: every acknowledged or relayed edit is in PostgreSQL; clients moved to other nodes converge`, async () => {
    const rng = new SeededRandom(SEED);
    const oracle = new AckOracle();
    const { map, writers, observers, written } = await underLoad(oracle);
    let seen = 0;
    observers[0]!.doc.on('update', () => seen++);
    let ackedTotal = 0;
    // The killed node restarts while the next cycle's load runs on the other two.
    let restarting: Promise<void> = Promise.resolve();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await waitFor(connected, `cycle ${cycle}: every client connected`, 30_000);
      const killAt = seen + 5 + rng.int(30);
      await waitFor(() => seen >= killAt, `cycle ${cycle}: edits flowing`, 10_000);
      await restarting;
      const victim = rng.int(3);
      const mustSurvive = relayed(observers);
      await cluster.kill(victim);
      const acknowledged = oracle.acknowledged(writers);
      ackedTotal = acknowledged.size;
      const stored = new Set(actorIds(await cluster.storedDoc(map.id)));
      expect(
        [...mustSurvive].filter((k) => !stored.has(k)).slice(0, 5),
        `cycle ${cycle}: relayed but lost`,
      ).toEqual([]);
      expect(
        [...acknowledged].filter((k) => !stored.has(k)).slice(0, 5),
        `cycle ${cycle}: acked but lost`,
      ).toEqual([]);
      // The dead node's clients go to the next node, with their documents (unacked edits included).
      const target = (victim + 1 + rng.int(2)) % 3;
      for (const list of [writers, observers]) {
        for (let i = 0; i < list.length; i++) {
          const client = list[i]!;
          if (!client.provider.url.startsWith(`${url(victim).replace('http', 'ws')}/`)) continue;
          client.provider.destroy();
          const moved = connect(url(target), map.id, list === writers ? map.editKey : map.viewKey, {
            ack: list === writers,
            doc: client.doc,
            onFrameSent: list === writers ? oracle.onFrameSent : undefined,
          });
          list[i] = moved;
          clients[clients.indexOf(client)] = moved;
          if (i === 0 && list === observers) moved.doc.on('update', () => seen++);
        }
      }
      restarting = cluster.restart(victim);
    }
    await restarting;
    expect(ackedTotal).toBeGreaterThan(0);
    await convergeWithStore(map.id, written);
    console.info(`multi-node kill loop: ${CYCLES} kills, ${written.size} actors, ${ackedTotal} acknowledged`);
  }, 300_000);

  it('Redis restarted under load: nothing lost, the gaps heal, the nodes converge', async () => {
    const oracle = new AckOracle();
    const { map, writers, observers, written } = await underLoad(oracle);
    await waitFor(() => relayed(observers).size > 20, 'edits flowing');
    await cluster.redis.stop();
    await waitFor(async () => (await fetch(`${url(1)}/healthz`)).status === 503, 'nodes report 503');
    const during = written.size;
    await waitFor(() => written.size > during + 20, 'writing on while Redis is away');
    await cluster.redis.start();
    await waitFor(async () => (await fetch(`${url(2)}/healthz`)).status === 200, 'healthy again', 20_000);
    await convergeWithStore(map.id, written);
    const stored = new Set(actorIds(await cluster.storedDoc(map.id)));
    expect([...oracle.acknowledged(writers)].filter((k) => !stored.has(k))).toEqual([]);
  }, 120_000);

  it('PostgreSQL stopped for a few seconds under load: nothing acknowledged is lost, all converge after', async () => {
    const oracle = new AckOracle();
    const { map, writers, observers, written } = await underLoad(oracle);
    await waitFor(() => relayed(observers).size > 20, 'edits flowing');
    await cluster.pg.stop();
    const ackedBefore = oracle.acknowledged(writers);
    const during = written.size;
    await waitFor(() => written.size > during + 100, 'writing on while PostgreSQL is away (~1.5 s)');
    // Nothing written while the database was down was acknowledged.
    const ackedDown = [...oracle.acknowledged(writers)].filter((k) => !ackedBefore.has(k));
    const downKeys = [...written].slice(during + 5);
    expect(ackedDown.filter((k) => downKeys.includes(k))).toEqual([]);
    await cluster.pg.start();
    await convergeWithStore(map.id, written);
    const stored = new Set(actorIds(await cluster.storedDoc(map.id)));
    expect([...oracle.acknowledged(writers)].filter((k) => !stored.has(k))).toEqual([]);
  }, 120_000);
});
