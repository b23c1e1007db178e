/**
 * Local store: KetenKaart's own Dexie update table (client/src/persistence/DocPersistence.ts) against
 * y-dexie (the Dexie author's Yjs add-on), the baseline the issue names. Same edits, same process,
 * IndexedDB from fake-indexeddb (Node; the browser path is covered by the e2e tests and
 * bench/browser.bench.ts). Figures: time until N single-field edits are committed, rows stored,
 * time to open the doc again into a fresh Y.Doc, and the same after compaction.
 * Run: npx tsx bench/localStore.bench.ts [--quick]
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import yDexie, { compressYDocs, DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { LocalMapStore } from '../client/src/persistence/LocalMapStore';
import { ChainMap } from '../shared/model/ChainMap';

const EDITS = process.argv.includes('--quick') ? 200 : 1000;

interface Figures {
  writeMs: number;
  rows: number;
  openMs: number;
  rowsAfterCompaction: number;
  openCompactedMs: number;
}

/**
 * The edits: in one burst (one event-loop turn), or spread out with a macrotask between edits, as a
 * person typing or dragging produces them (SPREAD=1 in the environment).
 */
const SPREAD = process.env.SPREAD === '1';

async function edits(map: ChainMap, ids: string[]): Promise<void> {
  for (let i = 0; i < EDITS; i++) {
    map.updateActor(ids[i % ids.length]!, { label: `label ${i}` });
    if (SPREAD) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function seed(map: ChainMap): string[] {
  const ids: string[] = [];
  map.transact(() => {
    for (let i = 0; i < 50; i++) ids.push(map.addActor({ kind: 'service', label: `actor ${i}` }));
  });
  return ids;
}

async function ours(): Promise<Figures> {
  const store = new LocalMapStore(`bench-ours-${Date.now()}`);
  const doc = new Y.Doc();
  const persistence = store.bindDoc('map', doc);
  await persistence.whenLoaded;
  const map = ChainMap.create(doc, { title: 'bench' });
  const ids = seed(map);
  await persistence.whenFlushed();
  const t = performance.now();
  await edits(map, ids);
  await persistence.whenFlushed();
  const writeMs = performance.now() - t;
  const rows = await persistence.rowCount();
  persistence.destroy();

  const open = async () => {
    const fresh = new Y.Doc();
    const start = performance.now();
    const p = store.bindDoc('map', fresh);
    await p.whenLoaded;
    const ms = performance.now() - start;
    return { p, ms };
  };
  const first = await open();
  await first.p.compact();
  const rowsAfterCompaction = await first.p.rowCount();
  first.p.destroy();
  const second = await open();
  second.p.destroy();
  store.close();
  return { writeMs, rows, openMs: first.ms, rowsAfterCompaction, openCompactedMs: second.ms };
}

interface YRow {
  id: string;
  doc: Y.Doc;
}

function yDexieDb(name: string): Dexie & { maps: Dexie.Table<YRow, string> } {
  const db = new Dexie(name, { addons: [yDexie] }) as Dexie & { maps: Dexie.Table<YRow, string> };
  db.version(1).stores({ maps: 'id, doc: Y.Doc' });
  return db;
}

async function updateRows(db: Dexie): Promise<number> {
  return db.table('$maps.doc_updates').count();
}

async function baseline(): Promise<Figures> {
  const name = `bench-ydexie-${Date.now()}`;
  let db = yDexieDb(name);
  await db.maps.add({ id: 'map' } as YRow);
  let row = (await db.maps.get('map'))!;
  let provider = DexieYProvider.load(row.doc);
  await provider.whenLoaded;
  const map = ChainMap.create(row.doc, { title: 'bench' });
  const ids = seed(map);
  const before = await waitForRows(db, 2);
  const t = performance.now();
  await edits(map, ids);
  // y-dexie has no "committed" signal; its rows are the evidence that a write landed.
  await waitForRows(db, before + EDITS);
  const writeMs = performance.now() - t;
  const rows = await updateRows(db);
  DexieYProvider.release(row.doc);
  db.close();

  const open = async () => {
    db = yDexieDb(name);
    const start = performance.now();
    row = (await db.maps.get('map'))!;
    provider = DexieYProvider.load(row.doc);
    await provider.whenLoaded;
    const ms = performance.now() - start;
    return ms;
  };
  const openMs = await open();
  DexieYProvider.release(row.doc);
  await compressYDocs(db, 0);
  const rowsAfterCompaction = await updateRows(db);
  db.close();
  const openCompactedMs = await open();
  DexieYProvider.release(row.doc);
  db.close();
  return { writeMs, rows, openMs, rowsAfterCompaction, openCompactedMs };
}

async function waitForRows(db: Dexie, atLeast: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const n = await updateRows(db);
    if (n >= atLeast) return n;
    if (Date.now() > deadline) throw new Error(`y-dexie stored ${n} rows, expected ${atLeast}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const o = await ours();
const b = await baseline();
const ratio = (x: number, y: number) => (y === 0 ? 'n/a' : `${(x / y).toFixed(2)}×`);
console.log(
  `## Local store: own Dexie table vs y-dexie (${EDITS} single-field edits ${SPREAD ? 'spread over separate event-loop turns' : 'in one burst'}, fake-indexeddb in Node)\n`,
);
console.log('| figure | KetenKaart DocPersistence | y-dexie (baseline) | ours ÷ baseline |');
console.log('|---|---|---|---|');
console.log(
  `| time until all edits are stored | ${o.writeMs.toFixed(0)} ms | ${b.writeMs.toFixed(0)} ms | ${ratio(o.writeMs, b.writeMs)} |`,
);
console.log(`| rows stored before compaction | ${o.rows} rows | ${b.rows} rows | ${ratio(o.rows, b.rows)} |`);
console.log(
  `| open into a fresh doc | ${o.openMs.toFixed(1)} ms | ${b.openMs.toFixed(1)} ms | ${ratio(o.openMs, b.openMs)} |`,
);
console.log(
  `| rows after compaction | ${o.rowsAfterCompaction} rows | ${b.rowsAfterCompaction} rows | ${ratio(o.rowsAfterCompaction, b.rowsAfterCompaction)} |`,
);
console.log(
  `| open after compaction | ${o.openCompactedMs.toFixed(1)} ms | ${b.openCompactedMs.toFixed(1)} ms | ${ratio(o.openCompactedMs, b.openCompactedMs)} |`,
);
process.exit(0);
