import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { RunningServer } from '../../../server/createServer';
import { allStored, connect, createMap, startServer, waitFor } from '../../../server/test/helpers';
import { ChainMap } from '../../../shared/model/ChainMap';
import { layoutOf } from '../../../shared/model/layout';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/schemaVersion';
import { autoVersionId } from '../../../shared/versions';
import { LocalMapStore, type MapRecord } from '../persistence/LocalMapStore';
import { rotateKeys } from '../sync/serverApi';
import { MapSession } from './MapSession';

/** Sessions, stores and servers of one test, closed after it. */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

let n = 0;
function freshStore(): LocalMapStore {
  const store = new LocalMapStore(`map-session-${n++}-${Date.now()}`);
  cleanup.push(() => store.close());
  return store;
}

/**
 * A doc as a build from before schema versions left it: elements, no `schemaVersion`, an actor
 * without the position that version 1 requires.
 */
function versionZeroDoc(): Y.Doc {
  const doc = new Y.Doc();
  const actor = new Y.Map<unknown>();
  actor.set('kind', 'service');
  actor.set('label', 'Burgerzaken');
  layoutOf(doc).actors.set('a1', actor);
  return doc;
}

function open(store: LocalMapStore, record: MapRecord, server?: RunningServer): MapSession {
  const session = new MapSession(store, record, server?.url ?? '', {
    WebSocketBase: WebSocket as unknown as typeof globalThis.WebSocket,
    networkEvents: null,
    isOnline: () => true,
  });
  cleanup.push(() => session.destroy());
  void session.open();
  return session;
}

/** The device's record of a shared map opened with its edit link. */
function editRecord(map: { id: string; editKey: string }, server: RunningServer): MapRecord {
  return {
    id: map.id,
    title: '',
    municipality: '',
    lastOpened: 0,
    createdAt: 1,
    shared: 'edit',
    editKey: map.editKey,
    serverUrl: server.url,
  };
}

async function ready(session: MapSession): Promise<void> {
  await waitFor(() => session.getPhase() === 'ready', 'the map session is ready', 10_000);
}

describe('MapSession opening a version-0 document', () => {
  it('opens a local map at once and migrates it', async () => {
    const store = freshStore();
    const persistence = store.bindDoc('old-local', versionZeroDoc());
    await persistence.whenLoaded;
    await persistence.whenFlushed();
    persistence.destroy();
    const record: MapRecord = {
      id: 'old-local',
      title: 'Oud',
      municipality: '',
      lastOpened: 0,
      createdAt: 1,
      shared: 'local',
    };
    const session = open(store, record);
    await ready(session);
    expect(session.model.schemaVersion()).toBe(CURRENT_SCHEMA_VERSION);
    expect(session.model.getActor('a1')).toMatchObject({ label: 'Burgerzaken', position: { x: 0, y: 0 } });
  });

  it('migrates a shared map after its first sync', async () => {
    const server = await startServer();
    cleanup.push(() => server.close());
    const map = await createMap(server.url);
    const seeder = connect(server.url, map.id, map.editKey, { ack: true, doc: versionZeroDoc() });
    cleanup.push(() => seeder.destroy());
    await allStored(seeder, 'the version-0 doc is stored on the server');

    const store = freshStore();
    const record = editRecord(map, server);
    const session = open(store, record, server);
    await ready(session);
    expect(session.model.schemaVersion()).toBe(CURRENT_SCHEMA_VERSION);
    expect(session.model.getActor('a1')).toMatchObject({ label: 'Burgerzaken', position: { x: 0, y: 0 } });
    // The migration reaches the other participants like any edit.
    await waitFor(
      () => layoutOf(seeder.doc).meta.get('schemaVersion') === CURRENT_SCHEMA_VERSION,
      'the peer receives the migrated schema version',
    );
  });
});

describe('MapSession when its link is renewed', () => {
  it('turns read-only at once, keeps what was edited here, and still knows it after reopening', async () => {
    const server = await startServer();
    cleanup.push(() => server.close());
    const map = await createMap(server.url);
    const store = freshStore();
    const record = editRecord(map, server);
    await store.put(record);
    const session = open(store, record, server);
    await ready(session);
    await session.sync!.whenSaved();
    const id = session.model.addActor({ kind: 'service', label: 'Van mij' });
    expect(session.readOnly).toBe(false);

    await rotateKeys(server.url, map.id, map.editKey);
    await waitFor(() => session.readOnly, 'the session turns read-only');
    expect(session.linkRevoked).toBe(true);
    expect(session.sync!.getStatus()).toBe('revoked');
    let stored = await store.get(map.id);
    for (let i = 0; i < 200 && stored?.revokedKey !== map.editKey; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      stored = await store.get(map.id);
    }
    expect(stored?.revokedKey).toBe(map.editKey);

    session.destroy();
    const again = open(store, stored!, server);
    await ready(again);
    expect(again.readOnly).toBe(true);
    expect(again.linkRevoked).toBe(true);
    expect(again.model.getActor(id)?.label).toBe('Van mij');
  });
});

describe('MapSession keeping the daily version of a shared map', () => {
  it('keeps it once the first sync has brought the map, sends it to the peers and stores it on the device', async () => {
    const server = await startServer();
    cleanup.push(() => server.close());
    const map = await createMap(server.url);
    const seeded = ChainMap.create(new Y.Doc(), { title: 'Keten' });
    seeded.addActor({ kind: 'service', label: 'Burgerzaken' });
    const seeder = connect(server.url, map.id, map.editKey, { ack: true, doc: seeded.doc });
    cleanup.push(() => seeder.destroy());
    await allStored(seeder, 'the map is stored on the server');

    const store = freshStore();
    const record = editRecord(map, server);
    const session = open(store, record, server);
    await ready(session);
    const daily = autoVersionId(Date.now());
    await waitFor(
      () => session.model.versions().some((v) => v.id === daily),
      'the daily version is kept after the first sync',
    );
    await waitFor(
      () => new ChainMap(seeder.doc).versions().some((v) => v.id === daily),
      'the peer receives the daily version',
    );
    await session.persistence.whenFlushed();
    session.destroy();
    const reopened = new ChainMap();
    const persistence = store.bindDoc(map.id, reopened.doc);
    cleanup.push(() => persistence.destroy());
    await persistence.whenLoaded;
    expect(reopened.versions().map((v) => v.id)).toContain(daily);
  });
});
