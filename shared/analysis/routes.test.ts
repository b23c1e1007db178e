import { describe, expect, it } from 'vitest';
import { buildChainGraph } from './chainGraph';
import { FixtureMap } from './fixtureMap';
import { routeForTargetGroup, routesOfAllTargetGroups } from './routes';

function route(f: FixtureMap, group: string) {
  return routeForTargetGroup(buildChainGraph(f.read()), group);
}

describe('routeForTargetGroup', () => {
  it('starts at the entry points when the target group is linked to nobody', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('ocmw', 'service')
      .handover('bz', 'ocmw');
    const r = route(f, 'tg');
    expect(r.startIds).toEqual(['bz']);
    expect(r.destinationIds).toEqual(['ocmw']);
    expect(r.reached).toEqual({ actors: ['bz', 'ocmw', 'tg'], links: ['bz-handover-ocmw'] });
  });

  it('also starts at the actors the target group is linked to, whichever way the link points', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('toeleider', 'role')
      .actor('vdab', 'partner')
      .handover('toeleider', 'tg')
      .handover('toeleider', 'vdab');
    const r = route(f, 'tg');
    expect(r.contactIds).toEqual(['toeleider']);
    expect(r.destinationIds).toEqual(['vdab']);
    expect(r.reached.links).toEqual(['toeleider-handover-tg', 'toeleider-handover-vdab']);
  });

  it('starts only at its own contacts when the target group is linked, not at the entry points', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('ocmw', 'service')
      .actor('toeleider', 'role')
      .actor('vdab', 'partner')
      .handover('bz', 'ocmw')
      .handover('tg', 'toeleider')
      .handover('toeleider', 'vdab');
    const r = route(f, 'tg');
    expect(r.startIds).toEqual(['toeleider']);
    expect(r.destinationIds).toEqual(['vdab']);
    expect(r.reached.actors).toEqual(['tg', 'toeleider', 'vdab']);
  });

  it('enters at an entry point the group is linked to', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('ocmw', 'service')
      .handover('tg', 'bz')
      .handover('bz', 'ocmw');
    expect(route(f, 'tg').reached.links).toEqual(['bz-handover-ocmw', 'tg-handover-bz']);
  });

  it('does not count an entry point as a destination', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup').actor('bz', 'service', { entryPoint: true });
    expect(route(f, 'tg').destinationIds).toEqual([]);
  });

  it('follows handovers only forwards, but partnerships and memberships both ways', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('back', 'service')
      .actor('ocmw', 'service')
      .actor('igs', 'collaboration')
      .actor('vdab', 'partner')
      .handover('back', 'bz')
      .link('partnership', 'ocmw', 'bz')
      .link('membership', 'vdab', 'igs')
      .link('membership', 'ocmw', 'igs');
    const r = route(f, 'tg');
    expect(r.destinationIds).toEqual(['ocmw', 'vdab']);
    expect(r.reached.actors).not.toContain('back');
  });

  it('never passes through another target group', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('other', 'targetGroup')
      .actor('toeleider', 'role')
      .actor('hvhk', 'service')
      .handover('tg', 'toeleider')
      .handover('toeleider', 'other')
      .handover('other', 'hvhk');
    const r = route(f, 'tg');
    expect(r.reached.actors).toEqual(['tg', 'toeleider']);
    expect(r.destinationIds).toEqual([]);
  });

  it('marks handover points and roles that pass nobody on as dead ends, and cold handovers as breaks', () => {
    const f = new FixtureMap()
      .actor('tg', 'targetGroup')
      .actor('bz', 'service', { entryPoint: true })
      .actor('wijk', 'role')
      .actor('ocmw', 'service')
      .link('information', 'bz', 'wijk')
      .handover('bz', 'ocmw', { warmth: 'cold' });
    const r = route(f, 'tg');
    expect(r.breaks).toEqual([
      { reason: 'deadEnd', actorId: 'wijk' },
      { reason: 'coldHandover', linkId: 'bz-handover-ocmw', actorId: 'ocmw' },
    ]);
  });

  it('reports no start when there is no entry point and the group has no contact', () => {
    const f = new FixtureMap().actor('tg', 'targetGroup').actor('ocmw', 'service');
    const r = route(f, 'tg');
    expect(r.startIds).toEqual([]);
    expect(r.reached).toEqual({ actors: ['tg'], links: [] });
  });

  it('refuses an id that is not a target group', () => {
    const f = new FixtureMap().actor('ocmw', 'service');
    expect(() => route(f, 'ocmw')).toThrow(/not a target group/);
  });

  it('computes one route per target group, in id order', () => {
    const f = new FixtureMap().actor('b', 'targetGroup').actor('a', 'targetGroup');
    expect(routesOfAllTargetGroups(buildChainGraph(f.read())).map((r) => r.targetGroupId)).toEqual([
      'a',
      'b',
    ]);
  });
});
