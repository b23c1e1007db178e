import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import { changeStatusById, diffContent, isEmptyDiff } from './diffVersions';
import { contentOf } from './versionContent';

/** A small map with fixed ids: lanes p1..p3, actors a1..a3, a cold handover l1, notes n1 (gap), n2. */
function workshopMap(): ChainMap {
  const map = ChainMap.create(new Y.Doc(), { title: 'Ketenaanpak Halle', municipality: 'Halle' });
  map.addPhase('Aankomst', { id: 'p1' });
  map.addPhase('Inschrijving', { id: 'p2' });
  map.addPhase('Onthaal', { id: 'p3' });
  map.addActor({ id: 'a1', kind: 'service', label: 'Burgerzaken', phaseId: 'p2', position: { x: 0, y: 0 } });
  map.addActor({ id: 'a2', kind: 'role', label: 'Toeleider', phaseId: 'p3', position: { x: 300, y: 0 } });
  map.addActor({ id: 'a3', kind: 'partner', label: 'VDAB', position: { x: 600, y: 0 } });
  map.addLink({ id: 'l1', kind: 'handover', source: 'a1', target: 'a2' });
  map.addNote({ id: 'n1', kind: 'gap', text: 'Geen tolk', anchor: { type: 'actor', id: 'a2' } });
  map.addNote({ id: 'n2', kind: 'quickWin', text: 'Folder bij inschrijving', position: { x: 10, y: 10 } });
  return map;
}

describe('diffContent', () => {
  it('finds nothing between a content and itself', () => {
    const c = contentOf(workshopMap());
    const diff = diffContent(c, c);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.reorderedPhaseIds).toEqual([]);
  });

  it('lists added and removed actors, removed ones with their old data for ghosts', () => {
    const map = workshopMap();
    const before = contentOf(map);
    const removed = map.getActor('a3')!;
    map.deleteElements({ actors: ['a3'] });
    map.addActor({ id: 'a4', kind: 'partner', label: 'CLB' });
    const diff = diffContent(before, contentOf(map));
    expect(diff.actors.added.map((a) => a.label)).toEqual(['CLB']);
    expect(diff.actors.removed).toEqual([removed]);
    expect(diff.actors.changed).toEqual([]);
  });

  it('reports field-level before and after for a changed actor', () => {
    const map = workshopMap();
    const before = contentOf(map);
    map.updateActor('a1', { label: 'Burgerzaken Halle', regie: 'zelf', tags: ['onthaal'] });
    const [change] = diffContent(before, contentOf(map)).actors.changed;
    expect(change?.id).toBe('a1');
    expect(change?.fields).toEqual([
      { field: 'label', before: 'Burgerzaken', after: 'Burgerzaken Halle' },
      { field: 'regie', before: null, after: 'zelf' },
      { field: 'tags', before: [], after: ['onthaal'] },
    ]);
    expect(change).toMatchObject({ moved: false, edited: true });
  });

  it('tells a pure move apart from a content edit', () => {
    const map = workshopMap();
    const before = contentOf(map);
    map.moveActors([{ id: 'a2', position: { x: 320, y: 40 } }]);
    map.moveActors([{ id: 'a3', position: { x: 0, y: 500 }, phaseId: 'p1' }]);
    const changes = diffContent(before, contentOf(map)).actors.changed;
    expect(changes.map((c) => [c.id, c.moved, c.edited])).toEqual([
      ['a2', true, false],
      ['a3', true, true],
    ]);
    expect(changes[0]?.fields).toEqual([
      { field: 'position', before: { x: 300, y: 0 }, after: { x: 320, y: 40 } },
    ]);
  });

  it('diffs links, notes and meta', () => {
    const map = workshopMap();
    const before = contentOf(map);
    map.updateLink('l1', { warmth: 'warm' });
    map.addLink({ id: 'l2', kind: 'partnership', source: 'a2', target: 'a3' });
    map.updateNote('n1', { status: 'done' });
    map.deleteElements({ notes: ['n2'] });
    map.addNote({ id: 'n3', kind: 'action', text: 'Tolk regelen', sourceNoteId: 'n1' });
    map.setMeta({ title: 'Ketenaanpak Halle 2024' });
    const diff = diffContent(before, contentOf(map));
    expect(diff.links.added.map((l) => l.id)).toEqual(['l2']);
    expect(diff.links.changed[0]?.fields).toEqual([{ field: 'warmth', before: 'cold', after: 'warm' }]);
    expect(diff.notes.added.map((n) => n.id)).toEqual(['n3']);
    expect(diff.notes.removed.map((n) => n.text)).toEqual(['Folder bij inschrijving']);
    expect(diff.notes.changed[0]?.fields).toEqual([{ field: 'status', before: 'open', after: 'done' }]);
    expect(diff.meta).toEqual([
      { field: 'title', before: 'Ketenaanpak Halle', after: 'Ketenaanpak Halle 2024' },
    ]);
  });

  it('diffs phases: added, removed, renamed, and only truly reordered lanes', () => {
    const map = workshopMap();
    map.addPhase('Extra', { id: 'p9' });
    const before = contentOf(map);
    map.renamePhase('p2', 'Registratie');
    map.movePhase('p3', 'p1'); // Onthaal to the front: p3 p1 p2
    map.deletePhase('p9');
    map.addPhase('Opvolging', { id: 'p4' });
    const diff = diffContent(before, contentOf(map));
    expect(diff.phases.added.map((p) => p.id)).toEqual(['p4']);
    expect(diff.phases.removed.map((p) => p.label)).toEqual(['Extra']);
    expect(diff.reorderedPhaseIds).toEqual(['p3']);
    expect(diff.phases.changed.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual([
      ['p3', ['order']],
      ['p2', ['label']],
    ]);
  });

  it('ignores an order key that changed without the lane changing place', () => {
    const map = workshopMap();
    const before = contentOf(map);
    const after = { ...before, phases: before.phases.map((p, i) => ({ ...p, order: `a${i + 5}` })) };
    expect(isEmptyDiff(diffContent(before, after))).toBe(true);
  });

  it('indexes the status of every differing element for the canvas colours', () => {
    const map = workshopMap();
    const before = contentOf(map);
    map.deleteElements({ actors: ['a3'] });
    map.addActor({ id: 'a4', kind: 'partner', label: 'CLB' });
    map.updateActor('a1', { label: 'Balie' });
    const status = changeStatusById(diffContent(before, contentOf(map)));
    expect([...status.actors]).toEqual([
      ['a4', 'added'],
      ['a3', 'removed'],
      ['a1', 'changed'],
    ]);
    expect(status.links.size).toBe(0);
  });
});
