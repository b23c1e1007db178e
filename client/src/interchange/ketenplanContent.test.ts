import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { saveVersion } from '../../../shared/versions';
import { ketenplanContent } from './ketenplanContent';

function councilMap() {
  const map = inMemoryMap({ title: 'Ketenaanpak Halle', municipality: 'Halle' });
  const onthaal = map.addPhase('Onthaal', { id: 'onthaal' });
  map.addPhase('Toeleiding', { id: 'toeleiding', afterId: onthaal });
  map.addActor({ id: 'bz', kind: 'service', label: 'Burgerzaken', phaseId: 'onthaal' });
  map.addActor({ id: 'vdab', kind: 'partner', label: 'VDAB', phaseId: 'toeleiding' });
  map.addActor({ id: 'caw', kind: 'partner', label: 'CAW', phaseId: 'toeleiding' });
  map.addActor({ id: 'tolk', kind: 'role', label: 'Tolk' });
  map.addLink({ id: 'l1', kind: 'handover', source: 'bz', target: 'vdab', warmth: 'cold' });
  map.addNote({
    id: 'n1',
    kind: 'action',
    text: 'Warme overdracht afspreken',
    phaseId: 'toeleiding',
    owner: 'vdab',
    due: '2027-03-31',
  });
  return map;
}

const options = { locale: 'nl' as const, now: new Date(Date.UTC(2026, 11, 1, 9)), today: '2026-12-01' };

describe('the Ketenplan’s content', () => {
  it('lists the phases in lane order with their actors, and the actors without a phase last', () => {
    const content = ketenplanContent(councilMap(), options);
    expect(content.phases.map((p) => [p.label, p.actors.map((a) => a.label)])).toEqual([
      ['Onthaal', ['Burgerzaken']],
      ['Toeleiding', ['CAW', 'VDAB']],
      [null, ['Tolk']],
    ]);
    expect(content).toMatchObject({
      title: 'Ketenaanpak Halle',
      municipality: 'Halle',
      date: options.now.getTime(),
    });
  });

  it('keeps the findings nobody dismissed, in Dutch', () => {
    const map = councilMap();
    const all = ketenplanContent(map, options).findings;
    expect(all.length).toBeGreaterThan(1);
    map.dismissFinding(all[0]!.key, 'Bewust zo', 'Ann');
    const kept = ketenplanContent(map, options).findings;
    expect(kept.map((f) => f.key)).toEqual(all.slice(1).map((f) => f.key));
    expect(kept.some((f) => f.text.includes('Tolk'))).toBe(true);
  });

  it('groups the action plan by phase', () => {
    const plan = ketenplanContent(councilMap(), options).plan;
    expect(plan.map((g) => [g.label, g.rows.map((r) => [r.note.text, r.ownerLabel])])).toEqual([
      ['Toeleiding', [['Warme overdracht afspreken', 'VDAB']]],
    ]);
  });

  it('says what changed since the last named version, not since an automatic one', () => {
    const map = councilMap();
    expect(ketenplanContent(map, options).changes).toBeNull();
    saveVersion(map, 'Na workshop 1', { now: Date.UTC(2026, 9, 2) });
    map.addActor({ kind: 'partner', label: 'OCMW', phaseId: 'onthaal' });
    map.updateLink('l1', { warmth: 'warm' });
    saveVersion(map, '', { now: Date.UTC(2026, 10, 2), auto: true });
    map.addActor({ kind: 'service', label: 'Taalpunt', phaseId: 'onthaal' });
    const changes = ketenplanContent(map, options).changes!;
    expect(changes).toEqual({
      name: 'Na workshop 1',
      savedAt: Date.UTC(2026, 9, 2),
      lines: ['2 actoren toegevoegd', '1 overdracht warm geworden'],
    });
  });
});
