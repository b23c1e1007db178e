import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { MapStore } from './storage/MapStore';
import { SqliteMapStore } from './storage/SqliteMapStore';
import {
  actorIds,
  allStored,
  clientsClosedAfterEach,
  closedAfterEach,
  contentOf,
  createMap,
  docFromUpdates,
  labelOf,
  putLabel,
  startServer,
  synced,
  tempDir,
  waitFor,
} from './test/helpers';

// Registered first, so it runs after the servers and stores are closed (after-hooks run last first).
afterEach(() => {
  vi.restoreAllMocks();
});
const closing = closedAfterEach();
const open = clientsClosedAfterEach();

const storedContent = async (s: MapStore, id: string): Promise<unknown> =>
  contentOf(docFromUpdates((await s.loadUpdates(id)).map((r) => r.data)));

describe('sync', () => {
  it('two edit clients converge', async () => {
    const server = closing(await startServer());
    const map = await createMap(server.url);
    const a = open(server.url, map.id, map.editKey);
    const b = open(server.url, map.id, map.editKey);
    await Promise.all([synced(a), synced(b)]);
    putLabel(a.doc, 'a', 'from A');
    putLabel(b.doc, 'b', 'from B');
    await waitFor(() => actorIds(a.doc).length === 2 && actorIds(b.doc).length === 2, 'both see both');
    expect(contentOf(a.doc)).toEqual(contentOf(b.doc));
  });

  it('a view key cannot change the document, yet receives every update', async () => {
    const store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    const server = closing(await startServer({ store }));
    const map = await createMap(server.url);
    const editor = open(server.url, map.id, map.editKey, { ack: true });
    const viewer = open(server.url, map.id, map.viewKey);
    await Promise.all([synced(editor), synced(viewer)]);

    const droppedBefore = server.metrics.rejectedCount('read_only');
    putLabel(viewer.doc, 'intruder', 'should not stick');
    await waitFor(
      () => server.metrics.rejectedCount('read_only') > droppedBefore,
      'server drops the view write',
    );

    putLabel(editor.doc, 'legit', 'edit');
    await allStored(editor);
    await waitFor(() => labelOf(viewer.doc, 'legit') !== undefined, 'viewer receives the edit');
    expect(labelOf(editor.doc, 'intruder') !== undefined).toBe(false);
    expect(await storedContent(store, map.id)).toEqual({ legit: 'edit' });

    const fresh = open(server.url, map.id, map.editKey);
    await synced(fresh);
    expect(contentOf(fresh.doc)).toEqual({ legit: 'edit' });
  });

  it('acks with n = frames sent once the update is stored, and again for a sync that changed nothing', async () => {
    const store = closing(new SqliteMapStore({ file: path.join(tempDir(), 'db.sqlite') }));
    const server = closing(await startServer({ store }));
    const map = await createMap(server.url);
    const client = open(server.url, map.id, map.editKey, { ack: true });
    await synced(client);
    // Sync step 2 of an empty client changes nothing, yet is acknowledged: "saved" right after connecting.
    await allStored(client, 'ack after the initial sync');
    putLabel(client.doc, 'n1', 'stored?');
    await allStored(client, 'ack after the update');
    const n = client.acks.at(-1)!;
    expect(n).toBe(client.socket().sentFrames);
    expect(await storedContent(store, map.id)).toEqual({ n1: 'stored?' });
    expect(client.acks).toEqual([...client.acks].sort((x, y) => x - y));
  });

  it('never sends the ack message to a stock client that did not ask for it', async () => {
    const errors = vi.spyOn(console, 'error');
    const server = closing(await startServer());
    const map = await createMap(server.url);
    const stock = open(server.url, map.id, map.editKey);
    const witness = open(server.url, map.id, map.editKey, { ack: true });
    const types: number[] = [];
    await synced(stock);
    // The provider sets binaryType 'arraybuffer'.
    stock
      .socket()
      .on('message', (data: ArrayBuffer) =>
        types.push(decoding.readVarUint(decoding.createDecoder(new Uint8Array(data)))),
      );
    putLabel(stock.doc, 'x', 'x');
    await synced(witness);
    putLabel(witness.doc, 'y', 'y');
    await allStored(witness);
    await waitFor(() => labelOf(stock.doc, 'y') !== undefined, 'stock client receives the later update');
    expect(types).not.toContain(100);
    expect(errors).not.toHaveBeenCalled();
  });

  it('the first sync step 2 a client receives already holds the stored content', async () => {
    const dataDir = tempDir();
    let server = closing(await startServer({ dataDir }));
    const map = await createMap(server.url);
    const writer = open(server.url, map.id, map.editKey, { ack: true });
    await synced(writer);
    putLabel(writer.doc, 'kept', 'from storage');
    await allStored(writer);
    writer.destroy();
    await server.close();

    // A new server has nothing in memory, so the content can only come from an awaited load.
    server = closing(await startServer({ dataDir }));
    const reader = open(server.url, map.id, map.editKey);
    const firstStep2: Uint8Array[] = [];
    const original = reader.provider.messageHandlers[0]!;
    reader.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, type) => {
      const peek = decoding.clone(decoder);
      if (decoding.readVarUint(peek) === 1 && firstStep2.length === 0) {
        firstStep2.push(decoding.readVarUint8Array(peek));
      }
      original(encoder, decoder, provider, emitSynced, type);
    };
    await synced(reader);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, firstStep2[0]!);
    expect(contentOf(seen)).toEqual({ kept: 'from storage' });
  });

  it('removes the awareness state of a client that disconnects, for the others', async () => {
    const server = closing(await startServer());
    const map = await createMap(server.url);
    const a = open(server.url, map.id, map.editKey);
    const b = open(server.url, map.id, map.editKey);
    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    await Promise.all([synced(a), synced(b)]);
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 'B sees A');
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'A leaves B’s awareness');
  });
});
