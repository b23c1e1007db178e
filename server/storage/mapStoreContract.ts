import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import type { MapStore, NewMap } from './MapStore';

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

/**
 * Behaviour every MapStore must have. Run it from the implementation's own test file with a factory
 * that returns a fresh, empty store.
 */
export function mapStoreContract(name: string, createStore: () => Promise<MapStore> | MapStore): void {
  describe(`MapStore contract: ${name}`, () => {
    let store: MapStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
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
      const lastSeq = await store.appendUpdates('map-dddddddddddddddddddd', updates.slice(5));
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
      const upTo = await store.appendUpdates('map-gggggggggggggggggggg', updates.slice(0, 40));
      const prefix = loadDoc(await store.loadUpdates('map-gggggggggggggggggggg'));
      await store.appendUpdates('map-gggggggggggggggggggg', updates.slice(40));
      await store.compact('map-gggggggggggggggggggg', upTo, Y.encodeStateAsUpdate(prefix));
      const rows = await store.loadUpdates('map-gggggggggggggggggggg');
      expect(rows).toHaveLength(11);
      expect(rows[0]?.seq).toBe(upTo);
      expect(contentOf(loadDoc(rows))).toEqual(contentOf(doc));
      const next = await store.appendUpdates('map-gggggggggggggggggggg', [updates[0]!]);
      expect(next).toBeGreaterThan(rows.at(-1)!.seq);
    });

    it('a compaction that fails halfway leaves the log as it was', async () => {
      await store.createMap(newMap('map-hhhhhhhhhhhhhhhhhhhh'));
      const { updates } = makeUpdates(10);
      const upTo = await store.appendUpdates('map-hhhhhhhhhhhhhhhhhhhh', updates);
      // The delete runs first; storing a missing blob then fails, which must roll the delete back.
      await expect(
        store.compact('map-hhhhhhhhhhhhhhhhhhhh', upTo, null as unknown as Uint8Array),
      ).rejects.toThrow();
      expect((await store.loadUpdates('map-hhhhhhhhhhhhhhhhhhhh')).map((r) => r.data)).toEqual(updates);
    });
  });
}
