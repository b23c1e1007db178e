import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import { buildSampleMap } from './buildSampleMap';
import { restoreVersion } from './restoreVersion';
import { saveVersion } from './saveVersion';
import { contentOf } from './versionContent';
import { decodeVersionSnapshot, VersionSnapshotError } from './versionSnapshot';

const NOW = Date.UTC(2024, 2, 12, 9);

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A workshop's worth of edits of every kind, including deleting lanes, actors with links, and notes. */
function editEverything(map: ChainMap): void {
  const { actors, links, notes, phases } = map.read();
  map.deletePhase(phases[1]!.id);
  map.renamePhase(phases[0]!.id, 'Aanmelding');
  map.movePhase(phases[3]!.id, phases[0]!.id);
  map.addPhase('Nazorg');
  map.deleteElements({
    actors: actors.slice(0, 5).map((a) => a.id),
    notes: notes.slice(0, 3).map((n) => n.id),
  });
  map.moveActors(actors.slice(5, 15).map((a, i) => ({ id: a.id, position: { x: i * 10, y: 7 } })));
  map.updateActor(actors[20]!.id, { label: 'Nieuwe naam', tags: ['taal'], regie: 'bovenlokaal' });
  const handover = links.find(
    (l) => l.kind === 'handover' && !actors.slice(0, 5).some((a) => a.id === l.source),
  );
  if (handover) map.updateLink(handover.id, { warmth: handover.warmth === 'warm' ? 'cold' : 'warm' });
  const added = map.addActor({ kind: 'partner', label: 'Nieuwe partner' });
  map.addLink({ kind: 'information', source: added, target: actors[30]!.id });
  map.addNote({ kind: 'gap', text: 'Nieuw knelpunt', anchor: { type: 'actor', id: added } });
  map.updateNote(notes[5]!.id, { status: 'done' });
  map.setMeta({ title: 'Andere titel', municipality: 'Dilbeek' });
}

describe('restoreVersion', () => {
  it('brings the map back to a model identical to the version', () => {
    const map = buildSampleMap({ seed: 20, actors: 60 });
    const id = saveVersion(map, 'Na workshop 1', { now: NOW });
    editEverything(map);
    expect(contentOf(map)).not.toEqual(decodeVersionSnapshot(map.versionSnapshot(id)!));
    restoreVersion(map, id);
    expect(contentOf(map)).toEqual(decodeVersionSnapshot(map.versionSnapshot(id)!));
    expect(map.read().problems).toEqual([]);
  });

  it('is one transaction, and touches nothing when the map already equals the version', () => {
    const map = buildSampleMap({ seed: 21, actors: 60 });
    const id = saveVersion(map, 'v', { now: NOW });
    editEverything(map);
    let transactions = 0;
    const count = () => transactions++;
    map.doc.on('afterTransaction', count);
    restoreVersion(map, id);
    expect(transactions).toBe(1);
    map.doc.off('afterTransaction', count);
    const updates: Uint8Array[] = [];
    map.doc.on('update', (u: Uint8Array) => updates.push(u));
    restoreVersion(map, id);
    // Only the activity entry is written: no element field changes, nothing deleted.
    expect(updates).toHaveLength(1);
    const delta = Y.decodeUpdate(updates[0]!);
    expect(delta.structs).toHaveLength(1);
    expect(delta.ds.clients.size).toBe(0);
  });

  it('removes links that were hidden by a deleted endpoint instead of letting them reappear', () => {
    const a = ChainMap.create(new Y.Doc(), { title: 'T' });
    const x = a.addActor({ id: 'x', kind: 'service', label: 'X' });
    const y = a.addActor({ id: 'y', kind: 'service', label: 'Y' });
    const id = saveVersion(a, 'met x en y', { now: NOW });
    const b = new ChainMap(new Y.Doc());
    sync(a.doc, b.doc);
    a.deleteElements({ actors: [y] }); // concurrently:
    b.addLink({ id: 'l', kind: 'partnership', source: x, target: y });
    sync(a.doc, b.doc);
    expect(a.read().links).toEqual([]); // hidden: y is gone
    restoreVersion(a, id);
    expect(contentOf(a)).toEqual(decodeVersionSnapshot(a.versionSnapshot(id)!));
  });

  it('records one restore entry in the activity feed, not one per element', () => {
    const map = buildSampleMap({ seed: 22, actors: 60 });
    map.setAuthor('Anna');
    const id = saveVersion(map, 'Na workshop 1', { now: NOW });
    editEverything(map);
    const before = map.activity(1000);
    restoreVersion(map, id);
    const feed = map.activity(1000);
    const added = feed.filter((e) => !before.some((b) => b.at === e.at && b.id === e.id && b.op === e.op));
    expect(added).toHaveLength(1);
    expect(feed[0]).toMatchObject({
      op: 'restore',
      collection: 'map',
      id,
      label: 'Na workshop 1',
      by: 'Anna',
    });
    map.addActor({ kind: 'partner', label: 'Daarna' });
    expect(map.activity()[0]).toMatchObject({ by: 'Anna', op: 'add' });
  });

  it('is undone in one step, bringing back the state from before the restore', () => {
    const map = buildSampleMap({ seed: 23, actors: 60 });
    const undo = map.createUndoManager();
    const id = saveVersion(map, 'v1', { now: NOW });
    editEverything(map);
    const edited = contentOf(map);
    undo.stopCapturing();
    restoreVersion(map, id);
    expect(contentOf(map)).toEqual(decodeVersionSnapshot(map.versionSnapshot(id)!));
    undo.undo();
    expect(contentOf(map)).toEqual(edited);
    undo.redo();
    expect(contentOf(map)).toEqual(decodeVersionSnapshot(map.versionSnapshot(id)!));
  });

  it('converges when one client restores while another edits concurrently', () => {
    const a = buildSampleMap({ seed: 24, actors: 60 });
    const b = new ChainMap(new Y.Doc());
    const id = saveVersion(a, 'v1', { now: NOW });
    editEverything(a);
    sync(a.doc, b.doc);
    // Offline from each other: a restores, b keeps editing (including elements the restore touches).
    restoreVersion(a, id);
    const { actors } = b.read();
    b.updateActor(actors[0]!.id, { description: 'door b bewerkt' });
    b.moveActors([{ id: actors[1]!.id, position: { x: 999, y: 999 } }]);
    b.deleteElements({ actors: [actors[2]!.id] });
    const added = b.addActor({ kind: 'role', label: 'Toeleider door b' });
    b.addLink({ kind: 'handover', source: added, target: actors[3]!.id, warmth: 'warm' });
    b.setMeta({ title: 'Titel door b' });
    sync(a.doc, b.doc);
    expect(contentOf(a)).toEqual(contentOf(b));
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    // b's new actor survives the merge: a restore only removes what existed when it ran.
    expect(contentOf(a).actors.some((x) => x.id === added)).toBe(true);
  });

  it('refuses an unknown version before writing anything', () => {
    const map = buildSampleMap({ seed: 25, actors: 5 });
    const before = Y.encodeStateVector(map.doc);
    expect(() => restoreVersion(map, 'nope')).toThrow(VersionSnapshotError);
    map.addVersion({ id: 'broken', name: 'x', createdAt: NOW, auto: false, snapshot: new Uint8Array([7]) });
    const afterAdd = Y.encodeStateVector(map.doc);
    expect(afterAdd).not.toEqual(before);
    expect(() => restoreVersion(map, 'broken')).toThrow(/not a KetenKaart version snapshot/);
    expect(Y.encodeStateVector(map.doc)).toEqual(afterAdd);
  });
});
