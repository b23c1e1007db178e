import { describe, expect, it } from 'vitest';
import { activeFindings, partitionFindings } from './activeFindings';
import { analyse } from './findings';
import { FixtureMap } from './fixtureMap';

describe('activeFindings', () => {
  const f = new FixtureMap().actor('a', 'service').actor('b', 'service');

  it('leaves out findings dismissed in the map, and brings them back when restored', () => {
    const all = analyse(f.read(), { today: '2024-06-01' });
    expect(all.map((x) => x.key)).toEqual(['isolatedActor:a', 'isolatedActor:b']);
    f.map.dismissFinding('isolatedActor:a', 'Nieuwe dienst, volgt later', 'Els');
    expect(activeFindings(all, f.map.dismissals()).map((x) => x.key)).toEqual(['isolatedActor:b']);
    f.map.restoreFinding('isolatedActor:a');
    expect(activeFindings(all, f.map.dismissals())).toEqual(all);
  });

  it('ignores dismissals of findings that no longer exist', () => {
    const all = analyse(f.read(), { today: '2024-06-01' });
    expect(activeFindings(all, [{ key: 'isolatedActor:gone' }])).toEqual(all);
  });
});

describe('partitionFindings', () => {
  it('pairs each dismissed finding with its dismissal', () => {
    const all = analyse(new FixtureMap().actor('a', 'service').read(), { today: '2024-06-01' });
    const dismissal = { key: 'isolatedActor:a', reason: 'bewust', by: 'Els', at: 1 };
    expect(partitionFindings(all, [dismissal])).toEqual({
      active: [],
      dismissed: [{ finding: all[0], dismissal }],
    });
  });
});
