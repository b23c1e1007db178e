import 'fake-indexeddb/auto';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket as ServerSocket, WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { ChainMap } from '../../../shared/model/ChainMap';
import { docRoots } from '../../../shared/model/layout';
import {
  CLOSE_INVALID_CONTENT,
  CLOSE_MAP_QUARANTINED,
  CLOSE_RESYNC,
  CLOSE_SERVER_BUSY,
  CLOSE_TOO_MANY_MESSAGES,
} from '../../../shared/protocol/syncProtocol';
import { deepNesting } from '../../../shared/testing/hostileUpdates';
import { LocalMapStore } from '../persistence/LocalMapStore';
import { deriveStatus } from './deriveStatus';
import type { CheckedUpdateStore } from './incomingShapeGuard';
import { SyncSession } from './SyncSession';
import { errorForCloseCode } from './syncStatus';

const sessions: SyncSession[] = [];
const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const waitFor = async (predicate: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** A hostile (or broken) sync server: it answers every socket with `frames`. */
async function hostileServer(frames: Uint8Array[]): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket: ServerSocket) => {
    for (const frame of frames) socket.send(frame);
  });
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

const syncStep2 = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

function session(serverUrl: string, doc = new Y.Doc(), checkedStore?: CheckedUpdateStore): SyncSession {
  const s = new SyncSession(doc, {
    checkedStore,
    serverUrl,
    mapId: 'A'.repeat(22),
    key: 'B'.repeat(22),
    WebSocketBase: WebSocket as unknown as typeof globalThis.WebSocket,
    networkEvents: null,
    isOnline: () => true,
  });
  sessions.push(s);
  s.connect();
  return s;
}

describe('close codes become clear states', () => {
  it('terminal for invalid content, quarantine and the message rate; reconnecting for busy and resync', () => {
    expect(errorForCloseCode(CLOSE_INVALID_CONTENT)).toBe('invalidContent');
    expect(errorForCloseCode(CLOSE_MAP_QUARANTINED)).toBe('quarantined');
    expect(errorForCloseCode(CLOSE_TOO_MANY_MESSAGES)).toBe('rateLimited');
    expect(errorForCloseCode(CLOSE_SERVER_BUSY)).toBeNull();
    expect(errorForCloseCode(CLOSE_RESYNC)).toBeNull();
  });

  it('"busy" while reconnecting after the server said it is full, until a socket connects', () => {
    const facts = {
      error: null,
      online: true,
      socket: 'connecting' as const,
      failedAttempts: 1,
      synced: false,
      lastDocFrame: 0,
      acked: 0,
    };
    expect(deriveStatus({ ...facts, busy: true })).toBe('busy');
    expect(deriveStatus({ ...facts, busy: true, socket: 'connected', synced: true })).toBe('saved');
    expect(deriveStatus({ ...facts, busy: true, online: false })).toBe('offline');
  });
});

describe('the client refuses what the server must not send', () => {
  it('an update from the server that breaks the document shape is not applied; the session says why and stops', async () => {
    const url = await hostileServer([syncStep2(deepNesting(3000))]);
    const doc = new Y.Doc();
    ChainMap.create(doc, { title: 'mijn kaart' });
    const before = Y.encodeStateVector(doc);
    const s = session(url, doc);
    await waitFor(() => s.getStatus() === 'invalidFromServer', 'the refusal');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(docRoots(doc).actors.size).toBe(0);
    expect(s.provider.wsconnected || s.provider.wsconnecting).toBe(false);
  });

  it('a refused step 2 is not stored on the device either', async () => {
    const store = new LocalMapStore(`refused-${Date.now()}`);
    const doc = new Y.Doc();
    const persistence = store.bindDoc('m', doc);
    await persistence.whenLoaded;
    const s = session(await hostileServer([syncStep2(deepNesting(3000))]), doc, persistence);
    await waitFor(() => s.getStatus() === 'invalidFromServer', 'the refusal');
    await persistence.whenFlushed();
    expect(await persistence.rowCount()).toBe(0);
    persistence.destroy();
    store.close();
  });

  it('a valid update from the server is applied as usual', async () => {
    const source = new Y.Doc();
    new ChainMap(source).addActor({ id: 'ok', kind: 'service', label: 'OCMW' });
    const url = await hostileServer([syncStep2(Y.encodeStateAsUpdate(source))]);
    const doc = new Y.Doc();
    session(url, doc);
    await waitFor(() => new ChainMap(doc).getActor('ok')?.label === 'OCMW', 'the update');
  });
});

describe('rows stored on this device', () => {
  it('a stored row that breaks the document shape is skipped, reported, and kept through compaction', async () => {
    const store = new LocalMapStore(`protected-${Date.now()}`);
    const doc = new Y.Doc();
    const first = store.bindDoc('m', doc);
    await first.whenLoaded;
    new ChainMap(doc).addActor({ id: 'kept', kind: 'service', label: 'Burgerzaken' });
    await first.whenFlushed();
    first.destroy();
    await first.whenClosed();
    await store.db.updates.add({ mapId: 'm', update: deepNesting(3000) });

    const reopened = new Y.Doc();
    const second = store.bindDoc('m', reopened);
    await second.whenLoaded;
    expect(second.invalidRows).toBe(1);
    expect(new ChainMap(reopened).getActor('kept')?.label).toBe('Burgerzaken');
    expect(docRoots(reopened).actors.has('deep-4000')).toBe(false);
    await second.compact();
    const rows = await store.db.updates.where('mapId').equals('m').toArray();
    expect(rows.some((row) => row.update.byteLength === deepNesting(3000).byteLength)).toBe(true);
    second.destroy();
    store.close();
  });
});

describe('a checked sync step 2 stored on the device', () => {
  async function bound(name: string) {
    const store = new LocalMapStore(`${name}-${Date.now()}`);
    const doc = new Y.Doc();
    const persistence = store.bindDoc('m', doc);
    await persistence.whenLoaded;
    return { store, doc, persistence };
  }

  it('is stored with its own bytes, as one row, and reopens to the same map', async () => {
    const source = new Y.Doc();
    const chain = ChainMap.create(source, { title: 'Keten' });
    chain.addActor({ id: 'a', kind: 'service', label: 'OCMW' });
    chain.addActor({ id: 'b', kind: 'partner', label: 'VDAB' });
    const step2 = Y.encodeStateAsUpdate(source);
    const { store, doc, persistence } = await bound('verbatim');
    session(await hostileServer([syncStep2(step2)]), doc, persistence);
    await waitFor(() => new ChainMap(doc).getActor('b')?.label === 'VDAB', 'the step 2');
    await persistence.whenFlushed();
    const rows = await store.db.updates.where('mapId').equals('m').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.update).toEqual(step2);
    expect(rows[0]!.checked).toBe(true);

    const reopened = new Y.Doc();
    const again = store.bindDoc('m', reopened);
    await again.whenLoaded;
    expect(Y.encodeStateVector(reopened)).toEqual(Y.encodeStateVector(source));
    expect(new ChainMap(reopened).getActor('a')?.label).toBe('OCMW');
    again.destroy();
    persistence.destroy();
    store.close();
  });

  it('held back in part by Yjs (a gap in a client’s clocks), stores only what Yjs integrated', async () => {
    const source = new Y.Doc();
    const chain = ChainMap.create(source, { title: 'Keten' });
    const placed = Y.encodeStateAsUpdate(source);
    const afterCreate = Y.encodeStateVector(source);
    chain.addActor({ id: 'later', kind: 'service', label: 'Later' });
    // The actor's structs follow clocks this doc lacks: they are pending until those arrive.
    const gap = Y.encodeStateAsUpdate(source, afterCreate);
    const other = new Y.Doc();
    new ChainMap(other).addActor({ id: 'now', kind: 'service', label: 'Nu' });
    const step2 = Y.mergeUpdates([gap, Y.encodeStateAsUpdate(other)]);
    const { store, doc, persistence } = await bound('pending');
    session(await hostileServer([syncStep2(step2)]), doc, persistence);
    await waitFor(() => new ChainMap(doc).getActor('now')?.label === 'Nu', 'the step 2');
    expect(doc.store.pendingStructs).not.toBeNull();
    await persistence.whenFlushed();
    const rows = await store.db.updates.where('mapId').equals('m').toArray();
    expect(rows.some((row) => row.update.byteLength === step2.byteLength)).toBe(false);

    // The pending actor is not on the device: it was never in the doc. Once the gap is filled it
    // integrates in a transaction of its own, which is stored like any other.
    const reopened = new Y.Doc();
    const again = store.bindDoc('m', reopened);
    await again.whenLoaded;
    expect(new ChainMap(reopened).getActor('now')?.label).toBe('Nu');
    expect(reopened.store.pendingStructs).toBeNull();
    Y.applyUpdate(doc, placed);
    await persistence.whenFlushed();
    const third = new Y.Doc();
    const last = store.bindDoc('m', third);
    await last.whenLoaded;
    expect(new ChainMap(third).getActor('later')?.label).toBe('Later');
    for (const p of [again, last, persistence]) p.destroy();
    store.close();
  });
});
