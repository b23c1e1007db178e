import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { CanvasStore } from './CanvasStore';

function storeWithTwo() {
  const model = inMemoryMap({ title: 'kaart' });
  const a = model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
  const b = model.addActor({ kind: 'service', label: 'B', position: { x: 300, y: 0 } });
  return { store: new CanvasStore(model, false), a, b };
}

describe('the selection the side panels show', () => {
  it('is the live selection when no pointer is held', () => {
    const { store, a } = storeWithTwo();
    store.setSelected([a]);
    expect([...store.getShownSelection()]).toEqual([a]);
  });

  it('holds the previous selection while a drag selects a card, and catches up on release', () => {
    const { store, a, b } = storeWithTwo();
    store.setSelected([a]);
    expect([...store.getShownSelection()]).toEqual([a]);
    let heard = 0;
    store.subscribe(() => heard++);
    // Pointer down on B, then React Flow's drag start selects it and moves it.
    store.setPointerHeld(true);
    store.onNodesChange([
      { type: 'select', id: a, selected: false },
      { type: 'select', id: b, selected: true },
    ]);
    store.onNodesChange([{ type: 'position', id: b, position: { x: 310, y: 5 }, dragging: true }]);
    expect([...store.getView().selected]).toEqual([b]);
    expect([...store.getShownSelection()]).toEqual([a]);
    // The drag ends (written to the model) and the pointer is released.
    store.onNodesChange([{ type: 'position', id: b, position: { x: 320, y: 10 }, dragging: false }]);
    const before = heard;
    store.setPointerHeld(false);
    expect(heard).toBeGreaterThan(before);
    expect([...store.getShownSelection()]).toEqual([b]);
  });

  it('keeps its identity between changes that do not touch the selection', () => {
    const { store, a } = storeWithTwo();
    store.setSelected([a]);
    const shown = store.getShownSelection();
    store.model.updateActor(a, { label: 'A2' });
    expect(store.getShownSelection()).toBe(shown);
  });
});
