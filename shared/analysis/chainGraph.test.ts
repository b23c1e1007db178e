import { describe, expect, it } from 'vitest';
import { buildChainGraph } from './chainGraph';
import { FixtureMap } from './fixtureMap';

describe('buildChainGraph', () => {
  const f = new FixtureMap()
    .actor('a', 'service')
    .actor('b', 'service')
    .actor('c', 'partner')
    .actor('d', 'collaboration')
    .actor('e', 'role')
    .handover('a', 'b')
    .link('partnership', 'b', 'c')
    .link('membership', 'c', 'd')
    .link('information', 'e', 'a');
  const cg = buildChainGraph(f.read());

  it('keys nodes by actor id and edges by link id', () => {
    expect(cg.graph.order).toBe(5);
    expect(cg.graph.size).toBe(4);
    expect(cg.graph.hasEdge('a-handover-b')).toBe(true);
    expect(cg.graph.getEdgeAttribute('a-handover-b', 'link').kind).toBe('handover');
  });

  it('makes handovers and information flows one-way, partnerships and memberships two-way', () => {
    const out = (id: string) => cg.graph.outboundNeighbors(id).sort();
    expect(out('a')).toEqual(['b']);
    expect(out('b')).toEqual(['c']);
    expect(out('c')).toEqual(['b', 'd']);
    expect(out('d')).toEqual(['c']);
    expect(out('e')).toEqual(['a']);
  });

  it('keeps two links between the same actors as two edges', () => {
    const g = buildChainGraph(
      new FixtureMap()
        .actor('a', 'service')
        .actor('b', 'partner')
        .handover('a', 'b')
        .link('partnership', 'a', 'b')
        .read(),
    );
    expect(g.graph.size).toBe(2);
  });
});
