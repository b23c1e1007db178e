import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../createServer';
import {
  clientsClosedAfterEach,
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
const servers: RunningServer[] = [];

beforeAll(async () => {
  [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await pgServer?.destroy();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const open = clientsClosedAfterEach();

async function nodes(count: number): Promise<RunningServer[]> {
  const databaseUrl = await pgServer.createDatabase();
  const started = await Promise.all(
    Array.from({ length: count }, () => startServer({ databaseUrl, redisUrl: redis.url })),
  );
  servers.push(...started);
  return started;
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
    await waitFor(() => onA.acks.length > 0 && onB.acks.length > 0, 'both acknowledged from PostgreSQL');
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
});
