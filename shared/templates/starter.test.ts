import { describe, expect, it } from 'vitest';
import { inMemoryMap, replicaOf } from '../model/replicas';
import { applyStarter, defaultPhaseLabels } from './starter';

describe('the ketenaanpak starter template', () => {
  it('creates the ketenaanpak starter with the default phases, typical actors and example links', () => {
    const map = inMemoryMap({ title: 'Starter' }, { fill: applyStarter });
    const state = map.read();
    expect(state.phases.map((p) => p.label)).toEqual(defaultPhaseLabels());
    expect(state.actors.map((a) => a.label)).toEqual(
      expect.arrayContaining(['Burgerzaken (inschrijving)', 'VDAB', 'CLB', 'Huis van het Kind', 'Toeleider']),
    );
    expect(state.actors.every((a) => a.phaseId !== null)).toBe(true);
    expect(state.actors.find((a) => a.label.startsWith('Burgerzaken'))?.entryPoint).toBe(true);
    expect(state.links.length).toBeGreaterThanOrEqual(5);
    expect(state.problems).toEqual([]);
  });

  it('centres each actor in its lane, rows apart, and fills the map in its creation transaction', () => {
    let transactions = 0;
    const map = inMemoryMap({ title: 'Starter' }, { fill: applyStarter });
    map.onChange(() => transactions++);
    const state = map.read();
    const burgerzaken = state.actors.find((a) => a.label.startsWith('Burgerzaken'))!;
    // Lane 0 is 360 wide and a card 220: 70 on each side; row 1 is one card plus 72 below row 0.
    expect(burgerzaken.position).toEqual({ x: 70, y: 120 + 84 + 72 });
    expect(burgerzaken.phaseId).toBe(state.phases[0]!.id);
    expect(state.links.filter((l) => l.kind === 'handover' && l.warmth === 'cold')).toHaveLength(1);
    // One update holds the map and its starter: a peer that loads it sees the complete starter.
    expect(replicaOf(map).read()).toEqual(state);
    expect(transactions).toBe(0);
  });
});
