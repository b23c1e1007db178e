import { describe, expect, it } from 'vitest';
import { contentOf, diffContent } from '../../../shared/versions';
import { translator } from '../i18n/i18n';
import { describeFieldChanges, elementComparison, elementNames } from './fieldChanges';
import { workshopMap } from './versionsTestMap';

const t = translator('nl');

function compare(change: (map: ReturnType<typeof workshopMap>) => void) {
  const map = workshopMap();
  const before = contentOf(map);
  change(map);
  const after = contentOf(map);
  const diff = diffContent(before, after);
  return { diff, names: elementNames(before, after) };
}

describe('field-level before → after for the inspector in compare mode', () => {
  it('words a handover that became warm and a quick-win marked klaar', () => {
    const { diff, names } = compare((map) => {
      map.updateLink('l1', { warmth: 'warm' });
      map.updateNote('n1', { status: 'done' });
    });
    const link = elementComparison(diff, 'l1')!;
    expect(link.status).toBe('changed');
    expect(describeFieldChanges(link.collection, link.change!, names, t)).toEqual([
      {
        field: 'warmth',
        label: 'Overdracht',
        before: 'Koude overdracht',
        after: 'Warme overdracht',
        moved: false,
      },
    ]);
    const note = elementComparison(diff, 'n1')!;
    expect(describeFieldChanges(note.collection, note.change!, names, t)).toEqual([
      { field: 'status', label: 'Status', before: 'Open', after: 'Klaar', moved: false },
    ]);
  });

  it('shows a move as "verplaatst", and a phase by its name', () => {
    const { diff, names } = compare((map) => {
      map.moveActors([{ id: 'a3', position: { x: 10, y: 10 }, phaseId: 'p2' }]);
      map.updateActor('a3', { label: 'VDAB Halle', entryPoint: true });
    });
    const c = elementComparison(diff, 'a3')!;
    const rows = describeFieldChanges(c.collection, c.change!, names, t);
    expect(rows.map((r) => [r.label, r.before, r.after, r.moved])).toEqual([
      ['Naam', 'VDAB', 'VDAB Halle', false],
      ['Fase', '— geen fase —', 'Onthaal', false],
      ['Plaats', '', '', true],
      ['Instappunt van de keten', 'nee', 'ja', false],
    ]);
  });

  it('words a KBO number given since the version as 0123.456.749, from nothing', () => {
    const { diff, names } = compare((map) => map.updateActor('a3', { kbo: 'BE0887010362' }));
    const c = elementComparison(diff, 'a3')!;
    expect(describeFieldChanges(c.collection, c.change!, names, t)).toEqual([
      { field: 'kbo', label: 'KBO-nummer', before: '—', after: '0887.010.362', moved: false },
    ]);
  });

  it('tells added and removed elements apart, and nothing for an unchanged one', () => {
    const { diff } = compare((map) => {
      map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
      map.deleteElements({ actors: ['a4'] });
    });
    expect(elementComparison(diff, 'a5')).toEqual({ collection: 'actors', status: 'added' });
    expect(elementComparison(diff, 'a4')).toEqual({ collection: 'actors', status: 'removed' });
    expect(elementComparison(diff, 'a1')).toBeNull();
  });
});
