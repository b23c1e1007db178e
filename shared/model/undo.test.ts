import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';

const newMap = () => ChainMap.create(new Y.Doc(), { title: 'Keten Halle' });
const labels = (map: ChainMap) =>
  map
    .read()
    .actors.map((a) => a.label)
    .sort();

// Every write below comes within the undo manager's 500 ms capture window of the one before: these
// tests run in a few milliseconds, which is what a quick keyboard user or a test robot does.
describe('one user command, one undo step', () => {
  it('commands in quick succession are undone one at a time', () => {
    const map = newMap();
    const undo = map.createUndoManager();
    const a = map.addActor({ kind: 'service', label: 'Burgerzaken' });
    const b = map.addActor({ kind: 'partner', label: 'VDAB' });
    map.addLink({ kind: 'handover', source: a, target: b });
    map.deleteElements({ actors: [b] });
    expect(undo.undoStack).toHaveLength(4);
    undo.undo();
    expect(labels(map)).toEqual(['Burgerzaken', 'VDAB']);
    expect(map.read().links).toHaveLength(1);
    undo.undo();
    expect(map.read().links).toHaveLength(0);
    expect(labels(map)).toEqual(['Burgerzaken', 'VDAB']);
  });

  it('field edits right after each other merge into one step, as typing does', () => {
    const map = newMap();
    const id = map.addActor({ kind: 'service', label: '' });
    const undo = map.createUndoManager();
    for (const label of ['O', 'OC', 'OCM', 'OCMW']) map.updateActor(id, { label });
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(labels(map)).toEqual(['']);
  });

  it('a command right after a field edit does not take the edit with it on undo, nor the edit after it', () => {
    const map = newMap();
    const id = map.addActor({ kind: 'service', label: 'OCMW' });
    const undo = map.createUndoManager();
    map.updateActor(id, { label: 'OCMW Halle' });
    const other = map.addActor({ kind: 'partner', label: 'CAW' });
    map.updateActor(other, { label: 'CAW Brussel' });
    expect(undo.undoStack).toHaveLength(3);
    undo.undo();
    expect(labels(map)).toEqual(['CAW', 'OCMW Halle']);
    undo.undo();
    expect(labels(map)).toEqual(['OCMW Halle']);
    undo.undo();
    expect(labels(map)).toEqual(['OCMW']);
  });

  it('continueStep joins the naming to the add that opened the name editor', () => {
    const map = newMap();
    const undo = map.createUndoManager();
    const id = map.addActor({ kind: 'service', label: '' });
    undo.continueStep();
    map.updateActor(id, { label: 'Onthaal' });
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(labels(map)).toEqual([]);
  });

  it('a group of calls in transact is one command', () => {
    const map = newMap();
    const undo = map.createUndoManager();
    map.updateActor(map.addActor({ kind: 'service', label: 'A' }), { label: 'A1' });
    map.transact(() => {
      map.addActor({ kind: 'partner', label: 'B' });
      map.addActor({ kind: 'partner', label: 'C' });
    });
    expect(undo.undoStack).toHaveLength(3);
    undo.undo();
    expect(labels(map)).toEqual(['A1']);
  });
});
