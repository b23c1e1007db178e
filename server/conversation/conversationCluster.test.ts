import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Conversation } from '../../shared/model/conversation/Conversation';
import { conversationDocId } from '../../shared/protocol/docRooms';
import { CLOSE_KEY_REVOKED } from '../../shared/protocol/syncProtocol';
import type { RunningServer } from '../createServer';
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

/**
 * The conversation room on the cluster path: two nodes (in one process) on one PostgreSQL and one
 * Redis, as `relay/RedisRelay.test.ts` runs the map rooms. The participate key is the store's, so any
 * node grants it; the conversation's rows are committed to PostgreSQL before another node relays them.
 */

let pgServer: PostgresServer;
let redis: RedisServer;
let databaseUrl = '';

beforeAll(async () => {
  [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  await pgServer?.destroy();
});
const closing = closedAfterEach();
const open = clientsClosedAfterEach();

async function twoNodes(): Promise<RunningServer[]> {
  databaseUrl = await pgServer.createDatabase();
  const started = await Promise.all([0, 1].map(() => startServer({ databaseUrl, redisUrl: redis.url })));
  return started.map(closing);
}

/** A document as PostgreSQL holds it, read with a store of its own (no node involved). */
async function storedDoc(id: string): Promise<Y.Doc> {
  const store = await PostgresMapStore.open({ connectionString: databaseUrl, poolSize: 1 });
  try {
    const doc = new Y.Doc();
    for (const row of await store.loadUpdates(id)) Y.applyUpdate(doc, row.data);
    return doc;
  } finally {
    await store.close();
  }
}

const els = { id: 'author-els', name: 'Els', colour: '#2563eb' };
const anchor = { kind: 'actor' as const, id: 'actor-1', at: { x: 0, y: 0 } };
const threadTexts = (doc: Y.Doc) => new Conversation(doc).threads().map((t) => t.comments.map((c) => c.text));

describe('the conversation room across nodes (PostgreSQL + Redis)', () => {
  it('a participant’s comment on node B reaches the facilitator on node A, stored in PostgreSQL; its map writes reach no one', async () => {
    const [a, b] = await twoNodes();
    const map = await createMap(a!.url);
    const room = conversationDocId(map.id);
    const facilitator = open(a!.url, room, map.editKey, { ack: true });
    const participant = open(b!.url, room, map.participateKey, { ack: true });
    const participantMap = open(b!.url, map.id, map.participateKey, { ack: true });
    const facilitatorMap = open(a!.url, map.id, map.editKey, { ack: true });
    await Promise.all([
      synced(facilitator),
      synced(participant),
      synced(participantMap),
      synced(facilitatorMap),
    ]);

    const thread = new Conversation(participant.doc).startThread(anchor, els, 'Wie belt de OCMW?', 1000);
    await allStored(participant, 'the participant’s comment acknowledged');
    await waitFor(() => threadTexts(facilitator.doc)[0]?.length === 1, 'the comment on node A');
    new Conversation(facilitator.doc).reply(thread, els, 'Ik.', 2000);
    await allStored(facilitator, 'the reply acknowledged');
    await waitFor(() => threadTexts(participant.doc)[0]?.length === 2, 'the reply on node B');
    expect(threadTexts(await storedDoc(room))).toEqual([['Wie belt de OCMW?', 'Ik.']]);

    const dropped = b!.metrics.rejectedCount('read_only');
    putLabel(participantMap.doc, 'intruder', 'should not stick');
    await waitFor(
      () => b!.metrics.rejectedCount('read_only') > dropped,
      'the participant’s map write dropped',
    );
    putLabel(facilitatorMap.doc, 'legit', 'edit');
    await allStored(facilitatorMap);
    await waitFor(() => labelOf(participantMap.doc, 'legit') === 'edit', 'the facilitator’s edit on node B');
    expect(labelOf(facilitatorMap.doc, 'intruder')).toBeUndefined();
    expect(participantMap.acks).toEqual([]);
    expect(contentOf(await storedDoc(map.id))).toEqual({ legit: 'edit' });
    // The conversation's rows are a document of their own: none of them is in the map's log.
    expect(threadTexts(await storedDoc(map.id))).toEqual([]);
  });

  it('rotating the keys on node A closes the old participate key’s conversation socket on node B (4410); the new key writes there', async () => {
    const [a, b] = await twoNodes();
    const map = await createMap(a!.url);
    const room = conversationDocId(map.id);
    const onB = open(b!.url, room, map.participateKey);
    await synced(onB);
    const res = await fetch(`${a!.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editKey}` },
    });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { participateKey: string };
    await waitFor(() => onB.closes.some((c) => c.code === CLOSE_KEY_REVOKED), 'B’s socket closed with 4410');

    const again = open(b!.url, room, fresh.participateKey, { ack: true });
    await synced(again);
    new Conversation(again.doc).startThread(anchor, els, 'Met de nieuwe link', 3000);
    await allStored(again);
    expect(threadTexts(await storedDoc(room))).toEqual([['Met de nieuwe link']]);
  });
});
