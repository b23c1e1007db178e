import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import { toStored } from '../../shared/model/elementFields';
import { layoutOf, textFieldsOf } from '../../shared/model/layout';
import { SeededRandom } from '../../shared/seededRandom';
import type { VersionContent } from '../../shared/versions/versionContent';
import { median } from './stats';
import { fmt, ratio } from './table';

/**
 * What storing text fields as Y.Text (schema 2) costs against plain strings (schema 1), measured
 * in one run on the same content: the map at rest (before and after the migration, and written at
 * schema 2 from the start), the migration itself, and typing. A schema-1 doc is written here with
 * Yjs directly, as the schema-1 model wrote it: every field a plain value in the element's map.
 */

/** The content as a schema-1 app stored it. */
function schema1Doc(content: VersionContent): Y.Doc {
  const doc = new Y.Doc();
  const layout = layoutOf(doc);
  doc.transact(() => {
    layout.meta.set('schemaVersion', 1);
    layout.meta.set('title', content.meta.title);
    layout.meta.set('municipality', content.meta.municipality);
    for (const [collection, elements] of [
      ['phases', content.phases],
      ['actors', content.actors],
      ['links', content.links],
      ['notes', content.notes],
    ] as const) {
      for (const { id, ...fields } of elements as readonly { id: string }[]) {
        const element = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(fields)) element.set(key, toStored(value));
        layout[collection].set(id, element);
      }
    }
  });
  return doc;
}

/** The same content written by the schema-2 model from the start. */
function schema2Doc(content: VersionContent): Y.Doc {
  const doc = new Y.Doc();
  const map = ChainMap.create(doc, { title: content.meta.title, municipality: content.meta.municipality });
  map.transact(() => {
    for (const p of content.phases) map.putPhase(p);
    for (const a of content.actors) map.putActor(a);
    for (const l of content.links) map.putLink(l);
    for (const n of content.notes) map.putNote(n);
  });
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function loadMs(update: Uint8Array): number {
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    new ChainMap(doc).read();
    // The first two runs warm the code paths up and are not counted.
    if (i >= 2) runs.push(performance.now() - t);
  }
  return median(runs);
}

/**
 * Two participants type `keystrokes` characters into the descriptions of a few actors, taking turns
 * every word and syncing after each keystroke: schema 1 wrote the whole string per keystroke,
 * schema 2 types into the Y.Text. Returns the bytes on the wire and the growth of the encoded doc.
 */
function typing(content: VersionContent, keystrokes: number, schema: 1 | 2) {
  const rng = new SeededRandom(7);
  const start = schema === 1 ? schema1Doc(content) : schema2Doc(content);
  const docs = [copyOf(start), copyOf(start)];
  let wire = 0;
  for (const [i, doc] of docs.entries()) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return;
      wire += update.length;
      Y.applyUpdate(docs[1 - i]!, update, 'peer');
    });
  }
  const maps = docs.map((d) => new ChainMap(d));
  const before = Y.encodeStateAsUpdate(docs[0]!).length;
  const targets = content.actors.slice(0, 20).map((a) => a.id);
  const word = 'trajectbegeleiding ';
  let at = 0;
  for (let k = 0; k < keystrokes; k++) {
    const who = Math.floor(k / word.length) % 2;
    const map = maps[who]!;
    const id = targets[Math.floor(k / (word.length * 4)) % targets.length]!;
    const ch = word[k % word.length]!;
    const element = layoutOf(docs[who]!).actors.get(id) as Y.Map<unknown>;
    const field = map.liveText({ collection: 'actors', id, field: 'description' });
    const value = schema === 2 ? field.read() : String(element.get('description') ?? '');
    // A word starts at a random caret; its letters follow one another, as a person types.
    if (k % word.length === 0) at = rng.int(value.length + 1);
    const next = value.slice(0, at) + ch + value.slice(at);
    if (schema === 2) field.type(next, at);
    else docs[who]!.transact(() => element.set('description', next));
    at++;
  }
  return { wire, growth: Y.encodeStateAsUpdate(docs[0]!).length - before };
}

/** Rows for the docGrowth report: schema 1 against schema 2 on the final map of the year. */
export function textFieldFigures(content: VersionContent): {
  header: string[];
  rows: string[][];
  migration: string[][];
} {
  const kb = (n: number) => fmt(n / 1024, 'KB');
  const ms = (n: number) => fmt(n, 'ms');
  const old = schema1Doc(content);
  const oldBytes = Y.encodeStateAsUpdate(old);
  const migratedDoc = copyOf(old);
  const t = performance.now();
  new ChainMap(migratedDoc).migrate();
  const migrateMs = performance.now() - t;
  const migrated = Y.encodeStateAsUpdate(migratedDoc);
  const fresh = Y.encodeStateAsUpdate(schema2Doc(content));
  const sv = (update: Uint8Array) => Y.encodeStateVectorFromUpdate(update).length;
  const [loadOld, loadMigrated] = [loadMs(oldBytes), loadMs(migrated)];
  const fields =
    content.actors.length * textFieldsOf('actors').length +
    content.links.length * textFieldsOf('links').length +
    content.notes.length * textFieldsOf('notes').length;
  const keystrokes = 2000;
  const t1 = typing(content, keystrokes, 1);
  const t2 = typing(content, keystrokes, 2);
  const b = (n: number) => fmt(n, 'B');
  return {
    header: ['figure', 'schema 1: plain strings (baseline)', 'schema 2: Y.Text', 'schema 2 ÷ schema 1'],
    rows: [
      [
        'encoded map, migrated from schema 1',
        kb(oldBytes.length),
        kb(migrated.length),
        ratio(migrated.length, oldBytes.length),
      ],
      [
        'encoded map, written at schema 2',
        kb(oldBytes.length),
        kb(fresh.length),
        ratio(fresh.length, oldBytes.length),
      ],
      [
        'state vector (sent on every connect), migrated',
        b(sv(oldBytes)),
        b(sv(migrated)),
        ratio(sv(migrated), sv(oldBytes)),
      ],
      [
        'load and first read (median of 7), migrated',
        ms(loadOld),
        ms(loadMigrated),
        ratio(loadMigrated, loadOld),
      ],
      [
        `wire bytes per keystroke (${keystrokes}, two typists)`,
        b(t1.wire / keystrokes),
        b(t2.wire / keystrokes),
        ratio(t2.wire, t1.wire),
      ],
      [
        `doc growth per keystroke`,
        b(t1.growth / keystrokes),
        b(t2.growth / keystrokes),
        ratio(t2.growth, t1.growth),
      ],
    ],
    migration: [
      ['text fields converted', String(fields)],
      ['migration (one transaction)', ms(migrateMs)],
    ],
  };
}
