import { describe, expect, it } from 'vitest';
import { contentOf, diffContent } from '../../../shared/versions';
import { compareLayer } from './compareLayer';
import { workshopMap } from './versionsTestMap';

function layerAfter(change: (map: ReturnType<typeof workshopMap>) => void) {
  const map = workshopMap();
  const before = contentOf(map);
  change(map);
  const after = contentOf(map);
  return compareLayer(diffContent(before, after), after);
}

describe('compare layer: what changed since a version, on the canvas', () => {
  it('is empty when nothing changed', () => {
    const layer = layerAfter(() => {});
    expect([...(layer.states as Map<string, string>)]).toEqual([]);
    expect(layer.ghostNodes).toEqual([]);
    expect(layer.ghostEdges).toEqual([]);
  });

  it('colours added actors green and changed links and moved actors amber', () => {
    const layer = layerAfter((map) => {
      map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
      map.updateLink('l1', { warmth: 'warm' });
      map.moveActors([{ id: 'a3', position: { x: 650, y: 20 } }]);
    });
    expect(Object.fromEntries(layer.states as Map<string, string>)).toEqual({
      a5: 'added',
      l1: 'changed',
      a3: 'changed',
    });
  });

  it('draws a removed actor as a ghost at its old place, with its removed links as ghost edges', () => {
    const layer = layerAfter((map) => map.deleteElements({ actors: ['a3'] }));
    expect(layer.ghostNodes).toEqual([
      { id: 'a3', kind: 'actor', label: 'VDAB', position: { x: 600, y: 0 }, actorKind: 'partner' },
    ]);
    expect(layer.ghostEdges).toEqual([{ id: 'l2', source: 'a2', target: 'a3' }]);
    expect([...(layer.states as Map<string, string>)]).toEqual([]);
  });

  it('decorates free notes as cards and anchored notes on their anchor', () => {
    const layer = layerAfter((map) => {
      map.updateNote('n1', { status: 'done' });
      map.updateNote('n2', { text: 'Geen tolk Arabisch' });
      map.addNote({ id: 'n3', kind: 'action', text: 'Tolk regelen', position: { x: 0, y: 400 } });
    });
    expect(Object.fromEntries(layer.states as Map<string, string>)).toEqual({
      n1: 'changed',
      a2: 'changed',
      n3: 'added',
    });
  });

  it('keeps an added anchor green when a note is put on it, and ghosts a removed free note', () => {
    const layer = layerAfter((map) => {
      map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
      map.addNote({ id: 'n3', kind: 'action', text: 'Tolk', anchor: { type: 'actor', id: 'a5' } });
      map.deleteElements({ notes: ['n1'] });
    });
    expect((layer.states as Map<string, string>).get('a5')).toBe('added');
    expect(layer.ghostNodes).toEqual([
      { id: 'n1', kind: 'note', label: 'Folder', position: { x: 10, y: 200 } },
    ]);
  });

  it('leaves lanes undecorated: phase changes are told in the summary', () => {
    const layer = layerAfter((map) => {
      map.renamePhase('p1', 'Aanmelding');
      map.addPhase('Opvolging', { id: 'p3' });
    });
    expect([...(layer.states as Map<string, string>)]).toEqual([]);
  });
});
