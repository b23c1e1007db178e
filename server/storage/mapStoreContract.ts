import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import { isMapFull, type MapStore, type NewMap } from './MapStore';

const hash = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);

const newMap = (id: string): NewMap => ({
  id,
  editKeyHash: hash(1),
  viewKeyHash: hash(2),
  participateKeyHash: hash(5),
});

/** The three hashes of one rotation: edit `n`, view `n + 1`, participate `n + 200`. */
const rotation = (n: number) => ({
  editKeyHash: hash(n),
  viewKeyHash: hash(n + 1),
  participateKeyHash: hash((n + 200) % 256),
});

/** Writes `count` separate model edits (seven actors, moved and renamed); returns them and their doc. */
function makeUpdates(count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = new ChainMap(doc);
  for (let i = 0; i < count; i++) {
    const id = `n${i % 7}`;
    if (map.getActor(id)) map.updateActor(id, { label: `node ${i}`, position: { x: i, y: 0 } });
    else map.addActor({ id, kind: 'service', label: `node ${i}`, position: { x: i, y: 0 } });
  }
  return { updates, doc };
}

const contentOf = (doc: Y.Doc) => new ChainMap(doc).read();

function loadDoc(rows: { data: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return doc;
}

/** How the contract suite gets stores of one implementation. */
export interface StoreUnderTest {
  /** A fresh, empty store (a new file, a new database). */
  setup(): Promise<MapStore> | MapStore;
  /** Closes `store` and opens the same data again, as a restarted process would. */
  reopen(store: MapStore): Promise<MapStore>;
  /** Runs after each case with the store the case ended with (default: closes it). */
  teardown?(store: MapStore): Promise<void>;
}

/**
 * Behaviour every MapStore must have. Run it from the implementation's own test file; `setup` and
 * `teardown` bracket every case.
 */
export function mapStoreContract(name: string, under: StoreUnderTest): void {
  describe(`MapStore contract: ${name}`, () => {
    let store: MapStore;
    beforeEach(async () => {
      store = await under.setup();
    });
    afterEach(async () => {
      if (under.teardown) await under.teardown(store);
      else await store.close();
    });

    it('creates a map once and refuses a duplicate id without changing the first', async () => {
      expect(await store.createMap(newMap('map-aaaaaaaaaaaaaaaaaaaa'))).toBe(true);
      expect(await store.createMap({ ...newMap('map-aaaaaaaaaaaaaaaaaaaa'), editKeyHash: hash(9) })).toBe(
        false,
      );
      const access = await store.getMapAccess('map-aaaaaaaaaaaaaaaaaaaa');
      expect(access?.editKeyHash).toEqual(hash(1));
    });

    it('keeps the key hashes it was given and nothing else about keys', async () => {
      await store.createMap(newMap('map-bbbbbbbbbbbbbbbbbbbb'));
      const access = await store.getMapAccess('map-bbbbbbbbbbbbbbbbbbbb');
      expect(access).toMatchObject({
        editKeyHash: hash(1),
        viewKeyHash: hash(2),
        participateKeyHash: hash(5),
        keyVersion: 1,
      });
      expect(Object.keys(access ?? {}).sort()).toEqual(
        ['createdAt', 'editKeyHash', 'id', 'keyVersion', 'participateKeyHash', 'viewKeyHash'].sort(),
      );
      expect(await store.getMapAccess('map-unknownunknownunknown')).toBeUndefined();
    });

    it('rotates the three key hashes and bumps the key version; unknown maps resolve undefined', async () => {
      await store.createMap(newMap('map-cccccccccccccccccccc'));
      const rotated = await store.rotateKeys('map-cccccccccccccccccccc', rotation(3));
      expect(rotated).toMatchObject({
        editKeyHash: hash(3),
        viewKeyHash: hash(4),
        participateKeyHash: hash(203),
        keyVersion: 2,
      });
      expect(await store.getMapAccess('map-cccccccccccccccccccc')).toMatchObject({ keyVersion: 2 });
      expect(await store.rotateKeys('map-unknownunknownunknown', rotation(3))).toBeUndefined();
    });

    it('a map created without a participate key has none until its first rotation gives it one', async () => {
      const { participateKeyHash: _, ...withoutParticipate } = newMap('map-pppppppppppppppppppp');
      await store.createMap(withoutParticipate);
      expect(await store.getMapAccess('map-pppppppppppppppppppp')).toMatchObject({
        participateKeyHash: null,
      });
      await store.rotateKeys('map-pppppppppppppppppppp', rotation(3));
      expect(await store.getMapAccess('map-pppppppppppppppppppp')).toMatchObject({
        participateKeyHash: hash(203),
      });
    });

    it('remembers the key hashes a rotation replaced, for that map only, and forgets them after 20 more rotations', async () => {
      const id = 'map-ffffffffffffffffffff';
      await store.createMap(newMap(id));
      await store.createMap(newMap('map-gggggggggggggggggggg'));
      expect(await store.isRetiredKey(id, hash(1))).toBe(false);
      await store.rotateKeys(id, rotation(3));
      expect(await store.isRetiredKey(id, hash(1))).toBe(true);
      expect(await store.isRetiredKey(id, hash(2))).toBe(true);
      expect(await store.isRetiredKey(id, hash(5))).toBe(true);
      expect(await store.isRetiredKey(id, hash(3))).toBe(false);
      expect(await store.isRetiredKey('map-gggggggggggggggggggg', hash(1))).toBe(false);
      expect(await store.isRetiredKey('map-unknownunknownunknown', hash(1))).toBe(false);
      for (let i = 0; i < 19; i++) await store.rotateKeys(id, rotation(10 + 2 * i));
      expect(await store.isRetiredKey(id, hash(1))).toBe(true);
      await store.rotateKeys(id, rotation(100));
      expect(await store.isRetiredKey(id, hash(1))).toBe(false);
      expect(await store.isRetiredKey(id, hash(3))).toBe(true);
    });

    it('loads appended updates in order and per map', async () => {
      await store.createMap(newMap('map-dddddddddddddddddddd'));
      await store.createMap(newMap('map-eeeeeeeeeeeeeeeeeeee'));
      const { updates, doc } = makeUpdates(20);
      await store.appendUpdates('map-dddddddddddddddddddd', updates.slice(0, 5));
      const { seq: lastSeq, rows: count } = await store.appendUpdates(
        'map-dddddddddddddddddddd',
        updates.slice(5),
      );
      expect(count).toBe(20);
      await store.appendUpdates('map-eeeeeeeeeeeeeeeeeeee', [updates[0]!]);
      const rows = await store.loadUpdates('map-dddddddddddddddddddd');
      expect(rows.map((r) => r.data)).toEqual(updates);
      expect(rows.at(-1)?.seq).toBe(lastSeq);
      expect(contentOf(loadDoc(rows))).toEqual(contentOf(doc));
      expect(await store.loadUpdates('map-eeeeeeeeeeeeeeeeeeee')).toHaveLength(1);
      expect(await store.loadUpdates('map-ffffffffffffffffffff')).toEqual([]);
    });

    it('compaction replaces the prefix by one row with the same content; later rows stay after it', async () => {
      await store.createMap(newMap('map-gggggggggggggggggggg'));
      const { updates, doc } = makeUpdates(50);
      const { seq: upTo } = await store.appendUpdates('map-gggggggggggggggggggg', updates.slice(0, 40));
      const prefix = loadDoc(await store.loadUpdates('map-gggggggggggggggggggg'));
      await store.appendUpdates('map-gggggggggggggggggggg', updates.slice(40));
      await store.compact('map-gggggggggggggggggggg', upTo, Y.encodeStateAsUpdate(prefix));
      const rows = await store.loadUpdates('map-gggggggggggggggggggg');
      expect(rows).toHaveLength(11);
      expect(rows[0]?.seq).toBe(upTo);
      expect(contentOf(loadDoc(rows))).toEqual(contentOf(doc));
      const next = await store.appendUpdates('map-gggggggggggggggggggg', [updates[0]!]);
      expect(next.seq).toBe(rows.at(-1)!.seq + 1);
      expect(next.rows).toBe(12);
    });

    it('a compaction that fails halfway leaves the log as it was, and the map loadable and writable', async () => {
      await store.createMap(newMap('map-hhhhhhhhhhhhhhhhhhhh'));
      const { updates, doc } = makeUpdates(11);
      const { seq: upTo } = await store.appendUpdates('map-hhhhhhhhhhhhhhhhhhhh', updates.slice(0, 10));
      // The delete runs first; storing a missing blob then fails, which must roll the delete back.
      await expect(
        store.compact('map-hhhhhhhhhhhhhhhhhhhh', upTo, null as unknown as Uint8Array),
      ).rejects.toThrow();
      expect((await store.loadUpdates('map-hhhhhhhhhhhhhhhhhhhh')).map((r) => r.data)).toEqual(
        updates.slice(0, 10),
      );
      expect((await store.appendUpdates('map-hhhhhhhhhhhhhhhhhhhh', updates.slice(10))).seq).toBe(upTo + 1);
      expect(contentOf(loadDoc(await store.loadUpdates('map-hhhhhhhhhhhhhhhhhhhh')))).toEqual(contentOf(doc));
    });

    it('numbers concurrent appends to one map without holes or repeats, each append in one run', async () => {
      await store.createMap(newMap('map-jjjjjjjjjjjjjjjjjjjj'));
      const { updates, doc } = makeUpdates(60);
      const chunks = Array.from({ length: 12 }, (_, i) => updates.slice(i * 5, i * 5 + 5));
      const results = await Promise.all(
        chunks.map((chunk) => store.appendUpdates('map-jjjjjjjjjjjjjjjjjjjj', chunk)),
      );
      const rows = await store.loadUpdates('map-jjjjjjjjjjjjjjjjjjjj');
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      results.forEach((result, i) => {
        const mine = rows.filter((r) => r.seq > result.seq - 5 && r.seq <= result.seq).map((r) => r.data);
        expect(mine).toEqual(chunks[i]);
      });
      expect(Math.max(...results.map((r) => r.rows))).toBe(60);
      expect(contentOf(loadDoc(rows))).toEqual(contentOf(doc));
    });

    it('an append that runs during a compaction keeps its rows after the compacted one', async () => {
      await store.createMap(newMap('map-kkkkkkkkkkkkkkkkkkkk'));
      const { updates, doc } = makeUpdates(30);
      const { seq: upTo } = await store.appendUpdates('map-kkkkkkkkkkkkkkkkkkkk', updates.slice(0, 20));
      const prefix = Y.encodeStateAsUpdate(loadDoc(await store.loadUpdates('map-kkkkkkkkkkkkkkkkkkkk')));
      const [, appended] = await Promise.all([
        store.compact('map-kkkkkkkkkkkkkkkkkkkk', upTo, prefix),
        store.appendUpdates('map-kkkkkkkkkkkkkkkkkkkk', updates.slice(20)),
      ]);
      expect(appended.seq).toBe(upTo + 10);
      const rows = await store.loadUpdates('map-kkkkkkkkkkkkkkkkkkkk');
      expect(rows.map((r) => r.seq)).toEqual([upTo, ...Array.from({ length: 10 }, (_, i) => upTo + 1 + i)]);
      expect(contentOf(loadDoc(rows))).toEqual(contentOf(doc));
    });

    it('keeps maps, keys and logs across closing and reopening', async () => {
      await store.createMap(newMap('map-llllllllllllllllllll'));
      await store.rotateKeys('map-llllllllllllllllllll', rotation(5));
      const { updates, doc } = makeUpdates(15);
      await store.appendUpdates('map-llllllllllllllllllll', updates);
      const before = await store.getMapAccess('map-llllllllllllllllllll');
      store = await under.reopen(store);
      expect(await store.getMapAccess('map-llllllllllllllllllll')).toEqual(before);
      const rows = await store.loadUpdates('map-llllllllllllllllllll');
      expect(rows.map((r) => r.data)).toEqual(updates);
      expect(contentOf(loadDoc(rows))).toEqual(contentOf(doc));
    });

    it('refuses to append to a map that does not exist and stores nothing', async () => {
      await expect(store.appendUpdates('map-unknownunknownunknown', [Uint8Array.of(1)])).rejects.toThrow();
      expect(await store.loadUpdates('map-unknownunknownunknown')).toEqual([]);
      expect(await store.getMapAccess('map-unknownunknownunknown')).toBeUndefined();
    });

    it('loads only the rows after a given seq', async () => {
      await store.createMap(newMap('map-mmmmmmmmmmmmmmmmmmmm'));
      const { updates } = makeUpdates(8);
      await store.appendUpdates('map-mmmmmmmmmmmmmmmmmmmm', updates);
      const rows = await store.loadUpdates('map-mmmmmmmmmmmmmmmmmmmm', 5);
      expect(rows.map((r) => r.seq)).toEqual([6, 7, 8]);
      expect(rows.map((r) => r.data)).toEqual(updates.slice(5));
    });

    it('counts the log bytes and refuses an append over maxBytes with MapFullError, storing nothing', async () => {
      const id = 'map-nnnnnnnnnnnnnnnnnnnn';
      await store.createMap(newMap(id));
      const { updates, doc } = makeUpdates(10);
      const size = (list: Uint8Array[]) => list.reduce((sum, u) => sum + u.byteLength, 0);
      const first = await store.appendUpdates(id, updates.slice(0, 6), { maxBytes: size(updates) });
      expect(first.bytes).toBe(size(updates.slice(0, 6)));
      const refused = store.appendUpdates(id, updates.slice(6), { maxBytes: size(updates) - 1 });
      await expect(refused).rejects.toBeInstanceOf(Error);
      expect(isMapFull(await refused.catch((err: unknown) => err))).toBe(true);
      expect((await store.loadUpdates(id)).map((r) => r.data)).toEqual(updates.slice(0, 6));
      // Exactly at the limit is allowed; a compaction brings the count down to the compacted row.
      const last = await store.appendUpdates(id, updates.slice(6), { maxBytes: size(updates) });
      expect(last).toMatchObject({ seq: 10, rows: 10, bytes: size(updates) });
      const state = Y.encodeStateAsUpdate(doc);
      await store.compact(id, last.seq, state);
      const after = await store.appendUpdates(id, [], { maxBytes: state.byteLength });
      expect(after).toMatchObject({ rows: 1, bytes: state.byteLength });
    });
  });
}
