import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';
import { layoutOf, textFieldsOf } from './layout';
import { CURRENT_SCHEMA_VERSION } from './schemaVersion';

/**
 * The schema-2 conversion of text fields to Y.Text, on docs written by a schema-1 app: plain
 * strings in element maps, the schema stamped 1.
 */

function schema1Doc(): Y.Doc {
  const doc = new Y.Doc();
  const layout = layoutOf(doc);
  doc.transact(() => {
    layout.meta.set('schemaVersion', 1);
    layout.meta.set('title', 'Oud');
    const actor = new Y.Map<unknown>();
    actor.set('kind', 'service');
    actor.set('label', 'Onthaal');
    actor.set('description', 'Eerste gesprek');
    actor.set('position', { x: 1, y: 2 });
    layout.actors.set('a1', actor);
    const other = new Y.Map<unknown>();
    other.set('kind', 'partner');
    other.set('label', 'OCMW');
    other.set('position', { x: 3, y: 4 });
    layout.actors.set('a2', other);
    const link = new Y.Map<unknown>();
    link.set('kind', 'handover');
    link.set('source', 'a1');
    link.set('target', 'a2');
    link.set('label', 'doorverwijzing');
    layout.links.set('l1', link);
    const note = new Y.Map<unknown>();
    note.set('kind', 'gap');
    note.set('text', 'Geen tolk');
    note.set('position', { x: 0, y: 0 });
    layout.notes.set('n1', note);
  });
  return doc;
}

function peerOf(doc: Y.Doc): ChainMap {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return new ChainMap(copy);
}

function exchange(a: ChainMap, b: ChainMap): void {
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
}

function storedField(map: ChainMap, collection: 'actors' | 'links' | 'notes', id: string, field: string) {
  return (layoutOf(map.doc)[collection].get(id) as Y.Map<unknown>).get(field);
}

describe('the text-field migration (schema 2)', () => {
  it('turns every declared text field into a Y.Text and reads the same strings', () => {
    const doc = schema1Doc();
    const map = new ChainMap(doc);
    const before = map.read();
    expect(map.migrate()).toEqual([2]);
    expect(map.schemaVersion()).toBe(CURRENT_SCHEMA_VERSION);
    for (const [collection, id] of [
      ['actors', 'a1'],
      ['actors', 'a2'],
      ['links', 'l1'],
      ['notes', 'n1'],
    ] as const) {
      for (const field of textFieldsOf(collection))
        expect(storedField(map, collection, id, field)).toBeInstanceOf(Y.Text);
    }
    expect(map.read()).toEqual({ ...before, meta: { ...before.meta, schemaVersion: 2 } });
    expect(map.getActor('a2')?.description).toBe('');
  });

  it('is idempotent: a second run writes nothing', () => {
    const map = new ChainMap(schema1Doc());
    map.migrate();
    const state = Y.encodeStateAsUpdate(map.doc);
    layoutOf(map.doc).meta.set('schemaVersion', 1);
    const sv = Y.encodeStateVector(map.doc);
    map.migrate();
    // Only the version stamp was written again; no text field changed.
    const written = Y.decodeUpdate(Y.encodeStateAsUpdate(map.doc, sv)).structs;
    expect(written).toHaveLength(1);
    expect(map.read().actors).toEqual(new ChainMap(loadInto(state)).read().actors);
  });

  it('writes identical structs on two peers that migrate the same stored map at once', () => {
    const doc = schema1Doc();
    const a = peerOf(doc);
    const b = peerOf(doc);
    const svA = Y.encodeStateVector(a.doc);
    a.migrate();
    b.migrate();
    const fromA = Y.decodeUpdate(Y.encodeStateAsUpdate(a.doc, svA)).structs;
    const fromB = Y.decodeUpdate(Y.encodeStateAsUpdate(b.doc, svA)).structs;
    // The element conversions are the same items; only the version stamps are each peer's own.
    const conversions = (structs: typeof fromA) =>
      structs.filter((s) => s.id.client >= 2 ** 32).map((s) => `${s.id.client}:${s.id.clock}:${s.length}`);
    expect(conversions(fromA)).toEqual(conversions(fromB));
    expect(conversions(fromA).length).toBeGreaterThan(0);
  });

  it('keeps what each peer typed right after its own migration, before seeing the other’s', () => {
    const doc = schema1Doc();
    const a = peerOf(doc);
    const b = peerOf(doc);
    a.migrate();
    b.migrate();
    a.updateActor('a1', { label: 'Onthaal stad' });
    b.updateActor('a1', { label: 'Lokaal Onthaal' });
    b.updateNote('n1', { text: 'Geen tolk beschikbaar' });
    exchange(a, b);
    expect(a.read()).toEqual(b.read());
    expect(a.getActor('a1')?.label).toBe('Lokaal Onthaal stad');
    expect(a.getNote('n1')?.text).toBe('Geen tolk beschikbaar');
  });

  it('converges when the peers’ stored values differ: one value wins, as for any concurrent write', () => {
    const doc = schema1Doc();
    const a = peerOf(doc);
    const b = peerOf(doc);
    // b edits with the old app before migrating; a migrates the value it has.
    (layoutOf(b.doc).actors.get('a1') as Y.Map<unknown>).set('label', 'Onthaalbureau');
    a.migrate();
    b.migrate();
    exchange(a, b);
    expect(a.read()).toEqual(b.read());
    expect(['Onthaal', 'Onthaalbureau']).toContain(a.getActor('a1')?.label);
    // The other fields of that element were stored alike, and still converge to their value.
    expect(a.getActor('a1')?.description).toBe('Eerste gesprek');
  });

  it('stays off the undo stack, reports itself as a migration and keeps this peer’s client id', () => {
    const map = new ChainMap(schema1Doc());
    const clientId = map.doc.clientID;
    const sources: string[] = [];
    map.onChange((_c, source) => sources.push(source));
    const undo = map.createUndoManager();
    map.migrate();
    expect(undo.canUndo()).toBe(false);
    expect(sources).toEqual(['migration']);
    expect(map.doc.clientID).toBe(clientId);
  });

  it('carries derived client ids through every encoding the app uses', () => {
    const map = new ChainMap(schema1Doc());
    map.migrate();
    const text = storedField(map, 'actors', 'a1', 'label') as Y.Text;
    expect(text._item!.id.client).toBeGreaterThanOrEqual(2 ** 32);
    const v1 = Y.encodeStateAsUpdate(map.doc);
    const v2 = Y.encodeStateAsUpdateV2(map.doc);
    const merged = Y.mergeUpdates([v1, Y.encodeStateAsUpdate(new Y.Doc())]);
    for (const copy of [loadInto(v1), loadInto(merged), loadV2(v2)])
      expect(new ChainMap(copy).read()).toEqual(map.read());
    // The element's converter wrote its three text fields: one item and the string each.
    const written = 3 + 'Onthaal'.length + 'Eerste gesprek'.length;
    expect(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(v1)).get(text._item!.id.client)).toBe(written);
    const caret = Y.createRelativePositionFromTypeIndex(text, 3, -1);
    const back = Y.decodeRelativePosition(Y.encodeRelativePosition(caret));
    expect(Y.createAbsolutePositionFromRelativePosition(back, map.doc)?.index).toBe(3);
    expect(Y.decodeSnapshot(Y.encodeSnapshot(Y.snapshot(map.doc))).sv.get(text._item!.id.client)).toBe(
      written,
    );
  });

  it('reads a field an older app wrote as a plain string after the migration, and converts it on write', () => {
    const map = new ChainMap(schema1Doc());
    map.migrate();
    (layoutOf(map.doc).actors.get('a1') as Y.Map<unknown>).set('label', 'Oude app');
    expect(map.getActor('a1')?.label).toBe('Oude app');
    map.updateActor('a1', { label: 'Oude app, nieuw' });
    expect(storedField(map, 'actors', 'a1', 'label')).toBeInstanceOf(Y.Text);
    expect(map.getActor('a1')?.label).toBe('Oude app, nieuw');
  });
});

function loadInto(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function loadV2(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update);
  return doc;
}
