/**
 * The SQLite map store on its own: append rate with durability on, compaction, and load time.
 *
 * Appends are one update per transaction, as the server commits a batch of one frame when a map is
 * quiet; FULL (fsync per commit, the server default) is compared with NORMAL in the same run.
 * Updates are drag-like: one node's position changed per update, as the client writes them.
 *
 *   npx tsx bench/storage.bench.ts [--quick]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { compactMap } from '../server/storage/compactMap';
import { SqliteMapStore, type SqliteSynchronous } from '../server/storage/SqliteMapStore';
import { ChainMap } from '../shared/model/ChainMap';
import { median } from './lib/stats';
import { fmt, hasFlag, ratio, table } from './lib/table';

const quick = hasFlag('quick');
const APPENDS = quick ? 300 : 2000;
const COMPACT_UPDATES = 10_000;
const LOAD_REPEATS = quick ? 3 : 7;
const NODES = 200;

const dirs: string[] = [];
function openStore(synchronous: SqliteSynchronous): SqliteMapStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenkaart-storage-bench-'));
  dirs.push(dir);
  return new SqliteMapStore({ file: path.join(dir, 'bench.sqlite'), synchronous });
}

async function newMap(store: SqliteMapStore, id: string): Promise<void> {
  await store.createMap({ id, editKeyHash: new Uint8Array(32), viewKeyHash: new Uint8Array(32) });
}

/** `count` updates as a client produces them: actors created, then moved one at a time (model API). */
function dragUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = new ChainMap(doc);
  for (let i = 0; updates.length < count; i++) {
    const id = `node-${i % NODES}`;
    if (!map.getActor(id)) {
      map.addActor({ id, kind: 'service', label: id });
      continue;
    }
    map.moveActors([{ id, position: { x: i * 3, y: i * 7 } }]);
  }
  doc.destroy();
  return updates;
}

async function appendRate(synchronous: SqliteSynchronous, updates: Uint8Array[]): Promise<number> {
  const store = openStore(synchronous);
  try {
    await newMap(store, 'append-rate-map-0000000');
    const started = performance.now();
    for (const update of updates) await store.appendUpdates('append-rate-map-0000000', [update]);
    return updates.length / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
  }
}

async function loadMs(store: SqliteMapStore, id: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LOAD_REPEATS; i++) {
    const started = performance.now();
    const rows = await store.loadUpdates(id);
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    times.push(performance.now() - started);
    doc.destroy();
  }
  return median(times);
}

async function main(): Promise<void> {
  const updates = dragUpdates(Math.max(APPENDS, COMPACT_UPDATES));
  const full = await appendRate('FULL', updates.slice(0, APPENDS));
  const normal = await appendRate('NORMAL', updates.slice(0, APPENDS));

  const store = openStore('FULL');
  try {
    const id = 'compaction-map-00000000';
    await newMap(store, id);
    // One transaction for the setup; the figure of interest is the compaction, not these writes.
    await store.appendUpdates(id, updates.slice(0, COMPACT_UPDATES));
    const uncompactedLoad = await loadMs(store, id);
    const started = performance.now();
    const result = await compactMap(store, id);
    const compactionMs = performance.now() - started;
    const compactedLoad = await loadMs(store, id);

    console.log(`## Storage (SQLite, WAL)\n`);
    console.log(
      table(
        ['figure', 'value', 'baseline', 'ratio'],
        [
          [
            `appends, 1 update per commit, synchronous=FULL (${APPENDS} updates)`,
            fmt(full, 'updates/s', 0),
            `NORMAL: ${fmt(normal, 'updates/s', 0)}`,
            `FULL ÷ NORMAL ${ratio(full, normal)}`,
          ],
          [
            `compaction of ${COMPACT_UPDATES} updates (load + encode + swap)`,
            fmt(compactionMs, 'ms', 0),
            '—',
            '—',
          ],
          [
            'log size before → after compaction',
            `${fmt((result?.bytesAfter ?? Number.NaN) / 1024, 'KB', 1)}`,
            `before: ${fmt((result?.bytesBefore ?? Number.NaN) / 1024, 'KB', 1)} in ${result?.rowsBefore ?? 0} rows`,
            `after ÷ before ${ratio(result?.bytesAfter ?? Number.NaN, result?.bytesBefore ?? Number.NaN)}`,
          ],
          [
            `load into a Y.Doc, compacted (median of ${LOAD_REPEATS})`,
            fmt(compactedLoad, 'ms', 1),
            `uncompacted: ${fmt(uncompactedLoad, 'ms', 1)}`,
            `compacted ÷ uncompacted ${ratio(compactedLoad, uncompactedLoad)}`,
          ],
        ],
      ),
    );
  } finally {
    await store.close();
  }
}

try {
  await main();
} finally {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
