import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../fixtureMap';
import { findingsOf, keysOf } from '../ruleTestKit';

function twoActors() {
  return new FixtureMap()
    .actor('bz', 'service', { label: 'Burgerzaken' })
    .actor('ocmw', 'service', { label: 'OCMW' });
}

describe('rule 3: a cold or unowned handover', () => {
  it('is silent for a warm handover with an owner', () => {
    expect(keysOf(twoActors().handover('bz', 'ocmw'), 'handover')).toEqual([]);
  });

  it('flags a cold handover, naming both ends', () => {
    const findings = findingsOf(twoActors().handover('bz', 'ocmw', { warmth: 'cold' }), 'handover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'handover:cold:bz-handover-ocmw',
      severity: 'medium',
      elementIds: { actors: ['bz', 'ocmw'], links: ['bz-handover-ocmw'] },
      message: { key: 'handover.cold', params: { from: 'Burgerzaken', to: 'OCMW' } },
    });
  });

  it('flags a handover without owner separately, so each can be dismissed on its own', () => {
    const f = twoActors().link('handover', 'bz', 'ocmw'); // model default: cold, no owner
    expect(keysOf(f, 'handover')).toEqual([
      'handover:cold:bz-handover-ocmw',
      'handover:noOwner:bz-handover-ocmw',
    ]);
  });

  it('treats a blank owner as no owner and ignores other link kinds', () => {
    const f = twoActors().handover('bz', 'ocmw', { owner: '  ' }).link('partnership', 'ocmw', 'bz');
    expect(keysOf(f, 'handover')).toEqual(['handover:noOwner:bz-handover-ocmw']);
  });
});
