import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { aliveSelection, canvasSelection, nodeKinds } from './viewState';

function mapWithNotes() {
  const model = inMemoryMap({ title: 'T' });
  const a = model.addActor({ kind: 'service', label: 'Burgerzaken', position: { x: 0, y: 0 } });
  const b = model.addActor({ kind: 'partner', label: 'VDAB', position: { x: 300, y: 0 } });
  const l = model.addLink({ kind: 'handover', warmth: 'warm', source: a, target: b });
  const anchored = model.addNote({ kind: 'gap', anchor: { type: 'actor', id: a } });
  const free = model.addNote({ kind: 'quickWin', text: 'Folder', position: { x: 5, y: 5 } });
  return { model, a, b, l, anchored, free };
}

describe('selection rules of the canvas', () => {
  it('keeps only selected ids that are still elements of the map, in their order', () => {
    const { model, a, b, l, free } = mapWithNotes();
    model.deleteElements({ actors: [b], links: [], notes: [] });
    const kept = aliveSelection(model.read(), new Set([free, b, a, l, 'unknown']));
    // Deleting VDAB also deletes its link.
    expect(kept).toEqual([free, a]);
  });

  it("leaves anchored notes out of the selection React Flow's changes apply to", () => {
    const { model, a, anchored, free } = mapWithNotes();
    const onCanvas = canvasSelection(model.read(), new Set([a, anchored, free]));
    expect([...onCanvas]).toEqual([a, free]);
  });

  it('tells actors from notes among the node ids', () => {
    const { model, a, b, l, anchored, free } = mapWithNotes();
    const kinds = nodeKinds(model.read());
    expect(kinds.get(a)).toBe('actor');
    expect(kinds.get(b)).toBe('actor');
    expect(kinds.get(free)).toBe('note');
    expect(kinds.get(anchored)).toBe('note');
    expect(kinds.has(l)).toBe(false);
  });
});
