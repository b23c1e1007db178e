import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Conversation } from '../../shared/model/conversation/Conversation';
import { goToStep, pauseWerkvorm, startWerkvorm } from '../../shared/model/conversation/werkvormSession';
import { conversationDocId } from '../../shared/protocol/docRooms';
import {
  CLOSE_FORBIDDEN,
  CLOSE_INVALID_CONTENT,
  CLOSE_KEY_REVOKED,
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
} from '../../shared/protocol/syncProtocol';
import { randomId } from '../../shared/randomId';
import { hashKey } from '../access/mapKeys';
import type { RunningServer } from '../createServer';
import { SqliteMapStore } from '../storage/SqliteMapStore';
import {
  allStored,
  clientsClosedAfterEach,
  closedAfterEach,
  contentOf,
  createMap,
  labelOf,
  openRaw,
  putLabel,
  startServer,
  synced,
  tempDir,
  waitFor,
  wsUrl,
} from '../test/helpers';

let server: RunningServer | undefined;
let store: SqliteMapStore | undefined;

const closing = closedAfterEach();
const open = clientsClosedAfterEach();

const els = { id: 'author-els', name: 'Els', colour: '#2563eb' };
const anchor = { kind: 'actor' as const, id: 'actor-1', at: { x: 0, y: 0 } };
const threadTexts = (doc: Y.Doc) => new Conversation(doc).threads().map((t) => t.comments.map((c) => c.text));

/** What storage holds for a document, read into a fresh doc. */
async function storedDoc(id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await store!.loadUpdates(id)) Y.applyUpdate(doc, row.data);
  return doc;
}

async function startWithStore(dataDir = tempDir()) {
  store = closing(new SqliteMapStore({ file: path.join(dataDir, 'db.sqlite') }));
  server = closing(await startServer({ store }));
  return server;
}

describe('the participate role', () => {
  it('POST /api/maps returns three different keys', async () => {
    const s = await startWithStore();
    const map = await createMap(s.url);
    expect(new Set([map.editKey, map.viewKey, map.participateKey]).size).toBe(3);
    expect(map.participateKey).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
  });

  it('a participate key reads the map and every update, but its map writes are dropped and never acknowledged', async () => {
    const s = await startWithStore();
    const map = await createMap(s.url);
    const editor = open(s.url, map.id, map.editKey, { ack: true });
    const participant = open(s.url, map.id, map.participateKey, { ack: true });
    await Promise.all([synced(editor), synced(participant)]);

    const droppedBefore = s.metrics.rejectedCount('read_only');
    putLabel(participant.doc, 'intruder', 'should not stick');
    await waitFor(
      () => s.metrics.rejectedCount('read_only') > droppedBefore,
      'the participant write dropped',
    );
    putLabel(editor.doc, 'legit', 'edit');
    await allStored(editor);
    await waitFor(() => labelOf(participant.doc, 'legit') === 'edit', 'participant receives the edit');

    expect(participant.acks).toEqual([]);
    expect(labelOf(editor.doc, 'intruder')).toBeUndefined();
    expect(contentOf(await storedDoc(map.id))).toEqual({ legit: 'edit' });
    const fresh = open(s.url, map.id, map.viewKey);
    await synced(fresh);
    expect(contentOf(fresh.doc)).toEqual({ legit: 'edit' });
  });

  it('edit and participate keys write the conversation; a view key reads it but its writes change nothing', async () => {
    const s = await startWithStore();
    const map = await createMap(s.url);
    const room = conversationDocId(map.id);
    const editor = open(s.url, room, map.editKey, { ack: true });
    const participant = open(s.url, room, map.participateKey, { ack: true });
    const viewer = open(s.url, room, map.viewKey, { ack: true });
    await Promise.all([synced(editor), synced(participant), synced(viewer)]);

    const thread = new Conversation(participant.doc).startThread(anchor, els, 'Wie belt?', 1000);
    await allStored(participant);
    new Conversation(editor.doc).reply(thread, els, 'Ik.', 2000);
    await allStored(editor);
    await waitFor(() => threadTexts(viewer.doc)[0]?.length === 2, 'the viewer sees both comments');

    const droppedBefore = s.metrics.rejectedCount('read_only');
    new Conversation(viewer.doc).reply(thread, els, 'stiekem', 3000);
    await waitFor(() => s.metrics.rejectedCount('read_only') > droppedBefore, 'the view write dropped');
    expect(viewer.acks).toEqual([]);

    const expected = [['Wie belt?', 'Ik.']];
    expect(threadTexts(await storedDoc(room))).toEqual(expected);
    expect(threadTexts(editor.doc)).toEqual(expected);
    const fresh = open(s.url, room, map.participateKey);
    await synced(fresh);
    expect(threadTexts(fresh.doc)).toEqual(expected);
    // The map doc got nothing from any of it.
    expect((await store!.loadUpdates(map.id)).length).toBe(0);
  });

  const refusals = [
    { name: 'no key', key: () => undefined, code: CLOSE_UNAUTHORIZED, unknownMap: false },
    { name: 'a wrong key', key: () => randomId(), code: CLOSE_FORBIDDEN, unknownMap: false },
    { name: 'an unknown map', key: () => randomId(), code: CLOSE_NOT_FOUND, unknownMap: true },
  ];
  for (const { name, key, code, unknownMap } of refusals) {
    it(`the conversation room with ${name}: closes with ${code}, sends nothing and stores nothing`, async () => {
      const s = await startWithStore();
      const map = await createMap(s.url);
      const owner = open(s.url, conversationDocId(map.id), map.editKey, { ack: true });
      await synced(owner);
      new Conversation(owner.doc).startThread(anchor, els, 'geheim', 1);
      await allStored(owner);
      const id = unknownMap ? randomId() : map.id;
      const k = key();
      const raw = openRaw(`${wsUrl(s.url)}/sync/${conversationDocId(id)}${k ? `?key=${k}` : ''}`);
      expect((await raw.closed).code).toBe(code);
      expect(raw.messages).toHaveLength(0);
      if (unknownMap) expect(await store!.getMapAccess(conversationDocId(id))).toBeUndefined();
    });
  }

  it('each room takes only its own shape: map content in the conversation, or comments in the map, closes with 4422', async () => {
    const s = await startWithStore();
    const map = await createMap(s.url);
    const intoConversation = open(s.url, conversationDocId(map.id), map.participateKey);
    await synced(intoConversation);
    putLabel(intoConversation.doc, 'actor', 'not a comment');
    await waitFor(
      () => intoConversation.closes.some((c) => c.code === CLOSE_INVALID_CONTENT),
      'map content refused in the conversation room',
    );
    const intoMap = open(s.url, map.id, map.editKey);
    await synced(intoMap);
    new Conversation(intoMap.doc).startThread(anchor, els, 'in de kaart', 1);
    await waitFor(
      () => intoMap.closes.some((c) => c.code === CLOSE_INVALID_CONTENT),
      'a comment refused in the map room',
    );
    expect((await store!.loadUpdates(map.id)).length).toBe(0);
    expect((await store!.loadUpdates(conversationDocId(map.id))).length).toBe(0);
  });

  it('rotating the links renews all three keys and closes old sockets of both rooms with 4410', async () => {
    const s = await startWithStore();
    const map = await createMap(s.url);
    const mapParticipant = open(s.url, map.id, map.participateKey);
    const talkParticipant = open(s.url, conversationDocId(map.id), map.participateKey);
    await Promise.all([synced(mapParticipant), synced(talkParticipant)]);
    const res = await fetch(`${s.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${map.editKey}` },
    });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as typeof map;
    expect(fresh.participateKey).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(fresh.participateKey).not.toBe(map.participateKey);
    await waitFor(
      () =>
        mapParticipant.closes.some((c) => c.code === CLOSE_KEY_REVOKED) &&
        talkParticipant.closes.some((c) => c.code === CLOSE_KEY_REVOKED),
      'old participate sockets closed with 4410',
    );
    const stale = openRaw(`${wsUrl(s.url)}/sync/${conversationDocId(map.id)}?key=${map.participateKey}`);
    expect((await stale.closed).code).toBe(CLOSE_KEY_REVOKED);
    // The participate key cannot renew the links.
    const refused = await fetch(`${s.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fresh.participateKey}` },
    });
    expect(refused.status).toBe(403);
    const renewed = open(s.url, conversationDocId(map.id), fresh.participateKey, { ack: true });
    await synced(renewed);
    new Conversation(renewed.doc).startThread(anchor, els, 'na vernieuwen', 1);
    await allStored(renewed);
  });

  it('a map from before the participate role has no participate key until its links are renewed', async () => {
    const s = await startWithStore();
    const id = randomId();
    const editKey = randomId();
    await store!.createMap({ id, editKeyHash: hashKey(editKey), viewKeyHash: hashKey(randomId()) });
    // Its conversation works for the edit key at once (the doc's row is made on the first join).
    const editor = open(s.url, conversationDocId(id), editKey, { ack: true });
    await synced(editor);
    new Conversation(editor.doc).startThread(anchor, els, 'oude kaart', 1);
    await allStored(editor);
    const res = await fetch(`${s.url}/api/maps/${id}/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editKey}` },
    });
    const keys = (await res.json()) as { participateKey: string };
    const participant = open(s.url, conversationDocId(id), keys.participateKey);
    await synced(participant);
    expect(threadTexts(participant.doc)).toEqual([['oude kaart']]);
  });

  it('the conversation survives a server restart on the same data', async () => {
    const dataDir = tempDir();
    let s = await startWithStore(dataDir);
    const map = await createMap(s.url);
    const writer = open(s.url, conversationDocId(map.id), map.participateKey, { ack: true });
    await synced(writer);
    const conversation = new Conversation(writer.doc);
    const thread = conversation.startThread(anchor, els, 'blijft', 1000);
    conversation.resolve(thread, 'Els', 2000);
    await allStored(writer);
    writer.destroy();
    await server!.close();
    await store!.close();

    s = await startWithStore(dataDir);
    const reader = open(s.url, conversationDocId(map.id), map.viewKey);
    await synced(reader);
    expect(new Conversation(reader.doc).thread(thread)).toMatchObject({
      resolved: { by: 'Els', at: 2000 },
      comments: [{ text: 'blijft' }],
    });
  });

  it('a paused Werkvorm survives a server restart at its step, written by the edit key', async () => {
    const dataDir = tempDir();
    let s = await startWithStore(dataDir);
    const map = await createMap(s.url);
    const lead = open(s.url, conversationDocId(map.id), map.editKey, { ack: true });
    await synced(lead);
    const started = startWerkvorm('Els', 1000);
    new Conversation(lead.doc).setWerkvorm(pauseWerkvorm(goToStep(started, 2, 'Els', 2000), 'Els', 3000));
    await allStored(lead);
    lead.destroy();
    await server!.close();
    await store!.close();

    s = await startWithStore(dataDir);
    const participant = open(s.url, conversationDocId(map.id), map.participateKey);
    await synced(participant);
    expect(new Conversation(participant.doc).werkvorm()).toEqual({
      state: 'paused',
      step: 2,
      startedAt: 1000,
      changedAt: 3000,
      by: 'Els',
    });
  });
});
