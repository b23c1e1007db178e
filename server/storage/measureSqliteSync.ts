/**
 * Measures append latency of SqliteMapStore per `synchronous` level.
 * Run: npx tsx server/storage/measureSqliteSync.ts [appends=2000] [dir=os.tmpdir()]
 * Each append is one transaction with one ~60-byte update, as the server commits a lone update.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import { SqliteMapStore, type SqliteSynchronous } from './SqliteMapStore';

const appends = Number(process.argv[2] ?? 2000);
const baseDir = process.argv[3] ?? os.tmpdir();

const doc = new Y.Doc();
const updates: Uint8Array[] = [];
doc.on('update', (u: Uint8Array) => updates.push(u));
// Drags of fifty actors, one position write each, as the client writes them.
const map = new ChainMap(doc);
for (let i = 0; i < 50; i++) map.addActor({ id: `n${i}`, kind: 'service', label: `actor ${i}` });
updates.length = 0;
for (let i = 0; i < appends; i++) map.moveActors([{ id: `n${i % 50}`, position: { x: i, y: i * 2 } }]);

for (const level of ['NORMAL', 'FULL'] as SqliteSynchronous[]) {
  const dir = fs.mkdtempSync(path.join(baseDir, 'ketenkaart-sync-'));
  const store = new SqliteMapStore({ file: path.join(dir, 'bench.sqlite'), synchronous: level });
  const id = 'bench-map-aaaaaaaaaaaaaa';
  await store.createMap({ id, editKeyHash: new Uint8Array(32), viewKeyHash: new Uint8Array(32) });
  const times: number[] = [];
  const started = performance.now();
  for (const update of updates) {
    const t = performance.now();
    await store.appendUpdates(id, [update]);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    (times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(3);
  console.log(
    `${level.padEnd(6)} ${appends} appends: ${(appends / (total / 1000)).toFixed(0)}/s, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`,
  );
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
