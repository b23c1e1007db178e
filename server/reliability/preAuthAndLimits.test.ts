/**
 * Pre-auth floods and size limits, in process with a real SQLite store. A socket that floods while its
 * authorisation is still pending must be closed within a fixed deadline having cost bounded memory;
 * updates and awareness states over the limits must be refused with the stored document unchanged.
 */
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE_LOAD_FAILED,
  CLOSE_TOO_BIG,
  CLOSE_TOO_MANY_MESSAGES,
} from '../../shared/protocol/syncProtocol';
import type { RunningServer } from '../createServer';
import type { Limits } from '../limits';
import { SqliteMapStore } from '../storage/SqliteMapStore';
import {
  actorIds,
  type Client,
  closedAfterEach,
  connect,
  createMap,
  encodeFrame,
  labelOf,
  type MapCredentials,
  openRaw,
  putLabel,
  startServer,
  synced,
  tempDir,
  updateFrame,
  waitFor,
  wsUrl,
} from '../test/helpers';
import { GatedMapStore } from './GatedMapStore';

const CLOSE_DEADLINE_MS = 2000;

let server: RunningServer | undefined;
let store: GatedMapStore | undefined;
const clients: Client[] = [];

const closing = closedAfterEach();
// Registered after `closing`, so clients go before the server (after-hooks run last first).
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function setup(limits: Partial<Limits>): Promise<{ map: MapCredentials; store: GatedMapStore }> {
  store = closing(new GatedMapStore(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') })));
  server = closing(await startServer({ store, limits }));
  return { map: await createMap(server.url), store };
}

/** An update adding `bytes` characters of content under `key`. */
function bigUpdate(key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  putLabel(doc, key, 'x'.repeat(bytes));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const storedKeys = async (id: string): Promise<string[]> => {
  const doc = new Y.Doc();
  for (const row of await store!.loadUpdates(id)) Y.applyUpdate(doc, row.data);
  const keys = actorIds(doc);
  doc.destroy();
  return keys;
};

/** Sends `frame` as fast as the socket drains until the server closes it; bounded by `maxBytes`. */
async function flood(url: string, frame: Uint8Array, maxBytes: number) {
  const raw = openRaw(url);
  await raw.opened;
  const started = performance.now();
  let sent = 0;
  // Only frames sent while the socket is open count; once the server's close frame arrived, sends fail.
  while (raw.ws.readyState === raw.ws.OPEN && sent < maxBytes) {
    await new Promise<void>((resolve) => raw.ws.send(frame, () => resolve()));
    sent += frame.byteLength;
  }
  const event = await raw.closed;
  return { ...event, sent, ms: performance.now() - started };
}

describe('before authorisation', () => {
  it(`a socket flooding big frames before it is authorised is closed with ${CLOSE_TOO_MANY_MESSAGES} once its queue bound is reached`, async () => {
    const maxQueuedBytes = 1024 * 1024;
    const { map } = await setup({ maxQueuedBytes, messageBurst: 100_000, messagesPerSecond: 100_000 });
    store!.gate(map.id);
    const frame = updateFrame(bigUpdate('flood', 32 * 1024));
    const result = await flood(
      `${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}`,
      frame,
      256 * 2 ** 20,
    );

    expect(store!.pendingLookups, 'the flood happened while authorisation was pending').toBe(1);
    expect(result.code).toBe(CLOSE_TOO_MANY_MESSAGES);
    expect(result.ms).toBeLessThan(CLOSE_DEADLINE_MS);
    // What the client got rid of before the close: the server's bound plus what sockets buffer in between.
    expect(result.sent).toBeLessThan(maxQueuedBytes + 16 * 2 ** 20);
    expect(server!.metrics.rejectedCount('queue_full')).toBe(1);

    store!.open(map.id);
    expect(await storedKeys(map.id), 'nothing of the flood is stored').toEqual([]);
  });

  it(`a socket flooding small frames before it is authorised is closed with ${CLOSE_TOO_MANY_MESSAGES} by the rate limit`, async () => {
    const { map } = await setup({ messageBurst: 50, messagesPerSecond: 10 });
    store!.gate(map.id);
    // 100× the burst, written at once: the socket must be cut after the burst, not after the lot.
    const frame = encodeFrame((e) => encoding.writeVarUint(e, 3));
    const raw = openRaw(`${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}`);
    await raw.opened;
    const started = performance.now();
    for (let i = 0; i < 5000; i++) raw.ws.send(frame);
    const event = await raw.closed;
    expect(event.code).toBe(CLOSE_TOO_MANY_MESSAGES);
    expect(performance.now() - started).toBeLessThan(CLOSE_DEADLINE_MS);
    expect(store!.pendingLookups, 'the flood happened while authorisation was pending').toBe(1);
    expect(server!.metrics.rejectedCount('rate_limited')).toBe(1);
    store!.open(map.id);
  });

  it(`a socket whose authorisation never completes is closed with ${CLOSE_LOAD_FAILED} at the join deadline`, async () => {
    const joinTimeoutMs = 300;
    const { map } = await setup({ joinTimeoutMs });
    store!.gate(map.id);
    const raw = openRaw(`${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}`);
    await raw.opened;
    const started = performance.now();
    const event = await raw.closed;
    expect(event.code).toBe(CLOSE_LOAD_FAILED);
    expect(performance.now() - started).toBeLessThan(joinTimeoutMs + 1000);
    expect(raw.messages, 'nothing is sent to an unauthorised socket').toEqual([]);
    store!.open(map.id);
  });
});

describe('size limits', () => {
  it(`an update over maxMessageBytes is refused with ${CLOSE_TOO_BIG}; stored document and peers unchanged`, async () => {
    const { map } = await setup({ maxMessageBytes: 64 * 1024 });
    const peer = connect(server!.url, map.id, map.editKey);
    clients.push(peer);
    await synced(peer);
    const raw = openRaw(`${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}`);
    await raw.opened;
    raw.ws.send(updateFrame(bigUpdate('too-big', 100 * 1024)));
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);

    // A later, legal edit arrives; the refused one never does.
    const writer = connect(server!.url, map.id, map.editKey);
    clients.push(writer);
    putLabel(writer.doc, 'legal', 'legal');
    await waitFor(() => labelOf(peer.doc, 'legal') !== undefined, 'a legal edit after the refusal');
    expect(labelOf(peer.doc, 'too-big')).toBeUndefined();
    expect(await storedKeys(map.id)).toEqual(['legal']);
  });

  it(`an update that would take the document over maxDocumentBytes is refused with ${CLOSE_TOO_BIG}; the document keeps what it had`, async () => {
    const { map } = await setup({ maxMessageBytes: 64 * 1024, maxDocumentBytes: 48 * 1024 });
    const peer = connect(server!.url, map.id, map.editKey);
    clients.push(peer);
    await synced(peer);
    const raw = openRaw(`${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}`);
    await raw.opened;
    raw.ws.send(updateFrame(bigUpdate('first', 30 * 1024)));
    await waitFor(() => labelOf(peer.doc, 'first') !== undefined, 'the first update fits');
    raw.ws.send(updateFrame(bigUpdate('second', 30 * 1024)));
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);
    expect(labelOf(peer.doc, 'second')).toBeUndefined();
    expect(await storedKeys(map.id)).toEqual(['first']);
  });

  it(`an awareness state over maxAwarenessBytes is refused with ${CLOSE_TOO_BIG} and never reaches peers`, async () => {
    const { map } = await setup({ maxAwarenessBytes: 1024 });
    const peer = connect(server!.url, map.id, map.editKey);
    clients.push(peer);
    await synced(peer);
    const raw = openRaw(`${wsUrl(server!.url)}/sync/${map.id}?key=${map.editKey}`);
    await raw.opened;
    const hugeClientId = 424_242;
    raw.ws.send(
      encodeFrame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(
          e,
          encodeFrame((a) => {
            encoding.writeVarUint(a, 1);
            encoding.writeVarUint(a, hugeClientId);
            encoding.writeVarUint(a, 1);
            encoding.writeVarString(a, JSON.stringify({ user: { name: 'x'.repeat(4096) } }));
          }),
        );
      }),
    );
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);

    // Awareness is relayed in arrival order: once a later honest state arrived, the huge one never will.
    const honest = connect(server!.url, map.id, map.editKey);
    clients.push(honest);
    honest.provider.awareness.setLocalStateField('user', { name: 'honest' });
    await waitFor(
      () => peer.provider.awareness.getStates().has(honest.doc.clientID),
      'an honest awareness state',
    );
    expect(peer.provider.awareness.getStates().has(hugeClientId)).toBe(false);
  });
});
