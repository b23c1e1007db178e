import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../fixtureMap';
import { findingsOf, keysOf } from '../ruleTestKit';

describe('rule 1: a target group with no route to any service or partner', () => {
  it('is silent when an entry point hands over to a service', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('ocmw', 'service')
      .handover('bz', 'ocmw');
    expect(keysOf(f, 'noRoute')).toEqual([]);
  });

  it('flags a group whose routes stop before any service, naming the group', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup', { label: 'Roemeense arbeidsmigranten' })
      .actor('bz', 'service', { entryPoint: true })
      .actor('wijk', 'role')
      .actor('ocmw', 'service')
      .link('information', 'bz', 'wijk');
    const [finding, ...rest] = findingsOf(f, 'noRoute');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      key: 'noRoute:tg',
      severity: 'high',
      message: { key: 'noRoute.noDestination', params: { targetGroup: 'Roemeense arbeidsmigranten' } },
    });
    expect(finding?.elementIds.actors[0]).toBe('tg');
    expect(finding?.elementIds.actors).toContain('wijk');
  });

  it('says there is no start when the map has no entry point and the group no contact', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup').actor('ocmw', 'service');
    expect(findingsOf(f, 'noRoute')[0]?.message.key).toBe('noRoute.noStart');
  });

  it('judges each group on its own contacts', () => {
    const f = new FixtureMap()
      .actor('reached', 'targetGroup')
      .actor('stuck', 'targetGroup')
      .actor('toeleider', 'role')
      .actor('vdab', 'partner')
      .handover('toeleider', 'reached')
      .handover('toeleider', 'vdab');
    expect(keysOf(f, 'noRoute')).toEqual(['noRoute:stuck']);
  });
});
