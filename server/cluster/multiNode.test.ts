import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_FORBIDDEN, CLOSE_KEY_REVOKED, CLOSE_UNAUTHORIZED } from '../../shared/protocol/syncProtocol';
import { randomId } from '../../shared/randomId';
import { SeededRandom } from '../../shared/seededRandom';
import { SEED } from '../reliability/reliabilityConfig';
import { type Cluster, startCluster } from '../test/cluster';
import {
  actorIds,
  allStored,
  type Client,
  clientsClosedAfterEach,
  contentOf,
  createMap,
  labelOf,
  openRaw,
  putLabel,
  synced,
  waitFor,
  wsUrl,
} from '../test/helpers';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster(3);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});
const open = clientsClosedAfterEach();
const url = (i: number) => cluster.nodes[i % cluster.nodes.length]!.url;
const same = (clients: Client[]) => {
  const first = JSON.stringify(contentOf(clients[0]!.doc));
  return clients.every((c) => JSON.stringify(contentOf(c.doc)) === first);
};

describe('three nodes on one PostgreSQL and one Redis', () => {
  it('stock clients spread over the nodes converge, on every map, and awareness crosses', async () => {
    const maps = await Promise.all([createMap(url(0)), createMap(url(1))]);
    for (const map of maps) {
      const clients = [0, 1, 2, 3, 4, 5].map((i) => open(url(i), map.id, map.editKey, { ack: true }));
      await Promise.all(clients.map(synced));
      clients.forEach((client, i) => {
        for (let k = 0; k < 10; k++) putLabel(client.doc, `c${i}-${k}`, `${map.id} ${i}.${k}`);
      });
      await waitFor(
        () => clients.every((c) => actorIds(c.doc).length === 60) && same(clients),
        'six clients on three nodes hold the same 60 actors',
        20_000,
      );
      await Promise.all(clients.map((c) => allStored(c)));
      const stored = await cluster.storedDoc(map.id);
      expect(contentOf(stored)).toEqual(contentOf(clients[0]!.doc));
      clients[0]!.provider.awareness.setLocalStateField('user', { name: 'Griet' });
      const id = clients[0]!.doc.clientID;
      await waitFor(
        () =>
          clients.every(
            (c) =>
              (c.provider.awareness.getStates().get(id) as { user?: { name?: string } })?.user?.name ===
              'Griet',
          ),
        'Griet’s presence on every node',
      );
    }
  }, 60_000);

  it('the access matrix holds on every node: no key, a wrong key, a view key that writes', async () => {
    const map = await createMap(url(0));
    const owner = open(url(0), map.id, map.editKey, { ack: true });
    await synced(owner);
    putLabel(owner.doc, 'kept', 'by the owner');
    await allStored(owner);
    for (let i = 0; i < cluster.nodes.length; i++) {
      const none = openRaw(`${wsUrl(url(i))}/sync/${map.id}`);
      expect((await none.closed).code).toBe(CLOSE_UNAUTHORIZED);
      const wrong = openRaw(`${wsUrl(url(i))}/sync/${map.id}?key=${randomId()}`);
      expect((await wrong.closed).code).toBe(CLOSE_FORBIDDEN);
      expect([...none.messages, ...wrong.messages]).toHaveLength(0);

      const viewer = open(url(i), map.id, map.viewKey);
      await synced(viewer);
      expect(labelOf(viewer.doc, 'kept')).toBe('by the owner');
      putLabel(viewer.doc, `viewer-${i}`, 'must not be stored');
    }
    // A write after the viewers' attempts: once it reached every node, theirs would have too.
    putLabel(owner.doc, 'after', 'the viewers tried');
    await allStored(owner);
    const check = [0, 1, 2].map((i) => open(url(i), map.id, map.viewKey));
    await Promise.all(check.map(synced));
    await waitFor(() => check.every((c) => labelOf(c.doc, 'after') !== undefined), 'the owner’s last write');
    for (const c of check) expect(actorIds(c.doc).sort()).toEqual(['after', 'kept']);
    expect(actorIds(await cluster.storedDoc(map.id)).sort()).toEqual(['after', 'kept']);
  }, 60_000);

  it('rotating the keys on one node closes the old keys’ sockets on every node with 4410, and answers old links with 4410 on every node', async () => {
    const map = await createMap(url(0));
    const clients = [0, 1, 2].map((i) => open(url(i), map.id, i === 2 ? map.viewKey : map.editKey));
    await Promise.all(clients.map(synced));
    const res = await fetch(`${url(1)}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editKey}` },
    });
    expect(res.status).toBe(200);
    await waitFor(
      () => clients.every((c) => c.closes.some((close) => close.code === CLOSE_KEY_REVOKED)),
      'every node closed its old-key socket with 4410',
    );
    // A fresh socket with the old link is told the link was renewed, on every node: the retired
    // hashes are in the shared store, not in the memory of the node that rotated.
    for (let i = 0; i < 3; i++) {
      const stale = openRaw(`${wsUrl(url(i))}/sync/${map.id}?key=${map.editKey}`);
      expect((await stale.closed).code).toBe(CLOSE_KEY_REVOKED);
    }
  }, 30_000);

  it('seeded fuzz: random clients on random nodes, random edits and disconnects, converge with the store', async () => {
    const rng = new SeededRandom(SEED);
    const map = await createMap(url(0));
    const clients: Client[] = [];
    for (let i = 0; i < 6; i++) clients.push(open(url(rng.int(3)), map.id, map.editKey, { ack: true }));
    await Promise.all(clients.map(synced));
    let written = 0;
    for (let step = 0; step < 120; step++) {
      const i = rng.int(clients.length);
      const client = clients[i]!;
      const action = rng.int(10);
      if (action < 7) {
        putLabel(client.doc, `a${rng.int(40)}`, `step ${step} by ${i}`);
        written++;
      } else if (action < 9) {
        client.provider.disconnect();
      } else {
        // Reconnects to another node with the same document (the tab moved behind the load balancer).
        client.provider.destroy();
        clients[i] = open(url(rng.int(3)), map.id, map.editKey, { ack: true, doc: client.doc });
      }
      if (step % 10 === 9) {
        for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    await waitFor(
      () => clients.every((c) => c.provider.synced) && same(clients),
      'every client converged',
      30_000,
    );
    await Promise.all(clients.map((c) => allStored(c)));
    const stored = await cluster.storedDoc(map.id);
    expect(contentOf(stored)).toEqual(contentOf(clients[0]!.doc));
    expect(written).toBeGreaterThan(50);
  }, 90_000);

  // Last: it kills a node for good. y-protocols drops a state its owner has not renewed for 30 s.
  it('a node that dies takes its clients’ cursors along within the awareness timeout', async () => {
    const map = await createMap(url(0));
    const watcher = open(url(0), map.id, map.viewKey);
    const doomed = open(url(2), map.id, map.viewKey);
    await Promise.all([synced(watcher), synced(doomed)]);
    doomed.provider.awareness.setLocalStateField('user', { name: 'Jef' });
    const id = doomed.doc.clientID;
    await waitFor(() => watcher.provider.awareness.getStates().has(id), 'Jef’s cursor on node 0');
    await cluster.kill(2);
    doomed.provider.destroy();
    await waitFor(() => !watcher.provider.awareness.getStates().has(id), 'Jef’s cursor gone', 45_000);
  }, 60_000);
});
