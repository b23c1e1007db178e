import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { allStored, connect, createMap, startServer, waitFor } from '../../../server/test/helpers';
import { ChainMap } from '../../../shared/model/ChainMap';
import { layoutOf } from '../../../shared/model/layout';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/schemaVersion';
import { LocalMapStore, type MapRecord } from '../persistence/LocalMapStore';
import { MapSession } from './MapSession';

/**
 * The first sync's step 2 is stored on the device with its own bytes, with the store's `update`
 * listener detached while Yjs applies it (`DocPersistence.applyChecked`). What other code writes
 * during that sync must still be stored: the migration the change feed runs while the step 2 is
 * being applied, and a write in a `sync` listener right after.
 */

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

let n = 0;
function freshStore(): LocalMapStore {
  const store = new LocalMapStore(`first-sync-${n++}-${Date.now()}`);
  cleanup.push(() => store.close());
  return store;
}

/** A map as an app of schema 1 left it on the server: labels are plain values, not Y.Text. */
function schema1Doc(): Y.Doc {
  const doc = new Y.Doc();
  const layout = layoutOf(doc);
  doc.transact(() => {
    layout.meta.set('schemaVersion', 1);
    layout.meta.set('title', 'Oud');
    const actor = new Y.Map<unknown>();
    actor.set('kind', 'service');
    actor.set('label', 'Onthaal');
    actor.set('position', { x: 1, y: 2 });
    layout.actors.set('a1', actor);
  });
  return doc;
}

/** What this device has stored of a map, read into a fresh doc (no session, no network). */
async function storedCopy(store: LocalMapStore, id: string): Promise<ChainMap> {
  const copy = new ChainMap();
  const persistence = store.bindDoc(id, copy.doc);
  cleanup.push(() => persistence.destroy());
  await persistence.whenLoaded;
  return copy;
}

describe('the first sync of a shared map, stored on the device', () => {
  it('keeps the migration run while the step 2 is applied and an edit made in a sync listener after a reopen', async () => {
    const server = await startServer();
    cleanup.push(() => server.close());
    const map = await createMap(server.url);
    const seeder = connect(server.url, map.id, map.editKey, { ack: true, doc: schema1Doc() });
    cleanup.push(() => seeder.destroy());
    await allStored(seeder, 'the schema-1 map is stored on the server');

    const store = freshStore();
    const record: MapRecord = {
      id: map.id,
      title: '',
      municipality: '',
      lastOpened: 0,
      createdAt: 1,
      shared: 'edit',
      editKey: map.editKey,
      serverUrl: server.url,
    };
    const session = new MapSession(store, record, server.url, {
      WebSocketBase: WebSocket as unknown as typeof globalThis.WebSocket,
      networkEvents: null,
      isOnline: () => true,
    });
    cleanup.push(() => session.destroy());
    // Hooked as soon as the session has its provider, before any frame can arrive.
    let written: string | null = null;
    const unsubscribe = session.subscribe(() => {
      if (!session.sync || written !== null) return;
      written = '';
      session.sync.provider.on('sync', (synced: boolean) => {
        if (synced && written === '')
          written = session.model.addActor({
            kind: 'partner',
            label: 'Na de sync',
            position: { x: 5, y: 5 },
          });
      });
    });
    cleanup.push(unsubscribe);
    // The step 2 holds the applied change the change feed reacts to, within the same apply.
    let migratedDuringApply = false;
    session.model.onChange(() => {
      if (session.model.schemaVersion() === CURRENT_SCHEMA_VERSION && !session.sync?.provider.synced)
        migratedDuringApply = true;
    });
    void session.open();
    await waitFor(() => session.getPhase() === 'ready' && Boolean(written), 'the first sync and the edit');
    expect(migratedDuringApply).toBe(true);
    await session.persistence.whenFlushed();
    session.destroy();

    const copy = await storedCopy(store, map.id);
    expect(copy.schemaVersion()).toBe(CURRENT_SCHEMA_VERSION);
    expect(copy.getActor('a1')).toMatchObject({ label: 'Onthaal', position: { x: 1, y: 2 } });
    // The migration turned the label into a Y.Text: the migration's own write is what is stored.
    const stored = layoutOf(copy.doc).actors.get('a1') as Y.Map<unknown> | undefined;
    expect(stored?.get('label')).toBeInstanceOf(Y.Text);
    expect(copy.getActor(written!)?.label).toBe('Na de sync');
  });
});
