import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../fixtureMap';
import { findingsOf, keysOf, TODAY } from '../ruleTestKit';

describe('rule 6: a quick-win, gap or action without owner or due date, or overdue', () => {
  it('is silent for an owned item due later', () => {
    const f = new FixtureMap();
    f.map.addNote({ id: 'n', kind: 'quickWin', text: 'Folder vertalen', owner: 'Els', due: '2024-09-01' });
    expect(keysOf(f, 'noteFollowUp')).toEqual([]);
  });

  it('flags a missing owner and a missing due date as two findings', () => {
    const f = new FixtureMap();
    f.map.addNote({ id: 'n', kind: 'gap', text: 'Geen tolk bij onthaal' });
    expect(keysOf(f, 'noteFollowUp')).toEqual(['noteFollowUp:noDue:n', 'noteFollowUp:noOwner:n']);
    expect(
      findingsOf(f, 'noteFollowUp')
        .map((x) => x.message.key)
        .sort(),
    ).toEqual(['noteFollowUp.noDue.gap', 'noteFollowUp.noOwner.gap']);
  });

  it('flags an item overdue against today, but not one due today', () => {
    const f = new FixtureMap();
    f.map.addNote({ id: 'late', kind: 'quickWin', text: 'x', owner: 'Els', due: '2024-05-31' });
    f.map.addNote({ id: 'ontime', kind: 'quickWin', text: 'x', owner: 'Els', due: TODAY });
    const findings = findingsOf(f, 'noteFollowUp');
    expect(findings.map((x) => x.key)).toEqual(['noteFollowUp:overdue:late']);
    expect(findings[0]?.message.params).toMatchObject({ due: '2024-05-31', today: TODAY });
  });

  it('never flags an item that is done', () => {
    const f = new FixtureMap();
    f.map.addNote({ id: 'n', kind: 'gap', text: 'x', status: 'done', due: '2020-01-01' });
    expect(keysOf(f, 'noteFollowUp')).toEqual([]);
  });

  it('judges a tackled gap through its action', () => {
    const f = new FixtureMap();
    f.map.addNote({ id: 'gap', kind: 'gap', text: 'Koude overdracht naar VDAB' });
    f.map.addNote({
      id: 'act',
      kind: 'action',
      text: 'Afspraak met VDAB',
      sourceNoteId: 'gap',
      owner: 'Els',
    });
    expect(keysOf(f, 'noteFollowUp')).toEqual(['noteFollowUp:noDue:act']);
  });

  it('points at the anchor and the phase, and shows an owning actor by its label', () => {
    const f = new FixtureMap().actor('ocmw', 'service', { label: 'OCMW' });
    f.map.addPhase('Toeleiding', { id: 'p' });
    f.map.addNote({
      id: 'n',
      kind: 'action',
      text: 'Warme overdracht regelen',
      owner: 'ocmw',
      due: '2024-01-01',
      anchor: { type: 'actor', id: 'ocmw' },
      phaseId: 'p',
    });
    const [finding] = findingsOf(f, 'noteFollowUp');
    expect(finding?.elementIds).toEqual({ actors: ['ocmw'], links: [], notes: ['n'], phases: ['p'] });
    expect(finding?.message.params.owner).toBe('OCMW');
  });
});
