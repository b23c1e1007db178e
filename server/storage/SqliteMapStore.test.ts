import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers';
import { mapStoreContract } from './mapStoreContract';
import { SqliteMapStore } from './SqliteMapStore';

mapStoreContract('SqliteMapStore', () => new SqliteMapStore({ file: path.join(tempDir(), 'test.sqlite') }));

describe('SqliteMapStore', () => {
  it('keeps data across reopening the same file, in WAL mode', async () => {
    const file = path.join(tempDir(), 'nested', 'dir', 'test.sqlite');
    const first = new SqliteMapStore({ file });
    await first.createMap({
      id: 'map-iiiiiiiiiiiiiiiiiiii',
      title: '',
      editKeyHash: new Uint8Array(32),
      viewKeyHash: new Uint8Array(32),
    });
    await first.appendUpdates('map-iiiiiiiiiiiiiiiiiiii', [Uint8Array.of(1, 2, 3)]);
    await first.close();
    expect(fs.existsSync(file)).toBe(true);
    const second = new SqliteMapStore({ file });
    expect((await second.loadUpdates('map-iiiiiiiiiiiiiiiiiiii'))[0]?.data).toEqual(Uint8Array.of(1, 2, 3));
    await second.close();
  });
});

describe('SqliteMapStore group commit', () => {
  const ids = Array.from({ length: 100 }, (_, i) => `map-${String(i).padStart(18, '0')}`);

  async function storeWithMaps(): Promise<SqliteMapStore> {
    const store = new SqliteMapStore({ file: path.join(tempDir(), 'group.sqlite') });
    for (const id of ids) {
      await store.createMap({
        id,
        title: '',
        editKeyHash: new Uint8Array(32),
        viewKeyHash: new Uint8Array(32),
      });
    }
    return store;
  }

  it('commits appends to many maps requested in one turn in a single transaction', async () => {
    const store = await storeWithMaps();
    const before = store.groupCommits;
    const seqs = await Promise.all(ids.map((id, i) => store.appendUpdates(id, [Uint8Array.of(i % 256)])));
    expect(store.groupCommits - before).toBe(1);
    expect(seqs).toEqual(ids.map(() => 1));
    expect((await store.loadUpdates(ids[42]!))[0]?.data).toEqual(Uint8Array.of(42));
    await store.close();
  });

  it('still commits the other maps when one append in the group fails', async () => {
    const store = await storeWithMaps();
    const good = store.appendUpdates(ids[0]!, [Uint8Array.of(7)]);
    const bad = store.appendUpdates('map-does-not-exist-000', [Uint8Array.of(8)]);
    const alsoGood = store.appendUpdates(ids[1]!, [Uint8Array.of(9)]);
    await expect(good).resolves.toBe(1);
    await expect(bad).rejects.toThrow();
    await expect(alsoGood).resolves.toBe(1);
    expect((await store.loadUpdates(ids[1]!)).map((u) => u.data)).toEqual([Uint8Array.of(9)]);
    await store.close();
  });
});
