import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../fixtureMap';
import { findingsOf, keysOf } from '../ruleTestKit';

describe('rule 4: an actor with no link at all', () => {
  it('flags only actors without any link', () => {
    const f = new FixtureMap()
      .actor('a', 'service')
      .actor('b', 'partner')
      .actor('alone', 'service', { label: 'Bibliotheek' })
      .link('partnership', 'a', 'b');
    const findings = findingsOf(f, 'isolatedActor');
    expect(findings.map((x) => x.key)).toEqual(['isolatedActor:alone']);
    expect(findings[0]?.message).toEqual({ key: 'isolatedActor.actor', params: { actor: 'Bibliotheek' } });
  });

  it('uses a target-group text for a target group', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup');
    expect(findingsOf(f, 'isolatedActor')[0]?.message.key).toBe('isolatedActor.targetGroup');
  });

  it('leaves collaborations to the collaboration rule', () => {
    expect(keysOf(new FixtureMap().actor('igs', 'collaboration'), 'isolatedActor')).toEqual([]);
  });
});
