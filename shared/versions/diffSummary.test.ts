import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import { summarizeDiff } from './diffSummary';
import { diffContent } from './diffVersions';
import { contentOf } from './versionContent';
import { formatSummary } from './versionText';

function baseMap(): ChainMap {
  const map = ChainMap.create(new Y.Doc(), { title: 'Asse', municipality: 'Asse' });
  for (const [id, label] of [
    ['p1', 'Aankomst'],
    ['p2', 'Onthaal'],
  ] as const)
    map.addPhase(label, { id });
  for (let i = 1; i <= 6; i++) map.addActor({ id: `a${i}`, kind: 'service', label: `Dienst ${i}` });
  for (let i = 1; i <= 3; i++)
    map.addLink({ id: `l${i}`, kind: 'handover', source: 'a1', target: `a${i + 1}` });
  for (let i = 1; i <= 4; i++) map.addNote({ id: `q${i}`, kind: 'quickWin', text: `Quick-win ${i}` });
  map.addNote({ id: 'g1', kind: 'gap', text: 'Wachtlijst' });
  return map;
}

describe('summarizeDiff', () => {
  it('counts the changes of a workshop in plain Dutch', () => {
    const map = baseMap();
    const before = contentOf(map);
    for (const label of ['VDAB', 'CLB', 'Bib']) map.addActor({ kind: 'partner', label });
    map.updateLink('l1', { warmth: 'warm' });
    map.updateLink('l2', { warmth: 'warm' });
    for (let i = 1; i <= 4; i++) map.updateNote(`q${i}`, { status: 'done' });
    const items = summarizeDiff(diffContent(before, contentOf(map)));
    expect(items).toEqual([
      { key: 'actorsAdded', count: 3, params: {} },
      { key: 'handoversWarmed', count: 2, params: {} },
      { key: 'quickWinsDone', count: 4, params: {} },
    ]);
    expect(formatSummary(items, 'nl')).toBe(
      '3 actoren toegevoegd, 2 overdrachten warm geworden, 4 quick-wins klaar',
    );
    expect(formatSummary(items, 'en')).toBe('3 actors added, 2 handovers became warm, 4 quick wins done');
  });

  it('counts each changed element once, under its most telling change', () => {
    const map = baseMap();
    const before = contentOf(map);
    map.moveActors([{ id: 'a1', position: { x: 50, y: 50 } }]);
    map.moveActors([{ id: 'a2', position: { x: 50, y: 50 } }]);
    map.updateActor('a2', { label: 'Dienst twee' }); // moved and edited: counted as changed
    map.updateLink('l3', { label: 'doorverwijzing', warmth: 'warm' }); // warmed wins
    map.updateNote('g1', { status: 'done', text: 'Wachtlijst weg' }); // done wins
    map.updateNote('q1', { text: 'Folder' });
    map.moveNotes([{ id: 'q2', position: { x: 9, y: 9 } }]);
    const keys = summarizeDiff(diffContent(before, contentOf(map))).map((i) => [i.key, i.count]);
    expect(keys).toEqual([
      ['actorsChanged', 1],
      ['actorsMoved', 1],
      ['handoversWarmed', 1],
      ['gapsDone', 1],
      ['notesChanged', 1],
      ['notesMoved', 1],
    ]);
  });

  it('covers removals, cooled handovers, notes by kind, phases and the title', () => {
    const map = baseMap();
    map.updateLink('l1', { warmth: 'warm' });
    const before = contentOf(map);
    map.deleteElements({ actors: ['a6'], links: ['l2'], notes: ['q4'] });
    map.updateLink('l1', { warmth: 'cold' });
    map.addNote({ kind: 'gap', text: 'Geen tolk' });
    map.addNote({ kind: 'action', text: 'Tolk regelen' });
    map.addNote({ kind: 'action', text: 'Folder vertalen' });
    map.addPhase('Opvolging');
    map.renamePhase('p1', 'Aanmelding');
    map.movePhase('p2', 'p1');
    map.setMeta({ title: 'Asse 2024' });
    const items = summarizeDiff(diffContent(before, contentOf(map)));
    expect(items.map((i) => [i.key, i.count])).toEqual([
      ['titleChanged', 1],
      ['phasesAdded', 1],
      ['phasesRenamed', 1],
      ['phasesReordered', 1],
      ['actorsRemoved', 1],
      ['linksRemoved', 1],
      ['handoversCooled', 1],
      ['gapsAdded', 1],
      ['actionsAdded', 2],
      ['notesRemoved', 1],
    ]);
    expect(formatSummary(items, 'nl')).toBe(
      'titel gewijzigd in "Asse 2024", 1 fase toegevoegd, 1 fase hernoemd, 1 fase van plaats veranderd, ' +
        '1 actor verwijderd, 1 verbinding verwijderd, 1 overdracht koud geworden, 1 knelpunt toegevoegd, ' +
        '2 acties toegevoegd, 1 notitie verwijderd',
    );
  });

  it('says so when nothing changed', () => {
    const c = contentOf(baseMap());
    expect(summarizeDiff(diffContent(c, c))).toEqual([]);
    expect(formatSummary([], 'nl')).toBe('Geen wijzigingen');
  });
});
