/**
 * Content Yjs holds back (its dependencies are missing) is neither stored nor acknowledged, counts
 * against the document size limit, and is dropped past a small bound, its sender closed with 4100 to
 * reconnect and resync.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_RESYNC, CLOSE_TOO_BIG, MESSAGE_STORED } from '../../shared/protocol/syncProtocol';
import type { RunningServer, ServerOptions } from '../createServer';
import { SqliteMapStore } from '../storage/SqliteMapStore';
import {
  actorIds,
  clientsClosedAfterEach,
  closedAfterEach,
  createMap,
  docFromUpdates,
  labelOf,
  type MapCredentials,
  openRaw,
  putLabel,
  type RawSocket,
  startServer,
  synced,
  tempDir,
  updateFrame,
  waitFor,
  wsUrl,
} from '../test/helpers';

let server: RunningServer | undefined;
let store: SqliteMapStore | undefined;

const closing = closedAfterEach();
const open = clientsClosedAfterEach();

async function setup(limits: ServerOptions['limits']): Promise<MapCredentials> {
  store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
  server = closing(await startServer({ store, limits }));
  return createMap(server.url);
}

async function rawEditor(mapId: string, key: string): Promise<RawSocket> {
  const raw = openRaw(`${wsUrl(server!.url)}/sync/${mapId}?key=${key}&ack=1`);
  await raw.opened;
  await waitFor(() => raw.messages.length > 0, 'sync step 1 from the server');
  return raw;
}

const acksOf = (raw: RawSocket): number[] =>
  raw.messages.filter((m) => m[0] === MESSAGE_STORED).map((m) => m[1]!);

/**
 * Updates of one client: an actor (the dependency), then `count` edits of it with `bytes` of label
 * each. Sent without the first, every edit is held back by Yjs.
 */
function dependentEdits(
  clientId: number,
  count: number,
  bytes: number,
): { first: Uint8Array; edits: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  putLabel(doc, `actor-${clientId}`, 'first');
  // A label is a Y.Text, written as the smallest edit: each value shares no prefix or suffix with the
  // one before (x, y, z in turn), so every edit inserts its `bytes` characters anew.
  for (let i = 0; i < count; i++) putLabel(doc, `actor-${clientId}`, `${i}:${'xyz'[i % 3]!.repeat(bytes)}`);
  return { first: updates[0]!, edits: updates.slice(1) };
}

const storedDoc = async (id: string): Promise<Y.Doc> =>
  docFromUpdates((await store!.loadUpdates(id)).map((r) => r.data));

describe('held-back (pending) content', () => {
  it('is never acknowledged, and blocks the later acks of its connection until it is integrated and stored', async () => {
    const map = await setup({});
    const { first, edits } = dependentEdits(501, 1, 1000);
    const raw = await rawEditor(map.id, map.editKey);
    raw.ws.send(updateFrame(edits[0]!)); // frame 1: held back
    const legit = new Y.Doc();
    putLabel(legit, 'independent', 'fine');
    raw.ws.send(updateFrame(Y.encodeStateAsUpdate(legit))); // frame 2: applies
    const peer = open(server!.url, map.id, map.viewKey);
    await waitFor(() => labelOf(peer.doc, 'independent') === 'fine', 'frame 2 is stored and relayed');
    expect(acksOf(raw), 'no ack may cover the held frame, nor frame 2 after it').toEqual([]);

    // The missing dependency arrives from someone else: the held content integrates and is stored.
    const supplier = await rawEditor(map.id, map.editKey);
    supplier.ws.send(updateFrame(first));
    await waitFor(() => acksOf(raw).includes(2), 'the held connection is acknowledged up to frame 2');
    const stored = await storedDoc(map.id);
    expect(labelOf(stored, 'actor-501')).toMatch(/^0:x+$/);
    // The supplier lacked the held content; it is relayed to it too.
    await waitFor(
      () => supplier.messages.some((m) => m[0] === 0 && m[1] === 2 && m.length > 1000),
      'the integrated content reaches the supplier as well',
    );
  });

  it(`past maxPendingBytes it is dropped and its sender closed with ${CLOSE_RESYNC}; nothing of it is stored`, async () => {
    // maxPendingMs out of reach: only the byte bound can close the socket within the test.
    const map = await setup({
      maxPendingBytes: 64 * 1024,
      maxMessageBytes: 1024 * 1024,
      maxPendingMs: 600_000,
    });
    const { first, edits } = dependentEdits(502, 3, 40 * 1024);
    const raw = await rawEditor(map.id, map.editKey);
    for (const edit of edits) raw.ws.send(updateFrame(edit));
    const closed = await raw.closed;
    expect(closed.code).toBe(CLOSE_RESYNC);
    expect(acksOf(raw)).toEqual([]);
    expect(server!.metrics.rejectedCount('pending_dropped')).toBe(1);

    // The dependency arriving later integrates nothing of the dropped content.
    const supplier = await rawEditor(map.id, map.editKey);
    supplier.ws.send(updateFrame(first));
    await waitFor(() => acksOf(supplier).length > 0, 'the supplier is acknowledged');
    expect(labelOf(await storedDoc(map.id), 'actor-502')).toBe('first');
  });

  it(`past maxPendingMs it is dropped and its sender closed with ${CLOSE_RESYNC}`, async () => {
    const map = await setup({ maxPendingMs: 200 });
    const { edits } = dependentEdits(503, 1, 100);
    const raw = await rawEditor(map.id, map.editKey);
    raw.ws.send(updateFrame(edits[0]!));
    expect((await raw.closed).code).toBe(CLOSE_RESYNC);
    expect(acksOf(raw)).toEqual([]);
  });

  it(`counts against maxDocumentBytes: held-back frames cannot smuggle a document past the limit (${CLOSE_TOO_BIG})`, async () => {
    // Small enough that the batch stays on its shared worker (moving a doc drops held-back content).
    const limit = 64 * 1024;
    const map = await setup({
      maxDocumentBytes: limit,
      maxPendingBytes: 4 * limit,
      maxMessageBytes: limit,
      maxPendingMs: 600_000,
    });
    const { first, edits } = dependentEdits(504, 8, 12 * 1024);
    const raw = await rawEditor(map.id, map.editKey);
    for (const edit of edits) raw.ws.send(updateFrame(edit));
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);

    // The 15-byte-class update that supplies the missing start stores at most what the limit allows.
    const supplier = await rawEditor(map.id, map.editKey);
    supplier.ws.send(updateFrame(first));
    await waitFor(
      () => acksOf(supplier).length > 0 || supplier.ws.readyState !== supplier.ws.OPEN,
      'the supplier is answered',
    );
    const rows = await store!.loadUpdates(map.id);
    const storedBytes = rows.reduce((sum, row) => sum + row.data.byteLength, 0);
    expect(storedBytes).toBeLessThanOrEqual(limit);
    expect(actorIds(await storedDoc(map.id)).length).toBeLessThanOrEqual(1);
  });

  it(`an honest client whose held-back edit was dropped reconnects after ${CLOSE_RESYNC} and its resync stores everything`, async () => {
    const map = await setup({ maxPendingMs: 200 });
    const client = open(server!.url, map.id, map.editKey, { ack: true });
    await synced(client);
    // The client gets an actor the server never saw (as from another tab, not through this socket),
    // then edits it: the server holds the edit back, drops it after maxPendingMs and closes with 4100.
    const { first } = dependentEdits(505, 0, 0);
    Y.applyUpdate(client.doc, first, client.provider);
    putLabel(client.doc, 'actor-505', 'edited offline-first');
    await waitFor(() => client.closes.some((c) => c.code === CLOSE_RESYNC), 'closed to resync');
    // The stock client reconnects; its sync step 2 carries the actor and the edit together.
    await waitFor(
      async () => labelOf(await storedDoc(map.id), 'actor-505') === 'edited offline-first',
      'stored after the resync',
    );
  });
});
