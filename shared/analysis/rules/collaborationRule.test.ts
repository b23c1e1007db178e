import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../fixtureMap';
import { findingsOf, keysOf } from '../ruleTestKit';

describe('rule 7: a collaboration with no members or from one municipality only', () => {
  it('flags a collaboration without members', () => {
    const f = new FixtureMap()
      .actor('igs', 'collaboration')
      .actor('a', 'service')
      .link('partnership', 'igs', 'a');
    expect(keysOf(f, 'collaboration')).toEqual(['collaboration:noMembers:igs']);
  });

  it('counts members without a municipality as the map’s own municipality', () => {
    const f = new FixtureMap('Asse')
      .actor('igs', 'collaboration', { label: 'Welzijnsregio' })
      .actor('a', 'service')
      .actor('b', 'service', { municipality: 'asse' })
      .link('membership', 'a', 'igs')
      .link('membership', 'igs', 'b');
    const findings = findingsOf(f, 'collaboration');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'collaboration:oneMunicipality:igs',
      severity: 'low',
      elementIds: { actors: ['igs', 'a', 'b'] },
      message: {
        key: 'collaboration.oneMunicipality',
        params: { collaboration: 'Welzijnsregio', members: 2 },
      },
    });
  });

  it('is silent when members come from two municipalities', () => {
    const f = new FixtureMap('Asse')
      .actor('igs', 'collaboration')
      .actor('a', 'service')
      .actor('b', 'service', { municipality: 'Merchtem' })
      .link('membership', 'a', 'igs')
      .link('membership', 'b', 'igs');
    expect(keysOf(f, 'collaboration')).toEqual([]);
  });
});
