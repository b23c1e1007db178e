import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../../../shared/model/ChainMap';
import { COMPACT_THRESHOLD } from './DocPersistence';
import { LocalMapStore } from './LocalMapStore';

let n = 0;
const stores: LocalMapStore[] = [];
function freshStore(): LocalMapStore {
  const store = new LocalMapStore(`test-${n++}-${Date.now()}`);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('LocalMapStore registry', () => {
  it('lists, updates and removes maps, most recently opened first', async () => {
    const store = freshStore();
    await store.put({ id: 'a', title: 'A', municipality: '', lastOpened: 10, createdAt: 1, shared: 'local' });
    await store.put({
      id: 'b',
      title: 'B',
      municipality: 'Asse',
      lastOpened: 20,
      createdAt: 2,
      shared: 'view',
      viewKey: 'k',
    });
    expect((await store.list()).map((m) => m.id)).toEqual(['b', 'a']);
    await store.update('a', { lastOpened: 30 });
    expect((await store.list()).map((m) => m.id)).toEqual(['a', 'b']);
    await store.remove('a');
    expect((await store.list()).map((m) => m.id)).toEqual(['b']);
  });

  it('notifies subscribers on change, not on a no-op update', async () => {
    const store = freshStore();
    let calls = 0;
    store.subscribe(() => calls++);
    await store.put({ id: 'a', title: 'A', municipality: '', lastOpened: 0, createdAt: 1, shared: 'local' });
    await store.update('a', { title: 'A' });
    expect(calls).toBe(1);
  });
});

describe('DocPersistence', () => {
  it('stores every edit at once and reloads the doc intact', async () => {
    const store = freshStore();
    const doc = new Y.Doc();
    const p = store.bindDoc('m1', doc);
    await p.whenLoaded;
    const map = ChainMap.create(doc, { title: 'Kaart' });
    const id = map.addActor({ kind: 'service', label: 'Burgerzaken', position: { x: 1, y: 2 } });
    // The write is queued synchronously with the edit: nothing waits for a timer.
    expect(p.pending).toBeGreaterThan(0);
    await p.whenFlushed();
    expect(p.pending).toBe(0);
    p.destroy();

    const doc2 = new Y.Doc();
    const p2 = store.bindDoc('m1', doc2);
    await p2.whenLoaded;
    const reloaded = new ChainMap(doc2);
    expect(reloaded.getMeta().title).toBe('Kaart');
    expect(reloaded.getActor(id)?.label).toBe('Burgerzaken');
    p2.destroy();
  });

  it('marks the rows it writes as checked, and keeps an edit made while the rows were being read', async () => {
    const store = freshStore();
    const doc = new Y.Doc();
    const p = store.bindDoc('m1', doc);
    await p.whenLoaded;
    const map = ChainMap.create(doc, { title: 'Kaart' });
    const first = map.addActor({ kind: 'service', label: 'Burgerzaken', position: { x: 1, y: 2 } });
    await p.whenFlushed();
    p.destroy();
    await p.whenClosed();

    // Reopened: an edit before the stored rows are applied must be stored too.
    const doc2 = new Y.Doc();
    const p2 = store.bindDoc('m1', doc2);
    const early = new ChainMap(doc2).addActor({ kind: 'service', label: 'OCMW', position: { x: 3, y: 4 } });
    await p2.whenLoaded;
    const late = new ChainMap(doc2).addActor({ kind: 'partner', label: 'School', position: { x: 5, y: 6 } });
    await p2.whenFlushed();
    const rows = await store.db.updates.where('mapId').equals('m1').toArray();
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((row) => row.checked === true)).toBe(true);
    p2.destroy();
    await p2.whenClosed();

    const doc3 = new Y.Doc();
    const p3 = store.bindDoc('m1', doc3);
    await p3.whenLoaded;
    const reloaded = new ChainMap(doc3);
    expect([first, early, late].map((id) => reloaded.getActor(id)?.label)).toEqual([
      'Burgerzaken',
      'OCMW',
      'School',
    ]);
    expect((await store.db.updates.where('mapId').equals('m1').toArray()).every((r) => r.checked)).toBe(true);
    p3.destroy();
  });

  it('keeps maps apart and removes a map with all its rows', async () => {
    const store = freshStore();
    for (const id of ['x', 'y']) {
      const doc = new Y.Doc();
      const p = store.bindDoc(id, doc);
      await p.whenLoaded;
      ChainMap.create(doc, { title: id });
      await p.whenFlushed();
      p.destroy();
    }
    await store.remove('x');
    expect(await store.db.updates.where('mapId').equals('x').count()).toBe(0);
    expect(await store.db.updates.where('mapId').equals('y').count()).toBeGreaterThan(0);
  });

  it('compacts so storage does not grow without bound, losing nothing', async () => {
    const store = freshStore();
    const doc = new Y.Doc();
    const p = store.bindDoc('big', doc);
    await p.whenLoaded;
    const map = ChainMap.create(doc, { title: 'Veel' });
    const id = map.addActor({ kind: 'partner', label: 'VDAB' });
    // Each move in its own task: one stored row per edit, like a long session of drags.
    for (let i = 0; i < COMPACT_THRESHOLD + 50; i++) {
      map.moveActors([{ id, position: { x: i, y: i } }]);
      await p.whenFlushed();
    }
    await p.compact();
    expect(await p.rowCount()).toBe(1);
    p.destroy();

    const doc2 = new Y.Doc();
    const p2 = store.bindDoc('big', doc2);
    await p2.whenLoaded;
    const last = COMPACT_THRESHOLD + 49;
    expect(new ChainMap(doc2).getActor(id)?.position).toEqual({ x: last, y: last });
    p2.destroy();
  });

  it('never drops rows appended by another tab during compaction', async () => {
    const store = freshStore();
    const docA = new Y.Doc();
    const a = store.bindDoc('shared', docA);
    await a.whenLoaded;
    const mapA = ChainMap.create(docA, { title: 'T' });
    mapA.addActor({ kind: 'service', label: 'A' });
    await a.whenFlushed();
    // A second binding (another tab) writes an update docA has never seen.
    const docB = new Y.Doc();
    const b = store.bindDoc('shared', docB);
    await b.whenLoaded;
    new ChainMap(docB).addActor({ kind: 'role', label: 'B' });
    await b.whenFlushed();
    await a.compact();
    const docC = new Y.Doc();
    const c = store.bindDoc('shared', docC);
    await c.whenLoaded;
    expect(
      new ChainMap(docC)
        .actors()
        .map((x) => x.label)
        .sort(),
    ).toEqual(['A', 'B']);
    for (const p of [a, b, c]) p.destroy();
  });

  it('compacts on close, so the next open reads one row with everything in it', async () => {
    const store = freshStore();
    const doc = new Y.Doc();
    const p = store.bindDoc('closing', doc);
    await p.whenLoaded;
    const map = ChainMap.create(doc, { title: 'Sluiten' });
    const id = map.addActor({ kind: 'partner', label: 'OCMW' });
    for (let i = 0; i < 5; i++) {
      map.moveActors([{ id, position: { x: i, y: 2 * i } }]);
      await p.whenFlushed();
    }
    expect(await p.rowCount()).toBeGreaterThan(1);
    // An edit in the same turn as closing is still stored, then merged.
    map.updateActor(id, { label: 'OCMW Gent' });
    p.destroy();
    await p.whenClosed();
    expect(await p.rowCount()).toBe(1);

    const doc2 = new Y.Doc();
    const p2 = store.bindDoc('closing', doc2);
    await p2.whenLoaded;
    expect(new ChainMap(doc2).getActor(id)).toMatchObject({ label: 'OCMW Gent', position: { x: 4, y: 8 } });
    // Already one row: closing again writes nothing.
    p2.destroy();
    await p2.whenClosed();
    expect(await p2.rowCount()).toBe(1);
  });
});
