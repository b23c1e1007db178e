import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import { REPO_ROOT } from '../reliability/serverProcess';
import { tempDir } from '../test/helpers';
import { type PostgresServer, startPostgres } from '../test/postgresServer';
import { copySqliteToPostgres } from './copyStore';
import { SQLITE_FILE_NAME } from './openStore';
import { PostgresMapStore } from './PostgresMapStore';
import { SqliteMapStore } from './SqliteMapStore';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.destroy();
});

const hash = (b: number) => new Uint8Array(32).fill(b);

/** Writes `count` actors through the model into the map; returns the doc's content. */
async function writeActors(store: SqliteMapStore, id: string, from: number, count: number, doc: Y.Doc) {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => updates.push(u);
  doc.on('update', onUpdate);
  const map = new ChainMap(doc);
  for (let i = from; i < from + count; i++)
    map.addActor({ id: `a${i}`, kind: 'service', label: `actor ${i}` });
  doc.off('update', onUpdate);
  await store.appendUpdates(id, updates);
}

describe('store:migrate from SQLite to PostgreSQL', () => {
  it('copies maps, key hashes (retired ones too) and logs; a second run resumes (skips what matches, recopies what changed)', async () => {
    const dir = tempDir();
    const file = path.join(dir, SQLITE_FILE_NAME);
    const sqlite = new SqliteMapStore({ file });
    const docs = new Map<string, Y.Doc>();
    for (const [i, id] of [
      'map-a000000000000000000',
      'map-b000000000000000000',
      'map-c000000000000000000',
    ].entries()) {
      await sqlite.createMap({ id, editKeyHash: hash(i), viewKeyHash: hash(10 + i) });
      docs.set(id, new Y.Doc());
      await writeActors(sqlite, id, 0, 5 + i * 10, docs.get(id)!);
    }
    // Map a has no participate key (from before it); b gets one by its rotation.
    await sqlite.rotateKeys('map-b000000000000000000', {
      editKeyHash: hash(7),
      viewKeyHash: hash(8),
      participateKeyHash: hash(9),
    });
    await sqlite.compact(
      'map-c000000000000000000',
      (await sqlite.loadUpdates('map-c000000000000000000')).at(-1)!.seq,
      Y.encodeStateAsUpdate(docs.get('map-c000000000000000000')!),
    );
    await sqlite.close();

    const url = await server.createDatabase();
    const first = await copySqliteToPostgres(file, url);
    expect(first).toEqual({
      copied: ['map-a000000000000000000', 'map-b000000000000000000', 'map-c000000000000000000'],
      skipped: [],
      mismatched: [],
    });

    // The instance ran a while longer before the move was finished: one map changed, one is new.
    const again = new SqliteMapStore({ file });
    await writeActors(again, 'map-a000000000000000000', 100, 3, docs.get('map-a000000000000000000')!);
    await again.createMap({
      id: 'map-d000000000000000000',
      editKeyHash: hash(4),
      viewKeyHash: hash(5),
    });
    await again.close();

    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/storeMigrate.ts', '--from', `sqlite:${dir}`, '--to', url],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('copied map-a000000000000000000');
    expect(cli.stdout).toContain('skipped map-b000000000000000000');
    expect(cli.stdout).toContain('copied map-d000000000000000000');
    expect(cli.stdout).toContain('every map’s state vector and keys equal');

    const pg = await PostgresMapStore.open({ connectionString: url });
    expect(await pg.getMapAccess('map-b000000000000000000')).toMatchObject({
      keyVersion: 2,
      editKeyHash: hash(7),
      participateKeyHash: hash(9),
    });
    expect((await pg.getMapAccess('map-a000000000000000000'))?.participateKeyHash).toBeNull();
    // The old link of the rotated map is still recognised as renewed (4410) after the move.
    expect(await pg.isRetiredKey('map-b000000000000000000', hash(1))).toBe(true);
    expect(await pg.isRetiredKey('map-b000000000000000000', hash(7))).toBe(false);
    for (const [id, doc] of docs) {
      const copy = new Y.Doc();
      for (const row of await pg.loadUpdates(id)) Y.applyUpdate(copy, row.data);
      expect(new ChainMap(copy).read()).toEqual(new ChainMap(doc).read());
    }
    // Appends continue after the copied seqs.
    const last = (await pg.loadUpdates('map-a000000000000000000')).at(-1)!.seq;
    expect(
      (await pg.appendUpdates('map-a000000000000000000', [Y.encodeStateAsUpdate(new Y.Doc())])).seq,
    ).toBe(last + 1);
    await pg.close();
  }, 60_000);
});
