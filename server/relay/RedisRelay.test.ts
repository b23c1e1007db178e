import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import type { RunningServer, ServerOptions } from '../createServer';
import type { StoredUpdate } from '../storage/MapStore';
import { PostgresMapStore } from '../storage/PostgresMapStore';
import {
  allStored,
  clientsClosedAfterEach,
  closedAfterEach,
  contentOf,
  createMap,
  labelOf,
  putLabel,
  startServer,
  synced,
  waitFor,
} from '../test/helpers';
import { type PostgresServer, startPostgres } from '../test/postgresServer';
import { type RedisServer, startRedis } from '../test/redisServer';

let pgServer: PostgresServer;
let redis: RedisServer;

beforeAll(async () => {
  [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await pgServer?.destroy();
});
const closing = closedAfterEach();
const open = clientsClosedAfterEach();

async function nodes(count: number, options: ServerOptions = {}): Promise<RunningServer[]> {
  const databaseUrl = await pgServer.createDatabase();
  lastDatabaseUrl = databaseUrl;
  const started = await Promise.all(
    Array.from({ length: count }, () => startServer({ databaseUrl, redisUrl: redis.url, ...options })),
  );
  return started.map(closing);
}
let lastDatabaseUrl = '';

/** The map's log as PostgreSQL holds it, read with a store of its own (no node involved). */
async function storedRows(mapId: string): Promise<StoredUpdate[]> {
  const store = await PostgresMapStore.open({ connectionString: lastDatabaseUrl, poolSize: 1 });
  try {
    return await store.loadUpdates(mapId);
  } finally {
    await store.close();
  }
}

describe('nodes on one PostgreSQL and one Redis (in one process)', () => {
  it('clients of one map on two nodes see each other’s edits', async () => {
    const [a, b] = await nodes(2);
    const map = await createMap(a!.url);
    const onA = open(a!.url, map.id, map.editKey);
    const onB = open(b!.url, map.id, map.editKey);
    await Promise.all([synced(onA), synced(onB)]);
    putLabel(onA.doc, 'x', 'from A');
    putLabel(onB.doc, 'y', 'from B');
    await waitFor(
      () => labelOf(onB.doc, 'x') === 'from A' && labelOf(onA.doc, 'y') === 'from B',
      'both edits on both',
    );
    expect(contentOf(onA.doc)).toEqual(contentOf(onB.doc));
    // Delivered by the relay, in order: nothing had to be read back from the store.
    expect(a!.metrics.relayHeals + b!.metrics.relayHeals).toBe(0);
  });

  it('awareness crosses nodes, and leaves with its client', async () => {
    const [a, b] = await nodes(2);
    const map = await createMap(a!.url);
    const onA = open(a!.url, map.id, map.viewKey);
    const onB = open(b!.url, map.id, map.viewKey);
    await Promise.all([synced(onA), synced(onB)]);
    onA.provider.awareness.setLocalStateField('user', { name: 'An' });
    const idA = onA.doc.clientID;
    await waitFor(
      () => (onB.provider.awareness.getStates().get(idA) as { user?: { name: string } })?.user?.name === 'An',
      'A’s presence on B',
    );
    onA.provider.disconnect();
    await waitFor(() => !onB.provider.awareness.getStates().has(idA), 'A’s presence gone from B');
  });

  it('rotating the keys on one node closes the old keys’ sockets on the other (4410)', async () => {
    const [a, b] = await nodes(2);
    const map = await createMap(a!.url);
    const onB = open(b!.url, map.id, map.editKey);
    await synced(onB);
    const res = await fetch(`${a!.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editKey}` },
    });
    expect(res.status).toBe(200);
    await waitFor(() => onB.closes.some((c) => c.code === 4410), 'B’s socket closed with 4410');
  });

  it('without Redis each node serves its own clients and reports 503; when it returns, the missed rows heal', async () => {
    const [a, b] = await nodes(2);
    const map = await createMap(a!.url);
    const onA = open(a!.url, map.id, map.editKey, { ack: true });
    const onB = open(b!.url, map.id, map.editKey, { ack: true });
    await Promise.all([synced(onA), synced(onB)]);
    await redis.stop();
    await waitFor(async () => (await fetch(`${a!.url}/healthz`)).status === 503, 'A reports 503');
    putLabel(onA.doc, 'offline-a', 'written while Redis was away');
    putLabel(onB.doc, 'offline-b', 'also while Redis was away');
    await Promise.all([
      allStored(onA, 'A’s edit acknowledged from PostgreSQL'),
      allStored(onB, 'B’s edit acknowledged from PostgreSQL'),
    ]);
    await redis.start();
    await waitFor(
      () => labelOf(onB.doc, 'offline-a') !== undefined && labelOf(onA.doc, 'offline-b') !== undefined,
      'the rows each node missed, healed',
      15_000,
    );
    await waitFor(async () => (await fetch(`${b!.url}/healthz`)).status === 200, 'B healthy again');
    expect(contentOf(onA.doc)).toEqual(contentOf(onB.doc));
    expect(a!.metrics.relayHeals + b!.metrics.relayHeals).toBeGreaterThan(0);
  });

  it('counts rows for compaction from the store: a node compacts once every node’s rows pass the threshold', async () => {
    const [a, b] = await nodes(2, { compactThreshold: 4 });
    const map = await createMap(a!.url);
    const onA = open(a!.url, map.id, map.editKey, { ack: true });
    const onB = open(b!.url, map.id, map.editKey, { ack: true });
    await Promise.all([synced(onA), synced(onB)]);
    // Acks are cumulative (`n` = every frame up to n is stored), and whether the sync handshake's
    // frames get an ack of their own depends on how the server batched them: so each edit waits for
    // the ack that covers every frame sent, not for a count of acks (the count raced: acks [3, 4, 5]
    // for two edits hung the wait for the second).
    for (let i = 0; i < 3; i++) {
      putLabel(onA.doc, `a${i}`, `from A ${i}`);
      await allStored(onA, `A’s edit ${i} stored`);
    }
    await waitFor(() => labelOf(onB.doc, 'a2') !== undefined, 'A’s edits on B');
    expect(await storedRows(map.id)).toHaveLength(3);
    // B has written one row, then two: counted by B alone it would stay far below the threshold.
    putLabel(onB.doc, 'b0', 'from B 0');
    await allStored(onB, 'B’s first edit stored');
    putLabel(onB.doc, 'b1', 'from B 1');
    await allStored(onB, 'B’s second edit stored');
    await waitFor(
      async () => (await storedRows(map.id)).length === 1,
      'the log compacted to one row',
      10_000,
    );
    const stored = new Y.Doc();
    for (const row of await storedRows(map.id)) Y.applyUpdate(stored, row.data);
    expect(contentOf(stored)).toEqual(contentOf(onA.doc));
    expect(b!.metrics.compactions).toBeGreaterThan(0);
  });

  it('holds the document-size limit per map across nodes: an edit that fits one node’s doc but not the stored map is refused (1009), nothing of it stored', async () => {
    const maxDocumentBytes = 64 * 1024;
    const [a, b] = await nodes(2, { limits: { maxDocumentBytes } });
    const map = await createMap(a!.url);
    const onA = open(a!.url, map.id, map.editKey, { ack: true });
    const onB = open(b!.url, map.id, map.editKey, { ack: true });
    await Promise.all([synced(onA), synced(onB)]);
    // Without fan-out B's doc does not hear of A's rows, so only the store sees both nodes' bytes.
    await redis.stop();
    try {
      // 36 KB in one transaction each (a label holds at most 20,000 characters).
      onA.doc.transact(() => {
        for (const i of [0, 1]) putLabel(onA.doc, `big-a${i}`, 'a'.repeat(18_000));
      });
      await allStored(onA, 'A’s 36 KB stored');
      onB.doc.transact(() => {
        for (const i of [0, 1]) putLabel(onB.doc, `big-b${i}`, 'b'.repeat(18_000));
      });
      await waitFor(() => onB.closes.some((c) => c.code === 1009), 'B’s sender closed with 1009');
      const stored = new Y.Doc();
      const rows = await storedRows(map.id);
      for (const row of rows) Y.applyUpdate(stored, row.data);
      expect(labelOf(stored, 'big-a1')).toBe('a'.repeat(18_000));
      expect(labelOf(stored, 'big-b0')).toBeUndefined();
      expect(labelOf(stored, 'big-b1')).toBeUndefined();
      expect(rows.reduce((sum, row) => sum + row.data.byteLength, 0)).toBeLessThanOrEqual(maxDocumentBytes);
    } finally {
      await redis.start();
    }
  });

  it('an import through the API of node A reaches the clients of node B, stored before the answer', async () => {
    const [a, b] = await nodes(2);
    const map = await createMap(a!.url);
    const onA = open(a!.url, map.id, map.editKey);
    await synced(onA);
    ChainMap.create(onA.doc, { title: 'Keten Halle', municipality: 'Halle' }, {});
    const onB = open(b!.url, map.id, map.viewKey);
    await synced(onB);
    await waitFor(() => new ChainMap(onB.doc).isInitialised(), 'B has the new map');
    const csv = ['Organisatie;Gemeente', 'VDAB Halle;Halle', 'OCMW Halle;Halle'].join('\r\n');
    const res = await fetch(`${a!.url}/api/maps/${map.id}/import?kind=Partner`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editKey}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    const labels = (doc: Y.Doc) =>
      new ChainMap(doc)
        .actors()
        .map((actor) => actor.label)
        .sort();
    const stored = new Y.Doc();
    for (const row of await storedRows(map.id)) Y.applyUpdate(stored, row.data);
    expect(labels(stored)).toEqual(['OCMW Halle', 'VDAB Halle']);
    await waitFor(() => labels(onB.doc).length === 2, 'the import reaches the client on B');
    expect(labels(onB.doc)).toEqual(['OCMW Halle', 'VDAB Halle']);
  });
});
