import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../fixtureMap';
import { findingsOf } from '../ruleTestKit';

describe('rule 2: a phase with no actor', () => {
  it('flags only the lanes nobody stands in', () => {
    const f = new FixtureMap();
    const full = f.map.addPhase('Aankomst & inschrijving', { id: 'p1' });
    f.map.addPhase('Toeleiding', { id: 'p2' });
    f.actor('bz', 'service', { phaseId: full });
    const findings = findingsOf(f, 'emptyPhase');
    expect(findings).toEqual([
      {
        key: 'emptyPhase:p2',
        rule: 'emptyPhase',
        severity: 'low',
        elementIds: { actors: [], links: [], notes: [], phases: ['p2'] },
        message: { key: 'emptyPhase', params: { phase: 'Toeleiding' } },
      },
    ]);
  });

  it('flags a lane again once its last actor is moved out', () => {
    const f = new FixtureMap();
    f.map.addPhase('Onthaal', { id: 'p1' });
    f.actor('a', 'service', { phaseId: 'p1' });
    expect(findingsOf(f, 'emptyPhase')).toEqual([]);
    f.map.moveActors([{ id: 'a', position: { x: 5000, y: 0 }, phaseId: null }]);
    expect(findingsOf(f, 'emptyPhase').map((x) => x.key)).toEqual(['emptyPhase:p1']);
  });
});
