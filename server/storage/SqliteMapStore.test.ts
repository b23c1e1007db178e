import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers';
import { mapStoreContract } from './mapStoreContract';
import { SqliteMapStore } from './SqliteMapStore';

for (const writer of ['worker', 'inline'] as const) {
  mapStoreContract(`SqliteMapStore, ${writer} writer`, {
    setup: () => new SqliteMapStore({ file: path.join(tempDir(), 'test.sqlite'), writer }),
    reopen: async (store) => {
      const { file } = store as SqliteMapStore;
      await store.close();
      return new SqliteMapStore({ file, writer });
    },
  });
}

describe('SqliteMapStore', () => {
  it('keeps data across reopening the same file, in WAL mode', async () => {
    const file = path.join(tempDir(), 'nested', 'dir', 'test.sqlite');
    const first = new SqliteMapStore({ file });
    await first.createMap({
      id: 'map-iiiiiiiiiiiiiiiiiiii',
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

describe('SqliteMapStore on a database from an earlier release', () => {
  /** The schema as released before the never-read map title was dropped. */
  const SCHEMA_WITH_TITLE = `
    CREATE TABLE maps (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      edit_key_hash BLOB NOT NULL,
      view_key_hash BLOB NOT NULL,
      key_version INTEGER NOT NULL DEFAULT 1,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE updates (
      map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (map_id, seq)
    ) WITHOUT ROWID;`;

  it('opens a file whose maps table still has a title column, and keeps serving and creating maps', async () => {
    const file = path.join(tempDir(), 'earlier.sqlite');
    const old = new Database(file);
    old.exec(SCHEMA_WITH_TITLE);
    old
      .prepare(
        'INSERT INTO maps (id, title, edit_key_hash, view_key_hash, key_version, created_at) VALUES (?, ?, ?, ?, 2, ?)',
      )
      .run('map-oooooooooooooooooooo', 'Ketenkaart Asse', Buffer.alloc(32, 1), Buffer.alloc(32, 2), 1000);
    old
      .prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, 1, ?)')
      .run('map-oooooooooooooooooooo', Buffer.from([7, 8]));
    old.close();

    const store = new SqliteMapStore({ file });
    expect(await store.getMapAccess('map-oooooooooooooooooooo')).toEqual({
      id: 'map-oooooooooooooooooooo',
      editKeyHash: new Uint8Array(32).fill(1),
      viewKeyHash: new Uint8Array(32).fill(2),
      // Added to the file on open; such a map gets its participate key on its next rotation.
      participateKeyHash: null,
      keyVersion: 2,
      createdAt: 1000,
    });
    expect((await store.loadUpdates('map-oooooooooooooooooooo')).map((u) => [...u.data])).toEqual([[7, 8]]);
    await store.appendUpdates('map-oooooooooooooooooooo', [Uint8Array.of(9)]);
    expect(
      await store.createMap({
        id: 'map-nnnnnnnnnnnnnnnnnnnn',
        editKeyHash: new Uint8Array(32),
        viewKeyHash: new Uint8Array(32),
      }),
    ).toBe(true);
    expect(
      await store.rotateKeys('map-oooooooooooooooooooo', {
        editKeyHash: new Uint8Array(32).fill(3),
        viewKeyHash: new Uint8Array(32).fill(4),
        participateKeyHash: new Uint8Array(32).fill(6),
      }),
    ).toMatchObject({ keyVersion: 3 });
    await store.close();

    const reopened = new SqliteMapStore({ file });
    expect((await reopened.loadUpdates('map-oooooooooooooooooooo')).map((u) => [...u.data])).toEqual([
      [7, 8],
      [9],
    ]);
    expect(await reopened.getMapAccess('map-nnnnnnnnnnnnnnnnnnnn')).toMatchObject({ keyVersion: 1 });
    await reopened.close();
  });
});

describe('SqliteMapStore group commit', () => {
  const ids = Array.from({ length: 100 }, (_, i) => `map-${String(i).padStart(18, '0')}`);

  async function storeWithMaps(): Promise<SqliteMapStore> {
    const store = new SqliteMapStore({ file: path.join(tempDir(), 'group.sqlite') });
    for (const id of ids) {
      await store.createMap({
        id,
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
    expect(seqs).toEqual(ids.map(() => expect.objectContaining({ seq: 1, rows: 1 })));
    expect((await store.loadUpdates(ids[42]!))[0]?.data).toEqual(Uint8Array.of(42));
    await store.close();
  });

  it('still commits the other maps when one append in the group fails', async () => {
    const store = await storeWithMaps();
    const good = store.appendUpdates(ids[0]!, [Uint8Array.of(7)]);
    const bad = store.appendUpdates('map-does-not-exist-000', [Uint8Array.of(8)]);
    const alsoGood = store.appendUpdates(ids[1]!, [Uint8Array.of(9)]);
    await expect(good).resolves.toMatchObject({ seq: 1, rows: 1 });
    await expect(bad).rejects.toThrow();
    await expect(alsoGood).resolves.toMatchObject({ seq: 1, rows: 1 });
    expect((await store.loadUpdates(ids[1]!)).map((u) => u.data)).toEqual([Uint8Array.of(9)]);
    await store.close();
  });
});

describe('SqliteMapStore writer thread', () => {
  const ids = Array.from({ length: 20 }, (_, i) => `map-w${String(i).padStart(17, '0')}`);

  async function storeWithMaps(file = path.join(tempDir(), 'worker.sqlite')): Promise<SqliteMapStore> {
    const store = new SqliteMapStore({ file });
    for (const id of ids) {
      await store.createMap({
        id,
        editKeyHash: new Uint8Array(32),
        viewKeyHash: new Uint8Array(32),
      });
    }
    return store;
  }

  it('appends requested while a commit is in flight share the next commit, in order per map', async () => {
    const file = path.join(tempDir(), 'worker.sqlite');
    const store = await storeWithMaps(file);
    const before = store.stats.groups;
    // 20 maps × 30 appends, one map's appends strictly sequential (as a Room does), spread over turns.
    const perMap = 30;
    await Promise.all(
      ids.map(async (id, m) => {
        for (let i = 0; i < perMap; i++) {
          if ((i + m) % 3 === 0) await new Promise((resolve) => setImmediate(resolve));
          expect((await store.appendUpdates(id, [Uint8Array.of(m, i)])).seq).toBe(i + 1);
        }
      }),
    );
    const groups = store.stats.groups - before;
    expect(groups).toBeLessThan(ids.length * perMap);
    expect(store.stats.maxGroup).toBeGreaterThan(1);
    await store.close();
    // Reopened from disk: every map's rows, in the order they were appended.
    const reopened = new SqliteMapStore({ file });
    for (const [m, id] of ids.entries()) {
      const rows = await reopened.loadUpdates(id);
      expect(rows.map((r) => [...r.data])).toEqual(Array.from({ length: perMap }, (_, i) => [m, i]));
    }
    await reopened.close();
  });

  it('a read started after an append resolved sees the append (main-thread reader, WAL)', async () => {
    const store = await storeWithMaps();
    for (let i = 0; i < 50; i++) {
      const { seq } = await store.appendUpdates(ids[0]!, [Uint8Array.of(i)]);
      expect((await store.loadUpdates(ids[0]!)).at(-1)?.seq).toBe(seq);
    }
    await store.close();
  });

  it('sends only the bytes of a view, not the whole buffer behind it', async () => {
    const store = await storeWithMaps();
    const big = new Uint8Array(1024).fill(5);
    await store.appendUpdates(ids[0]!, [big.subarray(10, 13)]);
    expect((await store.loadUpdates(ids[0]!))[0]?.data).toEqual(Uint8Array.of(5, 5, 5));
    await store.close();
  });

  it('when the writer thread dies, pending and later writes reject; reads still work', async () => {
    const store = await storeWithMaps();
    await store.appendUpdates(ids[0]!, [Uint8Array.of(1)]);
    const worker = (store as unknown as { worker: Worker }).worker;
    const pending = store.appendUpdates(ids[0]!, [Uint8Array.of(2)]);
    await worker.terminate();
    await expect(pending).rejects.toThrow(/writer thread exited/);
    await expect(store.appendUpdates(ids[1]!, [Uint8Array.of(3)])).rejects.toThrow(/writer thread exited/);
    expect((await store.loadUpdates(ids[0]!)).map((r) => [...r.data])).toEqual([[1]]);
    await store.close();
  });

  it('close() commits what was requested before it', async () => {
    const file = path.join(tempDir(), 'worker.sqlite');
    const store = await storeWithMaps(file);
    const appends = ids.map((id) => store.appendUpdates(id, [Uint8Array.of(9)]));
    await store.close();
    await Promise.all(appends);
    const reopened = new SqliteMapStore({ file });
    expect((await reopened.loadUpdates(ids[19]!)).map((r) => [...r.data])).toEqual([[9]]);
    await reopened.close();
  });
});

describe('SqliteMapStore log size kept by the writer', () => {
  const a = 'map-aaaaaaaaaaaaaaaaaaaa';
  const bytesOf = (list: readonly Uint8Array[]) => list.reduce((sum, u) => sum + u.byteLength, 0);
  const newMap = (id: string) => ({ id, editKeyHash: new Uint8Array(32), viewKeyHash: new Uint8Array(32) });

  it('counts only committed rows when a group rolls back over a failing and a refused append', async () => {
    const store = new SqliteMapStore({ file: path.join(tempDir(), 'size.sqlite') });
    await store.createMap(newMap(a));
    const first = [new Uint8Array(100).fill(1)];
    await store.appendUpdates(a, first);
    // One turn, one group: it fails as a whole (an unknown map, an append over the limit) and each
    // op is retried alone; sizes staged by the rolled-back attempt must not be kept.
    const kept = [new Uint8Array(50).fill(2)];
    const results = await Promise.allSettled([
      store.appendUpdates(a, kept),
      store.appendUpdates('map-does-not-exist-000', [Uint8Array.of(3)]),
      store.appendUpdates(a, [new Uint8Array(1000).fill(4)], { maxBytes: 500 }),
      store.appendUpdates(a, kept),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const stored = bytesOf((await store.loadUpdates(a)).map((r) => r.data));
    expect(stored).toBe(200);
    await expect(store.appendUpdates(a, [], { maxBytes: stored })).resolves.toMatchObject({
      rows: 3,
      bytes: stored,
    });
    await expect(store.appendUpdates(a, [Uint8Array.of(5)], { maxBytes: stored })).rejects.toMatchObject({
      code: 'KK_MAP_FULL',
    });
    await store.close();
  });

  it('counts rows another connection committed since its last append', async () => {
    const file = path.join(tempDir(), 'foreign.sqlite');
    const store = new SqliteMapStore({ file });
    await store.createMap(newMap(a));
    await store.appendUpdates(a, [new Uint8Array(100).fill(1)]);
    const other = new Database(file);
    other.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)').run(a, 2, Buffer.alloc(300, 2));
    other.close();
    await expect(store.appendUpdates(a, [], { maxBytes: 400 })).resolves.toMatchObject({
      rows: 2,
      bytes: 400,
    });
    await expect(store.appendUpdates(a, [Uint8Array.of(3)], { maxBytes: 400 })).rejects.toMatchObject({
      code: 'KK_MAP_FULL',
    });
    await store.close();
  });
});
