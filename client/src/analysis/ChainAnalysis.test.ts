import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { CanvasStore } from '../canvas/CanvasStore';
import { ChainAnalysis, sameApartFromPositions } from './ChainAnalysis';

function map() {
  const model = inMemoryMap({ title: 'analyse' });
  const a = model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
  const b = model.addActor({ kind: 'targetGroup', label: 'B', position: { x: 300, y: 0 } });
  model.addLink({ kind: 'handover', source: b, target: a });
  return { model, store: new CanvasStore(model, false), a, b };
}

describe('ChainAnalysis', () => {
  it('shares graph, findings and metrics across a position-only change', () => {
    const { model, store, a } = map();
    const analysis = new ChainAnalysis();
    const before = store.getState();
    const findings = analysis.findings(before, '2025-01-01');
    const metrics = analysis.metrics(before);
    model.moveActors([{ id: a, position: { x: 40, y: 60 } }]);
    const after = store.getState();
    expect(after).not.toBe(before);
    expect(sameApartFromPositions(before, after)).toBe(true);
    expect(analysis.findings(after, '2025-01-01')).toBe(findings);
    expect(analysis.hasMetrics(after)).toBe(true);
    expect(analysis.metrics(after)).toBe(metrics);
    expect(analysis.graphsBuilt).toBe(1);
  });

  it('rebuilds after any other change', () => {
    const { model, store, a } = map();
    const analysis = new ChainAnalysis();
    const before = store.getState();
    analysis.findings(before, '2025-01-01');
    model.updateActor(a, { label: 'A2' });
    const after = store.getState();
    expect(sameApartFromPositions(before, after)).toBe(false);
    analysis.findings(after, '2025-01-01');
    expect(analysis.graphsBuilt).toBe(2);
    expect(analysis.graph(after).actorsById.get(a)?.label).toBe('A2');
  });
});
