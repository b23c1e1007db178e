import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../../../shared/analysis/fixtureMap';
import { ChainAnalysis, localToday } from './ChainAnalysis';
import { findingLayer } from './findingLayer';
import { routeLayer, routeSummary } from './routeLayer';

function fixture() {
  return new FixtureMap()
    .actor('tg', 'targetGroup')
    .actor('bz', 'service', { entryPoint: true })
    .actor('toel', 'role')
    .actor('vdab', 'partner')
    .actor('lib', 'service')
    .link('partnership', 'tg', 'bz')
    .handover('bz', 'vdab', { warmth: 'cold' })
    .link('information', 'bz', 'toel');
}

describe('route of a target group on the canvas', () => {
  it('highlights what the group reaches, dims the rest and marks where the route breaks', () => {
    const state = fixture().read();
    const analysis = new ChainAnalysis();
    const route = analysis.route(state, 'tg')!;
    const layer = routeLayer(route, state);
    const states = layer.states as Map<string, string>;
    expect(states.get('vdab')).toBe('highlight');
    expect(states.get('lib')).toBe('dim');
    const marks = layer.marks as Map<string, string[]>;
    expect(marks.get('toel')).toEqual(['routeBreak']); // a role that passes nobody on
    expect(marks.get('bz-handover-vdab')).toEqual(['routeBreak']); // cold handover
    expect(routeSummary(route)).toEqual({ destinations: 1, deadEnds: 1, coldHandovers: 1 });
  });

  it('gives no route for an id that is not a target group', () => {
    expect(new ChainAnalysis().route(fixture().read(), 'bz')).toBeNull();
  });
});

describe('chain analysis memo', () => {
  it('builds the graph and findings once per snapshot and recomputes after a change', () => {
    const f = fixture();
    const analysis = new ChainAnalysis();
    const s1 = f.read();
    expect(analysis.graph(s1)).toBe(analysis.graph(s1));
    const findings = analysis.findings(s1, '2025-01-01');
    expect(analysis.findings(s1, '2025-01-01')).toBe(findings);
    expect(findings.some((x) => x.rule === 'isolatedActor' && x.elementIds.actors[0] === 'lib')).toBe(true);
    expect(analysis.hasMetrics(s1)).toBe(false);
    expect(analysis.metrics(s1).get('bz')?.degree).toBe(3);
    expect(analysis.hasMetrics(s1)).toBe(true);
    f.handover('bz', 'lib');
    const s2 = f.read();
    expect(analysis.findings(s2, '2025-01-01').some((x) => x.rule === 'isolatedActor')).toBe(false);
  });

  it('a finding focuses its first actor, and a note finding its anchor', () => {
    const f = fixture();
    f.map.addNote({ id: 'n', kind: 'gap', text: 'x', anchor: { type: 'actor', id: 'vdab' } });
    const state = f.read();
    const findings = new ChainAnalysis().findings(state, '2025-01-01');
    const isolated = findings.find((x) => x.rule === 'isolatedActor')!;
    expect(findingLayer(isolated, state).focusIds).toEqual(['lib']);
    const noteFinding = findings.find((x) => x.rule === 'noteFollowUp')!;
    expect(findingLayer(noteFinding, state).focusIds).toEqual(['vdab']);
  });

  it('today is the local date as YYYY-MM-DD', () => {
    expect(localToday(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
});
