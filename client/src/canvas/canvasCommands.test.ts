import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { CanvasStore } from './CanvasStore';
import { addNoteToSelection, commitLabel } from './canvasCommands';
import { NOTE_WIDTH } from './flowTypes';

function setup() {
  const model = inMemoryMap({ title: 'T' });
  const phase = model.addPhase('Onthaal');
  const a = model.addActor({ kind: 'service', label: 'OCMW', position: { x: 0, y: 0 }, phaseId: phase });
  const b = model.addActor({ kind: 'partner', label: 'VDAB', position: { x: 300, y: 0 }, phaseId: null });
  const link = model.addLink({ kind: 'handover', warmth: 'warm', source: a, target: b });
  const undo = model.createUndoManager();
  return { model, store: new CanvasStore(model, false), phase, a, b, link, undo };
}

describe('canvas commands', () => {
  it('anchor a new note to the one selected actor, in its phase, as one undo step', () => {
    const { model, store, phase, a, undo } = setup();
    store.setSelected([a]);
    const id = addNoteToSelection(store, 'gap', { x: 0, y: 0 })!;
    expect(model.getNote(id)).toMatchObject({ anchor: { type: 'actor', id: a }, phaseId: phase });
    undo.undo();
    expect(model.getNote(id)).toBeUndefined();
  });

  it('put a note on a link in its source’s phase, and a note without a single selection on the canvas', () => {
    const { model, store, phase, a, b, link } = setup();
    store.setSelected([link]);
    const onLink = addNoteToSelection(store, 'action', { x: 0, y: 0 })!;
    expect(model.getNote(onLink)).toMatchObject({ anchor: { type: 'link', id: link }, phaseId: phase });
    store.setSelected([a, b]);
    const free = addNoteToSelection(store, 'quickWin', { x: 200, y: 248 })!;
    expect(model.getNote(free)).toMatchObject({ anchor: null, phaseId: null, position: { x: 100, y: 200 } });
  });

  it('put a note added to an actor beside it, clear of other cards', () => {
    const { model, store, a } = setup();
    store.setSelected([a]);
    const id = addNoteToSelection(store, 'gap', { x: 900, y: 900 })!;
    const note = model.getNote(id)!;
    expect(note.position.y).toBe(0);
    // Right of OCMW (0..220) would cover VDAB at x 300, so it goes to the left.
    expect(note.position.x + NOTE_WIDTH).toBeLessThanOrEqual(0);
  });

  it('clear a stuck selection: a click on another actor replaces an anchored note’s selection', () => {
    const { store, a, b } = setup();
    store.setSelected([a]);
    const note = addNoteToSelection(store, 'gap', { x: 0, y: 0 })!;
    expect([...store.getView().selected]).toEqual([note]);
    // React Flow only reports what it draws: B becomes selected; the anchored note has no node.
    store.onNodesChange([{ type: 'select', id: b, selected: true }]);
    expect([...store.getView().selected]).toEqual([b]);
    store.setSelected([note]);
    store.clearSelection();
    expect(store.getView().selected.size).toBe(0);
  });

  it('rename an actor only to a new, non-empty name, and set a note’s text', () => {
    const { model, store, a } = setup();
    let writes = 0;
    model.onChange(() => writes++);
    commitLabel(model, store.getState(), a, '');
    commitLabel(model, store.getState(), a, 'OCMW');
    expect(writes).toBe(0);
    commitLabel(model, store.getState(), a, 'Sociaal Huis');
    expect(model.getActor(a)?.label).toBe('Sociaal Huis');
    const note = model.addNote({ kind: 'gap', position: { x: 0, y: 0 }, anchor: null });
    commitLabel(model, store.getState(), note, 'Geen tolk');
    expect(model.getNote(note)?.text).toBe('Geen tolk');
  });
});
