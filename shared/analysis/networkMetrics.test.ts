import { describe, expect, it } from 'vitest';
import { buildChainGraph } from './chainGraph';
import { FixtureMap } from './fixtureMap';
import { networkMetrics } from './networkMetrics';

describe('networkMetrics', () => {
  it('gives the hub of a star the highest degree and all the betweenness', () => {
    const f = new FixtureMap()
      .actor('hub', 'service')
      .actor('a', 'partner')
      .actor('b', 'partner')
      .actor('c', 'partner')
      .handover('hub', 'a')
      .link('partnership', 'b', 'hub')
      .link('information', 'hub', 'c');
    const m = networkMetrics(buildChainGraph(f.read()));
    expect(m.get('hub')).toEqual({ degree: 3, betweenness: 1, degreeScaled: 1, betweennessScaled: 1 });
    expect(m.get('a')).toEqual({ degree: 1, betweenness: 0, degreeScaled: 1 / 3, betweennessScaled: 0 });
  });

  it('counts two links between the same pair as one neighbour', () => {
    const f = new FixtureMap()
      .actor('a', 'service')
      .actor('b', 'partner')
      .handover('a', 'b')
      .link('partnership', 'a', 'b');
    expect(networkMetrics(buildChainGraph(f.read())).get('a')?.degree).toBe(1);
  });

  it('scales to 0 when nobody is linked', () => {
    const m = networkMetrics(buildChainGraph(new FixtureMap().actor('a', 'service').read()));
    expect(m.get('a')).toEqual({ degree: 0, betweenness: 0, degreeScaled: 0, betweennessScaled: 0 });
  });
});
