import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Conversation } from '../../shared/model/conversation/Conversation';
import { goToStep, startWerkvorm } from '../../shared/model/conversation/werkvormSession';
import { conversationDocId } from '../../shared/protocol/docRooms';
import { CLOSE_FORBIDDEN } from '../../shared/protocol/syncProtocol';
import type { RunningServer } from '../createServer';
import { SqliteMapStore } from '../storage/SqliteMapStore';
import {
  allStored,
  clientsClosedAfterEach,
  closedAfterEach,
  createMap,
  startServer,
  synced,
  tempDir,
  waitFor,
} from '../test/helpers';

let server: RunningServer | undefined;
let store: SqliteMapStore | undefined;

const closing = closedAfterEach();
const open = clientsClosedAfterEach();

const els = { id: 'author-els', name: 'Els', colour: '#2563eb' };
const mallory = { id: 'author-mallory', name: 'Mallory', colour: '#dc2626' };
const anchor = { kind: 'actor' as const, id: 'actor-1', at: { x: 0, y: 0 } };
const texts = (doc: Y.Doc) => new Conversation(doc).threads().flatMap((t) => t.comments.map((c) => c.text));
const stepOf = (doc: Y.Doc) => new Conversation(doc).werkvorm()?.step;

async function storedDoc(id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await store!.loadUpdates(id)) Y.applyUpdate(doc, row.data);
  return doc;
}

/** A server, a map, and its facilitator (edit key) leading a Werkvorm at its second step (index 1). */
async function workshop() {
  store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
  server = closing(await startServer({ store }));
  const map = await createMap(server.url);
  const room = conversationDocId(map.id);
  const lead = open(server.url, room, map.editKey, { ack: true });
  await synced(lead);
  new Conversation(lead.doc).setWerkvorm(goToStep(startWerkvorm('Els', 1000), 1, 'Els', 2000));
  await allStored(lead);
  return { s: server, map, room, lead };
}

/**
 * The app refuses a participant's Werkvorm change (`WerkvormLeadError`); these clients are stock
 * y-websocket clients whose `Conversation` says it leads, as a hostile participant's would.
 */
describe('the Werkvorm lead, enforced by the server', () => {
  it('refuses a participate link moving the step with 4403; nobody else sees it, storage keeps the step, its comments before it stay', async () => {
    const { s, map, room, lead } = await workshop();
    const hostile = open(s.url, room, map.participateKey, { ack: true });
    const honest = open(s.url, room, map.participateKey, { ack: true });
    await Promise.all([synced(hostile), synced(honest)]);
    await waitFor(() => stepOf(hostile.doc) === 1, 'the participant is at the second step');

    const talk = new Conversation(hostile.doc);
    talk.startThread(anchor, mallory, 'Een eerlijke vraag', 3000);
    await allStored(hostile);
    const refusedBefore = s.metrics.rejectedCount('edit_only');
    talk.setWerkvorm(goToStep(talk.werkvorm()!, 3, 'Mallory', 4000));
    await waitFor(() => hostile.closes.some((c) => c.code === CLOSE_FORBIDDEN), 'the Werkvorm write refused');
    expect(hostile.closes.find((c) => c.code === CLOSE_FORBIDDEN)?.reason).toMatch(/begeleider/);
    expect(s.metrics.rejectedCount('edit_only')).toBe(refusedBefore + 1);

    // The server keeps serving: the other participant comments, the lead moves on to step 3.
    new Conversation(honest.doc).startThread(anchor, els, 'Nog een vraag', 5000);
    await allStored(honest);
    new Conversation(lead.doc).setWerkvorm(goToStep(new Conversation(lead.doc).werkvorm()!, 2, 'Els', 6000));
    await allStored(lead);
    await waitFor(() => stepOf(honest.doc) === 2, 'the participant follows the lead to the third step');

    const expected = ['Een eerlijke vraag', 'Nog een vraag'];
    for (const doc of [lead.doc, honest.doc, await storedDoc(room)]) {
      expect(stepOf(doc)).toBe(2);
      expect(texts(doc).sort()).toEqual(expected);
    }
    const fresh = open(s.url, room, map.viewKey);
    await synced(fresh);
    expect(stepOf(fresh.doc)).toBe(2);
    expect(new Conversation(fresh.doc).werkvorm()?.by).toBe('Els');
  });

  it('refuses a participate link ending the Werkvorm (a delete only) and keeps the session for everyone', async () => {
    const { s, map, room, lead } = await workshop();
    const hostile = open(s.url, room, map.participateKey, { ack: true });
    await synced(hostile);
    await waitFor(() => stepOf(hostile.doc) === 1, 'the participant is at the second step');
    new Conversation(hostile.doc).setWerkvorm(null);
    await waitFor(() => hostile.closes.some((c) => c.code === CLOSE_FORBIDDEN), 'the delete refused');
    expect(stepOf(lead.doc)).toBe(1);
    expect(stepOf(await storedDoc(room))).toBe(1);
  });

  it('takes a returning participant: its sync step 2 repeats the lead’s deleted steps, and its offline comment lands', async () => {
    const { s, map, room, lead } = await workshop();
    const participant = open(s.url, room, map.participateKey, { ack: true });
    await synced(participant);
    for (const step of [2, 3]) {
      new Conversation(lead.doc).setWerkvorm(
        goToStep(new Conversation(lead.doc).werkvorm()!, step, 'Els', step),
      );
    }
    await allStored(lead);
    await waitFor(() => stepOf(participant.doc) === 3, 'the participant follows to the last step');

    participant.provider.disconnect();
    new Conversation(participant.doc).startThread(anchor, mallory, 'Geschreven offline', 7000);
    participant.provider.connect();
    await waitFor(
      () => texts(lead.doc).includes('Geschreven offline'),
      'the offline comment reaches the lead',
    );
    await allStored(participant);
    expect(participant.closes.map((c) => c.code)).not.toContain(CLOSE_FORBIDDEN);
    expect(texts(await storedDoc(room))).toEqual(['Geschreven offline']);
    expect(stepOf(await storedDoc(room))).toBe(3);
  });

  it('lets an edit link (a second facilitator) move the step', async () => {
    const { s, map, room, lead } = await workshop();
    const partner = open(s.url, room, map.editKey, { ack: true });
    await synced(partner);
    await waitFor(() => stepOf(partner.doc) === 1, 'the partner is at the second step');
    const talk = new Conversation(partner.doc);
    talk.setWerkvorm(goToStep(talk.werkvorm()!, 2, 'Partner', 3000));
    await allStored(partner);
    await waitFor(() => stepOf(lead.doc) === 2, 'the lead sees the third step');
    expect(partner.closes).toEqual([]);
    expect(stepOf(await storedDoc(room))).toBe(2);
  });
});
