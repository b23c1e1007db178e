import { describe, expect, it } from 'vitest';
import { buildChainGraph } from '../chainGraph';
import { FixtureMap } from '../fixtureMap';
import { routeForTargetGroup } from '../routes';
import { findingsOf, keysOf } from '../ruleTestKit';
import { criticalActors } from './singlePointOfFailure';

function critical(f: FixtureMap, group: string): string[] {
  const cg = buildChainGraph(f.read());
  return criticalActors(cg, routeForTargetGroup(cg, group));
}

describe('rule 5: a single point of failure on the routes', () => {
  it('finds every actor all routes pass through, including the only service reached', () => {
    // bz → toeleider → ocmw; ocmw is the only destination.
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('toeleider', 'role')
      .actor('ocmw', 'service')
      .handover('bz', 'toeleider')
      .handover('toeleider', 'ocmw');
    expect(critical(f, 'tg')).toEqual(['bz', 'ocmw', 'toeleider']);
  });

  it('finds none where a second route exists', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('t1', 'role')
      .actor('t2', 'role')
      .actor('ocmw', 'service')
      .actor('vdab', 'partner')
      .handover('tg', 'bz')
      .handover('tg', 't2')
      .handover('bz', 't1')
      .handover('t1', 'ocmw')
      .handover('t2', 'vdab');
    expect(critical(f, 'tg')).toEqual([]);
  });

  it('finds an actor in the middle of the chain but not one beside it', () => {
    // bz → hub → {ocmw, vdab}; bz also informs wijk, which leads nowhere.
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('hub', 'handover')
      .actor('wijk', 'role')
      .actor('ocmw', 'service')
      .actor('vdab', 'partner')
      .actor('other', 'handover')
      .handover('bz', 'hub')
      .handover('bz', 'other')
      .handover('other', 'hub')
      .link('information', 'bz', 'wijk')
      .handover('hub', 'ocmw')
      .handover('hub', 'vdab');
    expect(critical(f, 'tg')).toEqual(['bz', 'hub']);
  });

  it('names every target group an actor would cut off, in one finding', () => {
    const f = new FixtureMap()
      .actor('gezinnen', 'targetGroup', { label: 'Gezinnen' })
      .actor('migranten', 'targetGroup', { label: 'Arbeidsmigranten' })
      .actor('bz', 'service', { entryPoint: true })
      .actor('hub', 'handover', { label: 'Onthaalgesprek' })
      .actor('ocmw', 'service')
      .actor('vdab', 'partner')
      .handover('bz', 'hub')
      .handover('hub', 'ocmw')
      .handover('hub', 'vdab');
    const hub = findingsOf(f, 'singlePointOfFailure').find((x) => x.key === 'singlePointOfFailure:hub');
    expect(hub).toMatchObject({
      severity: 'high',
      elementIds: { actors: ['hub', 'gezinnen', 'migranten'] },
      message: {
        key: 'singlePointOfFailure.many',
        params: { actor: 'Onthaalgesprek', targetGroups: '‘Gezinnen’, ‘Arbeidsmigranten’', count: 2 },
      },
    });
  });

  it('names the toeleider for a group that only comes in through the toeleider', () => {
    const f = new FixtureMap()
      .actor('migranten', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('ocmw', 'service')
      .actor('toeleider', 'role')
      .actor('vdab', 'partner')
      .actor('svk', 'partner')
      .handover('bz', 'ocmw')
      .handover('migranten', 'toeleider')
      .handover('toeleider', 'vdab')
      .handover('toeleider', 'svk');
    expect(keysOf(f, 'singlePointOfFailure')).toEqual(['singlePointOfFailure:toeleider']);
  });

  it('says nothing for a group that reaches no service at all (rule 1 covers it)', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup').actor('bz', 'service', { entryPoint: true });
    expect(keysOf(f, 'singlePointOfFailure')).toEqual([]);
  });
});
