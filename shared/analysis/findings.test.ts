import { describe, expect, it } from 'vitest';
import { inMemoryMap, replicaOf } from '../model/replicas';
import { applyStarter } from '../templates/starter';
import { compareFindings, RULE_IDS } from './finding';
import { analyse } from './findings';
import { FixtureMap } from './fixtureMap';

const today = '2024-06-01';

describe('analyse', () => {
  it('returns findings sorted by severity, then rule, then key', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup').actor('x', 'service').actor('igs', 'collaboration');
    f.map.addPhase('Leeg', { id: 'p' });
    const findings = analyse(f.read(), { today });
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(findings[0]?.severity).toBe('high');
    expect(findings.at(-1)?.severity).toBe('low');
  });

  it('gives the same keys on a peer that received the map as an update', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup').actor('bz', 'service', { entryPoint: true });
    f.map.addNote({ id: 'n', kind: 'gap', text: 'x' });
    const peer = replicaOf(f.map);
    expect(analyse(peer.read(), { today })).toEqual(analyse(f.read(), { today }));
  });

  it('keeps a finding’s key when labels and unrelated elements change', () => {
    const f = new FixtureMap().actor('a', 'service', { label: 'Oud' });
    const before = analyse(f.read(), { today }).map((x) => x.key);
    f.map.updateActor('a', { label: 'Nieuw' });
    f.map.addNote({ id: 'n', kind: 'quickWin', text: 'x', owner: 'Els', due: '2025-01-01' });
    expect(analyse(f.read(), { today }).map((x) => x.key)).toEqual(before);
  });

  it('finds nothing on an empty map', () => {
    expect(analyse(new FixtureMap().read(), { today })).toEqual([]);
  });

  it('runs every rule on the ketenaanpak starter without throwing', () => {
    const map = inMemoryMap({ title: 'Starter', municipality: 'Asse' }, { fill: applyStarter });
    const rules = new Set(analyse(map.read(), { today }).map((x) => x.rule));
    for (const rule of rules) expect(RULE_IDS).toContain(rule);
    expect(rules.has('handover')).toBe(true); // the starter has a cold handover to AgII
  });

  it('rejects a today that is not YYYY-MM-DD', () => {
    expect(() => analyse(new FixtureMap().read(), { today: '1/6/2024' })).toThrow(/YYYY-MM-DD/);
  });
});
