import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../test/postgresServer';
import type { MapStore } from './MapStore';
import { mapStoreContract } from './mapStoreContract';
import { LOCK_SPACE, PostgresMapStore } from './PostgresMapStore';
import { MIGRATIONS } from './postgresMigrations';

let server: PostgresServer;
const urls = new WeakMap<MapStore, string>();

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.destroy();
});

async function openOn(url: string): Promise<PostgresMapStore> {
  const store = await PostgresMapStore.open({ connectionString: url, poolSize: 4 });
  urls.set(store, url);
  return store;
}

mapStoreContract('PostgresMapStore', {
  setup: async () => openOn(await server.createDatabase()),
  reopen: async (store) => {
    const url = urls.get(store)!;
    await store.close();
    return openOn(url);
  },
});

const map = (id: string) => ({
  id,
  title: '',
  editKeyHash: new Uint8Array(32),
  viewKeyHash: new Uint8Array(32),
});

describe('PostgresMapStore shared by several processes', () => {
  it('nodes starting at once migrate the schema once, to the newest version', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openOn(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('appends from two nodes to one map get distinct seqs without holes', async () => {
    const url = await server.createDatabase();
    const [a, b] = [await openOn(url), await openOn(url)];
    await a.createMap(map('map-shared0000000000000'));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).appendUpdates('map-shared0000000000000', [Uint8Array.of(i), Uint8Array.of(i, i)]),
      ),
    );
    const rows = await b.loadUpdates('map-shared0000000000000');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    for (const [i, result] of results.entries()) {
      expect(rows.find((r) => r.seq === result.seq - 1)?.data).toEqual(Uint8Array.of(i));
      expect(rows.find((r) => r.seq === result.seq)?.data).toEqual(Uint8Array.of(i, i));
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('a compaction another node holds the map lock for is skipped and leaves the log as it was', async () => {
    const url = await server.createDatabase();
    const store = await openOn(url);
    await store.createMap(map('map-locked0000000000000'));
    const { seq } = await store.appendUpdates('map-locked0000000000000', [
      Uint8Array.of(1),
      Uint8Array.of(2),
    ]);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LOCK_SPACE,
      'map-locked0000000000000',
    ]);
    await store.compact('map-locked0000000000000', seq, Uint8Array.of(9));
    expect((await store.loadUpdates('map-locked0000000000000')).map((r) => [...r.data])).toEqual([[1], [2]]);
    await other.query('ROLLBACK');
    await other.end();
    await store.compact('map-locked0000000000000', seq, Uint8Array.of(9));
    expect((await store.loadUpdates('map-locked0000000000000')).map((r) => [...r.data])).toEqual([[9]]);
    await store.close();
  });

  it('refuses to start against a schema newer than it knows', async () => {
    const url = await server.createDatabase();
    const store = await openOn(url);
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    await client.end();
    await expect(openOn(url)).rejects.toThrow(/newer than this release knows/);
  });

  it('migration 3 gives the maps of an older schema a participate key column, empty until their next rotation', async () => {
    const url = await server.createDatabase();
    await (await openOn(url)).close();
    // Back to the schema of version 2, with a map on it, as a database of the previous release holds.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ALTER TABLE maps DROP COLUMN participate_key_hash');
    await client.query('DELETE FROM schema_migrations WHERE version = 3');
    await client.query(
      "INSERT INTO maps (id, edit_key_hash, view_key_hash, created_at) VALUES ('map-older0000000000000', $1, $2, 1)",
      [Buffer.alloc(32, 1), Buffer.alloc(32, 2)],
    );
    await client.end();
    const store = await openOn(url);
    expect(await store.getMapAccess('map-older0000000000000')).toMatchObject({
      editKeyHash: new Uint8Array(32).fill(1),
      participateKeyHash: null,
      keyVersion: 1,
    });
    const participateKeyHash = new Uint8Array(32).fill(3);
    const rotated = await store.rotateKeys('map-older0000000000000', {
      editKeyHash: new Uint8Array(32).fill(4),
      viewKeyHash: new Uint8Array(32).fill(5),
      participateKeyHash,
    });
    expect(rotated).toMatchObject({ participateKeyHash, keyVersion: 2 });
    await store.close();
  });
});
