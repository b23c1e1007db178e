import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE_LOAD_FAILED,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_TOO_BIG,
  CLOSE_TOO_MANY_MESSAGES,
} from '../shared/protocol/syncProtocol';
import type { RunningServer, ServerOptions } from './createServer';
import type { MapStore } from './storage/MapStore';
import { SqliteMapStore } from './storage/SqliteMapStore';
import {
  type Client,
  clientsClosedAfterEach,
  closedAfterEach,
  contentOf,
  createMap,
  docFromUpdates,
  encodeFrame,
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
} from './test/helpers';

let server: RunningServer | undefined;
const closing = closedAfterEach();
const open = clientsClosedAfterEach();

async function setup(options: ServerOptions = {}) {
  const store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
  server = closing(await startServer({ store, ...options }));
  const target = await createMap(server.url);
  // A second map with two live clients: it must not notice anything.
  const bystanderMap = await createMap(server.url);
  const b1 = open(server.url, bystanderMap.id, bystanderMap.editKey);
  const b2 = open(server.url, bystanderMap.id, bystanderMap.editKey);
  await Promise.all([synced(b1), synced(b2)]);
  const raw = await rawEditor(server.url, target);
  return { store, target, raw, b1, b2 };
}

async function rawEditor(url: string, map: MapCredentials): Promise<RawSocket> {
  const raw = openRaw(`${wsUrl(url)}/sync/${map.id}?key=${map.editKey}`);
  await raw.opened;
  await waitFor(() => raw.messages.length > 0, 'server sync step 1');
  return raw;
}

async function bystandersStillSync(b1: Client, b2: Client, key: string): Promise<void> {
  putLabel(b1.doc, key, 'ok');
  await waitFor(() => labelOf(b2.doc, key) === 'ok', 'the other map keeps syncing');
}

const validUpdate = (label: string): Uint8Array => {
  const doc = new Y.Doc();
  putLabel(doc, 'n', label);
  return Y.encodeStateAsUpdate(doc);
};

const storedContent = async (store: MapStore, id: string) =>
  contentOf(docFromUpdates((await store.loadUpdates(id)).map((r) => r.data)));

describe('bad input closes only the offending socket', () => {
  const protocolViolations: Array<[string, () => Uint8Array | string]> = [
    ['garbage bytes', () => Uint8Array.of(0, 2, 200, 1, 2, 3)],
    ['a truncated varint', () => Uint8Array.of(0x80)],
    ['an unknown message type', () => Uint8Array.of(7, 1, 2)],
    ['an unknown sync message type', () => Uint8Array.of(0, 9, 0)],
    ['a text frame', () => 'hello'],
    ['a truncated update', () => updateFrame(validUpdate('cut').subarray(0, 12))],
    [
      'an update claiming a huge struct count',
      () =>
        updateFrame(
          encodeFrame((e) => {
            encoding.writeVarUint(e, 1); // one client
            encoding.writeVarUint(e, 2 ** 31); // that many structs
            encoding.writeVarUint(e, 42); // client id
            encoding.writeVarUint(e, 0); // clock, then nothing
          }),
        ),
    ],
    [
      'an update claiming a huge client count',
      () => updateFrame(encodeFrame((e) => encoding.writeVarUint(e, Number.MAX_SAFE_INTEGER))),
    ],
  ];

  for (const [name, frame] of protocolViolations) {
    it(`${name} → ${CLOSE_PROTOCOL_ERROR}, document unchanged`, async () => {
      const { store, target, raw, b1, b2 } = await setup();
      raw.ws.send(frame());
      expect((await raw.closed).code).toBe(CLOSE_PROTOCOL_ERROR);
      await bystandersStillSync(b1, b2, name);
      expect(await storedContent(store, target.id)).toEqual({});
    });
  }

  it(`a frame over maxMessageBytes → ${CLOSE_TOO_BIG}, the process carries on`, async () => {
    const { raw, b1, b2 } = await setup({ limits: { maxMessageBytes: 64 * 1024 } });
    raw.ws.send(updateFrame(new Uint8Array(100 * 1024)));
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);
    await bystandersStillSync(b1, b2, 'after big frame');
    expect(server!.metrics.rejectedCount('too_big')).toBe(1);
  });

  it(`an update that would exceed maxDocumentBytes → ${CLOSE_TOO_BIG}, document unchanged`, async () => {
    const { store, target, raw, b1, b2 } = await setup({ limits: { maxDocumentBytes: 8 * 1024 } });
    raw.ws.send(updateFrame(validUpdate('x'.repeat(16 * 1024))));
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);
    await bystandersStillSync(b1, b2, 'after big doc');
    expect(await storedContent(store, target.id)).toEqual({});
  });

  it(`an awareness update over maxAwarenessBytes → ${CLOSE_TOO_BIG}`, async () => {
    const { raw, b1, b2 } = await setup({ limits: { maxAwarenessBytes: 1024 } });
    raw.ws.send(
      encodeFrame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, new Uint8Array(2048));
      }),
    );
    expect((await raw.closed).code).toBe(CLOSE_TOO_BIG);
    await bystandersStillSync(b1, b2, 'after big awareness');
  });

  it(`a connection over the message rate → ${CLOSE_TOO_MANY_MESSAGES}`, async () => {
    const { raw, b1, b2 } = await setup({ limits: { messagesPerSecond: 5, messageBurst: 10 } });
    const query = Uint8Array.of(3);
    for (let i = 0; i < 50; i++) raw.ws.send(query);
    expect((await raw.closed).code).toBe(CLOSE_TOO_MANY_MESSAGES);
    await bystandersStillSync(b1, b2, 'after flood');
  });
});

/** A store whose loads wait for `release()` (or fail), to hold a map in the loading state. */
function gatedStore(inner: MapStore, fail = false): MapStore & { release(): void; loads: number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const gated = {
    loads: 0,
    release,
    createMap: inner.createMap.bind(inner),
    getMapAccess: inner.getMapAccess.bind(inner),
    rotateKeys: inner.rotateKeys.bind(inner),
    isRetiredKey: inner.isRetiredKey.bind(inner),
    appendUpdates: inner.appendUpdates.bind(inner),
    compact: inner.compact.bind(inner),
    close: inner.close.bind(inner),
    loadUpdates: async (id: string) => {
      gated.loads++;
      if (fail) throw new Error('disk on fire');
      await gate;
      return inner.loadUpdates(id);
    },
  };
  return gated;
}

describe('before the map is loaded', () => {
  it('a socket flooding while the map loads is closed with bounded memory', async () => {
    const inner = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    const store = gatedStore(inner);
    server = closing(await startServer({ store, limits: { maxQueuedFrames: 20 } }));
    const map = await createMap(server.url);
    const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${map.editKey}`);
    await raw.opened;
    await waitFor(() => store.loads > 0, 'load started');
    for (let i = 0; i < 50; i++) raw.ws.send(Uint8Array.of(3));
    expect((await raw.closed).code).toBe(CLOSE_TOO_MANY_MESSAGES);
    expect(raw.messages).toHaveLength(0);
    store.release();
  });

  it('a map that does not load in time closes with 1011 and sends nothing', async () => {
    const inner = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    const store = gatedStore(inner);
    server = closing(await startServer({ store, limits: { joinTimeoutMs: 100 } }));
    const map = await createMap(server.url);
    const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${map.editKey}`);
    expect((await raw.closed).code).toBe(CLOSE_LOAD_FAILED);
    expect(raw.messages).toHaveLength(0);
    store.release();
  });

  it('a load failure closes with 1011, never serving an empty document', async () => {
    const inner = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    server = closing(await startServer({ store: gatedStore(inner, true) }));
    const map = await createMap(server.url);
    const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${map.editKey}`);
    expect((await raw.closed).code).toBe(CLOSE_LOAD_FAILED);
    expect(raw.messages).toHaveLength(0);
  });

  it('frames sent while the map loads are processed in order afterwards', async () => {
    const inner = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    const store = gatedStore(inner);
    server = closing(await startServer({ store }));
    const map = await createMap(server.url);
    const raw = openRaw(`${wsUrl(server.url)}/sync/${map.id}?key=${map.editKey}&ack=1`);
    await raw.opened;
    await waitFor(() => store.loads > 0, 'load started');
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) putLabel(doc, 'n', `version ${i}`);
    for (const u of updates) raw.ws.send(updateFrame(u));
    store.release();
    await waitFor(() => raw.messages.some((m) => m[0] === 100 && m[1] === 5), 'ack for all 5 frames');
    expect(await storedContent(inner, map.id)).toEqual({ n: 'version 4' });
  });
});
